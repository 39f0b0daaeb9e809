// The notification secret: addresses encrypted at rest (AES-256-GCM), links signed (HMAC-SHA256).
// Given as lines (a file from --secret-file, or GK_NOTIFY_SECRET): the first is current, the
// others earlier ones, still read (old addresses, links in messages already sent) until the
// expiry job has re-encrypted every address with the current one. Keys are derived with HKDF,
// one per use, so the same line never serves two purposes.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface Key {
  /** First 8 hex digits of an HMAC of nothing: names the key in each ciphertext. */
  id: string;
  enc: Buffer;
  sign: Buffer;
}

const derive = (secret: string, info: string) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'gongkai-notify', info, 32));

export class NotifySecrets {
  readonly keys: Key[];

  constructor(lines: string[]) {
    const secrets = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (!secrets.length) throw new Error('the notification secret is empty');
    for (const s of secrets) {
      if (s.length < 32)
        throw new Error('each notification secret must be at least 32 characters (openssl rand -base64 32)');
    }
    this.keys = secrets.map((s) => {
      const sign = derive(s, 'links');
      return {
        id: createHmac('sha256', sign).update('key-id').digest('hex').slice(0, 8),
        enc: derive(s, 'addresses'),
        sign,
      };
    });
  }

  static fromFile(path: string): NotifySecrets {
    return new NotifySecrets(readFileSync(path, 'utf8').split('\n'));
  }

  get current(): Key {
    return this.keys[0]!;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.enc, iv);
    cipher.setAAD(Buffer.from('gongkai-notify-address'));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const b = (x: Buffer) => x.toString('base64url');
    return `v1.${this.current.id}.${b(iv)}.${b(cipher.getAuthTag())}.${b(ct)}`;
  }

  decrypt(stored: string): string {
    const [v, id, iv, tag, ct] = stored.split('.');
    const key = this.keys.find((k) => k.id === id);
    if (v !== 'v1' || !key || !iv || !tag || ct === undefined) {
      throw new Error(`address encrypted with an unknown key (${id}): is an earlier secret missing from the list?`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key.enc, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from('gongkai-notify-address'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** The key id of a stored address: not the current one means it is due for re-encryption. */
  isCurrent(stored: string): boolean {
    return stored.split('.')[1] === this.current.id;
  }

  /** Finds a repeated follow without decrypting every address (current key; see rotation). */
  hashAddress(normalised: string): string {
    return createHmac('sha256', this.current.sign).update(`address:${normalised}`).digest('base64url');
  }

  sign(purpose: string, value: string | number, key = this.current): string {
    return createHmac('sha256', key.sign).update(`${purpose}:${value}`).digest('base64url').slice(0, 32);
  }

  /** True if `token` signs `purpose:value` under any listed key (links sent before a rotation). */
  verify(purpose: string, value: string | number, token: string): boolean {
    const given = Buffer.from(token);
    return this.keys.some((k) => {
      const want = Buffer.from(this.sign(purpose, value, k));
      return want.length === given.length && timingSafeEqual(want, given);
    });
  }

  /** The HMAC key a webhook verifies with: derived, so it is not stored; shown once at creation. */
  webhookKey(subscriptionId: number | string): string {
    return createHmac('sha256', this.current.sign).update(`webhook:${subscriptionId}`).digest('base64url');
  }
}

/** z***@example.cn, 138****8000: enough to recognise one's own address, not to learn another's. */
export function maskAddress(channel: string, address: string): string {
  if (channel === 'email') {
    const at = address.lastIndexOf('@');
    return `${address.slice(0, 1)}***${address.slice(at)}`;
  }
  if (channel === 'sms') return `${address.slice(0, 3)}****${address.slice(-4)}`;
  try {
    return `${new URL(address).origin}/…`;
  } catch {
    return '***';
  }
}

// Strict: no quoted local parts, comments or IP literals; nothing a header could be split with.
export const EMAIL_PATTERN =
  "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
/** Mainland mobile numbers, with or without +86, digits only once separators are dropped. */
export const PHONE_PATTERN = '^\\+?[0-9][0-9 -]{5,18}[0-9]$';

export function normaliseAddress(channel: string, address: string): string {
  const a = address.trim();
  if (channel === 'email') {
    const at = a.lastIndexOf('@');
    return `${a.slice(0, at)}@${a.slice(at + 1).toLowerCase()}`;
  }
  if (channel === 'sms') return a.replace(/[ -]/g, '');
  return a;
}

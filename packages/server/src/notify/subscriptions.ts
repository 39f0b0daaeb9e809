// Asking to hear back: a commenter at submission, anyone for a consultation or a policy. Every
// address starts pending and receives only a confirmation (a signed link) until confirmed.
import type { Database, Queryable } from '../db/database.js';
import { audit } from '../lib/audit.js';
import { HttpError, notFound } from '../lib/errors.js';
import { parseReceipt } from '../lib/receipts.js';
import type { Channel, NotifyOptions } from './options.js';
import { maskAddress, normaliseAddress } from './secrets.js';
import type { Locale } from './templates.js';

export interface NotifyInput {
  email?: string;
  phone?: string;
  locale?: Locale;
  /** A commenter's: an acknowledgement with the receipt, sent once the address is confirmed. */
  acknowledge?: boolean;
}

/** Pending addresses are deleted this long after they were given (or last asked for), if never confirmed. */
const PENDING_KEPT = "interval '7 days'";
/** A pending address asked for again gets its confirmation again, but not more often than this. */
const RESEND_AFTER = "interval '1 day'";

function channelOf(n: NotifyOptions, input: NotifyInput): { channel: Channel; address: string } {
  if (input.email && input.phone) {
    throw new HttpError(400, 'invalid', 'notify: give an e-mail address or a phone number, not both', {
      zh: '请填写电子邮箱或手机号码之一',
      problems: [{ path: '$.notify', message: 'give email or phone, not both' }],
    });
  }
  if (input.phone) {
    if (!n.sms) {
      throw new HttpError(400, 'invalid', 'notify: this site sends no SMS; give an e-mail address', {
        zh: '本网站不提供短信通知，请填写电子邮箱',
        problems: [{ path: '$.notify.phone', message: 'this site sends no SMS' }],
      });
    }
    return { channel: 'sms', address: normaliseAddress('sms', input.phone) };
  }
  if (!input.email) {
    throw new HttpError(400, 'invalid', 'notify: give an e-mail address', {
      zh: '请填写电子邮箱',
      problems: [{ path: '$.notify.email', message: 'required' }],
    });
  }
  return { channel: 'email', address: normaliseAddress('email', input.email) };
}

/** Refused before anything is stored: a comment is not accepted with a wish that cannot be kept. */
export function checkNotifyInput(n: NotifyOptions | undefined, input: NotifyInput): void {
  if (!n) {
    throw new HttpError(400, 'notifications-off', 'this server sends no notifications: submit without notify', {
      zh: '本网站未开通通知，请不勾选通知后提交',
      problems: [{ path: '$.notify', message: 'notifications are not configured' }],
    });
  }
  channelOf(n, input);
}

async function insertPending(
  tx: Queryable,
  n: NotifyOptions,
  row: { kind: string; commentId?: string; consultation?: string | null; policy?: string | null },
  input: NotifyInput,
  domain: string,
): Promise<number | null> {
  const { channel, address } = channelOf(n, input);
  const hash = n.secrets.hashAddress(address);
  // The newest confirmation this address was sent while pending: one sent within the day also
  // confirms what is asked now (confirming confirms every pending request of the address).
  const { rows: recent } = await tx.query<{ fresh: boolean }>(
    `SELECT d.run_at > now() - ${RESEND_AFTER} AS fresh FROM notify_subscriptions s
     JOIN notify_deliveries d ON d.subscription_id = s.id AND d.kind = 'confirm'
     WHERE s.state = 'pending' AND s.channel = $1 AND s.address_hash = $2
     ORDER BY d.run_at DESC LIMIT 1`,
    [channel, hash],
  );
  const sentToday = recent[0]?.fresh === true;
  const conflict =
    row.kind === 'comment'
      ? "(comment_id) WHERE kind = 'comment'"
      : `(kind, coalesce(consultation_id, ''), coalesce(policy_id, ''), channel, address_hash) WHERE kind <> 'comment' AND state <> 'unsubscribed'`;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO notify_subscriptions (kind, comment_id, consultation_id, policy_id, channel, address_enc, address_hash,
       address_mask, locale, acknowledge, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() + ${PENDING_KEPT})
     ON CONFLICT ${conflict} DO NOTHING RETURNING id`,
    [
      row.kind,
      row.commentId ?? null,
      row.consultation ?? null,
      row.policy ?? null,
      channel,
      n.secrets.encrypt(address),
      hash,
      maskAddress(channel, address),
      input.locale ?? 'zh-Hans',
      row.kind === 'comment' && input.acknowledge === true,
    ],
  );
  const id = rows[0]?.id;
  if (!id) {
    if (row.kind !== 'comment' && !sentToday) await resendConfirmation(tx, row, channel, hash, domain);
    return null;
  }
  if (sentToday) return Number(id);
  await tx.query(
    `INSERT INTO notify_deliveries (kind, subscription_id, consultation_id, channel, message_id)
     VALUES ('confirm', $1, $2, $3, $4)`,
    [id, row.consultation ?? null, channel, `<gk.confirm.${id}@${domain}>`],
  );
  return Number(id);
}

/**
 * The same follow asked for again while still pending, its confirmation sent more than a day
 * ago: sent again (a new Message-ID, so a mail client shows it), and the 7 days start again.
 */
async function resendConfirmation(
  tx: Queryable,
  row: { kind: string; consultation?: string | null; policy?: string | null },
  channel: string,
  hash: string,
  domain: string,
): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE notify_subscriptions SET expires_at = now() + ${PENDING_KEPT}
     WHERE kind = $1 AND coalesce(consultation_id, '') = coalesce($2, '') AND coalesce(policy_id, '') = coalesce($3, '')
       AND channel = $4 AND address_hash = $5 AND state = 'pending'
     RETURNING id`,
    [row.kind, row.consultation ?? null, row.policy ?? null, channel, hash],
  );
  const id = rows[0]?.id;
  if (!id) return;
  await tx.query(
    `INSERT INTO notify_deliveries (kind, subscription_id, consultation_id, channel, message_id)
     VALUES ('confirm', $1, $2, $3, $4)
     ON CONFLICT (subscription_id) WHERE kind = 'confirm' DO UPDATE SET state = 'queued', attempts = 0, run_at = now(),
       locked_by = NULL, locked_until = NULL, last_error = NULL, message_id = EXCLUDED.message_id`,
    [id, row.consultation ?? null, channel, `<gk.confirm.${id}.${Date.now().toString(36)}@${domain}>`],
  );
}

/** A commenter's opt-in, kept with their comment (by receipt); a repeated submission adds nothing. */
export async function subscribeComment(
  db: Database,
  n: NotifyOptions,
  receipt: string,
  input: NotifyInput,
  domain: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; consultation_id: string }>(
      'SELECT id, consultation_id FROM comments WHERE receipt = $1',
      [parseReceipt(receipt)],
    );
    const c = rows[0];
    if (!c) return;
    await insertPending(tx, n, { kind: 'comment', commentId: c.id, consultation: c.consultation_id }, input, domain);
  });
}

export interface FollowInput extends NotifyInput {
  consultation?: string;
  policy?: string;
}

/** Anyone follows a consultation or a policy; the answer is the same whether the address was known. */
export async function follow(db: Database, n: NotifyOptions, input: FollowInput, domain: string) {
  if (!!input.consultation === !!input.policy) {
    throw new HttpError(400, 'invalid', 'follow either a consultation or a policy', {
      zh: '请选择关注的征求意见或文件',
      problems: [{ path: '$', message: 'give consultation or policy' }],
    });
  }
  const { channel, address } = channelOf(n, input);
  await db.transaction(async (tx) => {
    let policy = input.policy ?? null;
    if (input.consultation) {
      const { rows } = await tx.query<{ policy_id: string | null }>(
        'SELECT policy_id FROM consultations WHERE id = $1',
        [input.consultation],
      );
      if (!rows[0]) throw notFound(`consultation with id ${input.consultation}`);
      policy = null;
    } else {
      const { rows } = await tx.query('SELECT 1 FROM policies WHERE id = $1', [policy]);
      if (!rows[0]) throw notFound(`policy with id ${policy}`);
    }
    await insertPending(
      tx,
      n,
      { kind: input.consultation ? 'consultation' : 'policy', consultation: input.consultation ?? null, policy },
      input,
      domain,
    );
  });
  return { status: 'pending' as const, channel, address: maskAddress(channel, address) };
}

const badLink = () =>
  new HttpError(400, 'invalid-link', 'this link is not valid (mistyped, or made with a retired key)', {
    zh: '链接无效',
  });

/**
 * Confirms the subscription, and with it every other request of the same address still pending
 * (one confirmation a day covers them all); a commenter who asked for an acknowledgement is sent
 * it now, never before.
 */
export async function confirmSubscription(db: Database, n: NotifyOptions, id: number, token: string, domain: string) {
  if (!n.secrets.verify('confirm', id, token)) throw badLink();
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ state: string; channel: string; address_hash: string | null }>(
      'SELECT state, channel, address_hash FROM notify_subscriptions WHERE id = $1 FOR UPDATE',
      [id],
    );
    const s = rows[0];
    if (!s) throw notFound('such subscription (it may have expired: ask again)');
    if (s.state !== 'pending') return s.state as 'confirmed' | 'unsubscribed';
    const { rows: confirmed } = await tx.query<{ id: string }>(
      `UPDATE notify_subscriptions SET state = 'confirmed', confirmed_at = now(), expires_at = NULL
       WHERE state = 'pending' AND (id = $1 OR (channel = $2 AND address_hash = $3)) RETURNING id`,
      [id, s.channel, s.address_hash],
    );
    await tx.query(
      `INSERT INTO notify_deliveries (kind, subscription_id, consultation_id, channel, message_id, payload)
       SELECT 'ack', s.id, s.consultation_id, s.channel, '<gk.ack.' || s.id || '@' || $2::text || '>',
         jsonb_build_object('receipt', m.receipt, 'title', c.title, 'submitted', m.created_at, 'pageUrl', c.page_url,
           'consultation', c.id)
       FROM notify_subscriptions s JOIN comments m ON m.id = s.comment_id JOIN consultations c ON c.id = s.consultation_id
       WHERE s.id = ANY($1::bigint[]) AND s.kind = 'comment' AND s.acknowledge
       ON CONFLICT (subscription_id) WHERE kind = 'ack' DO NOTHING`,
      [confirmed.map((r) => r.id), domain],
    );
    return 'confirmed' as const;
  });
}

/** One click, no sign-in: the address is deleted at once and nothing queued for it is sent. */
export async function unsubscribe(db: Database, n: NotifyOptions, id: number, token: string): Promise<void> {
  if (!n.secrets.verify('unsubscribe', id, token)) throw badLink();
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE notify_subscriptions SET state = 'unsubscribed', unsubscribed_at = coalesce(unsubscribed_at, now()),
         address_enc = NULL, address_hash = NULL, address_mask = NULL, expires_at = now() + interval '30 days'
       WHERE id = $1`,
      [id],
    );
    await tx.query(
      `UPDATE notify_deliveries SET state = 'dropped', locked_by = NULL, locked_until = NULL
       WHERE subscription_id = $1 AND state = 'queued'`,
      [id],
    );
  });
}

/** What the receipt lookup says of notifications: the channel, whether confirmed, the address masked. */
export async function receiptNotify(db: Queryable, receipt: string) {
  const { rows } = await db.query<{
    channel: string;
    state: string;
    address_mask: string | null;
    acknowledge: boolean;
  }>(
    `SELECT s.channel, s.state, s.address_mask, s.acknowledge FROM notify_subscriptions s JOIN comments m ON m.id = s.comment_id
     WHERE m.receipt = $1 AND s.kind = 'comment'`,
    [parseReceipt(receipt)],
  );
  const r = rows[0];
  return r ? { channel: r.channel, state: r.state, address: r.address_mask, acknowledge: r.acknowledge } : null;
}

/** A webhook for another system (staff): confirmed at once; its HMAC key is shown once. */
export async function createWebhook(
  db: Database,
  n: NotifyOptions,
  input: { url: string; consultation?: string; policy?: string },
  actor: string,
) {
  const kind = input.consultation ? 'consultation' : input.policy ? 'policy' : 'site';
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO notify_subscriptions (kind, consultation_id, policy_id, channel, address_enc, address_hash, address_mask,
         state, confirmed_at)
       VALUES ($1, $2, $3, 'webhook', $4, $5, $6, 'confirmed', now())
       ON CONFLICT (kind, coalesce(consultation_id, ''), coalesce(policy_id, ''), channel, address_hash)
         WHERE kind <> 'comment' AND state <> 'unsubscribed' DO NOTHING
       RETURNING id`,
      [
        kind,
        input.consultation ?? null,
        input.policy ?? null,
        n.secrets.encrypt(input.url),
        n.secrets.hashAddress(input.url),
        maskAddress('webhook', input.url),
      ],
    );
    if (!rows[0]) throw new HttpError(409, 'exists', 'this webhook is already registered for that');
    const id = Number(rows[0].id);
    await audit(tx, {
      actor,
      action: 'notify.webhook.create',
      consultationId: input.consultation,
      policyId: input.policy,
      after: { id, kind, url: maskAddress('webhook', input.url) },
    });
    return { id, kind, key: n.secrets.webhookKey(id) };
  });
}

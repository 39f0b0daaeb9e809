// Staff bearer tokens: `gks_<id>_<secret>`. Only a SHA-256 of the secret is stored (the secret
// is 256 random bits, so a slow hash adds nothing); the id finds the row and the hashes are
// compared in constant time. A token expires, may be limited to some consultations, and may be
// granted permissions beyond its role (`contacts`). Every request reads the row, so a revocation
// takes effect at once on every instance.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { STAFF_PERMISSIONS, STAFF_ROLES, type StaffPermission, type StaffRole } from '@gongkai/format';
import type { Queryable } from '../db/database.js';

export const ROLES = STAFF_ROLES;
export type Role = StaffRole;

export interface Staff {
  tokenId: string;
  role: Role;
  /** What the token was made for (`token create --label`), if anything. */
  label: string | null;
  /** Permissions granted beyond the role's. */
  grants: StaffPermission[];
  /** The consultations the token may see and act on; null for all. */
  consultations: string[] | null;
  expires: Date;
}

export const DEFAULT_TOKEN_DAYS = 90;

export interface TokenOptions {
  label?: string | null;
  /** When the token stops working; 90 days from now by default. */
  expires?: Date;
  consultations?: string[] | null;
  grants?: StaffPermission[];
  createdBy?: string;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest();

export async function createToken(
  db: Queryable,
  role: Role,
  options: TokenOptions | string = {},
): Promise<{ id: string; token: string; expires: Date }> {
  const o = typeof options === 'string' ? { label: options } : options;
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const expires = o.expires ?? new Date(Date.now() + DEFAULT_TOKEN_DAYS * 86_400_000);
  for (const g of o.grants ?? []) {
    if (!STAFF_PERMISSIONS.includes(g)) throw new Error(`unknown permission ${g}`);
  }
  await db.query(
    `INSERT INTO staff_tokens (id, secret_hash, role, label, expires_at, consultations, grants, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      hash(secret).toString('hex'),
      role,
      o.label ?? null,
      expires.toISOString(),
      o.consultations?.length ? o.consultations : null,
      o.grants ?? [],
      o.createdBy ?? null,
    ],
  );
  return { id, token: `gks_${id}_${secret}`, expires };
}

export interface TokenRow {
  id: string;
  role: Role;
  label: string | null;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  consultations: string[] | null;
  grants: StaffPermission[];
  created_by: string | null;
}

export async function listTokens(db: Queryable): Promise<TokenRow[]> {
  const { rows } = await db.query<TokenRow>(
    `SELECT id, role, label, created_at, expires_at, last_used_at, revoked_at, consultations, grants, created_by
     FROM staff_tokens ORDER BY created_at, id`,
  );
  return rows;
}

export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE staff_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}

const FORMAT = /^gks_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const DUMMY = Buffer.alloc(32);
// The last use is written at most once a minute per token, not on every request.
const TOUCH_AFTER_MS = 60_000;

/** The staff member behind an `Authorization` header, or null (unknown, wrong, revoked or expired). */
export async function verifyToken(db: Queryable, header: string | undefined): Promise<Staff | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const parts = match ? FORMAT.exec(match[1]!) : null;
  if (!parts) return null;
  const { rows } = await db.query<{
    secret_hash: string;
    role: Role;
    label: string | null;
    grants: StaffPermission[] | null;
    consultations: string[] | null;
    expires_at: Date;
    last_used_at: Date | null;
  }>(
    `SELECT secret_hash, role, label, grants, consultations, expires_at, last_used_at FROM staff_tokens
     WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [parts[1]],
  );
  const given = hash(parts[2]!);
  const row = rows[0];
  const stored = row ? Buffer.from(row.secret_hash, 'hex') : DUMMY;
  // Compared even when no row was found, so timing does not tell which ids exist.
  const same = timingSafeEqual(given, stored.length === 32 ? stored : DUMMY);
  if (!same || !row) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > TOUCH_AFTER_MS) {
    // Awaited, so a list read right after shows it; a failure only loses the time.
    await db.query('UPDATE staff_tokens SET last_used_at = now() WHERE id = $1', [parts[1]]).catch(() => {});
  }
  return {
    tokenId: parts[1]!,
    role: row.role,
    label: row.label,
    grants: row.grants ?? [],
    consultations: row.consultations,
    expires: new Date(row.expires_at),
  };
}

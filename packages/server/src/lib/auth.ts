// Staff bearer tokens: `gks_<id>_<secret>`. Only a SHA-256 of the secret is stored (the secret
// is 256 random bits, so a slow hash adds nothing); the id finds the row and the hashes are
// compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { STAFF_ROLES, type StaffRole } from '@gongkai/format';
import type { Queryable } from '../db/database.js';

export const ROLES = STAFF_ROLES;
export type Role = StaffRole;

export interface Staff {
  tokenId: string;
  role: Role;
  /** What the token was made for (`token create --label`), if anything. */
  label: string | null;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest();

export async function createToken(db: Queryable, role: Role, label?: string): Promise<{ id: string; token: string }> {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO staff_tokens (id, secret_hash, role, label) VALUES ($1, $2, $3, $4)', [
    id,
    hash(secret).toString('hex'),
    role,
    label ?? null,
  ]);
  return { id, token: `gks_${id}_${secret}` };
}

export async function listTokens(db: Queryable) {
  const { rows } = await db.query<{
    id: string;
    role: string;
    label: string | null;
    created_at: Date;
    revoked_at: Date | null;
  }>('SELECT id, role, label, created_at, revoked_at FROM staff_tokens ORDER BY created_at');
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

/** The staff member behind an `Authorization` header, or null. */
export async function verifyToken(db: Queryable, header: string | undefined): Promise<Staff | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const parts = match ? FORMAT.exec(match[1]!) : null;
  if (!parts) return null;
  const { rows } = await db.query<{ secret_hash: string; role: Role; label: string | null }>(
    'SELECT secret_hash, role, label FROM staff_tokens WHERE id = $1 AND revoked_at IS NULL',
    [parts[1]],
  );
  const given = hash(parts[2]!);
  const stored = rows[0] ? Buffer.from(rows[0].secret_hash, 'hex') : DUMMY;
  // Compared even when no row was found, so timing does not tell which ids exist.
  const same = timingSafeEqual(given, stored.length === 32 ? stored : DUMMY);
  return same && rows[0] ? { tokenId: parts[1]!, role: rows[0].role, label: rows[0].label } : null;
}

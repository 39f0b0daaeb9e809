import type { Queryable } from '../db/database.js';

export interface AuditEntry {
  actor: string;
  action: string;
  /** Absent for changes that belong to no consultation (reason templates). */
  consultationId?: string;
  commentId?: number;
  /** For changes to a policy's text. */
  policyId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log, inside the caller's transaction so the change and its record agree.
 * The table is append-only and each entry is chained to the one before (migrations/007).
 */
export async function audit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor, action, consultation_id, comment_id, policy_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      e.actor,
      e.action,
      e.consultationId ?? null,
      e.commentId ?? null,
      e.policyId ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

export interface AuditVerification {
  entries: number;
  /** The last entry's hash: recorded elsewhere, it also proves nothing was rewritten since. */
  head: string | null;
  problems: { seq: number; id: number; problem: string }[];
}

/**
 * Recomputes the chain in the database (the same function the insert trigger used): an entry
 * whose fields were changed, removed or reordered breaks it at that place.
 */
export async function verifyAudit(db: Queryable): Promise<AuditVerification> {
  const { rows } = await db.query<{
    seq: string;
    id: string;
    n: string;
    hash: string | null;
    prev_hash: string | null;
    lag_hash: string | null;
    expected: string;
  }>(
    `SELECT seq, id, row_number() OVER w AS n, hash, prev_hash, lag(hash) OVER w AS lag_hash,
       audit_entry_hash(prev_hash, a) AS expected
     FROM audit_log a WINDOW w AS (ORDER BY seq) ORDER BY seq`,
  );
  const problems: AuditVerification['problems'] = [];
  for (const r of rows) {
    const at = { seq: Number(r.seq), id: Number(r.id) };
    if (Number(r.seq) !== Number(r.n))
      problems.push({ ...at, problem: `entries before it are missing (expected seq ${r.n})` });
    if (r.prev_hash !== r.lag_hash) problems.push({ ...at, problem: 'does not follow the entry before it' });
    if (r.hash !== r.expected) problems.push({ ...at, problem: 'its contents changed after it was written' });
  }
  return { entries: rows.length, head: rows.at(-1)?.hash ?? null, problems };
}

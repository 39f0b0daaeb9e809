import type { Queryable } from '../db/database.js';

export interface AuditEntry {
  actor: string;
  action: string;
  /** Absent for changes that belong to no consultation (reason templates). */
  consultationId?: string;
  commentId?: number;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log, inside the caller's transaction so the change and its record agree. */
export async function audit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    'INSERT INTO audit_log (actor, action, consultation_id, comment_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      e.actor,
      e.action,
      e.consultationId ?? null,
      e.commentId ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

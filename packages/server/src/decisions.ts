// Staff work on comments: listing with filters, moderation (with the category of a removal) and
// decisions with reasons, audit.
import type { RemovalReason } from '@gongkai/format';
import type { Database, Queryable } from './db/database.js';
import { audit } from './lib/audit.js';
import { HttpError, notFound } from './lib/errors.js';
import { groupOf } from './lib/groups.js';
import { formatReceipt } from './lib/receipts.js';

export interface DecisionInput {
  moderation?: 'approved' | 'rejected';
  decision?: 'adopted' | 'partly-adopted' | 'not-adopted' | 'out-of-scope';
  reason?: string;
  /** With `moderation: 'rejected'` only: why (one of REMOVAL_REASONS). */
  removalReason?: RemovalReason;
}

export interface CommentRow {
  id: string | number;
  receipt: string;
  clause: string | null;
  body: string;
  submitter_type: string;
  name: string | null;
  contact: string | null;
  moderation: string;
  decision: string | null;
  reason: string | null;
  removal_reason: string | null;
  created_at: Date;
}

export const toItem = (r: CommentRow, group: number | null = null) => ({
  id: Number(r.id),
  receipt: formatReceipt(r.receipt),
  clause: r.clause,
  body: r.body,
  submitterType: r.submitter_type,
  name: r.name,
  contact: r.contact,
  moderation: r.moderation,
  decision: r.decision,
  reason: r.reason,
  removalReason: r.removal_reason,
  group,
  submitted: new Date(r.created_at).toISOString(),
});

export interface ListQuery {
  limit: number;
  cursor?: string;
  clause?: string;
  decision?: string;
  moderation?: string;
  q?: string;
}

export async function listComments(db: Queryable, consultationId: string, query: ListQuery) {
  const where = ['consultation_id = $1'];
  const params: unknown[] = [consultationId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.cursor) add('id > ?', query.cursor);
  if (query.clause === 'document') where.push('clause IS NULL');
  else if (query.clause) add('clause = ?', query.clause);
  if (query.decision === 'undecided') where.push('decision IS NULL');
  else if (query.decision) add('decision = ?', query.decision);
  if (query.moderation) add('moderation = ?', query.moderation);
  // The search text is a value, never SQL; LIKE's own wildcards in it are escaped.
  if (query.q) add("body ILIKE '%' || ? || '%'", query.q.replace(/[\\%_]/g, '\\$&'));
  params.push(query.limit + 1);
  const { rows } = await db.query<CommentRow>(
    `SELECT id, receipt, clause, body, submitter_type, name, contact, moderation, decision, reason, removal_reason,
       created_at
     FROM comments WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const groups = await groupOf(db, consultationId);
  return {
    items: page.map((r) => toItem(r, groups.get(Number(r.id)) ?? null)),
    next: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

function checkDecision(input: DecisionInput): void {
  if (input.decision && input.decision !== 'adopted' && !input.reason?.trim()) {
    throw new HttpError(422, 'reason-required', `a reason is required for ${input.decision}`, {
      zh: '除“采纳”外，每项处理意见都须说明理由',
      problems: [{ path: '$.reason', message: 'required unless the decision is adopted' }],
    });
  }
  if (input.decision && input.moderation === 'rejected') {
    throw new HttpError(422, 'conflict', 'a comment removed by moderation cannot also be decided');
  }
  if (input.removalReason !== undefined && input.moderation !== 'rejected') {
    const message = "removalReason is given with moderation: 'rejected' only";
    throw new HttpError(422, 'conflict', message, {
      zh: '删除原因只能在删除意见时填写',
      problems: [{ path: '$.removalReason', message }],
    });
  }
}

async function applyDecision(
  tx: Queryable,
  commentId: number,
  input: DecisionInput,
  actor: string,
  consultationId?: string,
) {
  const { rows } = await tx.query<CommentRow & { consultation_id: string }>(
    `SELECT id, consultation_id, moderation, decision, reason, removal_reason FROM comments WHERE id = $1 FOR UPDATE`,
    [commentId],
  );
  const before = rows[0];
  if (!before || (consultationId && before.consultation_id !== consultationId)) throw notFound(`comment ${commentId}`);
  // Deciding approves; rejecting clears any decision.
  const moderation = input.decision ? 'approved' : (input.moderation ?? before.moderation);
  const decision = moderation === 'rejected' ? null : (input.decision ?? before.decision);
  const reason =
    moderation === 'rejected' ? null : input.reason !== undefined ? input.reason.trim() || null : before.reason;
  // The category of a removal: the one given, else the one it had if it stays removed.
  const removalReason =
    moderation !== 'rejected'
      ? null
      : (input.removalReason ?? (before.moderation === 'rejected' ? before.removal_reason : null));
  if (decision && decision !== 'adopted' && !reason) checkDecision({ decision: decision as DecisionInput['decision'] });
  const after = { moderation, decision, reason, removalReason };
  await tx.query(
    `UPDATE comments SET moderation = $2, decision = $3, reason = $4, removal_reason = $5, updated_at = now()
     WHERE id = $1`,
    [commentId, moderation, decision, reason, removalReason],
  );
  const was = {
    moderation: before.moderation,
    decision: before.decision,
    reason: before.reason,
    removalReason: before.removal_reason,
  };
  await audit(tx, {
    actor,
    action: 'comment.decide',
    consultationId: before.consultation_id,
    commentId,
    before: was,
    after,
  });
  return before.consultation_id;
}

export async function patchComment(db: Database, commentId: number, input: DecisionInput, actor: string) {
  checkDecision(input);
  await db.transaction((tx) => applyDecision(tx, commentId, input, actor));
  const { rows } = await db.query<CommentRow>('SELECT * FROM comments WHERE id = $1', [commentId]);
  return toItem(rows[0]!);
}

export async function bulkDecide(
  db: Database,
  consultationId: string,
  ids: number[],
  input: DecisionInput,
  actor: string,
) {
  checkDecision(input);
  if (!input.decision && !input.moderation) throw new HttpError(400, 'invalid', 'give a decision or a moderation');
  // All or nothing: one unknown id leaves every comment as it was.
  await db.transaction(async (tx) => {
    for (const id of [...new Set(ids)].sort((a, b) => a - b)) await applyDecision(tx, id, input, actor, consultationId);
  });
  return { updated: new Set(ids).size };
}

export async function auditLog(db: Queryable, consultationId: string) {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    actor: string;
    action: string;
    comment_id: string | null;
    before: unknown;
    after: unknown;
  }>('SELECT * FROM audit_log WHERE consultation_id = $1 ORDER BY id', [consultationId]);
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    commentId: r.comment_id === null ? null : Number(r.comment_id),
    before: r.before,
    after: r.after,
  }));
}

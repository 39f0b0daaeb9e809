// Staff work on comments: listing with filters, moderation (with the category of a removal) and
// decisions with reasons, audit.
import type { RemovalReason } from '@gongkai/format';
import { type ClauseNames, clauseNames } from './clause-names.js';
import type { Database, Queryable } from './db/database.js';
import { audit } from './lib/audit.js';
import type { Staff } from './lib/auth.js';
import { HttpError, notFound } from './lib/errors.js';
import { checkScope } from './lib/http.js';
import { searchKeys } from './lib/minhash.js';
import { can } from './lib/permissions.js';
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
  group_id: string | number | null;
  policy_version: number | null;
  revision: number;
  stage: string;
  stage_by: string | null;
  /** Who drafted the decision (migration 061), kept through 审核, 签发 and a return. */
  drafted_by?: string | null;
  stage_at: Date | null;
  returned_reason: string | null;
  unit_id: string | number | null;
  assignment_id: string | number | null;
  /** How it arrived (migration 050): online, or entered by staff from a letter, e-mail… */
  channel?: string;
  received_at?: Date | null;
  original_ref?: string | null;
  /** Joined from `assignments` and `units` (the list and one comment). */
  unit_name?: string | null;
  due?: string | null;
  assignment_open?: boolean | null;
}

/** The comment's version for If-Match: its id and revision, which every change raises. */
export const etagOf = (r: Pick<CommentRow, 'id' | 'revision'>) => `"${r.id}-${r.revision}"`;

export const toItem = (r: CommentRow, names?: ClauseNames) => ({
  id: Number(r.id),
  receipt: formatReceipt(r.receipt),
  clause: r.clause,
  clauseLabel: names?.label(r.policy_version, r.clause) ?? null,
  // Made on an earlier version of the text: where its clause stands in the current one.
  clauseNow: names?.now(r.policy_version, r.clause) ?? null,
  body: r.body,
  submitterType: r.submitter_type,
  name: r.name,
  contact: r.contact,
  moderation: r.moderation,
  decision: r.decision,
  reason: r.reason,
  removalReason: r.removal_reason,
  group: r.group_id === null ? null : Number(r.group_id),
  submitted: new Date(r.created_at).toISOString(),
  policyVersion: r.policy_version,
  channel: r.channel ?? 'online',
  receivedAt: r.received_at ? new Date(r.received_at).toISOString() : null,
  originalRef: r.original_ref ?? null,
  etag: etagOf(r),
  // Where its decision stands (拟办 → 审核 → 签发); null without a decision.
  stage: r.decision ? r.stage : null,
  stageBy: r.decision ? r.stage_by : null,
  draftedBy: r.decision ? (r.drafted_by ?? null) : null,
  stageAt: r.decision && r.stage_at ? new Date(r.stage_at).toISOString() : null,
  returnedReason: r.decision ? r.returned_reason : null,
  assignment:
    r.assignment_id === null || r.assignment_id === undefined
      ? null
      : {
          id: Number(r.assignment_id),
          unit: Number(r.unit_id),
          unitName: r.unit_name ?? null,
          due: r.due ?? null,
          open: r.assignment_open ?? null,
          overdue: Boolean(r.assignment_open && r.due && r.due < today()),
        },
});

/** Today's date as the database's `current_date` prints it (UTC on both engines). */
const today = () => new Date().toISOString().slice(0, 10);

const COLUMNS = `id, receipt, clause, body, submitter_type, name, contact, moderation, decision, reason, removal_reason,
  created_at, group_id, policy_version, revision, stage, stage_by, stage_at, returned_reason, unit_id, assignment_id,
  channel, received_at, original_ref, drafted_by`;
// The assignment of each comment read: a probe of the primary keys of the two small tables.
const ASSIGNED = `(SELECT u.name FROM units u WHERE u.id = unit_id) AS unit_name,
  (SELECT to_char(a.due, 'YYYY-MM-DD') FROM assignments a WHERE a.id = assignment_id) AS due,
  (SELECT a.closed_at IS NULL FROM assignments a WHERE a.id = assignment_id) AS assignment_open`;

/**
 * Names and contacts are personal data: only tokens with the `contacts` permission see them,
 * and each time they do, the audit log says who saw whose.
 */
async function withContacts(db: Queryable, rows: CommentRow[], staff: Staff, actor: string, consultationId: string) {
  if (!can(staff, 'contacts')) return rows.map((r) => ({ ...r, name: null, contact: null }));
  const shown = rows.filter((r) => r.name || r.contact).map((r) => Number(r.id));
  if (shown.length) await audit(db, { actor, action: 'contacts.read', consultationId, after: { comments: shown } });
  return rows;
}

/** Which comments: the staff list's filters, and those of a decision by filter. */
export interface CommentFilter {
  /** A clause id; `none` or `document` for comments on the whole text. */
  clause?: string;
  /** A decision; `none` or `undecided` for none yet. */
  decision?: string;
  moderation?: string;
  group?: number;
  q?: string;
  /** Where the decision stands (decided comments only). */
  stage?: 'draft' | 'checked' | 'signed';
  /** A unit's queue: the comments assigned to it. */
  unit?: number;
  assignment?: number;
  /** Only comments of open assignments past their due date. */
  overdue?: boolean;
  /** One comment (the steps of sign-off on one; not a list filter). */
  comment?: number;
}

export interface ListQuery extends CommentFilter {
  limit: number;
  cursor?: string;
}

/** The SQL conditions of a filter, appended to `params` (which holds the consultation as $1). */
export function filterSql(filter: CommentFilter, params: unknown[]): string[] {
  const where = ['consultation_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.clause === 'none' || filter.clause === 'document') where.push('clause IS NULL');
  else if (filter.clause) add('clause = ?', filter.clause);
  if (filter.decision === 'none' || filter.decision === 'undecided') where.push('decision IS NULL');
  else if (filter.decision) add('decision = ?', filter.decision);
  if (filter.moderation) add('moderation = ?', filter.moderation);
  if (filter.group) add('group_id = ?', filter.group);
  if (filter.comment) add('id = ?', filter.comment);
  // As the partial index comments_unsigned is written, so that it serves draft and checked.
  if (filter.stage === 'signed') where.push("decision IS NOT NULL AND stage = 'signed'");
  else if (filter.stage) add("decision IS NOT NULL AND stage <> 'signed' AND stage = ?", filter.stage);
  if (filter.unit) add('unit_id IS NOT NULL AND unit_id = ?', filter.unit);
  if (filter.assignment) add('assignment_id = ?', filter.assignment);
  if (filter.overdue) {
    where.push(`assignment_id = ANY(ARRAY(SELECT id FROM assignments WHERE consultation_id = $1 AND closed_at IS NULL
      AND due < current_date))`);
  }
  if (filter.q) {
    // The search text is a value, never SQL; LIKE's own wildcards in it are escaped. Comments
    // already indexed are found through their bigram keys; the few not yet, by reading them.
    const like = filter.q.replace(/[\\%_]/g, '\\$&');
    const keys = searchKeys(filter.q);
    add("body ILIKE '%' || ? || '%'", like);
    // The candidates as one array, looked up by id: as `id IN (…)` the planner, without
    // statistics (PGlite), read the search table once per comment (13 s at 20,000).
    if (keys.length) {
      add(
        `id = ANY(ARRAY(SELECT comment_id FROM comment_search WHERE search @> ?::int[] AND consultation_id = $1
           UNION ALL SELECT id FROM comments WHERE consultation_id = $1 AND NOT grouped))`,
        keys,
      );
    }
  }
  return where;
}

export async function listComments(
  db: Queryable,
  consultationId: string,
  query: ListQuery,
  staff: Staff,
  actor: string,
) {
  const params: unknown[] = [consultationId];
  const where = filterSql(query, params);
  if (query.cursor) {
    params.push(query.cursor);
    where.push(`id > $${params.length}`);
  }
  params.push(query.limit + 1);
  const { rows } = await db.query<CommentRow>(
    `SELECT ${COLUMNS}, ${ASSIGNED} FROM comments WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const names = await clauseNames(
    db,
    consultationId,
    page.map((r) => r.policy_version),
  );
  return {
    items: (await withContacts(db, page, staff, actor, consultationId)).map((r) => toItem(r, names)),
    next: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** One comment as the staff list shows it (a link to a comment not on the page read). */
export async function getComment(db: Queryable, commentId: number, staff: Staff, actor: string) {
  const { rows } = await db.query<CommentRow & { consultation_id: string }>(
    `SELECT ${COLUMNS}, ${ASSIGNED}, consultation_id FROM comments WHERE id = $1`,
    [commentId],
  );
  const row = rows[0];
  if (!row) throw notFound(`comment ${commentId}`);
  checkScope(staff, row.consultation_id);
  const names = await clauseNames(db, row.consultation_id, [row.policy_version]);
  const [shown] = await withContacts(db, [row], staff, actor, row.consultation_id);
  return toItem(shown!, names);
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

export interface Actor {
  actor: string;
  staff: Staff;
  /** The ETag the person was looking at; a change made since is 412, not overwritten. */
  ifMatch?: string;
}

/**
 * Decisions and moderation hold the consultation row FOR SHARE until they commit; publication
 * takes it FOR UPDATE. So a publication never builds its snapshot while a decision is half-way,
 * and no decision lands between the snapshot and the published columns.
 */
export async function lockForDecisions(tx: Queryable, consultationId: string): Promise<void> {
  await tx.query('SELECT 1 FROM consultations WHERE id = $1 FOR SHARE', [consultationId]);
}

async function applyDecision(
  tx: Queryable,
  commentId: number,
  input: DecisionInput,
  who: Actor,
  consultationId?: string,
) {
  if (!consultationId) {
    const { rows } = await tx.query<{ consultation_id: string }>('SELECT consultation_id FROM comments WHERE id = $1', [
      commentId,
    ]);
    if (!rows[0]) throw notFound(`comment ${commentId}`);
    consultationId = rows[0].consultation_id;
    checkScope(who.staff, consultationId);
    await lockForDecisions(tx, consultationId);
  }
  const { rows } = await tx.query<CommentRow & { consultation_id: string }>(
    `SELECT ${COLUMNS}, consultation_id FROM comments WHERE id = $1 FOR UPDATE`,
    [commentId],
  );
  const before = rows[0];
  if (!before || before.consultation_id !== consultationId) throw notFound(`comment ${commentId}`);
  if (who.ifMatch !== undefined && !matches(who.ifMatch, before)) {
    // Without name and contact: this transaction rolls back, and with it any audit of reading them.
    throw new HttpError(412, 'changed', `comment ${commentId} was changed by someone else; here it is as it stands`, {
      zh: '该意见已被他人修改，以下为最新状态',
      current: toItem({ ...before, name: null, contact: null }),
    });
  }
  // Deciding approves; rejecting clears any decision.
  const moderation = input.decision ? 'approved' : (input.moderation ?? before.moderation);
  const decision = moderation === 'rejected' ? null : (input.decision ?? before.decision);
  // A reason belongs to its decision: a new decision without one does not inherit the old one.
  const decisionChanged = decision !== before.decision;
  const reason =
    moderation === 'rejected'
      ? null
      : input.reason !== undefined
        ? input.reason.trim() || null
        : decisionChanged
          ? null
          : before.reason;
  // The category of a removal: the one given, else the one it had if it stays removed.
  const removalReason =
    moderation !== 'rejected'
      ? null
      : (input.removalReason ?? (before.moderation === 'rejected' ? before.removal_reason : null));
  if (decision && decision !== 'adopted' && !reason) checkDecision({ decision: decision as DecisionInput['decision'] });
  // A decision changed after any step of sign-off goes back to 拟办, drafted by this token: what
  // was checked and signed is no longer what stands.
  const redrafted = decision !== before.decision || reason !== before.reason;
  const stage = redrafted ? 'draft' : before.stage;
  const after = { moderation, decision, reason, removalReason, ...(redrafted ? { stage } : {}) };
  await tx.query(
    `UPDATE comments SET moderation = $2, decision = $3, reason = $4, removal_reason = $5, revision = revision + 1,
       updated_at = now(), stage = $6,
       stage_by = CASE WHEN $7::boolean THEN $8 ELSE stage_by END,
       drafted_by = CASE WHEN $7::boolean THEN $8 ELSE drafted_by END,
       stage_at = CASE WHEN $7::boolean THEN now() ELSE stage_at END,
       returned_reason = CASE WHEN $7::boolean THEN NULL ELSE returned_reason END
     WHERE id = $1`,
    [commentId, moderation, decision, reason, removalReason, stage, redrafted, who.actor],
  );
  const was = {
    moderation: before.moderation,
    decision: before.decision,
    reason: before.reason,
    removalReason: before.removal_reason,
    ...(redrafted && before.decision ? { stage: before.stage } : {}),
  };
  await audit(tx, {
    actor: who.actor,
    action: 'comment.decide',
    consultationId: before.consultation_id,
    commentId,
    before: was,
    after,
  });
  return before.consultation_id;
}

/** If-Match: `*`, or the comment's current ETag among those listed (weak or strong). */
function matches(header: string, row: CommentRow): boolean {
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etagOf(row));
}

export async function patchComment(db: Database, commentId: number, input: DecisionInput, who: Actor) {
  checkDecision(input);
  return db.transaction(async (tx) => {
    const consultationId = await applyDecision(tx, commentId, input, who);
    await closeDecidedAssignments(tx, consultationId, who.actor);
    const { rows } = await tx.query<CommentRow>(`SELECT ${COLUMNS}, ${ASSIGNED} FROM comments WHERE id = $1`, [
      commentId,
    ]);
    const [row] = await withContacts(tx, rows, who.staff, who.actor, consultationId);
    return toItem(row!, await clauseNames(tx, consultationId, [row!.policy_version]));
  });
}

export async function bulkDecide(
  db: Database,
  consultationId: string,
  ids: number[],
  input: DecisionInput,
  who: Actor,
) {
  checkDecision(input);
  if (!input.decision && !input.moderation) throw new HttpError(400, 'invalid', 'give a decision or a moderation');
  // All or nothing: one unknown id leaves every comment as it was.
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  await db.transaction(async (tx) => {
    await lockForDecisions(tx, consultationId);
    // Every row first, in id order, before the first audit entry takes the log's lock.
    await tx.query('SELECT id FROM comments WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE', [sorted]);
    for (const id of sorted) await applyDecision(tx, id, input, who, consultationId);
    await closeDecidedAssignments(tx, consultationId, who.actor);
  });
  return { updated: new Set(ids).size };
}

/**
 * One decision (or moderation) for every comment that matches `filter`, in one statement: all or
 * none, whatever their number; one audit entry with the filter, the count and the ids.
 */
export async function decideByFilter(
  db: Database,
  consultationId: string,
  filter: CommentFilter,
  input: DecisionInput,
  who: Actor,
) {
  checkDecision(input);
  if (!input.decision && !input.moderation) throw new HttpError(400, 'invalid', 'give a decision or a moderation');
  const params: unknown[] = [consultationId];
  const where = filterSql(filter, params);
  // Comments removed in moderation (spam among a campaign's copies, say) stay removed unless the
  // filter asks for them: a group's decision must not publish them.
  if (!filter.moderation) where.push("moderation <> 'rejected'");
  const value = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // As one comment's change would be: deciding approves; removing clears the decision; a new
  // decision brings its own reason or none.
  const newDecision = input.decision ? value(input.decision) : 'NULL';
  const newReason = input.decision ? value(input.reason?.trim() || null) : 'NULL';
  const set = input.decision
    ? `moderation = 'approved', decision = ${newDecision}, reason = ${newReason}, removal_reason = NULL`
    : input.moderation === 'rejected'
      ? `moderation = 'rejected', decision = NULL, reason = NULL, removal_reason = ${value(input.removalReason ?? null)}`
      : `moderation = 'approved', removal_reason = NULL`;
  // A decision or reason that changes starts sign-off again (拟办), row by row (the SET reads the
  // row as it was); the same decision again, or moderation alone, leaves it where it stands.
  const changes = `(decision IS DISTINCT FROM ${newDecision}::text OR reason IS DISTINCT FROM ${newReason}::text)`;
  const redraft = input.decision || input.moderation === 'rejected';
  const actor = value(who.actor);
  // 拟办 records its drafter, as 审核 and 签发 record theirs.
  const stage = redraft
    ? `, stage = CASE WHEN ${changes} THEN 'draft' ELSE stage END,
       stage_by = CASE WHEN ${changes} THEN ${actor} ELSE stage_by END,
       drafted_by = CASE WHEN ${changes} THEN ${actor} ELSE drafted_by END,
       stage_at = CASE WHEN ${changes} THEN now() ELSE stage_at END,
       returned_reason = CASE WHEN ${changes} THEN NULL ELSE returned_reason END`
    : '';
  const info = value(JSON.stringify({ filter, ...input }));
  return db.transaction(async (tx) => {
    await lockForDecisions(tx, consultationId);
    // The ids go from the UPDATE to the audit entry inside the database: nothing on this thread
    // grows with the number of comments.
    const { rows } = await tx.query<{ n: number }>(
      `WITH u AS (
         UPDATE comments SET ${set}${stage}, revision = revision + 1, updated_at = now() WHERE ${where.join(' AND ')}
         RETURNING id
       ), s AS (SELECT count(*)::int AS n, coalesce(jsonb_agg(id ORDER BY id), '[]'::jsonb) AS ids FROM u),
       a AS (
         INSERT INTO audit_log (actor, action, consultation_id, after)
         SELECT ${actor}, 'comment.decide-filter', $1, ${info}::jsonb || jsonb_build_object('updated', n, 'comments', ids)
         FROM s RETURNING 1
       )
       SELECT n FROM s`,
      params,
    );
    await closeDecidedAssignments(tx, consultationId, who.actor);
    return { updated: rows[0]!.n };
  });
}

/**
 * Assignments of the consultation none of whose comments awaits a decision any longer are closed
 * ('decided'), each audited. Open assignments are few; each is a probe of a partial index.
 */
export async function closeDecidedAssignments(tx: Queryable, consultationId: string, actor: string): Promise<void> {
  const { rows } = await tx.query<{ id: string; unit_id: string }>(
    `UPDATE assignments a SET closed_at = now(), closed_by = $2, close_reason = 'decided'
     WHERE a.consultation_id = $1 AND a.closed_at IS NULL AND NOT EXISTS (
       SELECT 1 FROM comments c WHERE c.assignment_id = a.id AND c.decision IS NULL AND c.moderation <> 'rejected')
     RETURNING a.id, a.unit_id`,
    [consultationId, actor],
  );
  for (const r of rows) {
    await audit(tx, {
      actor,
      action: 'assignment.close',
      consultationId,
      after: { assignment: Number(r.id), unit: Number(r.unit_id), reason: 'decided' },
    });
  }
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
  }>('SELECT * FROM audit_log WHERE consultation_id = $1 ORDER BY seq', [consultationId]);
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

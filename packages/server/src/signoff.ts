// Sign-off of decisions: 拟办 (a reviewer's draft) → 审核 (a checker confirms) → 签发 (a holder of
// the sign-off permission signs it off). Each step, on one comment, a group or every comment a
// filter matches, is one statement that also writes its audit entry: all or none, whatever the
// number, and nothing on this thread grows with it. A checker or signer may send decisions back
// to 拟办 with a reason. Publication is refused while a decided comment is not signed off or an
// assignment is open (`blockers`, counted from indexes).
import type { PublicationBlocking, SignoffStage, StaffPermission } from '@gongkai/format';
import type { Database, Queryable } from './db/database.js';
import { type Actor, type CommentFilter, filterSql, lockForDecisions } from './decisions.js';
import { HttpError, notFound } from './lib/errors.js';
import { can } from './lib/permissions.js';

export const SIGNOFF_STEPS = ['check', 'sign', 'return'] as const;
export type SignoffStep = (typeof SIGNOFF_STEPS)[number];

export interface SignoffInput {
  step: SignoffStep;
  /** One comment, a group, or a filter of the staff list: exactly one. */
  comment?: number;
  group?: number;
  filter?: CommentFilter;
  /** Why it is sent back (required with `return`). */
  reason?: string;
  /** Only count what the step would change (for the console's confirmation), changing nothing. */
  dryRun?: boolean;
}

/** The permission each step needs; sending back needs either of the two. */
export function signoffPermissions(body: { step?: unknown }): StaffPermission[] {
  if (body.step === 'check') return ['check'];
  if (body.step === 'sign') return ['signOff'];
  return [];
}

const FROM: Record<Exclude<SignoffStep, 'return'>, SignoffStage> = { check: 'draft', sign: 'checked' };
const TO: Record<Exclude<SignoffStep, 'return'>, SignoffStage> = { check: 'checked', sign: 'signed' };

/** What a token may send back: a checker what is drafted or checked, a signer what is checked or signed. */
function returnable(who: Actor): SignoffStage[] {
  const from = new Set<SignoffStage>();
  if (can(who.staff, 'check')) for (const s of ['draft', 'checked'] as const) from.add(s);
  if (can(who.staff, 'signOff')) for (const s of ['checked', 'signed'] as const) from.add(s);
  return [...from];
}

/** How sign-off is run on this site. */
export interface SignoffRules {
  /**
   * 拟办, 审核 and 签发 by different people: a token may not check what it drafted (decided) nor
   * sign off what it drafted or checked.
   */
  separate?: boolean;
}

export async function signoffStep(
  db: Database,
  consultationId: string,
  input: SignoffInput,
  who: Actor,
  rules: SignoffRules = {},
) {
  const targets = [input.comment, input.group, input.filter].filter((t) => t !== undefined);
  if (targets.length !== 1) {
    throw new HttpError(400, 'invalid', 'give exactly one of comment, group or filter', {
      zh: '请指定一条意见、一个分组或一个筛选条件（仅一项）',
    });
  }
  const reason = input.reason?.trim() || null;
  if (input.step === 'return' && !reason) {
    throw new HttpError(422, 'reason-required', 'a reason is required to send a decision back', {
      zh: '退回须说明理由',
      problems: [{ path: '$.reason', message: 'required with step return' }],
    });
  }
  const from = input.step === 'return' ? returnable(who) : [FROM[input.step]];
  const to: SignoffStage = input.step === 'return' ? 'draft' : TO[input.step];
  const filter: CommentFilter =
    input.comment !== undefined
      ? { comment: input.comment }
      : input.group !== undefined
        ? { group: input.group }
        : input.filter!;
  const params: unknown[] = [consultationId];
  const where = filterSql(filter, params);
  const value = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const fromSql = value(from);
  const toSql = value(to);
  const actorSql = value(who.actor);
  const reasonSql = value(input.step === 'return' ? reason : null);
  const action = value(`comment.${input.step === 'sign' ? 'sign-off' : input.step}`);
  const commentSql = value(input.comment ?? null);
  // With separate sign-off, what this token drafted (or, to sign off, checked) is left for
  // someone else. The drafter is kept apart from stage_by, which a return gives to the returner.
  const separate = rules.separate && input.step !== 'return';
  const ownWork = (actor: string) =>
    input.step === 'sign'
      ? `(stage_by IS NOT DISTINCT FROM ${actor} OR drafted_by IS NOT DISTINCT FROM ${actor})`
      : `drafted_by IS NOT DISTINCT FROM ${actor}`;
  if (separate) where.push(`NOT ${ownWork(actorSql)}`);
  const info = value(
    JSON.stringify({
      step: input.step,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      ...(input.group !== undefined ? { group: input.group } : {}),
      ...(input.filter ? { filter: input.filter } : {}),
      to,
      ...(reason && input.step === 'return' ? { reason } : {}),
    }),
  );
  /** Why one comment's step would move nothing: not here, no decision, its own person, or another stage. */
  const whyNot = async (q: Queryable): Promise<never> => {
    const { rows: found } = await q.query<{
      decision: string | null;
      stage: string;
      stage_by: string | null;
      drafted_by: string | null;
    }>('SELECT decision, stage, stage_by, drafted_by FROM comments WHERE id = $1 AND consultation_id = $2', [
      input.comment,
      consultationId,
    ]);
    const c = found[0];
    if (!c) throw notFound(`comment ${input.comment}`);
    if (separate && c.stage === from[0]) {
      const checked = input.step === 'sign' && c.stage_by === who.actor;
      if (checked || c.drafted_by === who.actor) {
        const [did, next] = checked
          ? ['checked', 'signs it off']
          : ['drafted', input.step === 'sign' ? 'signs it off' : 'checks it'];
        throw new HttpError(
          409,
          'same-person',
          `comment ${input.comment} was ${did} with this token: another person ${next}`,
          {
            zh: `拟办、审核和签发须由不同的人办理：该意见由您${checked ? '审核' : '拟办'}，请由他人${STEP_ZH[input.step]}`,
          },
        );
      }
    }
    if (!c.decision) {
      throw new HttpError(409, 'no-decision', `comment ${input.comment} has no decision to ${input.step}`, {
        zh: '该意见尚无处理意见',
      });
    }
    throw new HttpError(409, 'wrong-stage', `comment ${input.comment} is at ${c.stage}, not ${from.join(' or ')}`, {
      zh: `该意见处于“${STAGE_ZH[c.stage as SignoffStage]}”环节，不能${STEP_ZH[input.step]}`,
      stage: c.stage,
    });
  };
  if (input.dryRun) {
    const counted: unknown[] = [consultationId];
    const w = filterSql(filter, counted);
    if (separate) {
      counted.push(who.actor);
      w.push(`NOT ${ownWork(`$${counted.length}`)}`);
    }
    counted.push(from);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM comments WHERE ${w.join(' AND ')} AND decision IS NOT NULL
         AND stage = ANY($${counted.length}::text[])`,
      counted,
    );
    // One comment the step would not move: the same answer the step itself would give.
    if (input.comment !== undefined && rows[0]!.n === 0) await whyNot(db);
    return { updated: rows[0]!.n, stage: to, dryRun: true };
  }
  return db.transaction(async (tx) => {
    await lockForDecisions(tx, consultationId);
    // Checking and signing move from one stage: a plain UPDATE (a row another transaction moved
    // meanwhile fails its re-checked WHERE and is left alone). Sending back may take several, and
    // records which each came from: `o` is the rows as they stand, re-checked by the join.
    const update =
      input.step === 'return'
        ? `o AS (
             SELECT id, stage FROM comments WHERE ${where.join(' AND ')} AND decision IS NOT NULL
               AND stage = ANY(${fromSql}::text[])
           ), u AS (
             UPDATE comments c SET stage = ${toSql}, stage_by = ${actorSql}, stage_at = now(),
               returned_reason = ${reasonSql}, revision = c.revision + 1, updated_at = now()
             FROM o WHERE c.id = o.id AND c.stage = o.stage AND c.decision IS NOT NULL
             RETURNING c.id, o.stage AS was
           )`
        : `u AS (
             UPDATE comments SET stage = ${toSql}, stage_by = ${actorSql}, stage_at = now(),
               returned_reason = ${reasonSql}, revision = revision + 1, updated_at = now()
             WHERE ${where.join(' AND ')} AND decision IS NOT NULL AND stage = ANY(${fromSql}::text[])
             RETURNING id, (${fromSql}::text[])[1] AS was
           )`;
    const { rows } = await tx.query<{ n: number }>(
      `WITH ${update}, s AS (
         SELECT count(*)::int AS n, coalesce(jsonb_agg(id ORDER BY id), '[]'::jsonb) AS ids,
           jsonb_build_object('draft', count(*) FILTER (WHERE was = 'draft'),
             'checked', count(*) FILTER (WHERE was = 'checked'), 'signed', count(*) FILTER (WHERE was = 'signed')) AS was
         FROM u
       ), a AS (
         INSERT INTO audit_log (actor, action, consultation_id, comment_id, after)
         SELECT ${actorSql}, ${action}, $1, ${commentSql}::bigint,
           ${info}::jsonb || jsonb_build_object('updated', n, 'from', was, 'comments', ids)
         FROM s WHERE n > 0 RETURNING 1
       )
       SELECT n FROM s`,
      params,
    );
    const updated = rows[0]!.n;
    if (input.comment !== undefined && updated === 0) await whyNot(tx);
    if (!separate) return { updated, stage: to };
    // What was left for someone else: drafted (for 审核), or drafted or checked (for 签发), by this token.
    const counted: unknown[] = [consultationId];
    const w = filterSql(filter, counted);
    counted.push(who.actor, from[0]);
    const { rows: own } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM comments WHERE ${w.join(' AND ')} AND decision IS NOT NULL
         AND ${ownWork(`$${counted.length - 1}`)} AND stage = $${counted.length}`,
      counted,
    );
    return { updated, stage: to, [input.step === 'sign' ? 'checkedByYou' : 'draftedByYou']: own[0]!.n };
  });
}

const STAGE_ZH: Record<SignoffStage, string> = { draft: '拟办', checked: '审核', signed: '签发' };
const STEP_ZH: Record<SignoffStep, string> = { check: '审核', sign: '签发', return: '退回' };

/**
 * What blocks publication, from index-only counts: unhandled comments, decisions per step and
 * unit, open assignments per unit; the first few ids of each. Never reads the comments.
 */
export async function blockers(db: Queryable, consultationId: string): Promise<PublicationBlocking> {
  const FIRST = 5;
  // Each from a partial index (migration 030), index-only.
  const { rows: pending } = await db.query<{ unmoderated: number; undecided: number }>(
    `SELECT count(*) FILTER (WHERE moderation = 'pending')::int AS unmoderated,
       count(*) FILTER (WHERE moderation = 'approved')::int AS undecided
     FROM comments WHERE consultation_id = $1 AND decision IS NULL AND moderation <> 'rejected'`,
    [consultationId],
  );
  const { rows: steps } = await db.query<{ unit_id: string | null; stage: SignoffStage; n: number }>(
    `SELECT unit_id, stage, count(*)::int AS n FROM comments
     WHERE consultation_id = $1 AND decision IS NOT NULL AND stage <> 'signed' GROUP BY unit_id, stage`,
    [consultationId],
  );
  const unhandled = (moderation: string) =>
    `ARRAY(SELECT id FROM comments WHERE consultation_id = $1 AND decision IS NULL AND moderation <> 'rejected'
       AND moderation = '${moderation}' ORDER BY id LIMIT $2)`;
  const unsigned = (stage: string) =>
    `ARRAY(SELECT id FROM comments WHERE consultation_id = $1 AND decision IS NOT NULL AND stage <> 'signed'
       AND stage = '${stage}' ORDER BY id LIMIT $2)`;
  const { rows: firstRow } = await db.query<Record<string, string[]>>(
    `SELECT ${unhandled('pending')} AS unmoderated, ${unhandled('approved')} AS undecided,
       ${unsigned('draft')} AS draft, ${unsigned('checked')} AS checked`,
    [consultationId, FIRST],
  );
  const first = Object.entries(firstRow[0]!).map(([step, ids]) => ({ step, ids }));
  const { rows: open } = await db.query<{
    unit_id: string;
    name: string;
    n: number;
    overdue: number;
    ids: string[];
  }>(
    `SELECT a.unit_id, u.name, count(*)::int AS n, count(*) FILTER (WHERE a.due < current_date)::int AS overdue,
       (array_agg(a.id ORDER BY a.id))[1:$2] AS ids
     FROM assignments a JOIN units u ON u.id = a.unit_id
     WHERE a.consultation_id = $1 AND a.closed_at IS NULL GROUP BY a.unit_id, u.name ORDER BY u.name`,
    [consultationId, FIRST],
  );
  const units = new Map<string | null, PublicationBlocking['byUnit'][number]>();
  const unitOf = (id: string | null, name: string | null) => {
    const key = id === null ? null : String(id);
    let u = units.get(key);
    if (!u) {
      u = {
        unit: key === null ? null : Number(key),
        unitName: name,
        draft: 0,
        checked: 0,
        openAssignments: 0,
        overdue: 0,
        firstAssignments: [],
      };
      units.set(key, u);
    }
    if (name && !u.unitName) u.unitName = name;
    return u;
  };
  for (const a of open) {
    const u = unitOf(a.unit_id, a.name);
    u.openAssignments = a.n;
    u.overdue = a.overdue;
    u.firstAssignments = a.ids.map(Number);
  }
  let draft = 0;
  let checked = 0;
  for (const s of steps) {
    const u = unitOf(s.unit_id, null);
    if (s.stage === 'draft') {
      u.draft += s.n;
      draft += s.n;
    } else if (s.stage === 'checked') {
      u.checked += s.n;
      checked += s.n;
    }
  }
  if (units.size) {
    const named = [...units.values()].filter((u) => u.unit !== null && !u.unitName).map((u) => u.unit);
    if (named.length) {
      const { rows } = await db.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE id = ANY($1)', [
        named,
      ]);
      for (const r of rows) units.get(String(r.id))!.unitName = r.name;
    }
  }
  const { unmoderated, undecided } = pending[0]!;
  const counts: Record<string, number> = { unmoderated, undecided, draft, checked };
  return {
    unmoderated,
    undecided,
    draft,
    checked,
    openAssignments: open.reduce((n, a) => n + a.n, 0),
    byStep: first
      .filter((f) => counts[f.step])
      .map((f) => ({
        step: f.step as PublicationBlocking['byStep'][number]['step'],
        count: counts[f.step]!,
        first: (f.ids ?? []).map(Number),
      })),
    byUnit: [...units.values()],
  };
}

/** True when nothing blocks publication. */
export const clear = (b: PublicationBlocking) =>
  !b.unmoderated && !b.undecided && !b.draft && !b.checked && !b.openAssignments;

/** The 409 of a publication with something in its way, listing it. */
export function blockedError(b: PublicationBlocking): HttpError {
  if (b.unmoderated || b.undecided) {
    return new HttpError(409, 'undecided', `${b.unmoderated} comments await moderation and ${b.undecided} a decision`, {
      zh: `尚有 ${b.unmoderated} 条意见未审核、${b.undecided} 条意见未作处理`,
      unmoderated: b.unmoderated,
      undecided: b.undecided,
      blocking: b,
    });
  }
  const parts = [
    b.draft ? `${b.draft} decisions await checking (拟办)` : '',
    b.checked ? `${b.checked} await sign-off (审核)` : '',
    b.openAssignments ? `${b.openAssignments} assignments are open` : '',
  ].filter(Boolean);
  const zh = [
    b.draft ? `${b.draft} 条处理意见待审核` : '',
    b.checked ? `${b.checked} 条待签发` : '',
    b.openAssignments ? `${b.openAssignments} 项交办未办结` : '',
  ].filter(Boolean);
  return new HttpError(409, 'not-signed-off', `not yet publishable: ${parts.join(', ')}`, {
    zh: `尚不能发布：${zh.join('，')}`,
    blocking: b,
  });
}

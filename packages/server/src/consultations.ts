// Consultations: the window, the draft they are about and what the rules require to be published.
import {
  type ConsultationCounts,
  type ConsultationList,
  type ConsultationView,
  consultationDays,
  MIN_CONSULTATION_DAYS,
} from '@gongkai/format';
import type { Database, Queryable } from './db/database.js';
import { audit } from './lib/audit.js';
import { HttpError, notFound } from './lib/errors.js';
import { consultationChanged, consultationCreated } from './notify/outbox.js';
import { storePolicyOver } from './policies.js';

export interface ConsultationInput {
  id?: string;
  title?: string;
  policyId?: string;
  policy?: Record<string, unknown>;
  opens?: string;
  closes?: string;
  shortWindowReason?: string;
  origins?: string[];
  contact?: string;
  draftingNotes?: string;
  basis?: { title: string; url?: string }[];
  /** A calendar date (2030-05-20); null clears it. */
  feedbackExpected?: string | null;
  /** The page where citizens read the draft (https://… or a path on the site); null clears it. */
  pageUrl?: string | null;
  /** Why the window moved: sent to those who follow the consultation (PATCH only). */
  windowChangeReason?: string;
  /** The earlier round on the same policy; null clears it. */
  previousRound?: string | null;
}

/** A consultation as stored. */
export interface Row {
  id: string;
  title: string;
  policy_id: string | null;
  opens: Date;
  closes: Date;
  short_window_reason: string | null;
  origins: string[];
  contact: string | null;
  drafting_notes: string | null;
  basis: { title: string; url?: string }[];
  feedback_expected: unknown;
  /** The same date as text (2030-05-20): the drivers turn a `date` into a Date at local midnight. */
  feedback_expected_day: string | null;
  page_url: string | null;
  previous_round: string | null;
  /** The version of the policy it is about (migration 033). */
  policy_version: number | null;
  published: boolean;
}

const SELECT = `SELECT c.*, to_char(c.feedback_expected, 'YYYY-MM-DD') AS feedback_expected_day,
    EXISTS (SELECT 1 FROM feedback_versions f WHERE f.consultation_id = c.id) AS published
  FROM consultations c WHERE c.id = $1`;

export async function getConsultationRow(db: Queryable, id: string): Promise<Row> {
  const { rows } = await db.query<Row>(SELECT, [id]);
  if (!rows[0]) throw notFound(`consultation with id ${id}`);
  return rows[0];
}

export function status(row: Pick<Row, 'opens' | 'closes' | 'published'>, now = Date.now()) {
  if (row.published) return 'feedback-published' as const;
  if (now < new Date(row.opens).getTime()) return 'upcoming' as const;
  return now < new Date(row.closes).getTime() ? ('open' as const) : ('closed' as const);
}

/** A date-only `closes` means the end of that day (China Standard Time, where these offices are). */
export function toTimestamp(value: string, end: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${end ? '23:59:59.999' : '00:00:00'}+08:00`;
  return value;
}

export async function viewConsultation(db: Queryable, id: string): Promise<ConsultationView> {
  const row = await getConsultationRow(db, id);
  const { rows } = await db.query<{ clause: string | null; n: number }>(
    'SELECT clause, count(*)::int AS n FROM comments WHERE consultation_id = $1 GROUP BY clause',
    [id],
  );
  const byClause = Object.fromEntries(rows.map((r) => [r.clause ?? '', r.n]));
  return {
    id: row.id,
    title: row.title,
    policyId: row.policy_id,
    opens: new Date(row.opens).toISOString(),
    closes: new Date(row.closes).toISOString(),
    days: windowDays(row.opens, row.closes),
    shortWindowReason: row.short_window_reason,
    status: status(row),
    contact: row.contact,
    draftingNotes: row.drafting_notes,
    basis: row.basis,
    origins: row.origins,
    feedbackExpected: row.feedback_expected_day,
    pageUrl: row.page_url,
    counts: { received: rows.reduce((s, r) => s + r.n, 0), byClause },
    ...(await rounds(db, row)),
  };
}

/** The rounds before and after a consultation: each names the one before it. */
async function rounds(db: Queryable, row: Row): Promise<Pick<ConsultationView, 'previousRound' | 'nextRound'>> {
  type Round = Pick<Row, 'id' | 'title' | 'page_url' | 'opens' | 'closes' | 'published'> & { next: boolean };
  const fields = `id, title, page_url, opens, closes,
    EXISTS (SELECT 1 FROM feedback_versions f WHERE f.consultation_id = c.id) AS published`;
  const { rows } = await db.query<Round>(
    `SELECT ${fields}, false AS next FROM consultations c WHERE c.id = $1
     UNION ALL (SELECT ${fields}, true FROM consultations c WHERE c.previous_round = $2 ORDER BY c.opens, c.id LIMIT 1)`,
    [row.previous_round, row.id],
  );
  const round = (r: (typeof rows)[number] | undefined) =>
    r ? { id: r.id, title: r.title, pageUrl: r.page_url, status: status(r) } : null;
  return { previousRound: round(rows.find((r) => !r.next)), nextRound: round(rows.find((r) => r.next)) };
}

/** A round names an earlier consultation on the same policy, never itself or a later one of its own chain. */
async function checkPreviousRound(tx: Queryable, id: string, previous: string, policyId: string | null) {
  const { rows } = await tx.query<{ id: string; policy_id: string | null; chain: string[] }>(
    `WITH RECURSIVE chain AS (
       SELECT id, policy_id, previous_round, 1 AS depth FROM consultations WHERE id = $1
       UNION ALL SELECT c.id, c.policy_id, c.previous_round, chain.depth + 1
       FROM consultations c JOIN chain ON c.id = chain.previous_round WHERE chain.depth < 50
     ) SELECT (SELECT id FROM chain WHERE depth = 1) AS id, (SELECT policy_id FROM chain WHERE depth = 1) AS policy_id,
       ARRAY(SELECT id FROM chain) AS chain`,
    [previous],
  );
  const found = rows[0];
  if (!found?.id) throw invalid('$.previousRound', `no consultation with id ${previous}`);
  if (found.chain.includes(id))
    throw invalid('$.previousRound', `${previous} cannot be the round before ${id}: ${id} comes before it`);
  if (policyId && found.policy_id && found.policy_id !== policyId)
    throw invalid('$.previousRound', `${previous} consults on policy ${found.policy_id}, not ${policyId}`);
}

export interface ConsultationListQuery {
  limit: number;
  /** `<opens in µs since 1970>~<id>` of the last item of the previous page. */
  cursor?: string;
}

/** A consultation's comments counted by where they stand (the console's progress). */
const COUNTS = `SELECT count(*)::int AS received,
    count(*) FILTER (WHERE m.moderation = 'pending')::int AS unmoderated,
    count(*) FILTER (WHERE m.moderation = 'approved' AND m.decision IS NULL)::int AS undecided,
    count(*) FILTER (WHERE m.moderation = 'approved' AND m.decision IS NOT NULL)::int AS decided,
    count(*) FILTER (WHERE m.moderation = 'rejected')::int AS removed
  FROM comments m`;
const countsOf = ({ received, unmoderated, undecided, decided, removed }: ConsultationCounts): ConsultationCounts => ({
  received,
  unmoderated,
  undecided,
  decided,
  removed,
});

export async function consultationCounts(db: Queryable, id: string): Promise<ConsultationCounts> {
  await getConsultationRow(db, id);
  const { rows } = await db.query<ConsultationCounts>(`${COUNTS} WHERE m.consultation_id = $1`, [id]);
  return countsOf(rows[0]!);
}

/**
 * Every consultation for staff, newest window first (then by id), a page at a time, each with
 * its comments counted by where they stand: one statement, the counts taken for the page only.
 */
export async function listConsultations(
  db: Queryable,
  query: ConsultationListQuery,
  /** A token limited to these consultations sees only them. */
  only: string[] | null = null,
): Promise<ConsultationList> {
  const opensUs = '(extract(epoch FROM c.opens) * 1000000)::bigint';
  const params: unknown[] = [query.limit + 1];
  const where: string[] = [];
  if (query.cursor) {
    const cut = query.cursor.indexOf('~');
    params.push(query.cursor.slice(0, cut), query.cursor.slice(cut + 1));
    where.push(`(${opensUs} < $2::bigint OR (${opensUs} = $2::bigint AND c.id > $3))`);
  }
  if (only) {
    params.push(only);
    where.push(`c.id = ANY($${params.length})`);
  }
  const after = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await db.query<
    {
      id: string;
      title: string;
      opens: Date;
      closes: Date;
      feedback_expected_day: string | null;
      published: boolean;
      opens_us: string | number;
    } & ConsultationCounts
  >(
    `WITH page AS (
       SELECT c.id, c.title, c.opens, c.closes, to_char(c.feedback_expected, 'YYYY-MM-DD') AS feedback_expected_day,
         EXISTS (SELECT 1 FROM feedback_versions f WHERE f.consultation_id = c.id) AS published,
         ${opensUs} AS opens_us
       FROM consultations c ${after}
       ORDER BY opens_us DESC, c.id LIMIT $1
     )
     SELECT page.*, k.* FROM page LEFT JOIN LATERAL (
       ${COUNTS} WHERE m.consultation_id = page.id
     ) k ON true
     ORDER BY page.opens_us DESC, page.id`,
    params,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      title: r.title,
      status: status(r),
      opens: new Date(r.opens).toISOString(),
      closes: new Date(r.closes).toISOString(),
      feedbackExpected: r.feedback_expected_day,
      counts: countsOf(r),
    })),
    next: rows.length > query.limit && last ? `${last.opens_us}~${last.id}` : null,
  };
}

// A date-only `closes` is stored as 23:59:59.999 of that day; the extra millisecond makes
// 1 March … 30 March count as the 30 days an editor counts on a calendar.
const windowDays = (opens: Date | string, closes: Date | string) =>
  consultationDays(new Date(opens).toISOString(), new Date(new Date(closes).getTime() + 1).toISOString());

function checkWindow(opens: string, closes: string, reason: string | null | undefined): void {
  const o = Date.parse(opens);
  const c = Date.parse(closes);
  if (Number.isNaN(o) || Number.isNaN(c)) throw invalid('$.opens', 'opens and closes must be real dates');
  if (c <= o) throw invalid('$.closes', 'the window closes before it opens');
  const days = windowDays(opens, closes);
  if (days < MIN_CONSULTATION_DAYS && !reason?.trim()) {
    throw new HttpError(
      422,
      'short-window',
      `the window is ${days} days, shorter than ${MIN_CONSULTATION_DAYS}: give shortWindowReason, which is published`,
      { zh: `征求意见期为 ${days} 天，少于 ${MIN_CONSULTATION_DAYS} 天，须说明理由（shortWindowReason），理由将公开` },
    );
  }
}

/** The feedback cannot be expected before the window closes (it may be the closing day itself). */
function checkFeedbackExpected(closes: string, day: string | null | undefined): void {
  if (!day) return;
  const end = Date.parse(toTimestamp(day, true));
  if (Number.isNaN(end)) throw invalid('$.feedbackExpected', 'feedbackExpected must be a real date');
  if (end < Date.parse(closes)) {
    const message = `feedbackExpected (${day}) is before the window closes; give a later date or null`;
    throw new HttpError(422, 'feedback-before-close', message, {
      zh: '预计公布意见采纳情况的日期早于征求意见截止日期',
      problems: [{ path: '$.feedbackExpected', message }],
    });
  }
}

// The audit log records that a bundle was given, not the whole document.
const withoutBundle = (input: ConsultationInput) => (input.policy ? { ...input, policy: '(bundle)' } : input);

const invalid = (path: string, message: string) =>
  new HttpError(400, 'invalid', message, { problems: [{ path, message }] });

async function storePolicy(tx: Queryable, input: ConsultationInput, actor: string): Promise<string | undefined> {
  if (input.policy) return (await storePolicyOver(tx, input.policy, { actor }, '$.policy')).bundle.id;
  if (input.policyId) {
    const { rows } = await tx.query('SELECT 1 FROM policies WHERE id = $1', [input.policyId]);
    if (!rows[0]) throw invalid('$.policyId', `no policy with id ${input.policyId}`);
  }
  return input.policyId;
}

export async function createConsultation(db: Database, input: ConsultationInput, actor: string) {
  const opens = toTimestamp(input.opens!, false);
  const closes = toTimestamp(input.closes!, true);
  checkWindow(opens, closes, input.shortWindowReason);
  checkFeedbackExpected(closes, input.feedbackExpected);
  await db.transaction(async (tx) => {
    const policyId = await storePolicy(tx, input, actor);
    if (input.previousRound) await checkPreviousRound(tx, input.id!, input.previousRound, policyId ?? null);
    const { rows } = await tx.query(
      `INSERT INTO consultations (id, title, policy_id, opens, closes, short_window_reason, origins, contact, drafting_notes, basis,
         feedback_expected, page_url, previous_round, policy_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, (SELECT version FROM policies WHERE id = $3))
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        input.id,
        input.title,
        policyId ?? null,
        opens,
        closes,
        input.shortWindowReason ?? null,
        input.origins ?? [],
        input.contact ?? null,
        input.draftingNotes ?? null,
        JSON.stringify(input.basis ?? []),
        input.feedbackExpected ?? null,
        input.pageUrl ?? null,
        input.previousRound ?? null,
      ],
    );
    if (!rows[0]) throw new HttpError(409, 'exists', `a consultation with id ${input.id} exists`);
    await audit(tx, { actor, action: 'consultation.create', consultationId: input.id!, after: withoutBundle(input) });
    // The opening and the reminders before closing, in the outbox with the consultation.
    await consultationCreated(tx, await getConsultationRow(tx, input.id!));
  });
  return viewConsultation(db, input.id!);
}

export async function patchConsultation(db: Database, id: string, input: ConsultationInput, actor: string) {
  await db.transaction(async (tx) => {
    const before = await getConsultationRow(tx, id);
    const opens = input.opens ? toTimestamp(input.opens, false) : new Date(before.opens).toISOString();
    const closes = input.closes ? toTimestamp(input.closes, true) : new Date(before.closes).toISOString();
    const reason = input.shortWindowReason ?? before.short_window_reason;
    checkWindow(opens, closes, reason);
    // null clears the date; absent keeps it (and a kept date must still follow the closing).
    const feedbackExpected =
      input.feedbackExpected !== undefined ? input.feedbackExpected : before.feedback_expected_day;
    checkFeedbackExpected(closes, feedbackExpected);
    const policyId = (await storePolicy(tx, input, actor)) ?? before.policy_id;
    if (policyId !== before.policy_id) await refuseIfCommented(tx, id);
    const previousRound = input.previousRound !== undefined ? input.previousRound : before.previous_round;
    if (input.previousRound) await checkPreviousRound(tx, id, input.previousRound, policyId);
    await tx.query(
      `UPDATE consultations SET title = $2, policy_id = $3, opens = $4, closes = $5, short_window_reason = $6,
         origins = $7, contact = $8, drafting_notes = $9, basis = $10, feedback_expected = $11, page_url = $12,
         previous_round = $13, updated_at = now(),
         policy_version = CASE WHEN policy_id IS DISTINCT FROM $3 THEN (SELECT version FROM policies WHERE id = $3)
           ELSE policy_version END
       WHERE id = $1`,
      [
        id,
        input.title ?? before.title,
        policyId,
        opens,
        closes,
        reason,
        input.origins ?? before.origins,
        input.contact ?? before.contact,
        input.draftingNotes ?? before.drafting_notes,
        JSON.stringify(input.basis ?? before.basis),
        feedbackExpected,
        input.pageUrl !== undefined ? input.pageUrl : before.page_url,
        previousRound,
      ],
    );
    const after = await getConsultationRow(tx, id);
    const changed = changedFields(before, after);
    const why = input.windowChangeReason?.trim() || null;
    if (why && ('opens' in changed.after || 'closes' in changed.after)) changed.after.windowChangeReason = why;
    await audit(tx, { actor, action: 'consultation.update', consultationId: id, ...changed });
    // Those who follow it hear of a moved window, with the reason, from the same transaction.
    await consultationChanged(tx, before, after, why);
  });
  return viewConsultation(db, id);
}

// The fields of a consultation the audit log compares, by their names in the API.
const AUDITED: Record<string, keyof Row> = {
  title: 'title',
  policyId: 'policy_id',
  opens: 'opens',
  closes: 'closes',
  shortWindowReason: 'short_window_reason',
  origins: 'origins',
  contact: 'contact',
  draftingNotes: 'drafting_notes',
  basis: 'basis',
  feedbackExpected: 'feedback_expected_day',
  pageUrl: 'page_url',
  previousRound: 'previous_round',
};

/** What a change really changed, field by field: the audit log says that, not what was sent. */
function changedFields(before: Row, after: Row): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  const changed = Object.entries(AUDITED).filter(
    ([, column]) => JSON.stringify(plain(before[column])) !== JSON.stringify(plain(after[column])),
  );
  return {
    before: Object.fromEntries(changed.map(([name, column]) => [name, plain(before[column])])),
    after: Object.fromEntries(changed.map(([name, column]) => [name, plain(after[column])])),
  };
}

/** Comments were made on the consultation's text: it cannot be pointed at another policy. */
async function refuseIfCommented(tx: Queryable, id: string): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM comments WHERE consultation_id = $1 LIMIT 1', [id]);
  if (rows[0]) {
    throw new HttpError(
      409,
      'policy-in-consultation',
      `consultation ${id} has comments on its text; its policy cannot be replaced`,
      {
        zh: '该征求意见已收到意见，不能更换所针对的文件；请以新版本发布修订稿',
      },
    );
  }
}

// Publishing the adoption feedback (意见采纳情况反馈). Each publication is a stored snapshot:
// what citizens read is exactly what was published, and earlier versions stay for staff.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import {
  type Decision,
  type FeedbackCommentsPage,
  type FeedbackCounts,
  type FeedbackPreview,
  type FeedbackSummary,
  type FeedbackView,
  type PublicationBlocking,
  REMOVAL_REASONS,
  type RemovalReason,
} from '@gongkai/format';
import { publishChanges, publishReceiptChanges } from './changes.js';
import { getConsultationRow } from './consultations.js';
import type { Database, Queryable } from './db/database.js';
import { draftClauses } from './draft-clauses.js';
import { audit } from './lib/audit.js';
import { CpuWorker } from './lib/cpu-worker.js';
import { HttpError } from './lib/errors.js';
import {
  countByChannel,
  type FeedbackSource,
  feedbackFrom,
  NONE_RECEIVED,
  zeroByChannel,
  zeroCounts,
} from './lib/feedback-view.js';
import { digitRuns } from './lib/mask.js';
import { searchKeys } from './lib/minhash.js';
import { pgArray } from './lib/pg-array.js';
import { feedbackPublished } from './notify/outbox.js';
import { blockedError, blockers, clear } from './signoff.js';

export const DECISION_LABELS: Record<string, string> = {
  adopted: '采纳',
  'partly-adopted': '部分采纳',
  'not-adopted': '不予采纳',
  'out-of-scope': '不属于本次征求意见范围',
};

/**
 * The feedback as it would be published now, from the current decisions, personal data masked;
 * and how many comments still await moderation or a decision, counted from the same rows.
 */
export async function draftFeedback(db: Queryable, consultationId: string) {
  const c = await getConsultationRow(db, consultationId);
  const { rows } = await db.query<FeedbackSource>(
    `SELECT clause, body, submitter_type AS "submitterType", name, moderation, decision, reason,
       removal_reason AS "removalReason", channel
     FROM comments WHERE consultation_id = $1 ORDER BY id`,
    [consultationId],
  );
  const clauses = await draftClauses(db, c.policy_id, c.policy_version);
  return { consultation: c, ...feedbackFrom(c, rows, clauses.order, clauses.labels) };
}

/** The feedback as it would be published now (without its version and date). */
export async function buildFeedback(db: Queryable, consultationId: string) {
  return (await draftFeedback(db, consultationId)).feedback;
}

/**
 * What publishing now would publish, written nowhere: the publication itself, run and rolled back,
 * with the present time; with what still blocks publication, if anything.
 */
export async function previewFeedback(db: Database, consultationId: string): Promise<FeedbackPreview> {
  const c = await getConsultationRow(db, consultationId);
  const { content, unmoderated, undecided, flagged, blocking } = await publication(db, consultationId, 'preview', true);
  const stillOpen = Date.now() < new Date(c.closes).getTime();
  return {
    feedback: { ...content, published: new Date().toISOString() },
    publishable: !stillOpen && clear(blocking),
    stillOpen,
    unmoderated,
    undecided,
    flagged,
    blocking,
  };
}

/** Published comments read, masked (in a worker thread) and written at a time. */
const PUBLISH_PAGE = 2000;
/** The comments in the feedback document itself; the rest are read in pages. */
export const FIRST_PAGE = 50;

/**
 * Publishes the feedback as a new version: the summary (counts by clause and outcome, removals by
 * category, campaigns, reasons by frequency) in `feedback_versions`, and every published comment,
 * masked, as a row of `feedback_comments` — read, masked off the event loop and written a page at
 * a time, so memory stays bounded whatever their number. One transaction, holding the
 * consultation FOR UPDATE (decisions hold it FOR SHARE): the rows, the summary and the published
 * columns that receipts read all come from the same state.
 */
export async function publishFeedback(
  db: Database,
  consultationId: string,
  actor: string,
  run?: RunHooks,
): Promise<FeedbackView> {
  const { content } = await publication(db, consultationId, actor, false, run);
  // The new rows' statistics now, not at autovacuum's next pass: with a table the planner
  // believes empty, a search of 500,000 published comments read them all (9.7 s) instead of
  // its bigram index. Best effort: the version is published whatever this does.
  await db.query('ANALYZE feedback_comments').catch(() => undefined);
  return content;
}

/**
 * Published comments are found by their comment's search keys, which grouping writes: those it
 * has not reached yet (comments arriving as the window closed) are keyed here, a page at a time
 * (ON CONFLICT: the job may key one meanwhile).
 */
async function keyUnsearchable(tx: Queryable, consultationId: string, cpu: CpuWorker) {
  for (;;) {
    const { rows } = await tx.query<{ id: string; body: string }>(
      `SELECT id, body FROM comments m
       WHERE consultation_id = $1 AND moderation = 'approved' AND decision IS NOT NULL AND NOT grouped
         AND NOT EXISTS (SELECT 1 FROM comment_search s WHERE s.comment_id = m.id)
       ORDER BY id LIMIT $2`,
      [consultationId, PUBLISH_PAGE],
    );
    if (!rows.length) return;
    const keys = await cpu.run(
      'keys',
      rows.map((r) => r.body),
    );
    await tx.query(
      `INSERT INTO comment_search (comment_id, consultation_id, search)
       SELECT x.id, $1, x.search::int[] FROM unnest($2::bigint[], $3::text[]) AS x(id, search)
       ON CONFLICT (comment_id) DO NOTHING`,
      [consultationId, rows.map((r) => r.id), keys.map(pgArray)],
    );
  }
}

/** A decided comment as publishing and the printed report read it. */
export type PublishedRow = {
  id: string;
  clause: string | null;
  body: string;
  name: string | null;
  submitter_type: string;
  decision: string;
  reason: string | null;
};

/** What the publication job does inside the publishing transaction (publication-runs.ts). */
export interface RunHooks {
  /** First, holding the run: refuses (throws) when it is no longer to be done. */
  begin(tx: Queryable): Promise<void>;
  /** Last, in the same transaction: the run is finished exactly when the version is committed. */
  end(tx: Queryable, version: number): Promise<void>;
}

/** A dry run's result, carried out of its transaction by the error that rolls it back. */
class RolledBack extends Error {
  constructor(
    readonly result: {
      content: FeedbackView;
      unmoderated: number;
      undecided: number;
      flagged: FeedbackPreview['flagged'];
      blocking: PublicationBlocking;
    },
  ) {
    super('dry run');
  }
}

/**
 * Publishes (see publishFeedback), or with `dryRun` does every step of it and rolls it all back:
 * the preview is then exactly what publishing would publish, however it is built. A dry run
 * refuses nothing (the window may be open, comments unhandled: those are counted, not listed).
 */
async function publication(db: Database, consultationId: string, actor: string, dryRun: boolean, run?: RunHooks) {
  const cpu = new CpuWorker();
  try {
    return await db.transaction(async (tx) => {
      await run?.begin(tx);
      // A dry run shares the row with decisions; publishing holds them off (decisions.ts).
      await tx.query(`SELECT id FROM consultations WHERE id = $1 ${dryRun ? 'FOR SHARE' : 'FOR UPDATE'}`, [
        consultationId,
      ]);
      const c = await getConsultationRow(tx, consultationId);
      if (!dryRun && Date.now() < new Date(c.closes).getTime()) {
        throw new HttpError(409, 'still-open', `comments are open until ${new Date(c.closes).toISOString()}`, {
          zh: '征求意见尚未截止',
        });
      }
      // Unhandled comments, decisions not signed off, open assignments: counted from indexes.
      const blocking = await blockers(tx, consultationId);
      const { unmoderated, undecided } = blocking;
      if (!dryRun && !clear(blocking)) throw blockedError(blocking);
      const { rows: v } = await tx.query<{ version: number; published_at: Date }>(
        `INSERT INTO feedback_versions (consultation_id, version, published_by, content, rows, keyed_by_comment)
         SELECT $1, coalesce(max(version), 0) + 1, $2, '', true, true FROM feedback_versions WHERE consultation_id = $1
         RETURNING version, published_at`,
        [consultationId, actor],
      );
      const { version, published_at } = v[0]!;
      const { labels, order } = await draftClauses(tx, c.policy_id, c.policy_version);
      await keyUnsearchable(tx, consultationId, cpu);
      // Campaigns: members of a group of two or more published comments name its first `no`.
      const { rows: campaigns } = await tx.query<{ group_id: string }>(
        `SELECT group_id FROM comments
         WHERE consultation_id = $1 AND moderation = 'approved' AND decision IS NOT NULL AND group_id IS NOT NULL
         GROUP BY group_id HAVING count(*) > 1`,
        [consultationId],
      );
      const firstNo = new Map<string, number | null>(campaigns.map((g) => [g.group_id, null]));
      const campaignNo = (group: string | null, no: number) => {
        if (group === null || !firstNo.has(group)) return null;
        const first = firstNo.get(group) ?? no;
        firstNo.set(group, first);
        return first;
      };
      const digest = createHash('sha256');
      let no = 0;
      type Row = PublishedRow & { group_id: string | null };
      const read = async (after: string) =>
        (
          await tx.query<Row>(
            `SELECT id, clause, body, name, submitter_type, decision, reason, group_id FROM comments
             WHERE consultation_id = $1 AND moderation = 'approved' AND decision IS NOT NULL AND id > $2
             ORDER BY id LIMIT $3`,
            [consultationId, after, PUBLISH_PAGE],
          )
        ).rows;
      const mask = (rows: Row[]) => {
        const masked = cpu.run(
          'mask',
          rows.map((r) => ({ body: r.body, name: r.name, submitterType: r.submitter_type })),
        );
        masked.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
        return masked;
      };
      // A page is masked in the worker while the one before it is written.
      let rows = await read('0');
      let masking = mask(rows);
      while (rows.length) {
        const masked = await masking;
        const out = rows.map((r, i) => ({
          no: ++no,
          comment_id: Number(r.id),
          clause: r.clause,
          clause_label: r.clause === null ? null : (labels.get(r.clause) ?? null),
          body: masked[i]!.body,
          name: masked[i]!.name,
          submitter_type: r.submitter_type,
          decision: r.decision,
          reason: r.reason,
          group_id: r.group_id === null ? null : Number(r.group_id),
          group_no: campaignNo(r.group_id, no),
        }));
        for (const o of out) digest.update(JSON.stringify([o.no, o.clause, o.body, o.name, o.decision, o.reason]));
        rows = rows.length < PUBLISH_PAGE ? [] : await read(rows.at(-1)!.id);
        masking = mask(rows);
        await tx.query(
          `INSERT INTO feedback_comments (consultation_id, version, no, comment_id, clause, clause_label, body, name,
             submitter_type, decision, reason, group_id, group_no)
           SELECT $1, $2, x.no, x.comment_id, x.clause, x.clause_label, x.body, x.name, x.submitter_type, x.decision,
             x.reason, x.group_id, x.group_no
           FROM jsonb_to_recordset($3::jsonb) AS x(no int, comment_id bigint, clause text, clause_label text, body text,
             name text, submitter_type text, decision text, reason text, group_id bigint, group_no int)`,
          [consultationId, version, JSON.stringify(out)],
        );
      }
      // 修改说明: the changes of the next version these comments led to, written into their rows.
      const changes = await publishChanges(tx, consultationId, version, c.policy_id);
      const summary = await summaryOf(tx, consultationId, version, c, order, labels);
      const first = await feedbackPage(tx, consultationId, version, true, { limit: FIRST_PAGE }, summary);
      const content: FeedbackView = {
        ...summary,
        version,
        published: new Date(published_at).toISOString(),
        comments: first.items,
        next: first.next,
        total: summary.summary.published,
        ...(changes ? { changes } : {}),
      };
      if (dryRun) {
        // Published comments in which a long number survived the masking, for a human look.
        const { rows: suspect } = await tx.query<{ no: number; body: string }>(
          `SELECT no, body FROM feedback_comments WHERE consultation_id = $1 AND version = $2
             AND body ~ '([0-9０-９][ .\\-－]?){7}' ORDER BY no`,
          [consultationId, version],
        );
        const flagged = suspect.flatMap((x) => {
          const digits = digitRuns(x.body);
          return digits.length ? [{ no: x.no, digits }] : [];
        });
        throw new RolledBack({ content, unmoderated, undecided, flagged, blocking });
      }
      await tx.query('UPDATE feedback_versions SET content = $3 WHERE consultation_id = $1 AND version = $2', [
        consultationId,
        version,
        JSON.stringify(content),
      ]);
      // What each receipt now tells: replaced whole (inserting is cheaper than rewriting every comment).
      await tx.query('DELETE FROM comment_outcomes WHERE consultation_id = $1', [consultationId]);
      await tx.query(
        `INSERT INTO comment_outcomes (comment_id, consultation_id, moderation, decision, reason)
         SELECT id, consultation_id, moderation, decision, reason FROM comments WHERE consultation_id = $1`,
        [consultationId],
      );
      if (changes) await publishReceiptChanges(tx, consultationId, changes);
      // The digest of what was published, summary and every row: the chained audit log vouches for it.
      digest.update(JSON.stringify(summary));
      digest.update(JSON.stringify(changes));
      await audit(tx, {
        actor,
        action: 'feedback.publish',
        consultationId,
        after: { version, comments: no, sha256: digest.digest('hex') },
      });
      // Each subscribed commenter and follower hears of it: the event, in this transaction.
      await feedbackPublished(tx, consultationId, version, changes);
      await run?.end(tx, version);
      return { content, unmoderated, undecided, flagged: [] as FeedbackPreview['flagged'], blocking };
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  } finally {
    await cpu.close();
  }
}

const KEYS: Record<string, keyof FeedbackCounts> = {
  adopted: 'adopted',
  'partly-adopted': 'partlyAdopted',
  'not-adopted': 'notAdopted',
  'out-of-scope': 'outOfScope',
};

/**
 * A consultation's comments counted in the database (one GROUP BY): the figures as the feedback
 * states them, by clause in the draft's order (whole text first), and what still awaits handling.
 * Publishing and the printed report both count with it.
 */
export async function countComments(db: Queryable, consultationId: string, order: ReadonlyMap<string, number>) {
  const { rows } = await db.query<{
    clause: string | null;
    moderation: string;
    decision: string | null;
    removal_reason: string | null;
    channel: string;
    submitter_type: string;
    n: number;
  }>(
    `SELECT clause, moderation, decision, removal_reason, channel, submitter_type, count(*)::int AS n FROM comments
     WHERE consultation_id = $1 GROUP BY clause, moderation, decision, removal_reason, channel, submitter_type`,
    [consultationId],
  );
  const summary: FeedbackSummary & { removedBy: Record<RemovalReason, number> } & ReturnType<typeof zeroByChannel> = {
    ...zeroCounts(),
    removedBy: Object.fromEntries(REMOVAL_REASONS.map((r) => [r, 0])) as Record<RemovalReason, number>,
    ...zeroByChannel(),
  };
  const byClause = new Map<string | null, FeedbackCounts>();
  let unmoderated = 0;
  let undecided = 0;
  for (const r of rows) {
    const clause = byClause.get(r.clause) ?? zeroCounts();
    byClause.set(r.clause, clause);
    for (const counts of [summary, clause]) {
      counts.received += r.n;
      if (r.moderation === 'rejected') counts.removed += r.n;
      else if (r.decision) {
        counts.published += r.n;
        counts[KEYS[r.decision]!] += r.n;
      }
    }
    if (r.moderation === 'rejected' && (REMOVAL_REASONS as readonly (string | null)[]).includes(r.removal_reason)) {
      summary.removedBy[r.removal_reason as RemovalReason] += r.n;
    }
    if (r.moderation === 'pending') unmoderated += r.n;
    else if (r.moderation === 'approved' && !r.decision) undecided += r.n;
    countByChannel(summary, r.channel, r.submitter_type, r.n);
  }
  const rank = (k: string | null) => (k === null ? -1 : (order.get(k) ?? order.size));
  const clauses = [...byClause].sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
  return { summary, clauses, unmoderated, undecided };
}

/** The published version's figures, counted in the database from the comments and the rows. */
async function summaryOf(
  tx: Queryable,
  consultationId: string,
  version: number,
  c: { id: string; title: string },
  order: ReadonlyMap<string, number>,
  labels: ReadonlyMap<string, string>,
) {
  const { summary, clauses } = await countComments(tx, consultationId, order);
  const { rows: groups } = await tx.query<{ no: number; size: number }>(
    `SELECT group_no AS no, count(*)::int AS size FROM feedback_comments
     WHERE consultation_id = $1 AND version = $2 AND group_no IS NOT NULL GROUP BY group_no ORDER BY size DESC, no`,
    [consultationId, version],
  );
  const { rows: reasons } = await tx.query<{ decision: Decision; reason: string; count: number }>(
    `SELECT decision, reason, count(*)::int AS count FROM feedback_comments
     WHERE consultation_id = $1 AND version = $2 AND reason IS NOT NULL
     GROUP BY decision, reason ORDER BY count DESC, decision, reason LIMIT 30`,
    [consultationId, version],
  );
  return {
    consultation: c.id,
    title: c.title,
    message: summary.received === 0 ? NONE_RECEIVED : null,
    summary,
    byClause: clauses.map(([clause, counts]) => ({
      clause,
      label: clause === null ? null : (labels.get(clause) ?? null),
      ...counts,
    })),
    campaigns: {
      groups: groups.length,
      copies: groups.reduce((sum, g) => sum + g.size - 1, 0),
      largest: groups.slice(0, 10),
    },
    reasons,
  };
}

export interface FeedbackPageQuery {
  limit: number;
  cursor?: string;
  /** A clause id, or `none` for comments on the whole text. */
  clause?: string;
  decision?: Decision;
  q?: string;
}

/** A page of a published version's comments, with how many match the filters. */
export async function feedbackPage(
  db: Queryable,
  consultationId: string,
  version: number,
  keyedByComment: boolean,
  query: FeedbackPageQuery,
  figures?: PublishedFigures,
): Promise<FeedbackCommentsPage> {
  const params: unknown[] = [consultationId, version];
  const where = ['consultation_id = $1', 'version = $2'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (query.clause === 'none') where.push('clause IS NULL');
  else if (query.clause) add('clause = ?', query.clause);
  if (query.decision) add('decision = ?', query.decision);
  if (query.q) {
    add("body ILIKE '%' || ? || '%'", query.q.replace(/[\\%_]/g, '\\$&'));
    const keys = searchKeys(query.q);
    if (keys.length && keyedByComment) {
      add(
        'comment_id = ANY(ARRAY(SELECT comment_id FROM comment_search WHERE search @> ?::int[] AND consultation_id = $1))',
        keys,
      );
    } else if (keys.length) add('search @> ?::int[]', keys);
  }
  const filters = where.join(' AND ');
  // Without a search the figures published with the version say how many match: counting half a
  // million rows for a page took 0.5 s.
  const total =
    (figures && totalFrom(figures, query)) ??
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback_comments WHERE ${filters}`, params))
      .rows[0]!.n;
  const page = [...params];
  let keyset = '';
  if (query.cursor) {
    page.push(Number(query.cursor));
    keyset = ` AND no > $${page.length}`;
  }
  page.push(query.limit + 1);
  const { rows } = await db.query<{
    no: number;
    clause: string | null;
    clause_label: string | null;
    body: string;
    name: string | null;
    submitter_type: string;
    decision: Decision;
    reason: string | null;
    group_no: number | null;
    changes: string[] | null;
  }>(
    `SELECT no, clause, clause_label, body, name, submitter_type, decision, reason, group_no, changes FROM feedback_comments
     WHERE ${filters}${keyset} ORDER BY no LIMIT $${page.length}`,
    page,
  );
  const items = rows.slice(0, query.limit).map((r) => ({
    no: r.no,
    clause: r.clause,
    clauseLabel: r.clause_label,
    body: r.body,
    name: r.name,
    submitterType: r.submitter_type,
    decision: r.decision,
    reason: r.reason,
    group: r.group_no,
    ...(r.changes?.length ? { changes: r.changes } : {}),
  }));
  return { items, next: rows.length > query.limit ? String(items.at(-1)!.no) : null, total };
}

type PublishedFigures = Pick<FeedbackView, 'summary' | 'byClause'>;

/** How many published comments a filter without search matches, from the version's figures. */
function totalFrom(figures: PublishedFigures, query: FeedbackPageQuery): number | undefined {
  if (query.q) return undefined;
  const counts =
    query.clause === undefined
      ? figures.summary
      : (figures.byClause.find((c) => c.clause === (query.clause === 'none' ? null : query.clause)) ?? zeroCounts());
  return query.decision ? counts[KEYS[query.decision]!] : counts.published;
}

/** A page of the latest published version's comments (older versions' comments are paged from their document). */
export async function latestFeedbackPage(db: Queryable, consultationId: string, query: FeedbackPageQuery) {
  const latest = await latestVersion(db, consultationId);
  if (latest.rows) {
    const figures = query.q ? undefined : (await snapshotOf(db, consultationId, latest)).view();
    return feedbackPage(db, consultationId, latest.version, latest.keyed_by_comment, query, figures);
  }
  // Published before rows: every comment is in the document; filtered and paged here (such versions are small).
  const all = (await snapshotOf(db, consultationId, latest))
    .view()
    .comments.filter(
      (x) =>
        (query.clause === undefined || (query.clause === 'none' ? x.clause === null : x.clause === query.clause)) &&
        (!query.decision || x.decision === query.decision) &&
        (!query.q || x.body.toLowerCase().includes(query.q.toLowerCase())),
    );
  const start = query.cursor ? all.findIndex((x) => x.no > Number(query.cursor)) : 0;
  const items = start < 0 ? [] : all.slice(start, start + query.limit);
  const more = start >= 0 && start + query.limit < all.length;
  return { items, next: more ? String(items.at(-1)!.no) : null, total: all.length };
}

// A published version never changes, so its text, and the same text compressed with brotli and
// gzip, are kept after the first read: a request then costs one small query for the latest
// version number, not megabytes from the database, and no compression work.
export type Encoding = 'br' | 'gzip' | 'identity';

export interface FeedbackSnapshot {
  content: string;
  /** Of the uncompressed text; an encoded body's ETag adds a suffix (see `etagFor`). */
  etag: string;
  /** The snapshot's bytes in an encoding, compressed once (in the thread pool) and kept. */
  encoded(encoding: 'br' | 'gzip'): Promise<Buffer>;
  /** The content parsed, once. */
  view(): FeedbackView;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function snapshot(content: string, etag: string): FeedbackSnapshot {
  const cache = new Map<'br' | 'gzip', Promise<Buffer>>();
  let parsed: FeedbackView | undefined;
  return {
    content,
    etag,
    view: () => {
      parsed ??= JSON.parse(content) as FeedbackView;
      return parsed;
    },
    encoded(encoding) {
      let bytes = cache.get(encoding);
      if (!bytes) {
        const raw = Buffer.from(content);
        // Brotli 9: within a few percent of 11's size at a hundredth of its time.
        bytes =
          encoding === 'br'
            ? brotli(raw, {
                params: {
                  [zlib.BROTLI_PARAM_QUALITY]: 9,
                  [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
                  [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
                },
              })
            : gzipped(raw, { level: 9 });
        bytes.catch(() => cache.delete(encoding));
        cache.set(encoding, bytes);
      }
      return bytes;
    },
  };
}

/** The strong ETag of one encoding of a snapshot: each coding is a different representation. */
export const etagFor = (etag: string, encoding: Encoding) =>
  encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`;

const snapshots = new WeakMap<Queryable, Map<string, FeedbackSnapshot>>();

type PublishedVersion = { version: number; published_at: Date; rows: boolean; keyed_by_comment: boolean };

/** The latest published version of a consultation's feedback (404 when there is none). */
async function latestVersion(db: Queryable, consultationId: string): Promise<PublishedVersion> {
  const { rows } = await db.query<PublishedVersion>(
    `SELECT version, published_at, rows, keyed_by_comment FROM feedback_versions WHERE consultation_id = $1
     ORDER BY version DESC LIMIT 1`,
    [consultationId],
  );
  if (!rows[0]) {
    await getConsultationRow(db, consultationId); // 404 for an unknown consultation
    throw new HttpError(404, 'not-published', 'the feedback on this consultation has not been published yet', {
      zh: '意见采纳情况尚未公布',
    });
  }
  return rows[0];
}

/** A published version's stored text, read once and kept (see FeedbackSnapshot). */
async function snapshotOf(db: Queryable, consultationId: string, v: PublishedVersion): Promise<FeedbackSnapshot> {
  const etag = `"${consultationId}-${v.version}-${new Date(v.published_at).getTime()}"`;
  const cache = snapshots.get(db) ?? new Map<string, FeedbackSnapshot>();
  snapshots.set(db, cache);
  let found = cache.get(etag);
  if (found === undefined) {
    const { rows: c } = await db.query<{ content: string }>(
      'SELECT content FROM feedback_versions WHERE consultation_id = $1 AND version = $2',
      [consultationId, v.version],
    );
    found = snapshot(c[0]!.content, etag);
    if (cache.size > 50) cache.clear();
    cache.set(etag, found);
  }
  return found;
}

/** The latest published feedback, as stored: the JSON text and what identifies its version. */
export async function latestFeedback(db: Queryable, consultationId: string): Promise<FeedbackSnapshot> {
  return snapshotOf(db, consultationId, await latestVersion(db, consultationId));
}

export async function feedbackVersions(db: Queryable, consultationId: string) {
  await getConsultationRow(db, consultationId);
  const { rows } = await db.query<{ version: number; published_at: Date; published_by: string; content: string }>(
    'SELECT version, published_at, published_by, content FROM feedback_versions WHERE consultation_id = $1 ORDER BY version',
    [consultationId],
  );
  return {
    versions: rows.map((r) => ({
      version: r.version,
      published: new Date(r.published_at).toISOString(),
      by: r.published_by,
      feedback: JSON.parse(r.content),
    })),
  };
}

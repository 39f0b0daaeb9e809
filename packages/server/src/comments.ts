// Submitting a comment: one SQL statement does the idempotency lookup, the window and clause
// checks, the rate-limit count and the insert. Submissions that arrive in the same turn of the
// event loop are written together (group commit): one statement, one transaction, one round trip
// for all of them, each answered only after that statement has committed. The statement is
// prepared once per connection: planning it cost more than running it.
import { createHash } from 'node:crypto';
import { receiptChanges } from './changes.js';
import type { Database, Queryable } from './db/database.js';
import { draftClauses } from './draft-clauses.js';
import { HttpError, isDatabaseLost, notFound } from './lib/errors.js';
import { carriedSql, retrySql, slideOnConflictSql, windowStartSql } from './lib/rate-limit.js';
import { formatReceipt, newReceipt, parseReceipt } from './lib/receipts.js';

export interface CommentInput {
  body: string;
  clause?: string;
  submitterType?: 'individual' | 'organization' | 'anonymous';
  name?: string;
  contact?: string;
  website?: string;
}

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

// $1: the batch, a JSON array of requests (n numbers them; no two share consultation and key);
// $2: the window in seconds; $3: the limit per window. Per request it answers as one request
// alone would: the requests that count against a bucket add their number to its counter at once,
// and the k-th of them in the batch is the counter's value before the batch plus k.
const SUBMIT = `
WITH req AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(n int, consultation text, key text, bucket text,
    receipt text, hash text, clause text, body text, submitter text, name text, contact text)
), c AS (
  -- Index probes, one per request (LIMIT keeps the planner from a hash join over the table).
  SELECT r.n, c.opens, c.closes, c.policy_version, now() >= c.opens AND now() < c.closes AS open,
    (r.clause IS NULL OR c.bundle IS NULL OR jsonb_array_length(coalesce(c.bundle->'clauses', '[]')) = 0
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.bundle->'clauses') e WHERE e->>'id' = r.clause)) AS clause_ok
  FROM req r CROSS JOIN LATERAL (
    SELECT c.opens, c.closes, p.bundle, p.version AS policy_version
    FROM consultations c LEFT JOIN policies p ON p.id = c.policy_id
    WHERE c.id = r.consultation LIMIT 1
  ) c
), ex AS (
  -- The (consultation_id, idempotency_key) unique index (see migrations/003), likewise: a hash
  -- join would read every comment of every consultation.
  SELECT r.n, m.receipt, m.request_hash FROM req r CROSS JOIN LATERAL (
    SELECT receipt, request_hash FROM comments WHERE consultation_id = r.consultation AND idempotency_key = r.key LIMIT 1
  ) m
), counted AS (
  -- The requests that count against their bucket: window open, clause known, key new.
  SELECT r.*, row_number() OVER (PARTITION BY r.bucket ORDER BY r.n) AS rank,
    count(*) OVER (PARTITION BY r.bucket) AS batch_hits
  FROM req r JOIN c ON c.n = r.n
  WHERE c.open AND c.clause_ok AND NOT EXISTS (SELECT 1 FROM ex WHERE ex.n = r.n)
), rl AS (
  -- Buckets in one order, so that concurrent batches (other instances) do not deadlock.
  INSERT INTO rate_limits (bucket, window_start, hits)
  SELECT bucket, ${windowStartSql('$2::int')}, count(*)
  FROM counted GROUP BY bucket ORDER BY bucket
  ${slideOnConflictSql('$2::int')}
  RETURNING bucket, hits, window_start, ${carriedSql('$2::int')} AS carried
), ins AS (
  -- Each comment keeps the version of the draft it was made on.
  INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, clause, body, submitter_type, name, contact,
    policy_version)
  SELECT k.consultation, k.receipt, k.key, k.hash, k.clause, k.body, k.submitter, k.name, k.contact, c.policy_version
  FROM counted k JOIN rl ON rl.bucket = k.bucket JOIN c ON c.n = k.n WHERE rl.carried + rl.hits - k.batch_hits + k.rank <= $3::int
  ORDER BY k.consultation, k.key
  ON CONFLICT (consultation_id, idempotency_key) DO NOTHING
  RETURNING consultation_id, idempotency_key, receipt
)
SELECT r.n, c.opens, c.closes, c.open, c.clause_ok, ex.receipt AS ex_receipt, ex.request_hash AS ex_hash,
  (rl.carried + rl.hits - k.batch_hits + k.rank)::float8 AS hits,
  ${retrySql('$2::int')} AS retry,
  ins.receipt
FROM req r
LEFT JOIN c ON c.n = r.n
LEFT JOIN ex ON ex.n = r.n
LEFT JOIN counted k ON k.n = r.n
LEFT JOIN rl ON rl.bucket = k.bucket
LEFT JOIN ins ON ins.consultation_id = r.consultation AND ins.idempotency_key = r.key`;

interface SubmitRow {
  n: number;
  /** Null when there is no such consultation. */
  opens: Date | null;
  closes: Date;
  open: boolean;
  clause_ok: boolean;
  ex_receipt: string | null;
  ex_hash: string | null;
  hits: number | null;
  retry: number | null;
  receipt: string | null;
}

/** One request of a batch, as the statement's jsonb_to_recordset reads it. */
interface BatchRow {
  consultation: string;
  key: string;
  bucket: string;
  receipt: string;
  hash: string;
  clause: string | null;
  body: string;
  submitter: string;
  name: string | null;
  contact: string | null;
}

interface Pending {
  row: BatchRow;
  resolve: (row: SubmitRow) => void;
  reject: (error: unknown) => void;
}

/** The submissions waiting for the next statement, and the statements under way. */
interface Queue {
  pending: Pending[];
  scheduled: boolean;
  running: number;
}

/** Per database and rate limit. */
const queues = new WeakMap<Database, Map<string, Queue>>();

// Statements under way at once, per queue. While they run, submissions gather for the next one;
// with one, the database and this process would take turns idling; with no limit, statements
// would be small and many (on PostgreSQL, batches of 11 instead of 16 and fewer comments per
// second). Two, on both databases.
const MAX_RUNNING = 2;

/** Queues one submission for the next statement. */
function write(db: Database, limit: RateLimit, row: BatchRow): Promise<SubmitRow> {
  const byLimit = queues.get(db) ?? new Map<string, Queue>();
  queues.set(db, byLimit);
  const id = `${limit.max}/${limit.windowSeconds}`;
  let queue = byLimit.get(id);
  if (!queue) {
    queue = { pending: [], scheduled: false, running: 0 };
    byLimit.set(id, queue);
  }
  const q = queue;
  const answer = new Promise<SubmitRow>((resolve, reject) => q.pending.push({ row, resolve, reject }));
  schedule(db, limit, q);
  return answer;
}

function schedule(db: Database, limit: RateLimit, q: Queue): void {
  if (q.scheduled || q.running >= MAX_RUNNING || q.pending.length === 0) return;
  q.scheduled = true;
  setImmediate(() => {
    q.scheduled = false;
    // One request per idempotency key in a statement: a repeat waits for the next one, where it
    // finds the first one's comment, as it would had it come a moment later.
    const keys = new Set<string>();
    const batch: Pending[] = [];
    const later: Pending[] = [];
    for (const p of q.pending) {
      const k = JSON.stringify([p.row.consultation, p.row.key]);
      if (keys.has(k)) later.push(p);
      else {
        keys.add(k);
        batch.push(p);
      }
    }
    q.pending = later;
    q.running++;
    run(db, limit, batch).finally(() => {
      q.running--;
      schedule(db, limit, q);
    });
  });
}

async function run(db: Database, limit: RateLimit, batch: Pending[]): Promise<void> {
  try {
    const json = JSON.stringify(
      batch.map((p, n) => ({ ...p.row, n })),
      (_, v) => (typeof v === 'string' ? wellFormed(v) : v),
    );
    const { rows } = await db.prepared<SubmitRow>('gk_submit_comments', SUBMIT, [json, limit.windowSeconds, limit.max]);
    const byN = new Map(rows.map((r) => [r.n, r]));
    for (const [n, p] of batch.entries()) {
      const row = byN.get(n);
      if (row) p.resolve(row);
      else p.reject(new Error('no answer for a comment of the batch'));
    }
  } catch (error) {
    // One request must not fail the others (nor a deadlock with another instance's batch):
    // unless the database is away, each is tried again in a statement of its own.
    if (batch.length > 1 && !isDatabaseLost(error)) await Promise.all(batch.map((p) => run(db, limit, [p])));
    else for (const p of batch) p.reject(error);
  }
}

/**
 * Lone UTF-16 surrogates as U+FFFD, as the drivers encode them in a text parameter: JSON would
 * carry them as \uD800 escapes, which jsonb refuses.
 */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const requestHash = (input: CommentInput) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        input.body,
        input.clause ?? null,
        input.submitterType ?? 'individual',
        input.name ?? null,
        input.contact ?? null,
      ]),
    )
    .digest('base64url');

const replay = (storedHash: string, hash: string, receipt: string) => {
  if (storedHash !== hash) {
    throw new HttpError(409, 'idempotency-conflict', 'this Idempotency-Key was used for a different comment', {
      zh: '该 Idempotency-Key 已用于另一条意见',
    });
  }
  return { receipt: formatReceipt(receipt), status: 'received' as const, replayed: true };
};

export async function submitComment(
  db: Database,
  consultationId: string,
  key: string,
  client: string,
  input: CommentInput,
  limit: RateLimit,
) {
  if (!input.body.trim()) {
    throw new HttpError(400, 'invalid', 'the comment is empty', {
      problems: [{ path: '$.body', message: 'the comment is empty' }],
    });
  }
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === 'string' && value.includes('\0')) {
      const message = 'the text contains a NUL character';
      throw new HttpError(400, 'invalid', message, { problems: [{ path: `$.${field}`, message }] });
    }
  }
  const hash = requestHash(input);
  const row = await write(db, limit, {
    consultation: consultationId,
    key,
    bucket: `comment:${consultationId}:${client}`,
    receipt: newReceipt(),
    hash,
    clause: input.clause ?? null,
    body: input.body,
    submitter: input.submitterType ?? 'individual',
    name: input.submitterType === 'anonymous' ? null : (input.name?.trim() ?? null),
    contact: input.contact?.trim() || null,
  });
  if (row.opens === null) throw notFound(`consultation with id ${consultationId}`);
  if (row.ex_receipt) return replay(row.ex_hash!, hash, row.ex_receipt);
  if (!row.open) throw windowError(row.opens, row.closes);
  if (!row.clause_ok) {
    const message = `the draft has no clause ${input.clause}`;
    throw new HttpError(400, 'invalid', message, { problems: [{ path: '$.clause', message }] });
  }
  if (row.receipt) return { receipt: formatReceipt(row.receipt), status: 'received' as const, replayed: false };
  if (row.hits !== null && row.hits > limit.max) {
    const retry = Math.max(1, row.retry ?? limit.windowSeconds);
    throw new HttpError(
      429,
      'rate-limited',
      `too many comments from this address; try again in ${retry} s`,
      { zh: `提交过于频繁，请 ${retry} 秒后再试` },
      { 'retry-after': String(retry) },
    );
  }
  // Another request with the same key committed while this one waited on the unique index.
  const { rows } = await db.query<{ receipt: string; request_hash: string }>(
    'SELECT receipt, request_hash FROM comments WHERE consultation_id = $1 AND idempotency_key = $2',
    [consultationId, key],
  );
  if (!rows[0]) throw new Error('comment neither stored nor found');
  return replay(rows[0].request_hash, hash, rows[0].receipt);
}

function windowError(opens: Date, closes: Date): HttpError {
  const o = new Date(opens).toISOString();
  const c = new Date(closes).toISOString();
  const upcoming = Date.now() < new Date(opens).getTime();
  return new HttpError(
    403,
    upcoming ? 'not-open-yet' : 'closed',
    upcoming ? `comments open at ${o}` : `comments closed at ${c}`,
    { zh: upcoming ? `征求意见将于 ${o} 开始` : `征求意见已于 ${c} 截止`, opens: o, closes: c },
  );
}

export async function lookupReceipt(db: Queryable, input: string) {
  const receipt = parseReceipt(input);
  if (!receipt) {
    throw new HttpError(400, 'invalid-receipt', 'this is not a receipt number: check it for typing mistakes', {
      zh: '回执编号有误，请核对',
    });
  }
  const { rows } = await db.query<{
    consultation_id: string;
    title: string;
    page_url: string | null;
    feedback_expected: string | null;
    policy_id: string | null;
    clause: string | null;
    created_at: Date;
    published_decision: string | null;
    published_reason: string | null;
    published_moderation: string | null;
    policy_version: number | null;
    change_version: number | null;
    changes: string[] | null;
  }>(
    `SELECT m.consultation_id, c.title, c.page_url, to_char(c.feedback_expected, 'YYYY-MM-DD') AS feedback_expected,
       c.policy_id, m.clause, m.created_at, o.decision AS published_decision, o.reason AS published_reason,
       o.moderation AS published_moderation, m.policy_version, o.change_version, o.changes
     FROM comments m JOIN consultations c ON c.id = m.consultation_id LEFT JOIN comment_outcomes o ON o.comment_id = m.id
     WHERE m.receipt = $1`,
    [receipt],
  );
  const r = rows[0];
  if (!r) throw notFound('comment with this receipt');
  const removed = r.published_moderation === 'rejected';
  // Labelled as in the version it was made on: the one the commenter read.
  const labels = r.clause ? (await draftClauses(db, r.policy_id, r.policy_version)).labels : null;
  return {
    receipt: formatReceipt(receipt),
    consultation: r.consultation_id,
    title: r.title,
    pageUrl: r.page_url,
    feedbackExpected: r.feedback_expected,
    clause: r.clause,
    clauseLabel: (r.clause && labels?.get(r.clause)) || null,
    submitted: new Date(r.created_at).toISOString(),
    status: removed ? 'removed' : r.published_decision ? 'decided' : 'received',
    decision: removed ? null : r.published_decision,
    reason: removed ? null : r.published_reason,
    changes: removed ? null : await receiptChanges(db, r.policy_id, r.policy_version, r.change_version, r.changes),
  };
}

// Submitting a comment: one SQL statement does the idempotency lookup, the window and clause
// checks, the rate-limit count and the insert, so a comment costs one round trip. The statement
// is prepared once per connection: planning it cost more than running it.
import { createHash } from 'node:crypto';
import type { Database, Queryable } from './db/database.js';
import { HttpError, notFound } from './lib/errors.js';
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

const SUBMIT = `
WITH c AS (
  SELECT c.opens, c.closes, now() >= c.opens AND now() < c.closes AS open,
    ($8::text IS NULL OR p.bundle IS NULL OR jsonb_array_length(coalesce(p.bundle->'clauses', '[]')) = 0
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(p.bundle->'clauses') e WHERE e->>'id' = $8)) AS clause_ok
  FROM consultations c LEFT JOIN policies p ON p.id = c.policy_id WHERE c.id = $1
), ex AS (
  -- The (consultation_id, idempotency_key) unique index; see migrations/003.
  SELECT receipt, request_hash FROM comments WHERE consultation_id = $1 AND idempotency_key = $2
), rl AS (
  INSERT INTO rate_limits (bucket, window_start, hits)
  SELECT $3, to_timestamp(floor(extract(epoch FROM now()) / $4::int) * $4::int), 1
  FROM c WHERE c.open AND c.clause_ok AND NOT EXISTS (SELECT 1 FROM ex)
  ON CONFLICT (bucket) DO UPDATE SET
    hits = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.hits + 1 ELSE 1 END,
    window_start = EXCLUDED.window_start
  RETURNING hits, window_start
), ins AS (
  INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, clause, body, submitter_type, name, contact)
  SELECT $1, $6, $2, $7, $8, $9, $10, $11, $12 FROM rl WHERE rl.hits <= $5::int
  ON CONFLICT (consultation_id, idempotency_key) DO NOTHING
  RETURNING receipt
)
SELECT c.opens, c.closes, c.open, c.clause_ok,
  (SELECT receipt FROM ex) AS ex_receipt, (SELECT request_hash FROM ex) AS ex_hash,
  (SELECT hits FROM rl) AS hits,
  (SELECT ceil(extract(epoch FROM window_start + make_interval(secs => $4::int) - now()))::int FROM rl) AS retry,
  (SELECT receipt FROM ins) AS receipt
FROM c`;

interface SubmitRow {
  opens: Date;
  closes: Date;
  open: boolean;
  clause_ok: boolean;
  ex_receipt: string | null;
  ex_hash: string | null;
  hits: number | null;
  retry: number | null;
  receipt: string | null;
}

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
  const params = [
    consultationId,
    key,
    `comment:${consultationId}:${client}`,
    limit.windowSeconds,
    limit.max,
    newReceipt(),
    hash,
    input.clause ?? null,
    input.body,
    input.submitterType ?? 'individual',
    input.submitterType === 'anonymous' ? null : (input.name?.trim() ?? null),
    input.contact?.trim() || null,
  ];
  const row = (await db.prepared<SubmitRow>('gk_submit_comment', SUBMIT, params)).rows[0];
  if (!row) throw notFound(`consultation with id ${consultationId}`);
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
    clause: string | null;
    created_at: Date;
    published_decision: string | null;
    published_reason: string | null;
    published_moderation: string | null;
  }>(
    `SELECT consultation_id, clause, created_at, published_decision, published_reason, published_moderation
     FROM comments WHERE receipt = $1`,
    [receipt],
  );
  const r = rows[0];
  if (!r) throw notFound('comment with this receipt');
  const removed = r.published_moderation === 'rejected';
  return {
    receipt: formatReceipt(receipt),
    consultation: r.consultation_id,
    clause: r.clause,
    submitted: new Date(r.created_at).toISOString(),
    status: removed ? 'removed' : r.published_decision ? 'decided' : 'received',
    decision: removed ? null : r.published_decision,
    reason: removed ? null : r.published_reason,
  };
}

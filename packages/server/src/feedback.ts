// Publishing the adoption feedback (意见采纳情况反馈). Each publication is a stored snapshot:
// what citizens read is exactly what was published, and earlier versions stay for staff.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import type { FeedbackPreview, FeedbackView } from '@gongkai/format';
import { draftClauses, getConsultationRow } from './consultations.js';
import type { Database, Queryable } from './db/database.js';
import { audit } from './lib/audit.js';
import { HttpError } from './lib/errors.js';
import { type FeedbackSource, feedbackFrom } from './lib/feedback-view.js';
import { digitRuns } from './lib/mask.js';

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
       removal_reason AS "removalReason"
     FROM comments WHERE consultation_id = $1 ORDER BY id`,
    [consultationId],
  );
  const clauses = await draftClauses(db, c.policy_id);
  return { consultation: c, ...feedbackFrom(c, rows, clauses.order, clauses.labels) };
}

/** The feedback as it would be published now (without its version and date). */
export async function buildFeedback(db: Queryable, consultationId: string) {
  return (await draftFeedback(db, consultationId)).feedback;
}

/**
 * What publishing now would publish, written nowhere: the same builder and masking, the next
 * version number and the present time; with what still blocks publication, if anything.
 */
export async function previewFeedback(db: Queryable, consultationId: string): Promise<FeedbackPreview> {
  const { consultation: c, feedback, unmoderated, undecided } = await draftFeedback(db, consultationId);
  const { rows } = await db.query<{ version: number }>(
    'SELECT coalesce(max(version), 0) + 1 AS version FROM feedback_versions WHERE consultation_id = $1',
    [consultationId],
  );
  const stillOpen = Date.now() < new Date(c.closes).getTime();
  return {
    feedback: { ...feedback, version: Number(rows[0]!.version), published: new Date().toISOString() },
    publishable: !stillOpen && unmoderated === 0 && undecided === 0,
    stillOpen,
    unmoderated,
    undecided,
    flagged: feedback.comments.flatMap((x) => {
      const digits = digitRuns(x.body);
      return digits.length ? [{ no: x.no, digits }] : [];
    }),
  };
}

export async function publishFeedback(db: Database, consultationId: string, actor: string): Promise<FeedbackView> {
  return db.transaction(async (tx) => {
    // Decisions hold this row FOR SHARE until they commit (decisions.ts): taking it FOR UPDATE
    // waits for those under way and holds off new ones, so the snapshot below and the published
    // columns written after it come from the same rows.
    await tx.query('SELECT id FROM consultations WHERE id = $1 FOR UPDATE', [consultationId]);
    const { consultation: c, feedback, unmoderated, undecided } = await draftFeedback(tx, consultationId);
    if (Date.now() < new Date(c.closes).getTime()) {
      throw new HttpError(409, 'still-open', `comments are open until ${new Date(c.closes).toISOString()}`, {
        zh: '征求意见尚未截止',
      });
    }
    if (unmoderated || undecided) {
      throw new HttpError(409, 'undecided', `${unmoderated} comments await moderation and ${undecided} a decision`, {
        zh: `尚有 ${unmoderated} 条意见未审核、${undecided} 条意见未作处理`,
        unmoderated,
        undecided,
      });
    }
    const { rows: v } = await tx.query<{ version: number; published_at: Date }>(
      `INSERT INTO feedback_versions (consultation_id, version, published_by, content)
       SELECT $1, coalesce(max(version), 0) + 1, $2, '' FROM feedback_versions WHERE consultation_id = $1
       RETURNING version, published_at`,
      [consultationId, actor],
    );
    const { version, published_at } = v[0]!;
    const content = { ...feedback, version, published: new Date(published_at).toISOString() };
    await tx.query('UPDATE feedback_versions SET content = $3 WHERE consultation_id = $1 AND version = $2', [
      consultationId,
      version,
      JSON.stringify(content),
    ]);
    await tx.query(
      `UPDATE comments SET published_decision = decision, published_reason = reason, published_moderation = moderation
       WHERE consultation_id = $1`,
      [consultationId],
    );
    // The digest of what was published: the chained audit log then vouches for the text too.
    const sha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    await audit(tx, { actor, action: 'feedback.publish', consultationId, after: { version, sha256 } });
    return content;
  });
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
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function snapshot(content: string, etag: string): FeedbackSnapshot {
  const cache = new Map<'br' | 'gzip', Promise<Buffer>>();
  return {
    content,
    etag,
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

/** The latest published feedback, as stored: the JSON text and what identifies its version. */
export async function latestFeedback(db: Queryable, consultationId: string): Promise<FeedbackSnapshot> {
  const { rows } = await db.query<{ version: number; published_at: Date }>(
    `SELECT version, published_at FROM feedback_versions WHERE consultation_id = $1
     ORDER BY version DESC LIMIT 1`,
    [consultationId],
  );
  if (!rows[0]) {
    await getConsultationRow(db, consultationId); // 404 for an unknown consultation
    throw new HttpError(404, 'not-published', 'the feedback on this consultation has not been published yet', {
      zh: '意见采纳情况尚未公布',
    });
  }
  const r = rows[0];
  const etag = `"${consultationId}-${r.version}-${new Date(r.published_at).getTime()}"`;
  const cache = snapshots.get(db) ?? new Map<string, FeedbackSnapshot>();
  snapshots.set(db, cache);
  let found = cache.get(etag);
  if (found === undefined) {
    const { rows: c } = await db.query<{ content: string }>(
      'SELECT content FROM feedback_versions WHERE consultation_id = $1 AND version = $2',
      [consultationId, r.version],
    );
    found = snapshot(c[0]!.content, etag);
    if (cache.size > 50) cache.clear();
    cache.set(etag, found);
  }
  return found;
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

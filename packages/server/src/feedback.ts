// Publishing the adoption feedback (意见采纳情况反馈). Each publication is a stored snapshot:
// what citizens read is exactly what was published, and earlier versions stay for staff.
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { getConsultationRow } from './consultations.js';
import type { Database, Queryable } from './db/database.js';
import { audit } from './lib/audit.js';
import { HttpError } from './lib/errors.js';
import { maskText, publicName } from './lib/mask.js';

export const DECISION_LABELS: Record<string, string> = {
  adopted: '采纳',
  'partly-adopted': '部分采纳',
  'not-adopted': '不予采纳',
  'out-of-scope': '不属于本次征求意见范围',
};
const KEYS: Record<string, 'adopted' | 'partlyAdopted' | 'notAdopted' | 'outOfScope'> = {
  adopted: 'adopted',
  'partly-adopted': 'partlyAdopted',
  'not-adopted': 'notAdopted',
  'out-of-scope': 'outOfScope',
};
export const NONE_RECEIVED = '未收到意见';

interface Row {
  id: string;
  clause: string | null;
  body: string;
  submitter_type: string;
  name: string | null;
  moderation: string;
  decision: string | null;
  reason: string | null;
}

const zero = () => ({
  received: 0,
  published: 0,
  adopted: 0,
  partlyAdopted: 0,
  notAdopted: 0,
  outOfScope: 0,
  removed: 0,
});

/** The feedback as it would be published now, from the current decisions, personal data masked. */
export async function buildFeedback(db: Queryable, consultationId: string) {
  const c = await getConsultationRow(db, consultationId);
  const { rows } = await db.query<Row>(
    `SELECT id, clause, body, submitter_type, name, moderation, decision, reason FROM comments
     WHERE consultation_id = $1 ORDER BY id`,
    [consultationId],
  );
  const order = await clauseOrder(db, c.policy_id);
  const summary = zero();
  const byClause = new Map<string | null, ReturnType<typeof zero>>();
  const comments = [];
  for (const r of rows) {
    const clause = byClause.get(r.clause) ?? zero();
    byClause.set(r.clause, clause);
    for (const counts of [summary, clause]) {
      counts.received++;
      if (r.moderation === 'rejected') counts.removed++;
      else if (r.decision) {
        counts.published++;
        counts[KEYS[r.decision]!]++;
      }
    }
    if (r.moderation !== 'rejected' && r.decision) {
      comments.push({
        no: comments.length + 1,
        clause: r.clause,
        body: maskText(r.body),
        name: publicName(r.submitter_type, r.name),
        submitterType: r.submitter_type,
        decision: r.decision,
        reason: r.reason,
      });
    }
  }
  const rank = (k: string | null) => (k === null ? -1 : (order.get(k) ?? order.size));
  return {
    consultation: c.id,
    title: c.title,
    message: rows.length === 0 ? NONE_RECEIVED : null,
    summary,
    byClause: [...byClause]
      .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)))
      .map(([clause, counts]) => ({ clause, ...counts })),
    comments,
  };
}

async function clauseOrder(db: Queryable, policyId: string | null): Promise<Map<string, number>> {
  if (!policyId) return new Map();
  const { rows } = await db.query<{ id: string }>(
    "SELECT e->>'id' AS id FROM policies, jsonb_array_elements(coalesce(bundle->'clauses', '[]')) e WHERE policies.id = $1",
    [policyId],
  );
  return new Map(rows.map((r, i) => [r.id, i]));
}

export async function publishFeedback(db: Database, consultationId: string, actor: string) {
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM consultations WHERE id = $1 FOR UPDATE', [consultationId]);
    const c = await getConsultationRow(tx, consultationId);
    if (Date.now() < new Date(c.closes).getTime()) {
      throw new HttpError(409, 'still-open', `comments are open until ${new Date(c.closes).toISOString()}`, {
        zh: '征求意见尚未截止',
      });
    }
    const { rows } = await tx.query<{ unmoderated: number; undecided: number }>(
      `SELECT count(*) FILTER (WHERE moderation = 'pending')::int AS unmoderated,
              count(*) FILTER (WHERE moderation = 'approved' AND decision IS NULL)::int AS undecided
       FROM comments WHERE consultation_id = $1`,
      [consultationId],
    );
    const { unmoderated, undecided } = rows[0]!;
    if (unmoderated || undecided) {
      throw new HttpError(409, 'undecided', `${unmoderated} comments await moderation and ${undecided} a decision`, {
        zh: `尚有 ${unmoderated} 条意见未审核、${undecided} 条意见未作处理`,
        unmoderated,
        undecided,
      });
    }
    const feedback = await buildFeedback(tx, consultationId);
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
    await audit(tx, { actor, action: 'feedback.publish', consultationId, after: { version } });
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

// Public endpoints: what a citizen's browser calls, from the pages of the configured origins.
import type { FastifyInstance } from 'fastify';
import type { Attachments } from '../attachments/attachments.js';
import { type CommentInput, lookupReceipt, type RateLimit, submitComment } from '../comments.js';
import { viewConsultation } from '../consultations.js';
import type { Database } from '../db/database.js';
import { etagFor, type FeedbackPageQuery, latestFeedback, latestFeedbackPage } from '../feedback.js';
import { addVary, preferredEncoding } from '../lib/compress.js';
import { HttpError, notFound } from '../lib/errors.js';
import { carriedSql, retrySql, slideOnConflictSql, windowStartSql } from '../lib/rate-limit.js';
import { formatReceipt, newReceipt } from '../lib/receipts.js';
import { type NotifyOptions, offeredChannels } from '../notify/options.js';
import { NotifyOffer } from '../notify/schemas.js';
import { checkNotifyInput, type NotifyInput, receiptNotify, subscribeComment } from '../notify/subscriptions.js';
import * as S from '../schemas.js';

export interface PublicOptions {
  commentLimit: RateLimit;
  voteLimit: RateLimit;
  /** Notifications, when configured; `domain` names Message-IDs. */
  notify?: { options: NotifyOptions; domain: string; queued: () => void };
  /** Files attached to comments (uploaded first; the comment names their tokens). */
  attachments?: Attachments;
}

export function publicRoutes(app: FastifyInstance, db: Database, options: PublicOptions): void {
  const tags = ['public'];
  const offered = offeredChannels(options.notify?.options);

  app.get<{ Params: { id: string } }>(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags,
        summary: 'A consultation: title, window, status and counts',
        params: S.IdParams,
        response: {
          200: { ...S.ConsultationView, properties: { ...S.ConsultationView.properties, notify: NotifyOffer } },
          ...S.errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      // The channels offered, so the comment form shows only those (issue 20).
      return { ...(await viewConsultation(db, request.params.id)), notify: { channels: offered } };
    },
  );

  app.post<{
    Params: { id: string };
    Body: CommentInput & { notify?: NotifyInput; attachments?: string[] };
    Headers: { 'idempotency-key': string };
  }>(
    '/api/v1/consultations/:id/comments',
    {
      schema: {
        tags,
        summary: 'Submit a comment; the same Idempotency-Key and body give the same receipt',
        params: S.IdParams,
        headers: S.IdempotencyHeaders,
        body: S.CommentCreate,
        response: { 201: S.ReceiptView, ...S.errors(400, 403, 404, 409, 413, 429, 503) },
      },
    },
    async (request, reply) => {
      if (request.body.website) {
        // A bot filled the honeypot: it is told what a person would be told, and nothing is kept.
        request.log.info('honeypot filled; comment discarded');
        return reply.code(201).send({ receipt: formatReceipt(newReceipt()), status: 'received' });
      }
      const { notify, attachments, ...input } = request.body;
      const key = request.headers['idempotency-key'];
      // A wish that cannot be kept is refused before the comment is stored.
      if (notify) checkNotifyInput(options.notify?.options, notify);
      // So are files that cannot join it (expired, another comment's): the client uploads them again.
      if (attachments?.length) {
        if (!options.attachments) throw new HttpError(400, 'attachments-off', 'this service takes no attachments');
        await options.attachments.check(request.params.id, key, attachments);
      }
      const result = await submitComment(
        db,
        request.params.id,
        request.headers['idempotency-key'],
        request.ip,
        input,
        options.commentLimit,
      );
      // Linked after the comment is stored; a retry with the same key links what the first did not.
      if (attachments?.length) await options.attachments!.link(request.params.id, key, attachments);
      // Kept apart from the comment; a retry with the same key adds it if the first try did not.
      if (notify && options.notify) {
        await subscribeComment(db, options.notify.options, result.receipt, notify, options.notify.domain);
        options.notify.queued();
      }
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send({ receipt: result.receipt, status: result.status });
    },
  );

  app.get<{ Params: { receipt: string } }>(
    '/api/v1/receipts/:receipt',
    {
      schema: {
        tags,
        summary: "A comment's status by receipt, and its decision and reason once published",
        params: S.ReceiptParams,
        response: { 200: S.ReceiptLookup, ...S.errors(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const found = await lookupReceipt(db, request.params.receipt);
      return { ...found, notify: await receiptNotify(db, request.params.receipt) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/consultations/:id/feedback',
    {
      schema: {
        tags,
        summary: 'The published adoption feedback (意见采纳情况反馈), personal data masked',
        params: S.IdParams,
        response: { 200: S.FeedbackView, ...S.errors(400, 404) },
      },
    },
    async (request, reply) => {
      const feedback = await latestFeedback(db, request.params.id);
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      const etag = etagFor(feedback.etag, encoding);
      addVary(reply, 'Accept-Encoding');
      reply.header('etag', etag).header('cache-control', 'public, max-age=60, must-revalidate');
      if (notModified(request.headers['if-none-match'], feedback.etag)) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      // Sent as stored: the snapshot is already JSON, so it is not parsed and re-serialised, and
      // its compressed forms are made once per version, not per request.
      if (encoding === 'identity') return reply.send(feedback.content);
      return reply.header('content-encoding', encoding).send(await feedback.encoded(encoding));
    },
  );

  app.get<{ Params: { id: string }; Querystring: FeedbackPageQuery }>(
    '/api/v1/consultations/:id/feedback/comments',
    {
      schema: {
        tags,
        summary: 'A page of the published comments (masked), filtered by clause, outcome or text',
        params: S.IdParams,
        querystring: S.FeedbackCommentsQuery,
        response: { 200: S.FeedbackCommentsPage, ...S.errors(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return latestFeedbackPage(db, request.params.id, request.query);
    },
  );

  app.post<{ Body: { policy: string; qa: string; helpful: boolean } }>(
    '/api/v1/qa-feedback',
    {
      schema: {
        tags,
        summary: '"Was this helpful?" for one Q&A item',
        body: S.QaVote,
        response: { 200: S.QaVoteView, ...S.errors(400, 404, 429) },
      },
    },
    async (request) => {
      const { policy, qa, helpful } = request.body;
      // The limit first: an unknown item costs a caller its votes too, so ids cannot be probed freely.
      await rateLimit(db, `qa:${request.ip}`, options.voteLimit);
      const { rows: exists } = await db.query(
        `SELECT 1 FROM policies, jsonb_array_elements(coalesce(bundle->'qa', '[]')) q WHERE id = $1 AND q->>'id' = $2`,
        [policy, qa],
      );
      if (!exists[0]) throw notFound(`Q&A item ${qa} in policy ${policy}`);
      const { rows } = await db.query<{ helpful: number; unhelpful: number }>(
        `INSERT INTO qa_votes (policy_id, qa_id, helpful, unhelpful) VALUES ($1, $2, $3, $4)
         ON CONFLICT (policy_id, qa_id) DO UPDATE SET helpful = qa_votes.helpful + $3, unhelpful = qa_votes.unhelpful + $4
         RETURNING helpful, unhelpful`,
        [policy, qa, helpful ? 1 : 0, helpful ? 0 : 1],
      );
      return rows[0];
    },
  );
}

/** If-None-Match against every encoding's ETag of the snapshot (a cache may hold any of them). */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return (['identity', 'br', 'gzip'] as const).some((e) => tags.includes(etagFor(etag, e)));
}

/** A sliding-window counter in the database, shared by every instance. Throws 429 past the limit. */
export async function rateLimit(db: Database, bucket: string, limit: RateLimit): Promise<void> {
  const { rows } = await db.query<{ hits: number; retry: number }>(
    `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, ${windowStartSql('$2::int')}, 1)
     ${slideOnConflictSql('$2::int')}
     RETURNING hits + ${carriedSql('$2::int')} AS hits, ${retrySql('$2::int')} AS retry`,
    [bucket, limit.windowSeconds],
  );
  const { hits, retry } = rows[0]!;
  if (hits > limit.max) {
    throw new HttpError(
      429,
      'rate-limited',
      `too many requests; try again in ${retry} s`,
      {},
      { 'retry-after': String(Math.max(1, retry)) },
    );
  }
}

// Notifications over HTTP: following by e-mail (double opt-in), the signed confirm and one-click
// unsubscribe links (no sign-in), the feeds, and for staff the delivery counts of a consultation,
// retrying failures and registering webhooks.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { JobKind } from '../jobs/runner.js';
import { audit } from '../lib/audit.js';
import { HttpError } from '../lib/errors.js';
import { staffAccess } from '../lib/http.js';
import { rateLimit } from '../routes/public.js';
import * as S from '../schemas.js';
import { atomFeed, deadlinesCalendar, type FeedAnswer } from './feeds.js';
import type { NotifyOptions } from './options.js';
import { type LinkAction, linkSubject, pageLocale, sendLinkPage } from './pages.js';
import { NotifyFields } from './schemas.js';
import { confirmSubscription, createWebhook, type FollowInput, follow, unsubscribe } from './subscriptions.js';
import { notifyTemplateRoutes } from './template-routes.js';
import { LOCALES, type Locale } from './templates.js';

const FollowBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...NotifyFields,
    consultation: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', maxLength: 128 },
    policy: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', maxLength: 128 },
  },
} as const;

const FollowAnswer = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['pending'] },
    channel: { type: 'string' },
    address: { type: 'string', description: 'Masked: z***@example.cn.' },
  },
} as const;

const LinkQuery = {
  type: 'object',
  properties: {
    s: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
    t: { type: 'string', minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    lang: { type: 'string', enum: LOCALES, description: "The page's language (the subscription's by default)." },
  },
  required: ['s', 't'],
} as const;

const Counts = {
  type: 'object',
  properties: {
    subscriptions: {
      type: 'object',
      properties: { pending: { type: 'integer' }, confirmed: { type: 'integer' }, unsubscribed: { type: 'integer' } },
    },
    deliveries: {
      type: 'object',
      properties: Object.fromEntries(
        ['queued', 'sending', 'sent', 'failed', 'bounced', 'dropped'].map((k) => [k, { type: 'integer' }]),
      ),
    },
  },
} as const;

function sendFeed(request: FastifyRequest, reply: FastifyReply, feed: FeedAnswer) {
  reply.header('cache-control', 'public, max-age=300').header('etag', feed.etag).type(feed.type);
  if (request.headers['if-none-match'] === feed.etag) return reply.code(304).send();
  return reply.send(feed.body);
}

export function notifyRoutes(app: FastifyInstance, db: Database, n: NotifyOptions | undefined, domain: string): void {
  const tags = ['notifications'];
  const followLimit = n?.followLimit ?? { max: 10, windowSeconds: 3600 };
  const off = () =>
    new HttpError(503, 'notifications-off', 'this server sends no notifications', { zh: '本网站未开通通知' });

  // RFC 8058 one-click unsubscribe POSTs `List-Unsubscribe=One-Click` as a form; the signed
  // query carries everything, so the body is read (small) and ignored.
  app.register(async (scope) => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
      scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, {}));
    }

    scope.post<{ Body: FollowInput }>(
      '/api/v1/notify/follow',
      {
        schema: {
          tags,
          summary: 'Follow a consultation or a policy by e-mail (or SMS): a confirmation link is sent first',
          body: FollowBody,
          response: { 202: FollowAnswer, ...S.errors(400, 404, 429, 503) },
        },
        // Counted before the body is read, so unknown ids cannot be probed past it.
        onRequest: async (request) => {
          if (!n) throw off();
          await rateLimit(db, `follow:${request.ip}`, followLimit);
        },
      },
      async (request, reply) => {
        const answer = await follow(db, n!, request.body, domain);
        app.deliverer?.wake();
        return reply.code(202).header('cache-control', 'no-store').send(answer);
      },
    );

    const link = (action: LinkAction) => {
      type Link = { Querystring: { s: number; t: string; lang?: Locale } };
      scope.get<Link>(
        `/api/v1/notify/${action}`,
        {
          schema: {
            tags,
            summary: `The ${action} link: a page saying what it is for, with one button (POST)`,
            querystring: LinkQuery,
          },
        },
        async (request, reply) => {
          if (!n) throw off();
          const { s, t, lang } = request.query;
          if (!n.secrets.verify(action, s, t)) {
            return sendLinkPage(reply, 400, {
              action,
              locale: pageLocale(lang, null),
              s,
              t,
              state: 'invalid',
              subject: null,
            });
          }
          const subject = await linkSubject(db, s);
          const locale = pageLocale(lang, subject);
          if (!subject) return sendLinkPage(reply, 404, { action, locale, s, t, state: 'missing', subject });
          const state = subject.state === 'unsubscribed' ? 'gone' : 'ask';
          return sendLinkPage(reply, 200, { action, locale, s, t, state, subject });
        },
      );
      scope.post<Link>(
        `/api/v1/notify/${action}`,
        {
          schema: {
            tags,
            summary:
              action === 'unsubscribe'
                ? 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post): no sign-in, the signed link is the authority'
                : 'Confirms a subscription (double opt-in); an acknowledgement asked for is sent now',
            querystring: LinkQuery,
          },
        },
        async (request, reply) => {
          if (!n) throw off();
          const { s, t, lang } = request.query;
          if (!n.secrets.verify(action, s, t)) {
            return sendLinkPage(reply, 400, {
              action,
              locale: pageLocale(lang, null),
              s,
              t,
              state: 'invalid',
              subject: null,
            });
          }
          try {
            if (action === 'confirm') {
              const state = await confirmSubscription(db, n, s, t, domain);
              app.deliverer?.wake();
              if (state === 'unsubscribed') {
                const subject = await linkSubject(db, s);
                return sendLinkPage(reply, 409, {
                  action,
                  locale: pageLocale(lang, subject),
                  s,
                  t,
                  state: 'gone',
                  subject,
                });
              }
            } else {
              await unsubscribe(db, n, s, t);
            }
          } catch (error) {
            if (error instanceof HttpError && error.statusCode === 404) {
              return sendLinkPage(reply, 404, {
                action,
                locale: pageLocale(lang, null),
                s,
                t,
                state: 'missing',
                subject: null,
              });
            }
            throw error;
          }
          const subject = await linkSubject(db, s);
          return sendLinkPage(reply, 200, { action, locale: pageLocale(lang, subject), s, t, state: 'done', subject });
        },
      );
    };
    link('confirm');
    link('unsubscribe');
  });

  const base = (request: FastifyRequest) => n?.publicUrl ?? `${request.protocol}://${request.host}`;
  app.get('/api/v1/feeds/atom', { schema: { tags, summary: 'Atom feed of the whole site' } }, async (request, reply) =>
    sendFeed(request, reply, await atomFeed(db, base(request))),
  );
  app.get<{ Params: { id: string } }>(
    '/api/v1/feeds/policies/:id/atom',
    { schema: { tags, summary: 'Atom feed of one policy and its consultations', params: S.IdParams } },
    async (request, reply) => sendFeed(request, reply, await atomFeed(db, base(request), request.params.id)),
  );
  app.get<{ Querystring: { policy?: string } }>(
    '/api/v1/feeds/deadlines.ics',
    {
      schema: {
        tags,
        summary: 'Comment deadlines as an ICS calendar (optionally of one policy)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { policy: { type: 'string', maxLength: 128 } },
        },
      },
    },
    async (request, reply) =>
      sendFeed(request, reply, await deadlinesCalendar(db, base(request), request.query.policy)),
  );

  // Staff.
  const security = [{ bearer: [] }];
  const staffTags = ['staff'];
  const actor = (r: FastifyRequest) => `${r.staff!.role}:${r.staff!.tokenId}`;
  app.get<{ Params: { id: string } }>(
    '/api/v1/consultations/:id/notifications',
    {
      schema: {
        tags: staffTags,
        security,
        summary: 'Notifications of a consultation: subscriptions and messages queued, sent, failed, bounced',
        params: S.IdParams,
        response: { 200: Counts, ...S.errors(401, 403, 404) },
      },
      ...staffAccess(db, { scope: 'consultation' }),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return notifyCounts(db, request.params.id);
    },
  );
  app.post<{ Params: { id: string } }>(
    '/api/v1/consultations/:id/notifications/retry',
    {
      schema: {
        tags: staffTags,
        security,
        summary: 'Queue the failed messages of a consultation again (audited)',
        params: S.IdParams,
        response: { 200: { type: 'object', properties: { retried: { type: 'integer' } } }, ...S.errors(401, 403, 404) },
      },
      ...staffAccess(db, { any: ['publish'], scope: 'consultation' }),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const retried = await db.transaction(async (tx) => {
        const { rows } = await tx.query('SELECT 1 FROM consultations WHERE id = $1', [request.params.id]);
        if (!rows[0]) throw new HttpError(404, 'not-found', `no consultation with id ${request.params.id}`);
        const { rows: done } = await tx.query<{ n: number }>(
          `WITH r AS (
             UPDATE notify_deliveries SET state = 'queued', attempts = 0, run_at = now(), last_error = NULL
             WHERE consultation_id = $1 AND state = 'failed' RETURNING 1
           ) SELECT count(*)::int AS n FROM r`,
          [request.params.id],
        );
        const count = done[0]?.n ?? 0;
        await audit(tx, {
          actor: actor(request),
          action: 'notify.retry',
          consultationId: request.params.id,
          after: { retried: count },
        });
        return count;
      });
      return { retried };
    },
  );
  app.post<{ Body: { url: string; consultation?: string; policy?: string } }>(
    '/api/v1/staff/webhooks',
    {
      schema: {
        tags: staffTags,
        security,
        summary: 'Register a webhook (the site, a consultation or a policy): its HMAC key is in this answer only',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            url: { type: 'string', maxLength: 500, pattern: '^https?://[^\\s]+$' },
            consultation: FollowBody.properties.consultation,
            policy: FollowBody.properties.policy,
          },
          required: ['url'],
        },
        response: {
          201: {
            type: 'object',
            properties: { id: { type: 'integer' }, kind: { type: 'string' }, key: { type: 'string' } },
          },
          ...S.errors(400, 401, 403, 409, 503),
        },
      },
      ...staffAccess(db, { any: ['editConsultations'] }),
    },
    async (request, reply) => {
      if (!n) throw off();
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await createWebhook(db, n, request.body, actor(request)));
    },
  );
  notifyTemplateRoutes(app, db);
}

export async function notifyCounts(db: Database, consultationId: string) {
  const { rows: exists } = await db.query('SELECT 1 FROM consultations WHERE id = $1', [consultationId]);
  if (!exists[0]) throw new HttpError(404, 'not-found', `no consultation with id ${consultationId}`);
  const { rows: subs } = await db.query<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM notify_subscriptions WHERE consultation_id = $1 GROUP BY state`,
    [consultationId],
  );
  const { rows: dels } = await db.query<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM notify_deliveries WHERE consultation_id = $1 GROUP BY state`,
    [consultationId],
  );
  const of = (rows: { state: string; n: number }[], keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, rows.find((r) => r.state === k)?.n ?? 0]));
  return {
    subscriptions: of(subs, ['pending', 'confirmed', 'unsubscribed']),
    deliveries: of(dels, ['queued', 'sending', 'sent', 'failed', 'bounced', 'dropped']),
  };
}

/**
 * Deletes addresses whose time is up (30 days after the last message they can still receive;
 * pending ones after 7 days, unsubscribed ones' rows after 30) and re-encrypts, a batch at a time, those still under an earlier key.
 */
export const expiryJob = (n: NotifyOptions | undefined, everyMs: number): JobKind => {
  // The first sweep one period after start: not in the way of the work a new instance finds.
  let last = Date.now();
  return {
    async discover(db) {
      if (Date.now() - last < everyMs) return;
      last = Date.now();
      await db.query(
        `INSERT INTO jobs (kind, key) VALUES ('notify-expiry', 'sweep') ON CONFLICT (kind, key) DO NOTHING`,
      );
    },
    async run(db) {
      // Commenters and followers of a consultation: 30 days after its last feedback publication
      // was fanned out (a later one moves the date on). Read from the events, so fan-out writes
      // nothing per subscriber but its delivery.
      const sweeps = [
        `SELECT id FROM notify_subscriptions WHERE expires_at < now() LIMIT 5000`,
        `SELECT s.id FROM (
           SELECT consultation_id FROM notify_events WHERE kind = 'feedback.published' AND fanned_out_at IS NOT NULL
           GROUP BY consultation_id HAVING max(fanned_out_at) < now() - interval '30 days'
         ) e JOIN notify_subscriptions s ON s.consultation_id = e.consultation_id
         WHERE s.kind IN ('comment', 'consultation') LIMIT 5000`,
        // A consultation whose feedback never came: a year after it closed.
        `SELECT s.id FROM consultations c JOIN notify_subscriptions s ON s.consultation_id = c.id
         WHERE c.closes < now() - interval '365 days' AND s.kind IN ('comment', 'consultation') LIMIT 5000`,
      ];
      for (const sweep of sweeps) {
        for (;;) {
          const { rows } = await db.query<{ n: number }>(
            `WITH gone AS (DELETE FROM notify_subscriptions WHERE id IN (${sweep}) RETURNING 1)
             SELECT count(*)::int AS n FROM gone`,
          );
          if ((rows[0]?.n ?? 0) < 5000) break;
        }
      }
      if (!n) return;
      for (;;) {
        const { rows } = await db.query<{ id: string; channel: string; address_enc: string }>(
          `SELECT id, channel, address_enc FROM notify_subscriptions
           WHERE address_enc IS NOT NULL AND split_part(address_enc, '.', 2) <> $1 ORDER BY id LIMIT 1000`,
          [n.secrets.current.id],
        );
        if (!rows.length) return;
        // The hash stays: rewritten, it could collide with a follow made since under the new key.
        const again = rows.map((r) => ({ id: r.id, enc: n.secrets.encrypt(n.secrets.decrypt(r.address_enc)) }));
        await db.query(
          `UPDATE notify_subscriptions s SET address_enc = x.enc
           FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, enc text) WHERE s.id = x.id`,
          [JSON.stringify(again)],
        );
      }
    },
  };
};

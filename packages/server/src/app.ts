import type { Writable } from 'node:stream';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type AttachmentOptions, Attachments } from './attachments/attachments.js';
import { attachmentRoutes } from './attachments/routes.js';
import type { RateLimit } from './comments.js';
import type { Database } from './db/database.js';
import { groupingJob } from './grouping.js';
import { type JobOptions, JobRunner } from './jobs/runner.js';
import { cors, errorHandler } from './lib/http.js';
import type { TrustProxy } from './lib/proxy.js';
import { Deliverer } from './notify/deliver.js';
import { messageDomain, type NotifyOptions } from './notify/options.js';
import { fanoutJob } from './notify/outbox.js';
import { expiryJob, notifyRoutes } from './notify/routes.js';
import { publicationJob, RUN_WAIT_MS } from './publication-runs.js';
import { changeRoutes } from './routes/changes.js';
import { channelRoutes } from './routes/channels.js';
import { healthRoutes } from './routes/health.js';
import { policyRoutes } from './routes/policies.js';
import { publicRoutes } from './routes/public.js';
import { staffRoutes } from './routes/staff.js';
import { workflowRoutes } from './routes/workflow.js';
import type { SignoffRules } from './signoff.js';

export interface AppOptions {
  logger?: boolean;
  /** Where JSON logs go (stdout by default); tests read them. */
  logStream?: Writable;
  /**
   * The proxies whose X-Forwarded-For is believed: how many there are in front, or their
   * addresses/CIDR ranges (lib/proxy.ts). None by default: the client is the socket's peer.
   */
  trustProxy?: TrustProxy;
  /** Origins whose pages may call the API, besides those each consultation lists. */
  corsOrigins?: string[];
  /** Comments per client address and consultation; default 20 per 10 minutes. */
  commentLimit?: RateLimit;
  /** Q&A votes per client address; default 30 per hour. */
  voteLimit?: RateLimit;
  /** The background jobs (grouping, publication): how often to look for work, the lease; false runs none. */
  jobs?: JobOptions | false;
  /** How long a request to publish or preview waits for its run before answering 202 with it (2 s). */
  runWaitMs?: number;
  /** The least time between two groupings of one consultation (5 s). */
  grouping?: { minGapMs?: number };
  /** Notifications (issue 20): the secret, the public URL, the transports. Without it none are sent. */
  notify?: NotifyOptions;
  /** Files attached to comments (where they are kept, limits, the virus scanner). Without it none are taken. */
  attachments?: AttachmentOptions;
  /** How decisions are signed off (审核 and 签发 by different people, when `separate`). */
  signoff?: SignoffRules;
}

// Logs carry the route pattern, never the query string or a receipt, and no bodies at all:
// comment text, names and contacts must not reach the logs.
const serializers = {
  req: (req: FastifyRequest) => ({ id: req.id, method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The instance's job runner (absent with `jobs: false`). */
    jobs?: JobRunner;
    /** The instance's notification delivery worker (with `notify` and jobs). */
    deliverer?: Deliverer;
  }
}

export async function buildApp(db: Database, options: AppOptions = {}): Promise<FastifyInstance> {
  const logging = options.logger || options.logStream;
  const app = Fastify({
    logger: logging
      ? { level: 'info', serializers, ...(options.logStream ? { stream: options.logStream } : {}) }
      : false,
    // A count of hops as proxy-addr's function (fastify's types take no number).
    trustProxy:
      typeof options.trustProxy === 'number'
        ? (
            (hops) => (_address: string, hop: number) =>
              hop < hops
          )(options.trustProxy)
        : (options.trustProxy ?? false),
    // Refused with 413 from Content-Length (or while streaming), before any parsing.
    bodyLimit: 64 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler(errorHandler);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongkai consultation service',
        version: '1',
        description: 'Comments on draft policies, receipts, decisions with reasons, published feedback.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  cors(app, db, options.corsOrigins ?? []);
  healthRoutes(app, db);
  policyRoutes(app, db);
  const commentLimit = options.commentLimit ?? { max: 20, windowSeconds: 600 };
  const voteLimit = options.voteLimit ?? { max: 30, windowSeconds: 3600 };
  const domain = options.notify ? messageDomain(options.notify) : 'localhost';
  const attachments = options.attachments ? new Attachments(db, options.attachments) : undefined;
  if (attachments) {
    attachmentRoutes(app, db, attachments);
    app.decorate('attachments', attachments);
  }
  publicRoutes(app, db, {
    attachments,
    commentLimit,
    voteLimit,
    notify: options.notify ? { options: options.notify, domain, queued: () => app.deliverer?.wake() } : undefined,
  });
  staffRoutes(app, db, options.runWaitMs ?? RUN_WAIT_MS);
  workflowRoutes(app, db, options.signoff);
  changeRoutes(app, db);
  channelRoutes(app, db, () => app.jobs?.wake(), attachments);
  notifyRoutes(app, db, options.notify, domain);
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Old rate-limit windows are dead rows; sweep them now and then (never one still counting).
  const longest = Math.max(86_400, commentLimit.windowSeconds, voteLimit.windowSeconds);
  const sweep = setInterval(() => {
    db.query('DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1)', [longest]).catch(
      () => {},
    );
  }, 600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  if (options.jobs !== false) {
    const deliverer = options.notify
      ? new Deliverer(db, options.notify, (message, error) =>
          error === undefined
            ? app.log.info(message)
            : app.log.warn({ err: { message: (error as Error)?.message } }, message),
        )
      : undefined;
    const kinds = {
      group: groupingJob(options.grouping),
      publication: publicationJob(),
      'notify-fanout': fanoutJob({ domain, batch: options.notify?.fanoutBatch, wake: () => deliverer?.wake() }),
      'notify-expiry': expiryJob(options.notify, options.notify?.expiryEveryMs ?? 600_000),
      ...(attachments ? { attachments: attachments.job() } : {}),
    };
    const runner = new JobRunner(db, kinds, options.jobs ?? {}, (message, error) =>
      error === undefined
        ? app.log.info(message)
        : app.log.warn({ err: { message: (error as Error)?.message } }, message),
    );
    app.addHook('onReady', async () => runner.start());
    app.addHook('onClose', async () => runner.stop());
    app.decorate('jobs', runner);
    if (deliverer) {
      app.addHook('onReady', async () => deliverer.start());
      app.addHook('onClose', async () => deliverer.stop());
      app.decorate('deliverer', deliverer);
    }
  }
  return app;
}

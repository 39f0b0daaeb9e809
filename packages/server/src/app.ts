import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from './db/database.js';
import { healthRoutes } from './routes/health.js';
import { policyRoutes } from './routes/policies.js';

export interface AppOptions {
  logger?: boolean;
  trustProxy?: boolean;
}

export async function buildApp(db: Database, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 64 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  // Errors never leak stack traces or internals to clients.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    reply.code(status).send({
      error: status === 500 ? 'internal' : 'bad-request',
      message: status === 500 ? 'internal error' : error.message,
    });
  });
  healthRoutes(app, db);
  policyRoutes(app, db);
  return app;
}

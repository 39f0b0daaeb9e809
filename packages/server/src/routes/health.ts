import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';

export function healthRoutes(app: FastifyInstance, db: Database): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      const pending = await pendingMigrations(db);
      if (pending > 0) return reply.code(503).header('retry-after', '5').send({ status: 'migrating', pending });
      return { status: 'ready', database: db.kind };
    } catch {
      return reply.code(503).header('retry-after', '5').send({ status: 'database-unavailable' });
    }
  });
}

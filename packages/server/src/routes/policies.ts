import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';

export function policyRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { id: string } }>('/api/v1/policies/:id', async (request, reply) => {
    const { rows } = await db.query<{ bundle: unknown; updated_at: Date }>(
      'SELECT bundle, updated_at FROM policies WHERE id = $1',
      [request.params.id],
    );
    const row = rows[0];
    if (!row) return reply.code(404).send({ error: 'not-found', message: `no policy with id ${request.params.id}` });
    return reply
      .header('cache-control', 'public, max-age=60')
      .header('last-modified', new Date(row.updated_at).toUTCString())
      .send(row.bundle);
  });
}

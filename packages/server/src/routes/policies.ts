import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { HttpError } from '../lib/errors.js';
import { requirePermission } from '../lib/http.js';
import { InvalidPolicyError, putPolicy } from '../policies.js';
import * as S from '../schemas.js';

const Bundle = { type: 'object', description: 'A policy bundle (schema: @gongkai/format).' } as const;

/** The largest bundle a drafter may store (the 109 k-character regulation with notes is ~400 KB). */
export const POLICY_BODY_LIMIT = 4 * 1024 * 1024;

export function policyRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { id: string } }>(
    '/api/v1/policies/:id',
    { schema: { tags: ['public'], summary: 'A policy bundle', params: S.IdParams } },
    async (request, reply) => {
      const { rows } = await db.query<{ bundle: unknown; updated_at: Date }>(
        'SELECT bundle, updated_at FROM policies WHERE id = $1',
        [request.params.id],
      );
      const row = rows[0];
      if (!row) throw new HttpError(404, 'not-found', `no policy with id ${request.params.id}`);
      return reply
        .header('cache-control', 'public, max-age=60')
        .header('last-modified', new Date(row.updated_at).toUTCString())
        .send(row.bundle);
    },
  );

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/v1/policies/:id',
    {
      schema: {
        tags: ['staff'],
        security: [{ bearer: [] }],
        summary: 'Store a policy bundle, validated with @gongkai/format',
        params: S.IdParams,
        body: Bundle,
        response: { 200: { type: 'object', properties: { id: { type: 'string' } } }, ...S.errors(400, 401, 403, 413) },
      },
      preHandler: requirePermission(db, 'editConsultations'),
      // A whole document with its notes, Q&A and search index: far over the 64 KB of a comment.
      bodyLimit: POLICY_BODY_LIMIT,
    },
    async (request) => {
      if (request.body.id !== request.params.id) {
        const message = `the bundle's id must be ${request.params.id}`;
        throw new HttpError(400, 'invalid', message, { problems: [{ path: '$.id', message }] });
      }
      try {
        return { id: (await putPolicy(db, request.body)).id };
      } catch (error) {
        if (!(error instanceof InvalidPolicyError)) throw error;
        throw new HttpError(400, 'invalid-policy', 'the policy bundle is not valid', {
          problems: error.problems.map((p) => ({ path: p.path, message: p.message.en })),
        });
      }
    },
  );
}

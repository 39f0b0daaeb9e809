import type { FastifyInstance } from 'fastify';
import { comparisonBetween } from '../changes.js';
import type { Database } from '../db/database.js';
import { interpretationDocx } from '../interpretation-docx.js';
import { HttpError } from '../lib/errors.js';
import { staffAccess } from '../lib/http.js';
import { getPolicy, policyVersions, storePolicyOver } from '../policies.js';
import { DOCX_TYPE } from '../report-docx.js';
import * as S from '../schemas.js';

const Bundle = { type: 'object', description: 'A policy bundle (schema: @gongkai/format).' } as const;

/** The largest bundle a drafter may store (the 109 k-character regulation with notes is ~400 KB). */
export const POLICY_BODY_LIMIT = 4 * 1024 * 1024;

const Stored = {
  type: 'object',
  properties: { id: { type: 'string' }, version: { type: 'integer' }, changed: { type: 'boolean' } },
} as const;

export function policyRoutes(app: FastifyInstance, db: Database): void {
  const actor = (r: { staff?: { tokenId: string; role: string } }) => `${r.staff!.role}:${r.staff!.tokenId}`;
  const editing = staffAccess(db, { any: ['editConsultations'] });

  app.get<{ Params: { id: string }; Querystring: { version?: number } }>(
    '/api/v1/policies/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'A policy bundle: the latest version, or ?version=N (X-Policy-Version says which)',
        params: S.IdParams,
        querystring: S.PolicyQuery,
      },
    },
    async (request, reply) => {
      const row = await getPolicy(db, request.params.id, request.query.version);
      return reply
        .header('cache-control', request.query.version ? 'public, max-age=86400, immutable' : 'public, max-age=60')
        .header('x-policy-version', String(row.version))
        .header('last-modified', new Date(row.created_at).toUTCString())
        .send(row.bundle);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { version?: number } }>(
    '/api/v1/policies/:id/interpretation.docx',
    {
      schema: {
        tags: ['public'],
        summary:
          "The policy's interpretation (notes clause by clause, Q&A, graphics' descriptions) as a Word document laid out as a 公文 attachment; ?version=N",
        params: S.IdParams,
        querystring: S.PolicyQuery,
        produces: [DOCX_TYPE],
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await interpretationDocx(db, request.params.id, request.query.version);
      return reply
        .type(DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="${request.params.id}-interpretation.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', request.query.version ? 'public, max-age=86400, immutable' : 'public, max-age=60')
        .send(bytes);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/policies/:id/versions',
    {
      schema: {
        tags: ['public'],
        summary: "Every version of a policy's text, with the note published with each",
        params: S.IdParams,
        response: { 200: S.PolicyVersions, ...S.errors(404) },
      },
    },
    async (request) => policyVersions(db, request.params.id),
  );

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/v1/policies/:id',
    {
      schema: {
        tags: ['staff'],
        security: [{ bearer: [] }],
        summary:
          'Store a policy bundle, validated with @gongkai/format, as a new version; 409 for the text of a consultation',
        params: S.IdParams,
        body: Bundle,
        response: { 200: Stored, ...S.errors(400, 401, 403, 409, 413) },
      },
      ...editing,
      // A whole document with its notes, Q&A and search index: far over the 64 KB of a comment.
      bodyLimit: POLICY_BODY_LIMIT,
    },
    async (request) => {
      if (request.body.id !== request.params.id) {
        const message = `the bundle's id must be ${request.params.id}`;
        throw new HttpError(400, 'invalid', message, { problems: [{ path: '$.id', message }] });
      }
      const stored = await storePolicyOver(db, request.body, { actor: actor(request) });
      return { id: stored.bundle.id, version: stored.version, changed: stored.changed };
    },
  );

  app.get<{ Params: { id: string; version: number }; Querystring: { from?: number } }>(
    '/api/v1/policies/:id/versions/:version/comparison',
    {
      schema: {
        tags: ['public'],
        summary:
          'What changed: a version compared clause by clause with the one before it (or ?from=N), as `gongkai diff --json` prints it',
        params: {
          type: 'object',
          properties: { id: S.IdParams.properties.id, version: { type: 'integer', minimum: 2 } },
          required: ['id', 'version'],
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: { type: 'integer', minimum: 1 } },
        },
        response: { 200: { type: 'object', additionalProperties: true }, ...S.errors(400, 404) },
      },
    },
    async (request, reply) => {
      const { id, version } = request.params;
      const from = request.query.from ?? version - 1;
      if (from >= version) {
        const message = `from (${from}) must be a version before ${version}`;
        throw new HttpError(400, 'invalid', message, { problems: [{ path: '$.from', message }] });
      }
      const comparison = await comparisonBetween(db, id, from, version);
      // Two stored versions never change, nor does what they compare to.
      return reply
        .header('cache-control', 'public, max-age=86400, immutable')
        .send({ from, to: version, ...comparison });
    },
  );

  app.post<{ Params: { id: string }; Body: { bundle: Record<string, unknown>; note: string; label?: string } }>(
    '/api/v1/policies/:id/versions',
    {
      schema: {
        tags: ['staff'],
        security: [{ bearer: [] }],
        summary: 'Publish a revision as a new version, also of a text under consultation; the note says what and why',
        params: S.IdParams,
        body: S.PolicyRevision,
        response: { 201: Stored, ...S.errors(400, 401, 403, 404, 413) },
      },
      ...editing,
      bodyLimit: POLICY_BODY_LIMIT,
    },
    async (request, reply) => {
      if (request.body.bundle.id !== request.params.id) {
        const message = `the bundle's id must be ${request.params.id}`;
        throw new HttpError(400, 'invalid', message, { problems: [{ path: '$.bundle.id', message }] });
      }
      await getPolicy(db, request.params.id);
      const stored = await storePolicyOver(
        db,
        request.body.bundle,
        { actor: actor(request), mode: 'revise', note: request.body.note.trim(), label: request.body.label },
        '$.bundle',
      );
      return reply.code(201).send({ id: stored.bundle.id, version: stored.version, changed: stored.changed });
    },
  );
}

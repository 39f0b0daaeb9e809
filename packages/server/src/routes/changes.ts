// 因意见修改 (issue 19): which changes of a later version an adopted comment led to. The console
// reads the candidates and links them; publication makes the links public.
import type { FastifyInstance } from 'fastify';
import { commentChanges, type LinkInput, linkChanges } from '../changes.js';
import type { Database } from '../db/database.js';
import { staffAccess } from '../lib/http.js';
import * as S from '../schemas.js';

type Params = { Params: { id: string; comment: number } };
const params = {
  type: 'object',
  properties: { id: S.IdParams.properties.id, comment: S.CommentIdParams.properties.id },
  required: ['id', 'comment'],
} as const;
const Answer = { type: 'object', additionalProperties: true } as const;

const LinkBody = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'changes'],
  properties: {
    version: { type: 'integer', minimum: 2, description: 'The later version of the policy the changes are in.' },
    changes: {
      type: 'array',
      maxItems: 500,
      items: { type: 'string', minLength: 1, maxLength: 200 },
      description:
        "Change keys: the clause's id in that version, or - and its old id for a removed clause. [] unlinks.",
    },
    group: {
      type: 'boolean',
      description: "Link every adopted comment of this comment's near-duplicate group (a campaign) the same way.",
    },
  },
} as const;

export function changeRoutes(app: FastifyInstance, db: Database): void {
  const tags = ['staff'];
  const security = [{ bearer: [] }];
  const actor = (r: { staff?: { tokenId: string; role: string } }) => `${r.staff!.role}:${r.staff!.tokenId}`;

  app.get<Params>(
    '/api/v1/consultations/:id/comments/:comment/changes',
    {
      schema: {
        tags,
        security,
        summary:
          'The changes of the latest later version this comment may have led to: those linked, and candidates best first',
        params,
        response: { 200: Answer, ...S.errors(401, 403, 404) },
      },
      ...staffAccess(db, { scope: 'consultation' }),
    },
    async (request) => commentChanges(db, request.params.id, request.params.comment),
  );

  app.put<Params & { Body: LinkInput & { group?: boolean } }>(
    '/api/v1/consultations/:id/comments/:comment/changes',
    {
      schema: {
        tags,
        security,
        summary:
          'Link an adopted comment (or its campaign) to the changes it led to, replacing its links in that version; audited',
        params,
        body: LinkBody,
        response: { 200: Answer, ...S.errors(400, 401, 403, 404, 409) },
      },
      ...staffAccess(db, { any: ['decide'], scope: 'consultation' }),
    },
    async (request) =>
      linkChanges(db, request.params.id, request.params.comment, request.body, actor(request), request.body.group),
  );
}

// The office's workflow around decisions (issue 21): sign-off (拟办 → 审核 → 签发), assignment
// to units (处室) with due dates, internal notes. Each route names the permission it needs.
import { SIGNOFF_STAGES } from '@gongkai/format';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type AssignInput,
  type AssignmentQuery,
  addNote,
  assign,
  closeAssignment,
  createUnit,
  listAssignments,
  listNotes,
  listUnits,
  type NoteInput,
} from '../assignments.js';
import { getConsultationRow } from '../consultations.js';
import type { Database } from '../db/database.js';
import { staffAccess } from '../lib/http.js';
import * as S from '../schemas.js';
import {
  blockers,
  SIGNOFF_STEPS,
  type SignoffInput,
  type SignoffRules,
  signoffPermissions,
  signoffStep,
} from '../signoff.js';

type Id = { Params: { id: string } };
const target = {
  comment: S.CommentIdParams.properties.id,
  group: { type: 'integer', minimum: 1, description: 'A near-duplicate group (its first comment id).' },
  filter: S.CommentFilterSchema,
} as const;
const date = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' } as const;

const SignoffBody = {
  type: 'object',
  additionalProperties: false,
  required: ['step'],
  description:
    'check: 拟办 → 审核; sign: 审核 → 签发; return: back to 拟办 with a reason. On one comment, a group, or every comment a filter matches (exactly one), all or none.',
  properties: {
    step: { type: 'string', enum: SIGNOFF_STEPS },
    ...target,
    reason: { type: 'string', maxLength: 2000 },
    dryRun: { type: 'boolean', description: 'Only count the comments the step would change.' },
  },
} as const;

const AssignmentView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    consultation: { type: 'string' },
    unit: { type: 'integer' },
    unitName: { type: 'string' },
    due: { type: 'string' },
    note: { type: ['string', 'null'] },
    createdBy: { type: 'string' },
    created: { type: 'string', format: 'date-time' },
    open: { type: 'boolean' },
    overdue: { type: 'boolean' },
    closed: { type: ['string', 'null'] },
    closedBy: { type: ['string', 'null'] },
    closeReason: { type: ['string', 'null'] },
    comments: { type: 'integer', description: 'Comments assigned.' },
    awaiting: { type: 'integer', description: 'Of them, awaiting a decision.' },
  },
} as const;

const NoteView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    comment: { type: ['integer', 'null'] },
    group: { type: ['integer', 'null'] },
    replyTo: { type: ['integer', 'null'] },
    body: { type: 'string' },
    author: { type: 'string' },
    created: { type: 'string', format: 'date-time' },
  },
} as const;

export function workflowRoutes(app: FastifyInstance, db: Database, rules: SignoffRules = {}): void {
  const security = [{ bearer: [] }];
  const tags = ['staff'];
  const actor = (r: { staff?: { tokenId: string; role: string } }) => `${r.staff!.role}:${r.staff!.tokenId}`;
  const who = (r: FastifyRequest) => ({ actor: actor(r), staff: r.staff! });
  const common = (summary: string, extra: object) => ({ schema: { tags, security, summary, ...extra } });

  app.post<Id & { Body: SignoffInput }>(
    '/api/v1/consultations/:id/signoff',
    {
      ...common('A step of sign-off (审核, 签发, or sending back) on a comment, a group or a filter', {
        params: S.IdParams,
        body: SignoffBody,
        response: {
          200: {
            type: 'object',
            properties: {
              updated: { type: 'integer', description: 'Comments moved (with dryRun: that would be).' },
              stage: { type: 'string', enum: SIGNOFF_STAGES },
              dryRun: { type: 'boolean' },
              checkedByYou: {
                type: 'integer',
                description:
                  'With separate sign-off: comments left at 审核 because this token checked or drafted them (another person signs them off).',
              },
              draftedByYou: {
                type: 'integer',
                description:
                  'With separate sign-off: comments left at 拟办 because this token drafted them (another person checks them).',
              },
            },
          },
          ...S.errors(400, 401, 403, 404, 409, 422),
        },
      }),
      // check needs check, sign needs signOff; sending back either (what it may send back follows).
      ...staffAccess(db, {
        any: ['check', 'signOff'],
        needs: (r) => signoffPermissions(r.body as object),
        scope: 'consultation',
      }),
    },
    async (request) => {
      await getConsultationRow(db, request.params.id);
      return signoffStep(db, request.params.id, request.body, who(request), rules);
    },
  );

  app.get<Id>(
    '/api/v1/consultations/:id/blocking',
    {
      ...common('What blocks publication now: counts per step and unit, open assignments, the first ids', {
        params: S.IdParams,
        response: { 200: { type: 'object', additionalProperties: true }, ...S.errors(401, 403, 404) },
      }),
      ...staffAccess(db, { scope: 'consultation' }),
    },
    async (request) => {
      await getConsultationRow(db, request.params.id);
      return blockers(db, request.params.id);
    },
  );

  app.get(
    '/api/v1/units',
    {
      ...common('The units (处室) of this site', {
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: { type: 'integer' }, name: { type: 'string' }, created: { type: 'string' } },
                },
              },
            },
          },
          ...S.errors(401),
        },
      }),
      ...staffAccess(db, { scope: 'own' }),
    },
    async () => listUnits(db),
  );

  app.post<{ Body: { name: string } }>(
    '/api/v1/units',
    {
      ...common('Add a unit (处室)', {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
        },
        response: {
          201: {
            type: 'object',
            properties: { id: { type: 'integer' }, name: { type: 'string' }, created: { type: 'string' } },
          },
          ...S.errors(400, 401, 403, 409),
        },
      }),
      ...staffAccess(db, { any: ['assign'] }),
    },
    async (request, reply) => reply.code(201).send(await createUnit(db, request.body.name, actor(request))),
  );

  app.get<Id & { Querystring: AssignmentQuery }>(
    '/api/v1/consultations/:id/assignments',
    {
      ...common('Assignments to units, open first by due date', {
        params: S.IdParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { open: { type: 'boolean' }, unit: { type: 'integer', minimum: 1 } },
        },
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: AssignmentView } } },
          ...S.errors(400, 401, 403, 404),
        },
      }),
      ...staffAccess(db, { scope: 'consultation' }),
    },
    async (request) => {
      await getConsultationRow(db, request.params.id);
      return listAssignments(db, request.params.id, request.query);
    },
  );

  app.post<Id & { Body: AssignInput }>(
    '/api/v1/consultations/:id/assignments',
    {
      ...common('Assign a comment, a group or the comments of a filter to a unit with a due date', {
        params: S.IdParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['unit', 'due'],
          properties: {
            unit: { type: 'integer', minimum: 1 },
            due: date,
            note: { type: 'string', maxLength: 2000 },
            ...target,
          },
        },
        response: { 201: AssignmentView, ...S.errors(400, 401, 403, 404, 422) },
      }),
      ...staffAccess(db, { any: ['assign'], scope: 'consultation' }),
    },
    async (request, reply) => {
      await getConsultationRow(db, request.params.id);
      return reply.code(201).send(await assign(db, request.params.id, request.body, who(request)));
    },
  );

  app.post<{ Params: { id: string; assignment: number }; Body: { reason: string } }>(
    '/api/v1/consultations/:id/assignments/:assignment/close',
    {
      ...common('Close an assignment by hand, saying why', {
        params: {
          type: 'object',
          properties: { id: S.IdParams.properties.id, assignment: { type: 'integer', minimum: 1 } },
          required: ['id', 'assignment'],
        },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: { reason: { type: 'string', maxLength: 2000 } },
        },
        response: { 200: AssignmentView, ...S.errors(400, 401, 403, 404, 409, 422) },
      }),
      ...staffAccess(db, { any: ['assign'], scope: 'consultation' }),
    },
    async (request) =>
      closeAssignment(db, request.params.id, request.params.assignment, request.body.reason, who(request)),
  );

  app.get<Id & { Querystring: { comment?: number; group?: number } }>(
    '/api/v1/consultations/:id/notes',
    {
      ...common('Internal notes on a comment or a group, with replies (never published or exported)', {
        params: S.IdParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { comment: target.comment, group: target.group },
        },
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: NoteView } } },
          ...S.errors(400, 401, 403, 404),
        },
      }),
      ...staffAccess(db, { scope: 'consultation' }),
    },
    async (request) => listNotes(db, request.params.id, request.query),
  );

  app.post<Id & { Body: NoteInput }>(
    '/api/v1/consultations/:id/notes',
    {
      ...common('Add an internal note, or a reply to one, on a comment or a group', {
        params: S.IdParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['body'],
          properties: {
            comment: target.comment,
            group: target.group,
            body: { type: 'string', minLength: 1, maxLength: 4000 },
            replyTo: { type: 'integer', minimum: 1 },
          },
        },
        response: { 201: NoteView, ...S.errors(400, 401, 403, 404, 422) },
      }),
      ...staffAccess(db, { any: ['notes'], scope: 'consultation' }),
    },
    async (request, reply) => reply.code(201).send(await addNote(db, request.params.id, request.body, who(request))),
  );
}

// Staff endpoints, behind bearer tokens: admin may do everything, editors manage consultations
// and publish, reviewers moderate and decide. Everyone on staff may read and export. Each
// endpoint names the permission it needs; lib/permissions.ts says which roles have it.
import type { Decision } from '@gongkai/format';
import type { FastifyInstance } from 'fastify';
import {
  type ConsultationInput,
  type ConsultationListQuery,
  createConsultation,
  listConsultations,
  patchConsultation,
} from '../consultations.js';
import type { Database } from '../db/database.js';
import { auditLog, bulkDecide, type DecisionInput, type ListQuery, listComments, patchComment } from '../decisions.js';
import { exportCsv, reportHtml } from '../export.js';
import { feedbackVersions, previewFeedback, publishFeedback } from '../feedback.js';
import { compressLarge } from '../lib/compress.js';
import { groupsFor } from '../lib/groups.js';
import { requirePermission, requirePermissionsFor, requireStaff } from '../lib/http.js';
import { commentPermissions, permissionsOf } from '../lib/permissions.js';
import {
  createReasonTemplate,
  deleteReasonTemplate,
  listReasonTemplates,
  patchReasonTemplate,
  type ReasonTemplateInput,
  reasonTemplateAudit,
} from '../reason-templates.js';
import * as S from '../schemas.js';

type Id = { Params: { id: string } };

export function staffRoutes(app: FastifyInstance, db: Database): void {
  const security = [{ bearer: [] }];
  const tags = ['staff'];
  const anyStaff = requireStaff(db);
  const editConsultations = requirePermission(db, 'editConsultations');
  const publish = requirePermission(db, 'publish');
  const exporting = requirePermission(db, 'export');
  const editTemplates = requirePermission(db, 'editTemplates');
  // Moderating needs moderate, deciding decide: the body says which.
  const commentChange = requirePermissionsFor(db, (request) => commentPermissions(request.body as object));
  const actor = (r: { staff?: { tokenId: string; role: string } }) => `${r.staff!.role}:${r.staff!.tokenId}`;
  const common = (summary: string, extra: object) => ({ schema: { tags, security, summary, ...extra } });

  app.get(
    '/api/v1/staff/me',
    {
      ...common('Who the token is: its role, label and what it may do', {
        response: { 200: S.StaffMe, ...S.errors(401) },
      }),
      preHandler: anyStaff,
    },
    async (request, reply) => {
      const { role, tokenId, label } = request.staff!;
      reply.header('cache-control', 'no-store');
      return { role, tokenId, label, permissions: permissionsOf(role) };
    },
  );

  app.get<{ Querystring: ConsultationListQuery }>(
    '/api/v1/consultations',
    {
      ...common('Every consultation, newest window first, with its comments counted; cursor pagination', {
        querystring: S.ConsultationListQuery,
        response: { 200: S.ConsultationList, ...S.errors(400, 401) },
      }),
      preHandler: anyStaff,
      onSend: compressLarge,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listConsultations(db, request.query);
    },
  );

  app.post<{ Body: ConsultationInput }>(
    '/api/v1/consultations',
    {
      ...common('Create a consultation; a window under 30 days needs a published reason', {
        body: S.ConsultationCreate,
        response: { 201: S.ConsultationView, ...S.errors(400, 401, 403, 409, 422) },
      }),
      preHandler: editConsultations,
    },
    async (request, reply) => reply.code(201).send(await createConsultation(db, request.body, actor(request))),
  );

  app.patch<Id & { Body: ConsultationInput }>(
    '/api/v1/consultations/:id',
    {
      ...common('Change a consultation', {
        params: S.IdParams,
        body: S.ConsultationPatch,
        response: { 200: S.ConsultationView, ...S.errors(400, 401, 403, 404, 422) },
      }),
      preHandler: editConsultations,
    },
    async (request) => patchConsultation(db, request.params.id, request.body, actor(request)),
  );

  app.get<Id & { Querystring: ListQuery }>(
    '/api/v1/consultations/:id/comments',
    {
      ...common('Comments, with filters and cursor pagination', {
        params: S.IdParams,
        querystring: S.CommentQuery,
        response: { 200: S.CommentPage, ...S.errors(400, 401, 403, 404) },
      }),
      preHandler: anyStaff,
      onSend: compressLarge,
    },
    async (request) => listComments(db, request.params.id, request.query),
  );

  app.patch<{ Params: { id: number }; Body: DecisionInput }>(
    '/api/v1/comments/:id',
    {
      ...common('Moderate or decide one comment; a reason is required unless adopted', {
        params: S.CommentIdParams,
        body: S.CommentPatch,
        response: { 200: S.CommentItem, ...S.errors(400, 401, 403, 404, 422) },
      }),
      preHandler: commentChange,
    },
    async (request) => patchComment(db, request.params.id, request.body, actor(request)),
  );

  app.post<Id & { Body: DecisionInput & { ids: number[] } }>(
    '/api/v1/consultations/:id/decisions',
    {
      ...common('The same decision and reason for many comments (all or none)', {
        params: S.IdParams,
        body: S.BulkDecision,
        response: {
          200: { type: 'object', properties: { updated: { type: 'integer' } } },
          ...S.errors(400, 401, 403, 404, 422),
        },
      }),
      preHandler: commentChange,
    },
    async (request) => {
      const { ids, ...decision } = request.body;
      return bulkDecide(db, request.params.id, ids, decision, actor(request));
    },
  );

  app.get<Id>(
    '/api/v1/consultations/:id/groups',
    {
      ...common('Suggested groups of near-duplicate comments', {
        params: S.IdParams,
        response: { 200: S.Groups, ...S.errors(401, 403, 404) },
      }),
      preHandler: anyStaff,
      onSend: compressLarge,
    },
    async (request) => {
      const groups = await groupsFor(db, request.params.id);
      const { rows } = await db.query<{ id: string; body: string }>(
        'SELECT id, body FROM comments WHERE id = ANY($1)',
        [[...groups.keys()]],
      );
      const sample = new Map(rows.map((r) => [Number(r.id), r.body.slice(0, 200)]));
      return { groups: [...groups].map(([group, ids]) => ({ group, ids, sample: sample.get(group) ?? '' })) };
    },
  );

  app.get<Id>(
    '/api/v1/consultations/:id/audit',
    {
      ...common('The audit log: who changed what, when, before and after', {
        params: S.IdParams,
        response: { 200: S.AuditList, ...S.errors(401, 403) },
      }),
      preHandler: anyStaff,
      onSend: compressLarge,
    },
    async (request) => ({ items: await auditLog(db, request.params.id) }),
  );

  app.post<Id>(
    '/api/v1/consultations/:id/feedback',
    {
      ...common('Publish the feedback; 409 while a comment is unmoderated or undecided', {
        params: S.IdParams,
        response: { 201: S.FeedbackView, ...S.errors(401, 403, 404, 409) },
      }),
      preHandler: publish,
    },
    async (request, reply) => reply.code(201).send(await publishFeedback(db, request.params.id, actor(request))),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/feedback/preview',
    {
      ...common('The feedback as publishing it now would make it (nothing is written), and what still blocks it', {
        params: S.IdParams,
        response: { 200: S.FeedbackPreview, ...S.errors(401, 403, 404) },
      }),
      preHandler: requirePermission(db, 'publish', 'decide'),
      onSend: compressLarge,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return previewFeedback(db, request.params.id);
    },
  );

  app.get<Id>(
    '/api/v1/consultations/:id/feedback/versions',
    {
      ...common('Every published version of the feedback', {
        params: S.IdParams,
        response: { 200: S.FeedbackVersions, ...S.errors(401, 403, 404) },
      }),
      preHandler: anyStaff,
      onSend: compressLarge,
    },
    async (request) => feedbackVersions(db, request.params.id),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/export.csv',
    {
      ...common('All comments as CSV (UTF-8 with BOM, opens in Excel)', {
        params: S.IdParams,
        produces: ['text/csv'],
      }),
      preHandler: exporting,
      onSend: compressLarge,
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}-comments.csv"`)
        .send(await exportCsv(db, request.params.id)),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/report.html',
    {
      ...common('The printable 意见采纳情况说明', { params: S.IdParams, produces: ['text/html'] }),
      preHandler: exporting,
      onSend: compressLarge,
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(await reportHtml(db, request.params.id)),
  );

  app.get<{ Querystring: { decision?: Decision } }>(
    '/api/v1/reason-templates',
    {
      ...common('Reusable reasons to offer when deciding; with decision, those for it and for any', {
        querystring: S.ReasonTemplateQuery,
        response: { 200: S.ReasonTemplateList, ...S.errors(400, 401, 403) },
      }),
      preHandler: anyStaff,
      onSend: compressLarge,
    },
    async (request) => ({ items: await listReasonTemplates(db, request.query.decision) }),
  );

  app.post<{ Body: ReasonTemplateInput }>(
    '/api/v1/reason-templates',
    {
      ...common('Add a reason template', {
        body: S.ReasonTemplateCreate,
        response: { 201: S.ReasonTemplate, ...S.errors(400, 401, 403) },
      }),
      preHandler: editTemplates,
    },
    async (request, reply) => reply.code(201).send(await createReasonTemplate(db, request.body, actor(request))),
  );

  app.patch<{ Params: { id: number }; Body: ReasonTemplateInput }>(
    '/api/v1/reason-templates/:id',
    {
      ...common('Change a reason template (decisions already made keep their text)', {
        params: S.TemplateIdParams,
        body: S.ReasonTemplatePatch,
        response: { 200: S.ReasonTemplate, ...S.errors(400, 401, 403, 404) },
      }),
      preHandler: editTemplates,
    },
    async (request) => patchReasonTemplate(db, request.params.id, request.body, actor(request)),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/v1/reason-templates/:id',
    {
      ...common('Delete a reason template', {
        params: S.TemplateIdParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...S.errors(400, 401, 403, 404) },
      }),
      preHandler: editTemplates,
    },
    async (request, reply) => {
      await deleteReasonTemplate(db, request.params.id, actor(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/reason-templates/audit',
    {
      ...common('Who made, changed or deleted which reason template, when, before and after', {
        response: { 200: S.AuditList, ...S.errors(401, 403) },
      }),
      preHandler: anyStaff,
      onSend: compressLarge,
    },
    async () => ({ items: await reasonTemplateAudit(db) }),
  );
}

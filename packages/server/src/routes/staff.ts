// Staff endpoints, behind bearer tokens: admin may do everything, editors manage consultations
// and publish, reviewers moderate and decide. Everyone on staff may read and export. Each
// endpoint names the permission it needs; lib/permissions.ts says which roles have it.
import type { Decision } from '@gongkai/format';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type ConsultationInput,
  type ConsultationListQuery,
  consultationCounts,
  createConsultation,
  getConsultationRow,
  listConsultations,
  patchConsultation,
} from '../consultations.js';
import type { Database } from '../db/database.js';
import {
  auditLog,
  bulkDecide,
  type CommentFilter,
  type DecisionInput,
  decideByFilter,
  getComment,
  type ListQuery,
  listComments,
  patchComment,
} from '../decisions.js';
import { exportCsv, reportHtml } from '../export.js';
import { feedbackVersions } from '../feedback.js';
import { mergeGroups, splitGroup, storedGroup, storedGroups } from '../grouping.js';
import { compressLarge, compressStream } from '../lib/compress.js';
import { HttpError } from '../lib/errors.js';
import { staffAccess } from '../lib/http.js';
import { commentPermissions, permissionsOf } from '../lib/permissions.js';
import { awaitRun, failure, getRun, type RunKind, requestRun, runView } from '../publication-runs.js';
import {
  createReasonTemplate,
  deleteReasonTemplate,
  listReasonTemplates,
  patchReasonTemplate,
  type ReasonTemplateInput,
  reasonTemplateAudit,
} from '../reason-templates.js';
import { DOCX_TYPE, reportDocx } from '../report-docx.js';
import * as S from '../schemas.js';
import { tokenRoutes } from './tokens.js';

type Id = { Params: { id: string } };

export function staffRoutes(app: FastifyInstance, db: Database, runWaitMs: number): void {
  const security = [{ bearer: [] }];
  const tags = ['staff'];
  // Hooks per kind of route (lib/http.ts): the token in onRequest, before the body is read.
  const anyStaff = staffAccess(db, { scope: 'own' });
  const ofConsultation = staffAccess(db, { scope: 'consultation' });
  const editConsultations = staffAccess(db, { any: ['editConsultations'] });
  const editConsultation = staffAccess(db, { any: ['editConsultations'], scope: 'consultation' });
  const publish = staffAccess(db, { any: ['publish'], scope: 'consultation' });
  const exporting = staffAccess(db, { any: ['export'], scope: 'consultation' });
  const editTemplates = staffAccess(db, { any: ['editTemplates'] });
  // Moderating needs moderate, deciding decide: the body says which.
  const commentChange = (scope: 'own' | 'consultation') =>
    staffAccess(db, { any: ['moderate', 'decide'], needs: (r) => commentPermissions(r.body as object), scope });
  const actor = (r: { staff?: { tokenId: string; role: string } }) => `${r.staff!.role}:${r.staff!.tokenId}`;
  const common = (summary: string, extra: object) => ({ schema: { tags, security, summary, ...extra } });

  app.get(
    '/api/v1/staff/me',
    {
      ...common('Who the token is: its role, label and what it may do', {
        response: { 200: S.StaffMe, ...S.errors(401) },
      }),
      ...anyStaff,
    },
    async (request) => {
      const { role, tokenId, label, consultations, expires } = request.staff!;
      return {
        role,
        tokenId,
        label,
        permissions: permissionsOf(request.staff!),
        consultations,
        expires: expires.toISOString(),
      };
    },
  );

  app.get<{ Querystring: ConsultationListQuery }>(
    '/api/v1/consultations',
    {
      ...common('Every consultation, newest window first, with its comments counted; cursor pagination', {
        querystring: S.ConsultationListQuery,
        response: { 200: S.ConsultationList, ...S.errors(400, 401) },
      }),
      ...anyStaff,
      onSend: compressLarge,
    },
    async (request) => listConsultations(db, request.query, request.staff!.consultations),
  );

  app.post<{ Body: ConsultationInput }>(
    '/api/v1/consultations',
    {
      ...common('Create a consultation; a window under 30 days needs a published reason', {
        body: S.ConsultationCreate,
        response: { 201: S.ConsultationView, ...S.errors(400, 401, 403, 409, 422) },
      }),
      ...editConsultations,
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
      ...editConsultation,
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
      ...ofConsultation,
      onSend: compressLarge,
    },
    async (request) => listComments(db, request.params.id, request.query, request.staff!, actor(request)),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/counts',
    {
      ...common(
        'Its comments counted by where they stand: received, awaiting moderation, undecided, decided, removed',
        {
          params: S.IdParams,
          response: { 200: S.CommentCounts, ...S.errors(401, 403, 404) },
        },
      ),
      ...ofConsultation,
    },
    async (request) => consultationCounts(db, request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/comments/:id',
    {
      ...common('One comment, as the list shows it', {
        params: S.CommentIdParams,
        response: { 200: S.CommentItem, ...S.errors(400, 401, 403, 404) },
      }),
      ...anyStaff,
    },
    async (request, reply) => {
      const item = await getComment(db, request.params.id, request.staff!, actor(request));
      reply.header('etag', item.etag);
      return item;
    },
  );

  app.patch<{ Params: { id: number }; Body: DecisionInput }>(
    '/api/v1/comments/:id',
    {
      ...common('Moderate or decide one comment; a reason is required unless adopted; If-Match: 412 if changed since', {
        params: S.CommentIdParams,
        body: S.CommentPatch,
        headers: S.IfMatchHeaders,
        response: { 200: S.CommentItem, ...S.errors(400, 401, 403, 404, 412, 422) },
      }),
      ...commentChange('own'),
    },
    async (request, reply) => {
      const item = await patchComment(db, request.params.id, request.body, {
        actor: actor(request),
        staff: request.staff!,
        ifMatch: request.headers['if-match'],
      });
      reply.header('etag', item.etag);
      return item;
    },
  );

  app.post<Id & { Body: DecisionInput & { ids?: number[]; filter?: CommentFilter } }>(
    '/api/v1/consultations/:id/decisions',
    {
      ...common('The same decision and reason for many comments, by ids or by filter (all or none)', {
        params: S.IdParams,
        body: S.BulkDecision,
        response: {
          200: { type: 'object', properties: { updated: { type: 'integer' } } },
          ...S.errors(400, 401, 403, 404, 422),
        },
      }),
      ...commentChange('consultation'),
    },
    async (request) => {
      const { ids, filter, ...decision } = request.body;
      const who = { actor: actor(request), staff: request.staff! };
      if (filter) return decideByFilter(db, request.params.id, filter, decision, who);
      return bulkDecide(db, request.params.id, ids!, decision, who);
    },
  );

  app.get<Id & { Querystring: { limit: number; cursor?: string } }>(
    '/api/v1/consultations/:id/groups',
    {
      ...common('Suggested groups of near-duplicate comments, as the last grouping job left them, a page at a time', {
        params: S.IdParams,
        querystring: S.GroupsQuery,
        response: { 200: S.Groups, ...S.errors(400, 401, 403, 404) },
      }),
      ...ofConsultation,
      onSend: compressLarge,
    },
    async (request) => {
      await getConsultationRow(db, request.params.id);
      return storedGroups(db, request.params.id, request.query);
    },
  );

  app.get<{ Params: { id: string; group: number } }>(
    '/api/v1/consultations/:id/groups/:group',
    {
      ...common('One stored group: its size and the start of its representative', {
        params: S.GroupParams,
        response: { 200: S.Group, ...S.errors(400, 401, 403, 404) },
      }),
      ...ofConsultation,
    },
    async (request) => storedGroup(db, request.params.id, request.params.group),
  );

  const decideGroups = staffAccess(db, { any: ['decide'], scope: 'consultation' });

  app.post<{ Params: { id: string; group: number }; Body: { ids: number[] } }>(
    '/api/v1/consultations/:id/groups/:group/split',
    {
      ...common('Take comments out of a near-duplicate group (a wrong match); the rest stay a group', {
        params: S.GroupParams,
        body: S.GroupSplit,
        response: { 200: S.GroupChanged, ...S.errors(400, 401, 403, 404, 422) },
      }),
      ...decideGroups,
    },
    async (request) => splitGroup(db, request.params.id, request.params.group, request.body.ids, actor(request)),
  );

  app.post<Id & { Body: { groups: number[] } }>(
    '/api/v1/consultations/:id/groups/merge',
    {
      ...common('Join groups (or lone comments, by id) into one near-duplicate group', {
        params: S.IdParams,
        body: S.GroupMerge,
        response: { 200: S.GroupChanged, ...S.errors(400, 401, 403, 404) },
      }),
      ...decideGroups,
    },
    async (request) => mergeGroups(db, request.params.id, request.body.groups, actor(request)),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/audit',
    {
      ...common('The audit log: who changed what, when, before and after', {
        params: S.IdParams,
        response: { 200: S.AuditList, ...S.errors(401, 403) },
      }),
      ...ofConsultation,
      onSend: compressLarge,
    },
    async (request) => ({ items: await auditLog(db, request.params.id) }),
  );

  /**
   * Publishing and the preview are runs worked by the job runner: answered with their result when
   * the run finishes within a moment, else 202 with the run to follow (at once with
   * `Prefer: respond-async`).
   */
  const answerRun = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    kind: RunKind,
    doneStatus: number,
  ): Promise<unknown> => {
    const c = await getConsultationRow(db, request.params.id);
    if (kind === 'publish' && Date.now() < new Date(c.closes).getTime()) {
      throw new HttpError(409, 'still-open', `comments are open until ${new Date(c.closes).toISOString()}`, {
        zh: '征求意见尚未截止',
      });
    }
    const queued = await requestRun(db, c.id, kind, actor(request));
    app.jobs?.wake();
    const async = /\brespond-async\b/i.test(String(request.headers.prefer ?? ''));
    const run = await runView(db, async ? queued : await awaitRun(db, queued, runWaitMs));
    const refused = failure(run);
    if (refused) throw refused;
    if (run.state === 'done' && run.result) return reply.code(doneStatus).send(run.result);
    return reply
      .code(202)
      .header('location', `/api/v1/consultations/${encodeURIComponent(c.id)}/feedback/runs/${run.id}`)
      .send(run);
  };

  app.post<Id>(
    '/api/v1/consultations/:id/feedback',
    {
      ...common('Publish the feedback; 409 while the window is open or a comment is unmoderated or undecided', {
        description:
          'A job: answered 201 with the version when it finishes within 2 s (the server option runWaitMs), else 202 with the run to follow at Location.',
        params: S.IdParams,
        response: { 201: S.FeedbackView, 202: S.PublicationRun, ...S.errors(401, 403, 404, 409) },
      }),
      ...publish,
    },
    (request, reply) => answerRun(request, reply, 'publish', 201),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/feedback/preview',
    {
      ...common('The feedback as publishing it now would make it (nothing is written), and what still blocks it', {
        description:
          'A job, as publishing is: 200 when it finishes within 2 s (runWaitMs), else 202 with the run to follow.',
        params: S.IdParams,
        response: { 200: S.FeedbackPreview, 202: S.PublicationRun, ...S.errors(401, 403, 404) },
      }),
      ...staffAccess(db, { any: ['publish', 'decide', 'check', 'signOff'], scope: 'consultation' }),
      onSend: compressLarge,
    },
    (request, reply) => answerRun(request, reply, 'preview', 200),
  );

  app.get<{ Params: { id: string; run: number } }>(
    '/api/v1/consultations/:id/feedback/runs/:run',
    {
      ...common('A publication or preview run: queued, running, done (with its result) or failed (with the error)', {
        params: S.RunParams,
        response: { 200: S.PublicationRun, ...S.errors(401, 403, 404) },
      }),
      ...staffAccess(db, { any: ['publish', 'decide', 'check', 'signOff'], scope: 'consultation' }),
      onSend: compressLarge,
    },
    async (request) => getRun(db, request.params.id, request.params.run),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/feedback/versions',
    {
      ...common('Every published version of the feedback', {
        params: S.IdParams,
        response: { 200: S.FeedbackVersions, ...S.errors(401, 403, 404) },
      }),
      ...ofConsultation,
      onSend: compressLarge,
    },
    async (request) => feedbackVersions(db, request.params.id),
  );

  app.get<Id>(
    '/api/v1/consultations/:id/export.csv',
    {
      ...common('All comments as CSV (UTF-8 with BOM, opens in Excel), streamed', {
        params: S.IdParams,
        produces: ['text/csv'],
      }),
      ...exporting,
    },
    async (request, reply) => {
      const csv = await exportCsv(db, request.params.id, request.staff!, actor(request));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}-comments.csv"`)
        .send(compressStream(request, reply, csv));
    },
  );

  app.get<Id>(
    '/api/v1/consultations/:id/report.html',
    {
      ...common('The printable 意见采纳情况说明, streamed', { params: S.IdParams, produces: ['text/html'] }),
      ...exporting,
    },
    async (request, reply) => {
      const html = await reportHtml(db, request.params.id, actor(request));
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(compressStream(request, reply, html));
    },
  );

  app.get<Id>(
    '/api/v1/consultations/:id/report.docx',
    {
      ...common('The 意见采纳情况说明 as a Word document laid out as a 公文 attachment (comments listed up to 1,000)', {
        params: S.IdParams,
        produces: [DOCX_TYPE],
      }),
      ...exporting,
    },
    async (request, reply) => {
      const { bytes, fileName } = await reportDocx(db, request.params.id, actor(request));
      // Already deflated: sent as it is. The ASCII name for clients that ignore filename*.
      return reply
        .type(DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="${request.params.id}-report.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(bytes);
    },
  );

  app.get<{ Querystring: { decision?: Decision } }>(
    '/api/v1/reason-templates',
    {
      ...common('Reusable reasons to offer when deciding; with decision, those for it and for any', {
        querystring: S.ReasonTemplateQuery,
        response: { 200: S.ReasonTemplateList, ...S.errors(400, 401, 403) },
      }),
      ...anyStaff,
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
      ...editTemplates,
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
      ...editTemplates,
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
      ...editTemplates,
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
      ...anyStaff,
      onSend: compressLarge,
    },
    async () => ({ items: await reasonTemplateAudit(db) }),
  );

  tokenRoutes(app, db, { tags, security, actor });
}

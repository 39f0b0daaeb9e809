// Attachment endpoints: the citizen's upload (public, rate-limited), staff reading and publishing
// (token, permission, scope, audit), and the files staff published with the feedback (public).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { audit } from '../lib/audit.js';
import { HttpError, notFound } from '../lib/errors.js';
import { checkScope, staffAccess } from '../lib/http.js';
import { rateLimit } from '../routes/public.js';
import * as S from '../schemas.js';
import { type Attachments, fileHeaders } from './attachments.js';
import { ACCEPTED, tooLarge } from './sniff.js';

// Error answers keep their details (`found`, `tokens`, `maxBytes`).
const errs = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, { ...S.ErrorSchema, additionalProperties: true }]));

const AttachmentItem = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    type: { type: 'string' },
    size: { type: 'integer' },
    scan: { type: 'string', enum: ['pending', 'clean', 'infected', 'unscanned'] },
    published: { type: 'boolean' },
    created: { type: 'string', format: 'date-time' },
  },
} as const;

const Uploaded = {
  type: 'object',
  properties: {
    token: { type: 'string', description: 'Name it in the comment’s `attachments`; valid for a day.' },
    name: { type: 'string' },
    type: { type: 'string', description: 'The type found in the file’s bytes.' },
    size: { type: 'integer' },
    scan: { type: 'string', enum: ['pending', 'clean', 'unscanned'] },
  },
} as const;

const AttachmentIdParams = S.CommentIdParams;

export function attachmentRoutes(app: FastifyInstance, db: Database, files: Attachments): void {
  const security = [{ bearer: [] }];
  const anyStaff = staffAccess(db, { scope: 'own' });
  const actor = (r: { staff?: { tokenId: string; role: string } }) => `${r.staff!.role}:${r.staff!.tokenId}`;
  const send = (reply: FastifyReply, r: { name: string; media_type: string; size: string }, data: unknown) =>
    reply.headers(fileHeaders(r.name, r.media_type, Number(r.size))).send(data);

  type UploadRequest = FastifyRequest<{ Params: { id: string }; Querystring: { name?: string } }>;
  /** One upload, streamed to the store; `window`: only while the consultation takes comments. */
  const receive = async (request: UploadRequest, reply: FastifyReply, window: boolean) => {
    const id = request.params.id;
    const refuse = (error: HttpError) => {
      // The rest of the body is not read: closing the connection discards it.
      reply.header('connection', 'close');
      return error;
    };
    const length = Number(request.headers['content-length']);
    if (length > files.maxBytes) throw refuse(tooLarge(files.maxBytes));
    const { rows } = await db.query<{ open: boolean; opens: Date; closes: Date }>(
      'SELECT now() >= opens AND now() < closes AS open, opens, closes FROM consultations WHERE id = $1',
      [id],
    );
    if (!rows[0]) throw refuse(notFound(`consultation with id ${id}`));
    if (window && !rows[0].open) {
      throw refuse(
        new HttpError(403, 'closed', 'this consultation does not take comments now', {
          zh: '当前不在征求意见期内',
        }),
      );
    }
    try {
      // Staff are not counted against citizens' limit: a day's letters come in one sitting.
      if (window) await rateLimit(db, `upload:${id}:${request.ip}`, files.uploadLimit);
      const stored = await files.upload(id, request.query.name, request.body as NodeJS.ReadableStream as never);
      // A staff upload is an act on the record (its name may carry personal data: not logged).
      if (!window) {
        await audit(db, {
          actor: actor(request),
          action: 'attachment.upload',
          consultationId: id,
          after: { type: stored.type, size: stored.size },
        });
      }
      return reply.code(201).send(stored);
    } catch (error) {
      if (error instanceof HttpError) throw refuse(error);
      throw error;
    }
  };

  // The upload takes the raw body as a stream (any Content-Type: the bytes say what it is), in a
  // scope of its own so that the other routes keep their parsers and the 64 kB limit.
  const UploadQuery = {
    type: 'object',
    properties: { name: { type: 'string', maxLength: 1000, description: 'The file’s name, shown to staff.' } },
  } as const;
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post<{ Params: { id: string }; Querystring: { name?: string } }>(
      '/api/v1/consultations/:id/attachments',
      {
        schema: {
          tags: ['public'],
          summary: `Upload one file to attach to a comment (${ACCEPTED}); the body is the file`,
          description:
            'The type is found from the content, not the name or Content-Type. Answers a token that the comment names in `attachments`. 413 over the size limit (checked while it streams), 415 naming the type found, 422 when the virus scanner finds malware.',
          params: S.IdParams,
          querystring: UploadQuery,
          response: { 201: Uploaded, ...errs(403, 404, 413, 415, 422, 429) },
        },
      },
      async (request, reply) => receive(request, reply, true),
    );
    // Staff upload the scan of a letter they enter (录入意见), also after the window has closed.
    scope.post<{ Params: { id: string }; Querystring: { name?: string } }>(
      '/api/v1/consultations/:id/entries/attachments',
      {
        schema: {
          tags: ['staff'],
          security,
          summary: `Upload the scan of a comment received otherwise than online (${ACCEPTED}); needs enterComments`,
          description:
            'As the public upload, for staff entering a letter, fax or minutes, open or closed window alike: the token goes in the entry’s `attachments`.',
          params: S.IdParams,
          querystring: UploadQuery,
          response: { 201: Uploaded, ...errs(401, 403, 404, 413, 415, 422) },
        },
        // The token is checked before a byte of the body is read.
        ...staffAccess(db, { any: ['enterComments'], scope: 'consultation' }),
      },
      async (request, reply) => receive(request, reply, false),
    );
  });

  app.get<{ Params: { id: number } }>(
    '/api/v1/comments/:id/attachments',
    {
      schema: {
        tags: ['staff'],
        security,
        summary: "A comment's attachments (names, types found, sizes, scan state, whether published)",
        params: S.CommentIdParams,
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: AttachmentItem } } },
          ...errs(400, 401, 403, 404),
        },
      },
      ...anyStaff,
    },
    async (request) => {
      const { consultation, items } = await files.forComment(request.params.id);
      checkScope(request.staff!, consultation);
      return { items };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags: ['staff'],
        security,
        summary: 'Download an attachment (audited); never one awaiting or failing the virus scan (409)',
        params: AttachmentIdParams,
        response: { ...errs(400, 401, 403, 404, 409, 410) },
      },
      // Every GET is a read in the audit log; a HEAD would record one that read nothing.
      exposeHeadRoute: false,
      ...anyStaff,
    },
    async (request, reply) => {
      const r = await files.row(request.params.id);
      checkScope(request.staff!, r.consultation_id);
      return send(reply, r, await files.readByStaff(r, actor(request)));
    },
  );

  app.patch<{ Params: { id: number }; Body: { published: boolean } }>(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags: ['staff'],
        security,
        summary: 'Publish an attachment with the feedback, or take it back (audited; needs publish)',
        params: AttachmentIdParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { published: { type: 'boolean' } },
          required: ['published'],
        },
        response: { 200: AttachmentItem, ...errs(400, 401, 403, 404, 409) },
      },
      ...staffAccess(db, { any: ['publish'], scope: 'own' }),
    },
    async (request) =>
      files.setPublished(request.params.id, request.body.published, actor(request), (c) =>
        checkScope(request.staff!, c),
      ),
  );

  const publicItem =
    (consultation: string) => (r: { id: string; no: number; name: string; media_type: string; size: string }) => ({
      id: Number(r.id),
      no: r.no,
      name: r.name,
      type: r.media_type,
      size: Number(r.size),
      url: `/api/v1/consultations/${encodeURIComponent(consultation)}/feedback/attachments/${r.id}`,
    });

  app.get<{ Params: { id: string } }>(
    '/api/v1/consultations/:id/feedback/attachments',
    {
      schema: {
        tags: ['public'],
        summary: 'The files staff published with the feedback, with the number of their comment there',
        params: S.IdParams,
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    no: { type: 'integer', description: 'The comment’s number in the published feedback.' },
                    name: { type: 'string' },
                    type: { type: 'string' },
                    size: { type: 'integer' },
                    url: { type: 'string' },
                  },
                },
              },
            },
          },
          ...errs(400),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      const id = request.params.id;
      return { items: (await files.published(id)).map(publicItem(id)) };
    },
  );

  app.get<{ Params: { id: string; file: number } }>(
    '/api/v1/consultations/:id/feedback/attachments/:file',
    {
      schema: {
        tags: ['public'],
        summary: 'A file published with the feedback; 404 for every other file',
        params: {
          type: 'object',
          properties: { id: S.IdParams.properties.id, file: AttachmentIdParams.properties.id },
          required: ['id', 'file'],
        },
        response: { ...errs(400, 404, 410) },
      },
    },
    async (request, reply) => {
      const [r] = await files.published(request.params.id, request.params.file);
      // The same answer for a file that does not exist and one that is private.
      if (!r) throw notFound(`published attachment ${request.params.file}`);
      return send(reply, r, await files.open(r));
    },
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Files attached to comments (absent without `attachments` in the options). */
    attachments?: Attachments;
  }
}

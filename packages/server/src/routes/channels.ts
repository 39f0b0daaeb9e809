// Staff routes for comments received by other channels than the comment form (issue 21): one
// comment entered (idempotent like the public route), an import of e-mails or the CSV template,
// the template itself and a comment's printable reply slip. Each needs `enterComments`, checked
// with the token before a byte of the body is read.
import { SUBMITTER_TYPES } from '@gongkai/format';
import type { FastifyInstance } from 'fastify';
import type { Attachments } from '../attachments/attachments.js';
import {
  ENTRY_CHANNELS,
  ENTRY_KEY,
  type Entered as EnteredComment,
  type EntryInput,
  enterComment,
  type ImportRow,
  importEntries,
  MAX_ENTERED_CHARS,
} from '../channels.js';
import { CSV_COLUMNS, csvTemplate, parseCsv, parseEml } from '../channels-import.js';
import type { Database, Queryable } from '../db/database.js';
import { audit } from '../lib/audit.js';
import { HttpError } from '../lib/errors.js';
import { staffAccess } from '../lib/http.js';
import { replySlip } from '../reply-slip.js';
import * as S from '../schemas.js';

/** An import answered within its request: at most this much (decoded) and this many rows. Beyond: the CLI. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 1000;

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

const EntryCreate = {
  type: 'object',
  additionalProperties: false,
  properties: {
    channel: { type: 'string', enum: ENTRY_CHANNELS },
    receivedAt: {
      type: 'string',
      maxLength: 40,
      description: '2027-03-05 (a day, China Standard Time) or an instant.',
    },
    submitterType: { type: 'string', enum: SUBMITTER_TYPES, default: 'individual' },
    clause: {
      ...text(200),
      description: 'A clause id of the draft or its printed label (第十二条); absent for the whole text.',
    },
    body: { type: 'string', minLength: 1, maxLength: MAX_ENTERED_CHARS },
    name: text(100),
    contact: text(200),
    originalRef: {
      ...text(200),
      description: 'Where the paper original is kept (a file number).',
    },
    attachments: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string', minLength: 16, maxLength: 64 },
      description:
        'The scanned original and other files, uploaded to …/attachments first (staff-only, like a citizen’s).',
    },
  },
  required: ['channel', 'receivedAt', 'body'],
} as const;

const Entered = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    receipt: { type: 'string' },
    status: { type: 'string', enum: ['received'] },
    slip: { type: 'string', description: 'The printable reply slip (GET, with the token).' },
  },
} as const;

const ImportBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['eml', 'csv'] },
    files: {
      type: 'array',
      minItems: 1,
      maxItems: IMPORT_MAX_ROWS,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { name: text(255), data: { type: 'string', description: 'The file, base64.' } },
        required: ['name', 'data'],
      },
    },
    dryRun: { type: 'boolean', default: false },
  },
  required: ['format', 'files'],
} as const;

const Problem = {
  type: 'object',
  properties: { field: { type: 'string' }, message: { type: 'string' }, zh: { type: 'string' } },
} as const;

const ImportAnswer = {
  type: 'object',
  properties: {
    imported: { type: 'boolean' },
    dryRun: { type: 'boolean' },
    added: { type: 'integer' },
    replayed: { type: 'integer' },
    failed: { type: 'integer' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          file: { type: 'string' },
          row: { type: 'integer' },
          ok: { type: 'boolean' },
          problems: { type: 'array', items: Problem },
          receipt: { type: 'string' },
          id: { type: 'integer' },
          replayed: { type: 'boolean' },
        },
      },
    },
  },
} as const;

/** The rows of an import's files, read (mailparser, csv-parse) and numbered; too large: 413. */
export async function readImport(format: 'eml' | 'csv', files: { name: string; data: Uint8Array }[]) {
  const rows: ImportRow[] = [];
  for (const f of files) {
    if (format === 'eml') rows.push(await parseEml(f.name, f.data));
    else rows.push(...parseCsv(f.name, f.data));
  }
  return rows;
}

export function channelRoutes(
  app: FastifyInstance,
  db: Database,
  wake: () => void = () => {},
  files?: Attachments,
): void {
  const security = [{ bearer: [] }];
  const tags = ['staff'];
  const entering = staffAccess(db, { any: ['enterComments'], scope: 'consultation' });
  const actor = (r: { staff?: { tokenId: string; role: string } }) => `${r.staff!.role}:${r.staff!.tokenId}`;

  app.post<{
    Params: { id: string };
    Body: EntryInput & { attachments?: string[] };
    Headers: { 'idempotency-key': string };
  }>(
    '/api/v1/consultations/:id/entries',
    {
      schema: {
        tags,
        security,
        summary: 'Enter a comment received by letter, e-mail, fax, telephone, a meeting, a hearing or a contact point',
        params: S.IdParams,
        headers: S.IdempotencyHeaders,
        body: EntryCreate,
        response: { 201: Entered, ...S.errors(400, 401, 403, 404, 409) },
      },
      // A letter may run to 20,000 characters (60 kB of UTF-8) besides the other fields.
      bodyLimit: 256 * 1024,
      ...entering,
    },
    async (request, reply) => {
      const staff = request.staff!;
      const { attachments, ...input } = request.body;
      const id = request.params.id;
      const key = request.headers['idempotency-key'];
      // The scan joins the entry as a citizen's file joins their comment: checked first, linked after.
      if (attachments?.length) {
        if (!files) throw new HttpError(400, 'attachments-off', 'this service takes no attachments');
        await files.check(id, `${ENTRY_KEY}${key}`, attachments);
      }
      const who = actor(request);
      const scans = attachments?.length
        ? {
            tokens: attachments,
            link: async (tx: Queryable, entered: EnteredComment) => {
              const added = await files!.linkAll(tx, id, `${ENTRY_KEY}${key}`, attachments);
              if (added) {
                await audit(tx, {
                  actor: who,
                  action: 'attachment.link',
                  consultationId: id,
                  commentId: entered.id,
                  after: { files: added },
                });
              }
            },
          }
        : undefined;
      const e = await enterComment(db, id, key, input, { actor: who, tokenId: staff.tokenId }, scans);
      if (e.replayed) reply.header('idempotent-replayed', 'true');
      else wake();
      return reply.code(201).send({
        id: e.id,
        receipt: e.receipt,
        status: 'received',
        slip: `/api/v1/consultations/${encodeURIComponent(request.params.id)}/comments/${e.id}/reply-slip`,
      });
    },
  );

  app.post<{
    Params: { id: string };
    Body: { format: 'eml' | 'csv'; files: { name: string; data: string }[]; dryRun: boolean };
  }>(
    '/api/v1/consultations/:id/import',
    {
      schema: {
        tags,
        security,
        summary: `Import e-mails (.eml) or the CSV template: all rows or none; each row's problems named (at most ${IMPORT_MAX_ROWS} rows; more with the CLI)`,
        params: S.IdParams,
        body: ImportBody,
        response: { 200: ImportAnswer, 422: ImportAnswer, ...S.errors(400, 401, 403, 404, 409, 413) },
      },
      // base64 of IMPORT_MAX_BYTES, and the JSON around it.
      bodyLimit: Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024,
      ...entering,
    },
    async (request, reply) => {
      const { format, files, dryRun } = request.body;
      const decoded = files.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64') }));
      const bytes = decoded.reduce((n, f) => n + f.data.length, 0);
      if (bytes > IMPORT_MAX_BYTES) throw tooLarge(`${bytes} bytes`);
      const rows = await readImport(format, decoded);
      if (rows.length > IMPORT_MAX_ROWS) throw tooLarge(`${rows.length} rows`);
      const result = await importEntries(
        db,
        request.params.id,
        rows,
        {
          actor: actor(request),
          tokenId: request.staff!.tokenId,
        },
        { dryRun },
      );
      if (result.added) wake();
      return reply.code(result.failed ? 422 : 200).send(result);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/consultations/:id/import/template.csv',
    {
      schema: {
        tags,
        security,
        summary: `The CSV template (UTF-8, zh headers): ${CSV_COLUMNS.map((c) => `${c.header}${c.required ? '（必填）' : ''}: ${c.help}`).join('; ')}`,
        params: S.IdParams,
      },
      ...entering,
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('意见导入模板.csv')}`)
        .send(csvTemplate()),
  );

  app.get<{ Params: { id: string; comment: number } }>(
    '/api/v1/consultations/:id/comments/:comment/reply-slip',
    {
      schema: {
        tags,
        security,
        summary: 'The printable reply slip (回执单) of a comment: its receipt number and where to look it up',
        params: {
          type: 'object',
          properties: { id: S.IdParams.properties.id, comment: { type: 'integer', minimum: 1 } },
          required: ['id', 'comment'],
        },
      },
      ...entering,
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const html = await replySlip(
        db,
        request.params.id,
        request.params.comment,
        request.staff!,
        actor(request),
        origin,
      );
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(html);
    },
  );
}

const tooLarge = (what: string) =>
  new HttpError(
    413,
    'too-large',
    `an import through the API holds at most ${IMPORT_MAX_BYTES} bytes and ${IMPORT_MAX_ROWS} rows (this one: ${what}); split it, or use gongkai-server import`,
    {
      zh: `一次导入最多 ${IMPORT_MAX_ROWS} 条（${IMPORT_MAX_BYTES / 1024 / 1024} MB），请分批导入或使用命令行 gongkai-server import`,
    },
  );

// Staff edit the notification messages (zh-Hans, zh-Hant, en) with a preview. What they write is
// stored (notify_templates) and replaces the built-in text of that kind and language; deleting it
// brings the built-in one back. Every placeholder is checked against the kind's list, so a typo
// is refused (400, naming it) rather than sent to thousands; every change is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../db/database.js';
import { audit } from '../lib/audit.js';
import { HttpError } from '../lib/errors.js';
import { staffAccess } from '../lib/http.js';
import * as S from '../schemas.js';
import {
  BUILT_IN,
  LOCALES,
  type Locale,
  MESSAGE_KINDS,
  type MessageInput,
  type MessageKind,
  overrideKey,
  PLACEHOLDERS,
  render,
  type Template,
  unknownPlaceholders,
} from './templates.js';

const Params = {
  type: 'object',
  properties: { kind: { type: 'string', enum: MESSAGE_KINDS }, locale: { type: 'string', enum: LOCALES } },
  required: ['kind', 'locale'],
} as const;

const Input = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // One line: it becomes a mail header.
    subject: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\r\\n]*\\S[^\\r\\n]*$' },
    body: { type: 'string', maxLength: 4000 },
  },
  required: ['subject', 'body'],
} as const;

const TemplateView = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    locale: { type: 'string' },
    subject: { type: 'string' },
    body: { type: 'string' },
    placeholders: { type: 'array', items: { type: 'string' } },
    builtIn: { type: 'object', properties: { subject: { type: 'string' }, body: { type: 'string' } } },
    custom: { type: 'boolean' },
    updatedAt: { type: ['string', 'null'] },
    updatedBy: { type: ['string', 'null'] },
  },
} as const;

const Preview = {
  type: 'object',
  properties: { subject: { type: 'string' }, text: { type: 'string' }, html: { type: 'string' } },
} as const;

type Kind = { kind: MessageKind; locale: Locale };

interface Row {
  kind: MessageKind;
  locale: Locale;
  subject: string;
  body: string;
  updated_at: Date | string;
  updated_by: string;
}

function view(kind: MessageKind, locale: Locale, row: Row | undefined) {
  const builtIn = BUILT_IN[locale][kind];
  return {
    kind,
    locale,
    subject: row?.subject ?? builtIn.subject,
    body: row?.body ?? builtIn.body,
    placeholders: [...PLACEHOLDERS[kind]],
    builtIn,
    custom: !!row,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    updatedBy: row?.updated_by ?? null,
  };
}

/** Refuses a template with a placeholder its kind does not have, naming it and where it is. */
function check(kind: MessageKind, t: Template): void {
  const problems = (['subject', 'body'] as const).flatMap((field) =>
    unknownPlaceholders(kind, t[field]).map((name) => ({
      path: `$.${field}`,
      message: `unknown placeholder {${name}}`,
    })),
  );
  if (!problems.length) return;
  const name = (p: { message: string }) => p.message.slice('unknown placeholder '.length);
  const names = problems.map((p) => `${name(p)} in ${p.path.slice(2)}`);
  const zhNames = problems.map((p) => `${p.path === '$.subject' ? '主题' : '正文'}中的 ${name(p)}`);
  const allowed = PLACEHOLDERS[kind].map((p) => `{${p}}`).join(', ');
  throw new HttpError(
    400,
    'unknown-placeholder',
    `unknown placeholder ${names.join(', ')}; ${kind} may use ${allowed}`,
    {
      zh: `未知的占位符：${zhNames.join('、')}；这类消息可用 ${allowed}`,
      problems,
    },
  );
}

const SAMPLE_TITLE: Record<Locale, string> = {
  'zh-Hans': '关于公开征求《鄂州市全面推进政务公开工作实施方案（征求意见稿）》意见的公告',
  'zh-Hant': '關於公開徵求《鄂州市全面推進政務公開工作實施方案（徵求意見稿）》意見的公告',
  en: 'Draft plan for open government in Ezhou: call for comments',
};
const SAMPLE_REASON: Record<Locale, string> = {
  'zh-Hans': '已在第三条中明确办理时限。',
  'zh-Hant': '已在第三條中明確辦理時限。',
  en: 'Article 3 now states the time limit.',
};

/** A message of `kind` with sample values (a commenter whose comment was adopted), and sample links. */
function sample(kind: MessageKind, locale: Locale): MessageInput {
  const title = SAMPLE_TITLE[locale];
  const site = 'https://consult.example.gov.cn';
  const links = {
    unsubscribe: `${site}/api/v1/notify/unsubscribe?s=1&t=sample`,
    confirm: `${site}/api/v1/notify/confirm?s=1&t=sample`,
    page: `${site}/draft.html`,
    feedback: `${site}/draft.html`,
    receipt: `${site}/draft.html?receipt=7K2M9QX4RT8BZW3D`,
  };
  const opens = '2030-05-01T01:00:00Z';
  const closes = '2030-05-31T15:59:00Z';
  const event = (payload: Record<string, unknown>) => ({ kind, payload: { title, opens, closes, ...payload } });
  const base = { locale, follows: 'comment', links, own: null, event: null } as const;
  switch (kind) {
    case 'confirm':
      return base;
    case 'ack':
      return {
        ...base,
        ack: true,
        own: { title, receipt: '7K2M9QX4RT8BZW3D', submitted: '2030-05-12T02:30:00Z' },
      };
    case 'feedback.published':
    case 'changes.published':
      return {
        ...base,
        // The final text as a later version, and the changes this comment led to in it.
        event: event({
          changes: {
            version: 2,
            label: locale === 'en' ? 'Final text' : '正式稿',
            places: { '3': '第三条', '6': '第五条（新增）', '-5': '原第五条（删除）' },
          },
        }),
        own: {
          moderation: 'approved',
          decision: 'adopted',
          reason: SAMPLE_REASON[locale],
          receipt: '7K2M9QX4RT8BZW3D',
          changes: ['3', '6'],
        },
      };
    case 'window.changed':
      return { ...base, event: event({ change: 'extended', reason: SAMPLE_REASON[locale] }) };
    case 'consultation.opened':
      return { ...base, event: event({}) };
    case 'consultation.closing':
      return { ...base, event: event({ days: 7 }) };
    case 'policy.version':
      return { ...base, event: event({ version: 2, note: SAMPLE_REASON[locale] }) };
  }
}

async function read(db: Queryable, kind?: MessageKind, locale?: Locale): Promise<Row[]> {
  const { rows } = await db.query<Row>(
    `SELECT kind, locale, subject, body, updated_at, updated_by FROM notify_templates
     WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR locale = $2)`,
    [kind ?? null, locale ?? null],
  );
  return rows;
}

export function notifyTemplateRoutes(app: FastifyInstance, db: Database): void {
  const security = [{ bearer: [] }];
  const tags = ['staff'];
  const actor = (r: FastifyRequest) => `${r.staff!.role}:${r.staff!.tokenId}`;
  const anyStaff = staffAccess(db, { scope: 'own' });
  const editing = staffAccess(db, { any: ['editTemplates'] });

  app.get(
    '/api/v1/staff/notify-templates',
    {
      schema: {
        tags,
        security,
        summary: 'The notification messages: each kind in zh-Hans, zh-Hant and en, with its placeholders',
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: TemplateView } } },
          ...S.errors(401, 403),
        },
      },
      ...anyStaff,
    },
    async () => {
      const rows = new Map((await read(db)).map((r) => [overrideKey(r.kind, r.locale), r]));
      return {
        items: MESSAGE_KINDS.flatMap((kind) =>
          LOCALES.map((locale) => view(kind, locale, rows.get(overrideKey(kind, locale)))),
        ),
      };
    },
  );

  app.put<{ Params: Kind; Body: Template }>(
    '/api/v1/staff/notify-templates/:kind/:locale',
    {
      schema: {
        tags,
        security,
        summary: 'Replace a message (audited); unknown placeholders are refused',
        params: Params,
        body: Input,
        response: { 200: TemplateView, ...S.errors(400, 401, 403) },
      },
      ...editing,
    },
    async (request) => {
      const { kind, locale } = request.params;
      const { subject, body } = request.body;
      check(kind, { subject, body });
      const row = await db.transaction(async (tx) => {
        const [before] = await read(tx, kind, locale);
        const { rows } = await tx.query<Row>(
          `INSERT INTO notify_templates (kind, locale, subject, body, updated_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (kind, locale) DO UPDATE SET subject = $3, body = $4, updated_by = $5, updated_at = now()
           RETURNING kind, locale, subject, body, updated_at, updated_by`,
          [kind, locale, subject, body.replace(/\r\n?/g, '\n'), actor(request)],
        );
        await audit(tx, {
          actor: actor(request),
          action: 'notify.template.update',
          before: before
            ? { kind, locale, subject: before.subject, body: before.body }
            : { kind, locale, builtIn: true },
          after: { kind, locale, subject: rows[0]!.subject, body: rows[0]!.body },
        });
        return rows[0]!;
      });
      return view(kind, locale, row);
    },
  );

  app.delete<{ Params: Kind }>(
    '/api/v1/staff/notify-templates/:kind/:locale',
    {
      schema: {
        tags,
        security,
        summary: 'Go back to the built-in message (audited)',
        params: Params,
        response: { 200: TemplateView, ...S.errors(400, 401, 403) },
      },
      ...editing,
    },
    async (request) => {
      const { kind, locale } = request.params;
      await db.transaction(async (tx) => {
        const { rows } = await tx.query<Row>(
          'DELETE FROM notify_templates WHERE kind = $1 AND locale = $2 RETURNING subject, body',
          [kind, locale],
        );
        if (!rows[0]) return;
        await audit(tx, {
          actor: actor(request),
          action: 'notify.template.reset',
          before: { kind, locale, subject: rows[0].subject, body: rows[0].body },
          after: { kind, locale, builtIn: true },
        });
      });
      return view(kind, locale, undefined);
    },
  );

  app.post<{ Params: Kind; Body: Template }>(
    '/api/v1/staff/notify-templates/:kind/:locale/preview',
    {
      schema: {
        tags,
        security,
        summary: 'The message as it would be sent, with sample values (nothing is stored or sent)',
        params: Params,
        body: Input,
        response: { 200: Preview, ...S.errors(400, 401, 403) },
      },
      ...anyStaff,
    },
    async (request) => {
      const { kind, locale } = request.params;
      const t = { subject: request.body.subject, body: request.body.body.replace(/\r\n?/g, '\n') };
      check(kind, t);
      const message = render(sample(kind, locale), new Map([[overrideKey(kind, locale), t]]));
      return { subject: message.subject, text: message.text, html: message.html };
    },
  );
}

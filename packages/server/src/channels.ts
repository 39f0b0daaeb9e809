// Every channel, one record (issue 21): comments received by letter, e-mail, fax, telephone,
// meetings, hearings and 基层立法联系点, entered by staff. An entered comment is a row of
// `comments` like an online one (a receipt, moderation, grouping, decisions, sign-off and
// publication all treat it alike); it also keeps its channel, the date it was received, the
// token that entered it and a reference to its scanned original. One comment or an import of many
// is written in one transaction: all of them, or none.
import { createHash } from 'node:crypto';
import { CHANNELS, type Channel, SUBMITTER_TYPES, type SubmitterType } from '@gongkai/format';
import { getConsultationRow } from './consultations.js';
import type { Database, Queryable } from './db/database.js';
import { draftClauses } from './draft-clauses.js';
import { audit } from './lib/audit.js';
import { HttpError } from './lib/errors.js';
import { formatReceipt, newReceipt } from './lib/receipts.js';

/** The channels staff enter comments from (online comments come through the comment form). */
export const ENTRY_CHANNELS = CHANNELS.filter((c) => c !== 'online') as Exclude<Channel, 'online'>[];
export type EntryChannel = (typeof ENTRY_CHANNELS)[number];

/** How the office's documents name each channel (the published sentence, the CSV template). */
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上',
  letter: '信函',
  email: '电子邮件',
  fax: '传真',
  phone: '电话',
  meeting: '座谈会',
  hearing: '听证会',
  'contact-point': '基层立法联系点',
};

export const SUBMITTER_LABELS: Record<SubmitterType, string> = {
  individual: '个人',
  organization: '单位',
  anonymous: '匿名',
};

/** Entered comments' idempotency keys are the request's with this prefix (apart from online ones). */
export const ENTRY_KEY = 'entry:';

/** A letter runs longer than a web form's comment: entered comments hold up to this many characters. */
export const MAX_ENTERED_CHARS = 20_000;

/** One comment as staff enter it (or as an import row gives it). */
export interface EntryInput {
  channel: EntryChannel;
  /** `2027-03-05` (a day in China Standard Time) or an instant. */
  receivedAt: string;
  submitterType?: SubmitterType;
  /** A clause id of the draft, or its printed label (第十二条); absent for the whole text. */
  clause?: string;
  body: string;
  name?: string;
  contact?: string;
  /** Where the paper original is kept (a file number); a scan of it goes with the entry as an attachment. */
  originalRef?: string;
}

/** What is wrong with one field of an entry: `field` as the API names it, a message in English and Chinese. */
export interface EntryProblem {
  field: string;
  message: string;
  zh: string;
}

/** An entry checked and normalised, ready to be written. */
interface Checked {
  input: EntryInput;
  clause: string | null;
  receivedAt: string;
}

const problem = (field: string, message: string, zh: string): EntryProblem => ({ field, message, zh });

/** `2027-03-05` (or 2027/3/5) as the start of that day in China Standard Time; an ISO instant as it is. */
function receivedInstant(value: string): Date | null {
  const v = value.trim();
  const day = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const utc = new Date(Date.UTC(y, m - 1, d));
    // `2027-02-30` would roll over into March: refuse a day the calendar does not have.
    if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return null;
    return new Date(utc.getTime() - 8 * 3_600_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Checks one entry against the consultation's draft: each problem names its field. The clause may
 * be given as its id or as printed (第十二条, 一、（三）); the date received may not be in the future.
 */
export function checkEntry(
  input: EntryInput,
  clauses: { ids: ReadonlySet<string>; byLabel: ReadonlyMap<string, string> },
): { ok: true; value: Checked } | { ok: false; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  if (!(ENTRY_CHANNELS as readonly string[]).includes(input.channel)) {
    problems.push(
      problem(
        'channel',
        `unknown channel "${input.channel}" (one of ${ENTRY_CHANNELS.join(', ')})`,
        `渠道"${input.channel}"无法识别（可填：${ENTRY_CHANNELS.map((c) => CHANNEL_LABELS[c]).join('、')}）`,
      ),
    );
  }
  if (input.submitterType !== undefined && !(SUBMITTER_TYPES as readonly string[]).includes(input.submitterType)) {
    problems.push(
      problem(
        'submitterType',
        `unknown submitter type "${input.submitterType}" (individual, organization or anonymous)`,
        `提交者类型"${input.submitterType}"无法识别（可填：个人、单位、匿名）`,
      ),
    );
  }
  const received = receivedInstant(input.receivedAt ?? '');
  if (!received) {
    problems.push(
      problem(
        'receivedAt',
        `"${input.receivedAt ?? ''}" is not a date (2026-03-05)`,
        `收到日期"${input.receivedAt ?? ''}"不是日期（例如 2026-03-05）`,
      ),
    );
  } else if (received.getTime() > Date.now() + 60_000) {
    problems.push(problem('receivedAt', 'the date received is in the future', '收到日期晚于今天'));
  }
  const body = input.body?.trim() ?? '';
  if (!body) problems.push(problem('body', 'the comment is empty', '意见内容为空'));
  else if (body.length > MAX_ENTERED_CHARS) {
    problems.push(
      problem(
        'body',
        `the comment has ${body.length} characters; at most ${MAX_ENTERED_CHARS}`,
        `意见内容 ${body.length} 字，超过 ${MAX_ENTERED_CHARS} 字`,
      ),
    );
  }
  for (const field of ['body', 'name', 'contact', 'originalRef', 'clause'] as const) {
    if (input[field]?.includes('\0')) problems.push(problem(field, 'the text contains a NUL character', '含有空字符'));
  }
  let clause: string | null = null;
  const given = input.clause?.trim();
  if (given) {
    clause = clauses.ids.has(given) ? given : (clauses.byLabel.get(given) ?? null);
    if (!clause) {
      problems.push(problem('clause', `the draft has no clause "${given}"`, `征求意见稿中没有条款"${given}"`));
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      input: {
        ...input,
        body,
        name: input.submitterType === 'anonymous' ? undefined : input.name?.trim() || undefined,
        contact: input.contact?.trim() || undefined,
        originalRef: input.originalRef?.trim() || undefined,
      },
      clause,
      receivedAt: received!.toISOString(),
    },
  };
}

/** The draft's clauses, by id and by printed label, for checking entries. */
export async function clausesOf(db: Queryable, policyId: string | null, version?: number | null) {
  const { order, labels } = await draftClauses(db, policyId, version);
  const byLabel = new Map<string, string>();
  for (const [id, label] of labels) if (!byLabel.has(label)) byLabel.set(label, id);
  return { ids: new Set(order.keys()), byLabel };
}

/** What a replay of the same key must repeat: the entry, and the scans it names (when any). */
const hashOf = (c: Checked, attachments: readonly string[] = []) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        c.input.channel,
        c.receivedAt,
        c.input.submitterType ?? 'individual',
        c.clause,
        c.input.body,
        c.input.name ?? null,
        c.input.contact ?? null,
        c.input.originalRef ?? null,
        ...(attachments.length ? [[...new Set(attachments)].sort()] : []),
      ]),
    )
    .digest('base64url');

export interface Entered {
  id: number;
  receipt: string;
  /** An earlier request with the same key stored it: nothing new was written. */
  replayed: boolean;
}

/**
 * Writes checked entries, each with its idempotency key, in one transaction: a key seen before
 * with the same content answers its receipt again; with other content the whole call is 409 and
 * nothing is written. Audited per comment (`comment.enter`), without names or contacts.
 */
async function writeEntries(
  tx: Queryable,
  consultationId: string,
  policyVersion: number | null,
  entries: { key: string; checked: Checked; attachments?: readonly string[] }[],
  actor: string,
  tokenId: string,
  via: 'api' | 'import',
): Promise<Entered[]> {
  const out: Entered[] = [];
  for (const { key, checked, attachments } of entries) {
    const hash = hashOf(checked, attachments);
    const { rows: found } = await tx.query<{ id: string; receipt: string; request_hash: string }>(
      'SELECT id, receipt, request_hash FROM comments WHERE consultation_id = $1 AND idempotency_key = $2',
      [consultationId, key],
    );
    if (found[0]) {
      if (found[0].request_hash !== hash) {
        throw new HttpError(409, 'idempotency-conflict', 'this Idempotency-Key was used for a different comment', {
          zh: '该 Idempotency-Key 已用于另一条意见',
        });
      }
      out.push({ id: Number(found[0].id), receipt: formatReceipt(found[0].receipt), replayed: true });
      continue;
    }
    const { input, clause, receivedAt } = checked;
    const { rows } = await tx.query<{ id: string; receipt: string }>(
      `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, clause, body, submitter_type,
         name, contact, policy_version, channel, received_at, entered_by, original_ref)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id, receipt`,
      [
        consultationId,
        newReceipt(),
        key,
        hash,
        clause,
        input.body,
        input.submitterType ?? 'individual',
        input.name ?? null,
        input.contact ?? null,
        policyVersion,
        input.channel,
        receivedAt,
        tokenId,
        input.originalRef ?? null,
      ],
    );
    const id = Number(rows[0]!.id);
    await audit(tx, {
      actor,
      action: 'comment.enter',
      consultationId,
      commentId: id,
      after: {
        channel: input.channel,
        receivedAt,
        submitterType: input.submitterType ?? 'individual',
        clause,
        originalRef: input.originalRef ?? null,
        // Whether personal data was entered, never the data itself.
        name: Boolean(input.name),
        contact: Boolean(input.contact),
        via,
      },
    });
    out.push({ id, receipt: formatReceipt(rows[0]!.receipt), replayed: false });
  }
  return out;
}

/** The consultation and the version of its text it is about, for entries; 404 if there is none. */
async function target(db: Queryable, consultationId: string) {
  const c = await getConsultationRow(db, consultationId);
  // The text consulted on: a letter answers the draft, even when entered after the final text is stored.
  return { c, policyVersion: c.policy_version, clauses: await clausesOf(db, c.policy_id, c.policy_version) };
}

/** One comment entered by staff (`POST …/entries`): 400 naming each field that is wrong. */
export async function enterComment(
  db: Database,
  consultationId: string,
  key: string,
  input: EntryInput,
  staff: { actor: string; tokenId: string },
  scans?: { tokens: readonly string[]; link: (tx: Queryable, entered: Entered) => Promise<void> },
): Promise<Entered> {
  return db.transaction(async (tx) => {
    const { policyVersion, clauses } = await target(tx, consultationId);
    const checked = checkEntry(input, clauses);
    if (!checked.ok) {
      const message = checked.problems.map((p) => `$.${p.field}: ${p.message}`).join('; ');
      throw new HttpError(400, 'invalid', message, {
        zh: checked.problems.map((p) => p.zh).join('；'),
        problems: checked.problems.map((p) => ({ path: `$.${p.field}`, message: p.message, zh: p.zh })),
      });
    }
    const [entered] = await writeEntries(
      tx,
      consultationId,
      policyVersion,
      [{ key: `${ENTRY_KEY}${key}`, checked: checked.value, attachments: scans?.tokens }],
      staff.actor,
      staff.tokenId,
      'api',
    );
    // In the same transaction: an entry whose scan another took meanwhile is not stored.
    if (scans?.tokens.length) await scans.link(tx, entered!);
    return entered!;
  });
}

/** One row of an import: where it came from (file, row), and what it gives. */
export interface ImportRow {
  /** The file's name (an .eml, or the CSV). */
  file: string;
  /** The CSV's line (the header is line 1), or 1 for a mail. */
  row: number;
  /** Stable for the same content: importing the same file again stores nothing twice. */
  key: string;
  input?: EntryInput;
  /** Problems found while reading the file (a mail without a date, a CSV row with a wrong column count). */
  problems?: EntryProblem[];
}

export interface ImportRowResult {
  file: string;
  row: number;
  ok: boolean;
  problems?: EntryProblem[];
  receipt?: string;
  id?: number;
  replayed?: boolean;
}

export interface ImportResult {
  /** True when the rows were written (all of them); false when any was wrong or it was a dry run. */
  imported: boolean;
  dryRun: boolean;
  rows: ImportRowResult[];
  /** Rows stored now, and rows found stored by an earlier import of the same content. */
  added: number;
  replayed: number;
  /** Rows with problems: when any, nothing was written. */
  failed: number;
}

/**
 * An import: every row is checked first; if any is wrong, nothing is written and each row says
 * what it has (all or nothing: a half-imported batch of letters would be worse than none, since
 * staff could not tell which were in). Otherwise every row is written in one transaction.
 */
export async function importEntries(
  db: Database,
  consultationId: string,
  parsed: ImportRow[],
  staff: { actor: string; tokenId: string },
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const { policyVersion, clauses } = await target(tx, consultationId);
    const checked = parsed.map((r) => {
      if (r.problems?.length || !r.input) return { r, result: { ok: false as const, problems: r.problems ?? [] } };
      return { r, result: checkEntry(r.input, clauses) };
    });
    const failed = checked.filter((c) => !c.result.ok).length;
    const rows: ImportRowResult[] = checked.map(({ r, result }) =>
      result.ok
        ? { file: r.file, row: r.row, ok: true }
        : { file: r.file, row: r.row, ok: false, problems: result.problems },
    );
    if (parsed.length === 0) {
      throw new HttpError(400, 'invalid', 'nothing to import: no rows or mails', { zh: '没有可导入的意见' });
    }
    if (failed || options.dryRun) {
      return { imported: false, dryRun: Boolean(options.dryRun), rows, added: 0, replayed: 0, failed };
    }
    const entered = await writeEntries(
      tx,
      consultationId,
      policyVersion,
      checked.map(({ r, result }) => ({ key: r.key, checked: (result as { value: Checked }).value })),
      staff.actor,
      staff.tokenId,
      'import',
    );
    for (const [i, e] of entered.entries())
      Object.assign(rows[i]!, { receipt: e.receipt, id: e.id, replayed: e.replayed });
    const replayed = entered.filter((e) => e.replayed).length;
    await audit(tx, {
      actor: staff.actor,
      action: 'comment.import',
      consultationId,
      after: {
        rows: entered.length,
        added: entered.length - replayed,
        replayed,
        files: [...new Set(parsed.map((p) => p.file))],
      },
    });
    return { imported: true, dryRun: false, rows, added: entered.length - replayed, replayed, failed: 0 };
  });
}

/**
 * The published sentence of the figures by channel and submitter type (共收到意见 N 条，其中网上
 * a 条、信函 b 条…), channels and types with none left out; null when nothing was received or the
 * summary predates channels.
 */
export function receivedByChannel(summary: {
  received: number;
  byChannel?: Partial<Record<Channel, number>>;
  bySubmitterType?: Partial<Record<SubmitterType, number>>;
}): string | null {
  if (!summary.received || !summary.byChannel) return null;
  const parts = CHANNELS.filter((c) => (summary.byChannel?.[c] ?? 0) > 0).map(
    (c) => `${CHANNEL_LABELS[c]}${summary.byChannel![c]}条`,
  );
  const by = SUBMITTER_TYPES.filter((t) => (summary.bySubmitterType?.[t] ?? 0) > 0).map(
    (t) => `${SUBMITTER_LABELS[t]}${summary.bySubmitterType![t]}条`,
  );
  return `共收到意见${summary.received}条，其中${parts.join('、')}${by.length ? `；按提交者分，${by.join('、')}` : ''}。`;
}

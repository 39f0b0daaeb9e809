// Reading imports: e-mails (.eml, with mailparser) and the CSV template (with csv-parse). Each
// mail or CSV row becomes an ImportRow, with the problems found while reading it named by file and
// line; channels.ts checks and writes them. Nothing here touches the database.
import { createHash } from 'node:crypto';
import { SUBMITTER_TYPES, type SubmitterType } from '@gongkai/format';
import { CsvError, parse } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';
import { CHANNEL_LABELS, ENTRY_CHANNELS, type EntryChannel, type ImportRow, SUBMITTER_LABELS } from './channels.js';

/** The CSV template's columns: the header as written (zh), the field, whether it must be given, what it takes. */
export const CSV_COLUMNS = [
  {
    header: '渠道',
    field: 'channel',
    required: true,
    help: '信函、电子邮件、传真、电话、座谈会、听证会、基层立法联系点',
  },
  { header: '收到日期', field: 'receivedAt', required: true, help: '2027-03-05' },
  { header: '提交者类型', field: 'submitterType', required: false, help: '个人、单位、匿名（空为个人）' },
  { header: '条款', field: 'clause', required: false, help: '条款编号如 第十二条 或 一、（三）；空为全文' },
  { header: '意见内容', field: 'body', required: true, help: '意见原文' },
  { header: '姓名或单位', field: 'name', required: false, help: '个人姓名或单位名称（仅有权限的工作人员可见）' },
  { header: '联系方式', field: 'contact', required: false, help: '电话、地址或电子邮箱（仅有权限的工作人员可见）' },
  { header: '原件编号', field: 'originalRef', required: false, help: '来信的收文编号或扫描件编号' },
] as const;

type Field = (typeof CSV_COLUMNS)[number]['field'];

/** The template: a UTF-8 byte-order mark (so Excel reads it as UTF-8) and the header row. */
export const csvTemplate = () => `\uFEFF${CSV_COLUMNS.map((c) => c.header).join(',')}\r\n`;

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

/** UTF-8, or GB18030 (what Excel saves a CSV as on a Chinese Windows) when it is not valid UTF-8. */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

const channelOf = (v: string): EntryChannel | string => {
  const t = v.trim();
  const byLabel = ENTRY_CHANNELS.find((c) => CHANNEL_LABELS[c] === t || c === t.toLowerCase());
  // Common other names of the same channels.
  const aliases: Record<string, EntryChannel> = { 来信: 'letter', 邮件: 'email', 电邮: 'email', 会议: 'meeting' };
  return byLabel ?? aliases[t] ?? t;
};

const submitterOf = (v: string): SubmitterType | string | undefined => {
  const t = v.trim();
  if (!t) return undefined;
  const found = SUBMITTER_TYPES.find((s) => SUBMITTER_LABELS[s] === t || s === t.toLowerCase());
  const aliases: Record<string, SubmitterType> = {
    组织: 'organization',
    单位或组织: 'organization',
    机构: 'organization',
  };
  return found ?? aliases[t] ?? t;
};

/**
 * The rows of a CSV in the template's layout. Line numbers are the file's (the header is line 1),
 * as a spreadsheet shows them. A CSV that cannot be read at all (an unclosed quote) is one row
 * with the line where reading stopped.
 */
export function parseCsv(file: string, data: Uint8Array): ImportRow[] {
  const text = decodeText(data);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 1) : 1;
    return [
      {
        file,
        row: line,
        key: '',
        problems: [
          {
            field: 'csv',
            message: `the CSV cannot be read from line ${line}: ${(error as Error).message}`,
            zh: `CSV 文件第 ${line} 行起无法读取（引号未闭合或格式有误）`,
          },
        ],
      },
    ];
  }
  const [head, ...rest] = records;
  if (!head) return [];
  const headers = head.record.map((h) => h.replace(/^\uFEFF/, '').trim());
  const index = new Map<Field, number>();
  const unknown: string[] = [];
  for (const [i, h] of headers.entries()) {
    const col = CSV_COLUMNS.find((c) => c.header === h || c.field === h);
    if (col) index.set(col.field, i);
    else if (h) unknown.push(h);
  }
  const missing = CSV_COLUMNS.filter((c) => c.required && !index.has(c.field)).map((c) => c.header);
  if (missing.length || unknown.length) {
    const parts = [
      ...(missing.length ? [`missing column ${missing.join(', ')}`] : []),
      ...(unknown.length ? [`unknown column ${unknown.join(', ')}`] : []),
    ];
    const zh = [
      ...(missing.length ? [`缺少列：${missing.join('、')}`] : []),
      ...(unknown.length ? [`无法识别的列：${unknown.join('、')}`] : []),
    ];
    return [
      {
        file,
        row: 1,
        key: '',
        problems: [
          {
            field: 'header',
            message: `the header row (line 1) does not match the template: ${parts.join('; ')}`,
            zh: `第 1 行（表头）与模板不符：${zh.join('；')}`,
          },
        ],
      },
    ];
  }
  // Identical rows are distinct letters: the n-th copy of a row gets a key of its own.
  const seen = new Map<string, number>();
  return rest.map(({ record, info }) => {
    const at = (f: Field) => {
      const i = index.get(f);
      return i === undefined ? '' : (record[i] ?? '');
    };
    const content = JSON.stringify(CSV_COLUMNS.map((c) => at(c.field).trim()));
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    // The line the row starts on: `lines` is where it ends, and a quoted value may hold line breaks.
    const row = info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const extra = record.length > headers.length && record.slice(headers.length).some((x) => x.trim());
    return {
      file,
      row,
      key: `import:csv:${sha(content)}:${n}`,
      problems: extra
        ? [
            {
              field: 'csv',
              message: `line ${row} has ${record.length} columns; the header has ${headers.length}`,
              zh: `第 ${row} 行有 ${record.length} 列，表头只有 ${headers.length} 列`,
            },
          ]
        : undefined,
      input: {
        channel: channelOf(at('channel')) as EntryChannel,
        receivedAt: at('receivedAt').trim(),
        submitterType: submitterOf(at('submitterType')) as SubmitterType | undefined,
        clause: at('clause').trim() || undefined,
        body: at('body'),
        name: at('name').trim() || undefined,
        contact: at('contact').trim() || undefined,
        originalRef: at('originalRef').trim() || undefined,
      },
    };
  });
}

/**
 * One e-mail as a comment received by e-mail: the sender's address is the contact and their
 * display name the name, the Date header the date received, the subject and text the comment. A
 * mail with only HTML is turned into text by mailparser (html-to-text): its markup is never kept.
 */
export async function parseEml(file: string, data: Uint8Array): Promise<ImportRow> {
  const key = `import:eml:${sha(data)}`;
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(Buffer.from(data), { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (error) {
    return {
      file,
      row: 1,
      key,
      problems: [
        {
          field: 'eml',
          message: `not an e-mail: ${(error as Error).message}`,
          zh: '不是可读取的电子邮件（.eml）文件',
        },
      ],
    };
  }
  const from = mail.from?.value[0];
  const subject = mail.subject?.trim() ?? '';
  const text = (mail.text ?? '').replace(/\r\n/g, '\n').trim();
  const problems = [];
  if (!mail.headers.has('date') || !mail.date || Number.isNaN(mail.date.getTime())) {
    problems.push({
      field: 'receivedAt',
      message: 'the mail has no Date header: enter it by hand with the date it was received',
      zh: '邮件没有发送日期（Date），请手工录入并填写收到日期',
    });
  }
  if (!text && !subject) {
    problems.push({ field: 'body', message: 'the mail has no text', zh: '邮件没有正文' });
  }
  if (!from?.address) {
    problems.push({ field: 'contact', message: 'the mail has no From address', zh: '邮件没有发件人地址' });
  }
  return {
    file,
    row: 1,
    key,
    problems: problems.length ? problems : undefined,
    input: {
      channel: 'email',
      receivedAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : '',
      submitterType: 'individual',
      body: subject && text ? `${subject}\n\n${text}` : subject || text,
      name: from?.name?.trim() || undefined,
      contact: from?.address || undefined,
      originalRef: mail.messageId?.slice(0, 200) || undefined,
    },
  };
}

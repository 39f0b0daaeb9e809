// Staff exports: a CSV that opens in Excel, and the printable 意见采纳情况说明 for the file.

import { Readable } from 'node:stream';
import { getConsultationRow } from './consultations.js';
import type { Database, Queryable } from './db/database.js';
import type { CommentRow } from './decisions.js';
import { draftClauses } from './draft-clauses.js';
import { DECISION_LABELS } from './feedback.js';
import { audit } from './lib/audit.js';
import type { Staff } from './lib/auth.js';
import { escapeHtml as esc } from './lib/html.js';
import { can } from './lib/permissions.js';
import { formatReceipt } from './lib/receipts.js';
import {
  CHANGE_HEAD,
  campaignsCaption,
  campaignsSentence,
  changeRows,
  changesSentence,
  listedRows,
  reasonRows,
  reasonsCaption,
  reportContent,
} from './report.js';

const MODERATION_LABELS: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '已删除' };
const TYPE_LABELS: Record<string, string> = { individual: '个人', organization: '单位', anonymous: '匿名' };

/** The clause as printed, never its internal id (`2.1.1`); 全文 for a comment on the whole text. */
const clauseCell = (clause: string | null, labels: ReadonlyMap<string, string>) =>
  clause === null ? '全文' : (labels.get(clause) ?? '（修订中删去的条款）');

/** `2026-12-06 13:20:57+08:00`: Beijing time, with its offset, as the offices read it. */
export function beijingTime(at: Date | string): string {
  const shifted = new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}+08:00`;
}

/** Quotes every cell; a cell that starts like a formula is prefixed so Excel shows it as text. */
function cell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** Rows read per statement while an export streams: memory stays the same whatever the count. */
const EXPORT_PAGE = 2000;

/**
 * Every comment as CSV, streamed: read in pages by id (keyset), written as they come, so memory
 * stays constant at any number of comments; each row is as it stood when its page was read.
 * Names and contacts only for tokens with the `contacts` permission; the export is audited
 * first, with its row count and whether it carries them.
 */
export async function exportCsv(db: Database, consultationId: string, staff: Staff, actor: string) {
  const c = await getConsultationRow(db, consultationId);
  const contacts = can(staff, 'contacts');
  const { labels } = await draftClauses(db, c.policy_id, c.policy_version);
  const { rows: count } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM comments WHERE consultation_id = $1',
    [consultationId],
  );
  await audit(db, { actor, action: 'export.csv', consultationId, after: { rows: count[0]!.n, contacts } });
  const personal = (...cells: unknown[]) => (contacts ? cells : []);
  const header = [
    '编号',
    '回执',
    '条款',
    '提交人类型',
    ...personal('姓名', '联系方式'),
    '意见',
    '审核',
    '删除原因',
    '处理结果',
    '理由',
    '提交时间（北京时间）',
  ];
  const line = (r: CommentRow) =>
    [
      r.id,
      formatReceipt(r.receipt),
      clauseCell(r.clause, labels),
      TYPE_LABELS[r.submitter_type] ?? r.submitter_type,
      ...personal(r.name, r.contact),
      r.body,
      MODERATION_LABELS[r.moderation] ?? r.moderation,
      r.removal_reason,
      r.decision ? DECISION_LABELS[r.decision] : '',
      r.reason,
      beijingTime(r.created_at),
    ]
      .map(cell)
      .join(',');
  // The BOM makes Excel read UTF-8; CRLF is what RFC 4180 and Excel expect.
  async function* csv() {
    yield `\uFEFF${header.map(cell).join(',')}\r\n`;
    let after = 0;
    for (;;) {
      const { rows } = await db.query<CommentRow>(
        `SELECT id, receipt, clause, submitter_type, name, contact, body, moderation, removal_reason, decision, reason,
           created_at
         FROM comments WHERE consultation_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [consultationId, after, EXPORT_PAGE],
      );
      if (!rows.length) return;
      yield `${rows.map(line).join('\r\n')}\r\n`;
      after = Number(rows.at(-1)!.id);
      if (rows.length < EXPORT_PAGE) return;
    }
  }
  return Readable.from(csv(), { objectMode: false });
}

/** A table of the report: its number and caption, head and rows, escaped. */
function table(no: number, caption: string, head: string[], rows: unknown[][]): string {
  const tr = (cells: unknown[], tag: 'td' | 'th') =>
    `<tr>${cells.map((x) => `<${tag}>${esc(x)}</${tag}>`).join('')}</tr>`;
  return `<table><caption>表${no}　${esc(caption)}</caption><thead>${tr(head, 'th')}</thead>
<tbody>
${rows.map((r) => tr(r, 'td')).join('\n')}
</tbody></table>
`;
}

/**
 * The printable 意见采纳情况说明, streamed: the head (title, a draft mark until every comment is
 * handled, the figures, the table by clause, campaigns and reasons, all counted in the database:
 * `reportContent`, which the .docx prints too), then every comment the feedback would publish,
 * masked as it would be, read in pages by id and numbered as publishing numbers them, then the
 * tail; memory stays constant at any number of comments. The head counts the comments as they
 * stood before the first page; each row is as it stood when its page was read. Audited, with the
 * number of comments listed.
 */
export async function reportHtml(db: Queryable, consultationId: string, actor: string): Promise<Readable> {
  const r = await reportContent(db, consultationId, actor, (c) => ({ comments: c.listed }));
  const notice = r.notice ? `<p class="draft" role="note"><strong>草稿</strong>：${esc(r.notice)}</p>` : '';
  let tables = 0;
  const sections: string[] = [];
  if (r.figures[0]![1] > 0) {
    sections.push(`<h2>意见处理情况</h2>\n${table(++tables, '意见处理情况', ['项目', '条数'], r.figures)}`);
    // What is listed is what would be published: the table by clause says how the rest was handled.
    sections.push(`<h2>按条款统计</h2>
<table><caption>表${++tables}　各条款意见情况</caption><thead><tr><th>条款</th><th>收到</th><th>列出</th><th>经审核删除</th><th>尚未处理</th></tr></thead>
<tbody>
${r.clauses.map((c) => `<tr><td>${esc(c.name)}</td><td>${c.received}</td><td>${c.listed}</td><td>${c.removed}</td><td>${c.pending}</td></tr>`).join('\n')}
</tbody></table>
`);
  }
  if (r.campaigns.groups > 0) {
    sections.push(`<h2>联名及内容相近的意见</h2>
<p>${esc(campaignsSentence(r))}</p>
${table(
  ++tables,
  campaignsCaption(r),
  ['序号', '份数', '首份意见编号'],
  r.campaigns.largest.map((g, i) => [i + 1, g.size, g.first]),
)}`);
  }
  if (r.reasons.items.length > 0) {
    sections.push(`<h2>处理理由</h2>
${table(++tables, reasonsCaption(r), ['序号', '处理结果', '理由', '条数'], reasonRows(r))}`);
  }
  if (r.changes) {
    sections.push(`<h2>修改说明</h2>
<p>${esc(changesSentence(r))}</p>
${r.changes.items.length ? table(++tables, '根据公众意见修改的条款', CHANGE_HEAD, changeRows(r)) : ''}`);
  }
  const head = `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${r.draft ? '【草稿】' : ''}${esc(r.heading)}</title>
<style>
body{font-family:"FangSong","STFangsong",serif;max-width:48rem;margin:2rem auto;line-height:1.8}
h1{text-align:center;font-size:1.6rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
caption{font-weight:bold;margin-bottom:.3rem}
th,td{border:1px solid #000;padding:.3rem .5rem;vertical-align:top}thead{display:table-header-group}
tr{break-inside:avoid}@media print{body{margin:0}}
.draft{border:3px double #000;padding:.5rem 1rem;font-size:1.1rem}
</style></head>
<body>
${r.draft ? '<p class="draft-mark" aria-hidden="true">草 稿</p>' : ''}
<h1>${r.draft ? '【草稿】' : ''}${esc(r.heading)}</h1>
${notice}
<p>${esc(r.intro)}</p>
${r.byChannel ? `<p class="by-channel">${esc(r.byChannel)}</p>\n` : ''}${sections.join('')}${
  r.listed
    ? `<h2>逐条说明</h2>
<table><thead><tr><th>序号</th><th>条款</th><th>意见内容</th><th>提出人</th><th>处理结果</th><th>理由</th></tr></thead>
<tbody>
`
    : ''
}`;
  const tail = `${r.listed ? '</tbody></table>\n' : ''}</body></html>\n`;
  async function* html() {
    yield head;
    for await (const rows of listedRows(db, consultationId, r.listed)) {
      yield `${rows
        .map(
          (x) =>
            `<tr><td>${x.no}</td><td>${esc(x.clause)}</td><td>${esc(x.body)}</td><td>${esc(x.name)}</td><td>${esc(x.decision)}</td><td>${esc(x.reason)}</td></tr>`,
        )
        .join('\n')}\n`;
    }
    yield tail;
  }
  return Readable.from(html(), { objectMode: false });
}

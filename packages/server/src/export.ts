// Staff exports: a CSV that opens in Excel, and the printable 意见采纳情况说明 for the file.
import { Readable } from 'node:stream';
import { draftClauses, getConsultationRow } from './consultations.js';
import type { Database, Queryable } from './db/database.js';
import type { CommentRow } from './decisions.js';
import { countComments, DECISION_LABELS, type PublishedRow } from './feedback.js';
import { audit } from './lib/audit.js';
import type { Staff } from './lib/auth.js';
import { CpuWorker } from './lib/cpu-worker.js';
import { maskText, publicName } from './lib/mask.js';
import { can } from './lib/permissions.js';
import { formatReceipt } from './lib/receipts.js';

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
  const { labels } = await draftClauses(db, c.policy_id);
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

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const date = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(d));

/** The draft's own title: the policy's, else the 《…》 of the consultation's 关于征求《…》意见的公告. */
async function draftTitle(db: Queryable, c: { title: string; policy_id: string | null }): Promise<string> {
  if (c.policy_id) {
    const { rows } = await db.query<{ title: string | null }>(
      "SELECT bundle->'meta'->>'title' AS title FROM policies WHERE id = $1",
      [c.policy_id],
    );
    if (rows[0]?.title) return rows[0].title;
  }
  return /《(.+)》/.exec(c.title)?.[1] ?? c.title;
}

/** What the report shows of a clause: 全文, its printed label, or that the revision removed it. */
const clauseName = (clause: string | null, labels: ReadonlyMap<string, string>) =>
  clause === null ? '全文' : (labels.get(clause) ?? '修订中删去的条款');

/**
 * The printable 意见采纳情况说明, streamed: the head (title, a draft mark until every comment is
 * handled, the figures and a table by clause, all counted in the database), then every comment the
 * feedback would publish, masked as it would be, read in pages by id and numbered as publishing
 * numbers them, then the tail; memory stays constant at any number of comments. The head counts
 * the comments as they stood before the first page; each row is as it stood when its page was read.
 * Audited, with the number of comments listed.
 */
export async function reportHtml(db: Queryable, consultationId: string, actor: string): Promise<Readable> {
  const c = await getConsultationRow(db, consultationId);
  const { labels, order } = await draftClauses(db, c.policy_id);
  const { summary: total, clauses, unmoderated, undecided } = await countComments(db, consultationId, order);
  await audit(db, { actor, action: 'export.report', consultationId, after: { comments: total.published } });
  const title = await draftTitle(db, c);
  const open = Date.now() < new Date(c.closes).getTime();
  const pending = unmoderated + undecided;
  const draft = open || pending > 0;
  const byReason = Object.entries(total.removedBy).filter(([, n]) => n > 0);
  const removed = byReason.length
    ? `${total.removed}条（其中${byReason.map(([reason, n]) => `${reason}${n}条`).join('，')}）`
    : `${total.removed}条`;
  const intro =
    total.received === 0
      ? `本次征求意见自${date(c.opens)}至${date(c.closes)}，未收到意见。`
      : `本次征求意见自${date(c.opens)}至${date(c.closes)}，共收到意见${total.received}条，其中采纳${total.adopted}条，部分采纳${total.partlyAdopted}条，不予采纳${total.notAdopted}条，不属于本次征求意见范围${total.outOfScope}条，经审核删除${removed}${pending ? `，尚未处理${pending}条` : ''}。对未予采纳的意见，逐条说明理由如下。`;
  const notice = draft
    ? `<p class="draft" role="note"><strong>草稿</strong>：${
        open ? '征求意见尚未截止；' : ''
      }${pending ? `尚有 ${pending} 条意见未处理（未审核 ${unmoderated} 条，未作处理 ${undecided} 条）；` : ''}本说明不是正式文件，不得对外公布。</p>`
    : '';
  // What is listed is what would be published: the table by clause says how the rest was handled.
  const byClause = clauses
    .map(
      ([clause, n]) =>
        `<tr><td>${esc(clauseName(clause, labels))}</td><td>${n.received}</td><td>${n.published}</td><td>${n.removed}</td><td>${n.received - n.published - n.removed}</td></tr>`,
    )
    .join('\n');
  const heading = `关于《${esc(title)}》征求意见采纳情况的说明`;
  const head = `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${draft ? '【草稿】' : ''}${heading}</title>
<style>
body{font-family:"FangSong","STFangsong",serif;max-width:48rem;margin:2rem auto;line-height:1.8}
h1{text-align:center;font-size:1.6rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
th,td{border:1px solid #000;padding:.3rem .5rem;vertical-align:top}thead{display:table-header-group}
tr{break-inside:avoid}@media print{body{margin:0}}
.draft{border:3px double #000;padding:.5rem 1rem;font-size:1.1rem}
</style></head>
<body>
${draft ? '<p class="draft-mark" aria-hidden="true">草 稿</p>' : ''}
<h1>${draft ? '【草稿】' : ''}${heading}</h1>
${notice}
<p>${esc(intro)}</p>
${
  total.received
    ? `<h2>按条款统计</h2>
<table><thead><tr><th>条款</th><th>收到</th><th>列出</th><th>经审核删除</th><th>尚未处理</th></tr></thead>
<tbody>
${byClause}
</tbody></table>
`
    : ''
}${
  total.published
    ? `<h2>逐条说明</h2>
<table><thead><tr><th>序号</th><th>条款</th><th>意见内容</th><th>提出人</th><th>处理结果</th><th>理由</th></tr></thead>
<tbody>
`
    : ''
}`;
  const tail = `${total.published ? '</tbody></table>\n' : ''}</body></html>\n`;
  async function* html() {
    // Up to a page, masked here; more, in a worker thread, so the event loop never waits on it.
    let cpu: CpuWorker | null = null;
    try {
      yield head;
      if (total.published > EXPORT_PAGE) cpu = new CpuWorker();
      let no = 0;
      for (let after = 0; total.published > 0; ) {
        const { rows } = await db.query<PublishedRow>(
          `SELECT id, clause, body, name, submitter_type, decision, reason FROM comments
           WHERE consultation_id = $1 AND moderation <> 'rejected' AND decision IS NOT NULL AND id > $2
           ORDER BY id LIMIT $3`,
          [consultationId, after, EXPORT_PAGE],
        );
        if (!rows.length) break;
        const shown = cpu
          ? await cpu.run(
              'mask',
              rows.map((r) => ({ body: r.body, name: r.name, submitterType: r.submitter_type })),
            )
          : rows.map((r) => ({ body: maskText(r.body), name: publicName(r.submitter_type, r.name) }));
        yield `${rows
          .map(
            (r, i) =>
              `<tr><td>${++no}</td><td>${esc(clauseName(r.clause, labels))}</td><td>${esc(shown[i]!.body)}</td><td>${esc(shown[i]!.name ?? '')}</td><td>${esc(DECISION_LABELS[r.decision])}</td><td>${esc(r.reason ?? '')}</td></tr>`,
          )
          .join('\n')}\n`;
        after = Number(rows.at(-1)!.id);
        if (rows.length < EXPORT_PAGE) break;
      }
      yield tail;
    } finally {
      await cpu?.close();
    }
  }
  return Readable.from(html(), { objectMode: false });
}

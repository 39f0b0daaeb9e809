// The reply slip (回执单) of a comment received by letter (or any channel): a printable page with
// the receipt number and where to look it up, to post back to the sender. Names and contacts are
// printed only for tokens with the `contacts` permission, and then audited as a read.
import { CHANNELS, type Channel } from '@gongkai/format';
import { CHANNEL_LABELS, SUBMITTER_LABELS } from './channels.js';
import { getConsultationRow } from './consultations.js';
import type { Queryable } from './db/database.js';
import { draftClauses } from './draft-clauses.js';
import { audit } from './lib/audit.js';
import type { Staff } from './lib/auth.js';
import { notFound } from './lib/errors.js';
import { escapeHtml as esc } from './lib/html.js';
import { can } from './lib/permissions.js';
import { formatReceipt } from './lib/receipts.js';
import { clauseName } from './report.js';

const day = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(d));

/** Where the sender looks the receipt up: the consultation's page with `?receipt=`, else the API. */
export function lookupUrl(pageUrl: string | null, origin: string, receipt: string): string {
  if (pageUrl) {
    const url = new URL(pageUrl, origin);
    url.searchParams.set('receipt', receipt);
    return url.href;
  }
  return new URL(`/api/v1/receipts/${encodeURIComponent(receipt)}`, origin).href;
}

export async function replySlip(
  db: Queryable,
  consultationId: string,
  commentId: number,
  staff: Staff,
  actor: string,
  origin: string,
): Promise<string> {
  const c = await getConsultationRow(db, consultationId);
  const { rows } = await db.query<{
    receipt: string;
    clause: string | null;
    channel: string;
    received_at: Date | null;
    created_at: Date;
    submitter_type: string;
    name: string | null;
    contact: string | null;
    original_ref: string | null;
  }>(
    `SELECT receipt, clause, channel, received_at, created_at, submitter_type, name, contact, original_ref
     FROM comments WHERE id = $1 AND consultation_id = $2`,
    [commentId, consultationId],
  );
  const r = rows[0];
  if (!r) throw notFound(`comment ${commentId} in consultation ${consultationId}`);
  const { labels } = await draftClauses(db, c.policy_id, c.policy_version);
  const contacts = can(staff, 'contacts');
  if (contacts && (r.name || r.contact)) {
    await audit(db, {
      actor,
      action: 'contacts.read',
      consultationId,
      after: { comments: [commentId], via: 'reply-slip' },
    });
  }
  const receipt = formatReceipt(r.receipt);
  const url = lookupUrl(c.page_url, origin, receipt);
  const channel = (CHANNELS as readonly string[]).includes(r.channel)
    ? CHANNEL_LABELS[r.channel as Channel]
    : r.channel;
  const line = (label: string, value: string) => `<tr><th scope="row">${esc(label)}</th><td>${esc(value)}</td></tr>`;
  // Without the contacts permission the sender's lines are left blank, to be written by hand.
  const who = contacts ? (r.name ?? '') : '';
  const where = contacts ? (r.contact ?? '') : '';
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>意见回执 ${esc(receipt)}</title>
<style>
body{font-family:"FangSong","STFangsong",serif;max-width:40rem;margin:2rem auto;line-height:1.8;color:#000}
h1{text-align:center;font-size:1.6rem;letter-spacing:.3em}table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #000;padding:.4rem .6rem;text-align:start;vertical-align:top}th{width:8em;font-weight:bold}
.receipt{font-family:"SimHei","Heiti SC",sans-serif;font-size:1.5rem;letter-spacing:.1em}
.url{word-break:break-all}.blank{display:inline-block;min-width:14em;border-bottom:1px solid #000}
@media print{body{margin:0}}
</style></head>
<body>
<p>${who ? `${esc(who)}：` : '<span class="blank" aria-label="收件人（手写）"></span>：'}</p>
<h1>意见回执</h1>
<p>您对《${esc(c.title)}》提出的意见已于${esc(day(r.received_at ?? r.created_at))}收到，登记如下。</p>
<table>
${line('回执编号', receipt).replace('<td>', '<td class="receipt">')}
${line('收到方式', channel)}
${line('收到日期', day(r.received_at ?? r.created_at))}
${line('提交者类型', SUBMITTER_LABELS[r.submitter_type as keyof typeof SUBMITTER_LABELS] ?? r.submitter_type)}
${line('针对条款', clauseName(r.clause, labels))}
${r.original_ref ? line('原件编号', r.original_ref) : ''}
${where ? line('联系方式', where) : ''}
</table>
<p>意见处理情况公布后，可凭回执编号查询对您意见的处理结果和理由：</p>
<p class="url">${esc(url)}</p>
<p>请妥善保管本回执。</p>
</body></html>
`;
}

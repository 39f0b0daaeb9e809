// What the 意见采纳情况说明 says, whatever it is printed as (report.html, report.docx): one model,
// counted in the database, so the two cannot disagree. Nothing here grows with the number of
// comments in JS: the figures are GROUP BYs, the listing is read a page at a time.
import type { Change, ChangeExplanation } from '@gongkai/format';
import { changePlace } from './change-place.js';
import { currentChanges } from './changes.js';
import { receivedByChannel } from './channels.js';
import { getConsultationRow } from './consultations.js';
import type { Queryable } from './db/database.js';
import { draftClauses } from './draft-clauses.js';
import { countComments, DECISION_LABELS, type PublishedRow } from './feedback.js';
import { audit } from './lib/audit.js';
import { CpuWorker } from './lib/cpu-worker.js';
import { maskText, publicName } from './lib/mask.js';

/** Rows read per statement while a report streams. */
export const REPORT_PAGE = 2000;
/** The reasons and campaigns a report names, most frequent first (as the published feedback). */
const MOST_REASONS = 30;
const LARGEST_CAMPAIGNS = 10;

/** Which comments a report lists: those the feedback would publish. */
const LISTED = `consultation_id = $1 AND moderation <> 'rejected' AND decision IS NOT NULL`;

const date = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(d));

/** What the report shows of a clause: 全文, its printed label, or that the revision removed it. */
export const clauseName = (clause: string | null, labels: ReadonlyMap<string, string>) =>
  clause === null ? '全文' : (labels.get(clause) ?? '修订中删去的条款');

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

export interface ReportContent {
  consultationId: string;
  /** The draft's title (for the file name). */
  draftTitle: string;
  /** 关于《…》征求意见采纳情况的说明, without the draft mark. */
  heading: string;
  /** Until the window closes and every comment is handled: not an official document. */
  draft: boolean;
  /** Why it is a draft, as a sentence (null when it is not). */
  notice: string | null;
  /** The opening paragraph: the window and every figure. */
  intro: string;
  /** 共收到意见 N 条，其中网上 a 条、信函 b 条…: by channel and submitter type (null when none received). */
  byChannel: string | null;
  /** 表 of the figures: [label, count], sub-rows' labels start with 其中. */
  figures: [string, number][];
  /** By clause, in the draft's order, whole text first. */
  clauses: { name: string; received: number; listed: number; removed: number; pending: number }[];
  /** Groups of two or more listed comments (campaigns): how many, the copies beyond their first, the largest. */
  campaigns: { groups: number; copies: number; largest: { first: string; size: number }[] };
  /** Decisions' reasons, most frequent first; `distinct` counts them all. */
  reasons: { items: { decision: string; reason: string; count: number }[]; distinct: number };
  /** How many comments the report lists (those the feedback would publish). */
  listed: number;
  /** 修改说明: the next version's changes comments led to; null when the policy has no later version. */
  changes: ChangeExplanation | null;
  /** The version commented on, as named (征求意见稿 when it has no label). */
  changesFrom: string;
}

/**
 * The report's content, counted in the database as it stands now, and the export audited
 * (`export.report`, with what `after` adds: the number listed, the format).
 */
export async function reportContent(
  db: Queryable,
  consultationId: string,
  actor: string,
  after: (content: ReportContent) => Record<string, unknown> | Promise<Record<string, unknown>>,
): Promise<ReportContent> {
  const c = await getConsultationRow(db, consultationId);
  const { labels, order } = await draftClauses(db, c.policy_id, c.policy_version);
  const { summary: total, clauses, unmoderated, undecided } = await countComments(db, consultationId, order);
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
    ? `${open ? '征求意见尚未截止；' : ''}${
        pending ? `尚有 ${pending} 条意见未处理（未审核 ${unmoderated} 条，未作处理 ${undecided} 条）；` : ''
      }本说明不是正式文件，不得对外公布。`
    : null;
  const figures: [string, number][] = [
    ['收到意见', total.received],
    ['其中：采纳', total.adopted],
    ['其中：部分采纳', total.partlyAdopted],
    ['其中：不予采纳', total.notAdopted],
    ['其中：不属于本次征求意见范围', total.outOfScope],
    ['其中：经审核删除', total.removed],
    ...byReason.map(([reason, n]): [string, number] => [`　　删除原因：${reason}`, n]),
    ...(pending ? [['其中：尚未处理', pending] as [string, number]] : []),
  ];
  // Campaigns and reasons over the comments listed, as publishing counts them over what it publishes.
  const { rows: groups } = await db.query<{ first: string; size: number; groups: number; copies: number }>(
    `SELECT min(id)::text AS first, count(*)::int AS size, count(*) OVER ()::int AS groups,
       (sum(count(*) - 1) OVER ())::int AS copies
     FROM comments WHERE ${LISTED} AND group_id IS NOT NULL
     GROUP BY group_id HAVING count(*) > 1 ORDER BY size DESC, first LIMIT $2`,
    [consultationId, LARGEST_CAMPAIGNS],
  );
  const { rows: reasons } = await db.query<{ decision: string; reason: string; count: number; kinds: number }>(
    `SELECT decision, reason, count(*)::int AS count, count(*) OVER ()::int AS kinds
     FROM comments WHERE ${LISTED} AND reason IS NOT NULL
     GROUP BY decision, reason ORDER BY count DESC, decision, reason LIMIT $2`,
    [consultationId, MOST_REASONS],
  );
  const content: ReportContent = {
    consultationId,
    draftTitle: title,
    heading: `关于《${title}》征求意见采纳情况的说明`,
    draft,
    notice,
    intro,
    byChannel: receivedByChannel(total),
    figures,
    clauses: clauses.map(([clause, n]) => ({
      name: clauseName(clause, labels),
      received: n.received,
      listed: n.published,
      removed: n.removed,
      pending: n.received - n.published - n.removed,
    })),
    campaigns: {
      groups: groups[0]?.groups ?? 0,
      copies: groups[0]?.copies ?? 0,
      largest: groups.map((g) => ({ first: g.first, size: g.size })),
    },
    reasons: {
      items: reasons.map((r) => ({ decision: r.decision, reason: r.reason, count: r.count })),
      distinct: reasons[0]?.kinds ?? 0,
    },
    listed: total.published,
    changes: await currentChanges(db, consultationId, c.policy_id),
    changesFrom: '征求意见稿',
  };
  if (content.changes) {
    const { rows: named } = await db.query<{ label: string | null }>(
      'SELECT label FROM policy_versions WHERE policy_id = $1 AND version = $2',
      [c.policy_id, content.changes.from],
    );
    content.changesFrom = named[0]?.label ?? content.changesFrom;
  }
  await audit(db, { actor, action: 'export.report', consultationId, after: await after(content) });
  return content;
}

/** How many characters the listed comments' texts hold, summed in the database. */
export async function listedChars(db: Queryable, consultationId: string): Promise<number> {
  const { rows } = await db.query<{ chars: string }>(
    `SELECT coalesce(sum(length(body)), 0)::text AS chars FROM comments WHERE ${LISTED}`,
    [consultationId],
  );
  return Number(rows[0]!.chars);
}

/** A listed comment as a report prints it: numbered as publishing numbers it, masked as it masks it. */
export interface ListedRow {
  no: number;
  clause: string;
  body: string;
  name: string;
  decision: string;
  reason: string;
}

/**
 * The comments a report lists, a page at a time by id, masked as publishing masks them (beyond
 * one page in a worker thread, so the event loop never waits on it); each row as it stood when
 * its page was read.
 */
export async function* listedRows(db: Queryable, consultationId: string, listed: number): AsyncGenerator<ListedRow[]> {
  if (listed === 0) return;
  const c = await getConsultationRow(db, consultationId);
  const { labels } = await draftClauses(db, c.policy_id, c.policy_version);
  const cpu = listed > REPORT_PAGE ? new CpuWorker() : null;
  try {
    let no = 0;
    for (let after = '0'; ; ) {
      const { rows } = await db.query<PublishedRow>(
        `SELECT id, clause, body, name, submitter_type, decision, reason FROM comments
         WHERE ${LISTED} AND id > $2 ORDER BY id LIMIT $3`,
        [consultationId, after, REPORT_PAGE],
      );
      if (!rows.length) return;
      const shown = cpu
        ? await cpu.run(
            'mask',
            rows.map((r) => ({ body: r.body, name: r.name, submitterType: r.submitter_type })),
          )
        : rows.map((r) => ({ body: maskText(r.body), name: publicName(r.submitter_type, r.name) }));
      yield rows.map((r, i) => ({
        no: ++no,
        clause: clauseName(r.clause, labels),
        body: shown[i]!.body,
        name: shown[i]!.name ?? '',
        decision: DECISION_LABELS[r.decision] ?? r.decision,
        reason: r.reason ?? '',
      }));
      after = rows.at(-1)!.id;
      if (rows.length < REPORT_PAGE) return;
    }
  } finally {
    await cpu?.close();
  }
}

// The words around the campaigns' and reasons' tables, the same in every format.

export const campaignsSentence = (r: ReportContent) =>
  `列出的意见中，联名或内容相近的意见（两份以上内容基本相同）共${r.campaigns.groups}组，除每组首份外另有${r.campaigns.copies}份。`;

export const campaignsCaption = (r: ReportContent) =>
  r.campaigns.groups > r.campaigns.largest.length
    ? `联名及内容相近的意见（份数最多的${r.campaigns.largest.length}组）`
    : '联名及内容相近的意见';

export const reasonsCaption = (r: ReportContent) =>
  r.reasons.distinct > r.reasons.items.length
    ? `处理理由（按出现次数，列出最多的${r.reasons.items.length}种，共${r.reasons.distinct}种）`
    : '处理理由（按出现次数）';

export const reasonRows = (r: ReportContent): [number, string, string, number][] =>
  r.reasons.items.map((x, i) => [i + 1, DECISION_LABELS[x.decision] ?? x.decision, x.reason, x.count]);

// 修改说明: the words and the table, the same in every format.

export const changesSentence = (r: ReportContent) => {
  const c = r.changes!;
  const later = c.label ?? `第${c.version}版`;
  const { modified, added, removed, renumbered } = c.summary;
  const moved = renumbered ? `，序号调整${renumbered}条` : '';
  return `与${r.changesFrom}相比，${later}修改${modified}条、新增${added}条、删除${removed}条${moved}；其中根据公众意见修改${c.items.length}处${c.items.length ? '，列表如下' : ''}。`;
};

const textOf = (change: Change, side: 'old' | 'new') =>
  (change.ops ?? []).flatMap(([op, text]) => (op === (side === 'old' ? 1 : -1) ? [] : [text])).join('');

const KIND_WORDS: Record<string, string> = { modified: '修改', added: '新增', removed: '删除', renumbered: '序号调整' };

export const changeRows = (r: ReportContent): [number, string, string, string, number, number, string][] =>
  r.changes!.items.map((x, i) => [
    i + 1,
    changePlace(x.change),
    KIND_WORDS[x.change.kind] ?? x.change.kind,
    x.change.kind === 'removed'
      ? `删去：${textOf(x.change, 'old')}`
      : `${x.change.kind === 'added' ? '' : '修改为：'}${textOf(x.change, 'new')}`,
    x.comments,
    x.campaigns,
    x.reasons.map((y) => `${y.reason}（${y.count}条）`).join('\n'),
  ]);

export const CHANGE_HEAD = ['序号', '条款', '修改情况', '修改内容', '意见条数', '联名及相近意见组数', '理由'];

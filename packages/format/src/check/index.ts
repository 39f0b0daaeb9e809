// The publication self-check: what a 政务公开 inspection looks at before a policy page goes
// live. It reads a bundle that has already passed `validate`; it does not repeat the schema.
import type { AnchorResult } from '../anchor/types.js';
import type { Bundle, PartialBundle } from '../schema/bundle.js';
import { consultationDays } from '../schema/dates.js';
import { chinaDate, chinaDayStart, type Validity, validityAt } from '../validity.js';

export { consultationDays };

export type CheckLevel = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  /** Stable rule id, e.g. `consultation-window`, for filtering and for CI. */
  id: string;
  level: CheckLevel;
  message: { 'zh-Hans': string; en: string };
}

export interface CheckOptions {
  /** The result of `anchor(bundle)`; without it only `target.clause` ids are checked against `clauses`. */
  anchoring?: Pick<AnchorResult, 'orphans'>;
  /**
   * `markdownToHtml`, to check HTML stored beside markdown (`html-current`). Passed in rather than
   * imported, so that a page running the self-check does not carry markdown-it for it.
   */
  renderMarkdown?: (markdown: string) => string;
  /**
   * `comparisonUnits`, to check a stored comparison against the text (`comparison-current`).
   * Passed in, like `renderMarkdown`, so that a page running the self-check need not carry it.
   */
  comparisonUnits?: (bundle: Bundle | PartialBundle) => ReadonlyArray<{ id: string; number: string; text: string }>;
  /** The instant the dates are judged at (`validity-dates`, `validity-review`); the current time by default. */
  now?: Date | number;
}

/** 《重大行政决策程序暂行条例》: the public gets in general at least 30 days to comment. */
export const MIN_CONSULTATION_DAYS = 30;

type Rule = (bundle: Bundle | PartialBundle, opts: CheckOptions) => CheckResult | undefined;

const result = (id: string, level: CheckLevel, en: string, zh: string): CheckResult => ({
  id,
  level,
  message: { en, 'zh-Hans': zh },
});

const anchored: Rule = (b, { anchoring }) => {
  const id = 'interpretations-anchored';
  const notes = b.interpretations ?? [];
  if (anchoring) {
    // Q&A and graphic links were checked against the clauses by validate().
    // Placements awaiting confirmation are a warning of their own (pending, below).
    const orphans = anchoring.orphans.filter((o) => o.kind === 'note' && o.orphan.reason !== 'pending');
    if (orphans.length === 0)
      return result(id, 'pass', 'every interpretation is anchored to the text', '每条解读均已关联到原文');
    const where = orphans.map((o) => `$.interpretations[${o.index}] (${o.orphan.reason})`).join('; ');
    return result(
      id,
      'fail',
      `${orphans.length} interpretation(s) do not find their place in the text: ${where}`,
      `${orphans.length} 条解读无法关联到原文：${where}`,
    );
  }
  const clauses = b.clauses;
  const targeted = notes.map((n, i) => [n.target.clause, i] as const).filter(([c]) => c !== undefined);
  if (targeted.length > 0 && !clauses) {
    return result(
      id,
      'warn',
      'interpretations name clauses but the bundle has no clauses; run anchoring on the page to check them',
      '解读指向条款，但数据包中没有条款列表；请在页面上运行关联检查',
    );
  }
  const ids = new Set((clauses ?? []).map((c) => c.id));
  const missing = targeted.filter(([c]) => !ids.has(c as string));
  if (missing.length === 0)
    return result(id, 'pass', 'every interpretation names an existing clause', '每条解读指向的条款均存在');
  const where = missing.map(([c, i]) => `$.interpretations[${i}] → "${c}"`).join('; ');
  return result(
    id,
    'fail',
    `${missing.length} interpretation(s) name a clause that does not exist: ${where}`,
    `${missing.length} 条解读指向不存在的条款：${where}`,
  );
};

const published: Rule = (b) => {
  const id = 'interpretation-published';
  const counts = [b.interpretations?.length ?? 0, b.qa?.length ?? 0, b.graphics?.length ?? 0];
  if (counts.some((n) => n > 0)) {
    const [n, q, g] = counts;
    return result(
      id,
      'pass',
      `published with its interpretation: ${n} note(s), ${q} Q&A, ${g} graphic(s)`,
      `文件与解读同步发布：解读 ${n} 条、问答 ${q} 条、图解 ${g} 个`,
    );
  }
  return result(
    id,
    'warn',
    'no interpretation, Q&A or graphic: documents and their interpretation should be published together',
    '没有解读、问答或图解：文件与解读应同步发布',
  );
};

const validity: Rule = (b) => {
  const id = 'validity';
  const meta = b.meta;
  if (!meta) {
    return result(
      id,
      'warn',
      'no metadata in this bundle: check the validity and dates on the page itself',
      '数据包中没有元数据：请在页面上核对有效性及日期',
    );
  }
  const missing: [string, string][] = [];
  if (!meta.status) missing.push(['status (valid / repealed / amended / draft)', '有效性（status）']);
  if (!meta.published) missing.push(['published date', '发布日期（published）']);
  if (meta.status === 'valid' && !meta.effective) missing.push(['effective date', '施行日期（effective）']);
  if (missing.length === 0) return result(id, 'pass', 'validity and dates are stated', '已标注有效性及日期');
  return result(
    id,
    'fail',
    `missing: ${missing.map((m) => m[0]).join(', ')}`,
    `缺少：${missing.map((m) => m[1]).join('、')}`,
  );
};

/** What the badge says, in the check's two languages. */
const SHOWN: Record<Validity, [en: string, zh: string]> = {
  'not-yet-effective': ['not yet in force', '尚未施行'],
  valid: ['in force', '有效'],
  expired: ['expired', '已失效'],
  repealed: ['repealed', '已废止'],
  amended: ['amended', '已修订'],
  draft: ['draft for comment', '征求意见稿'],
};

/**
 * The status must not contradict the dates (readers see what the dates say: see `validityAt`), nor
 * the dates each other. Passes with what readers are shown on the day checked, China time.
 */
const validityDates: Rule = (b, { now }) => {
  const meta = b.meta;
  if (!meta || (!meta.effective && !meta.expires)) return undefined;
  const id = 'validity-dates';
  const v = validityAt(meta, now);
  const problems: [string, string][] = [];
  if (v.from >= v.until)
    problems.push([
      `effective (${meta.effective}, $.meta.effective) is after expires (${meta.expires}), the last day in force: the text is never in force`,
      `施行日期（${meta.effective}）晚于有效期截止日期（${meta.expires}），文件从未有效`,
    ]);
  else if (meta.status === 'valid' && v.validity === 'expired')
    problems.push([
      `status is valid ($.meta.status) but the text lapsed on ${chinaDate(v.until)} (expires ${meta.expires} was its last day in force): readers are shown "expired"; mark it repealed or amended, or correct expires`,
      `有效性标注为“有效”，但文件有效期至 ${meta.expires}，已于 ${chinaDate(v.until)} 失效，读者看到的是“已失效”；请标注为已废止或已修订，或更正有效期`,
    ]);
  else if (meta.status === 'valid' && v.validity === 'not-yet-effective')
    problems.push([
      `status is valid ($.meta.status) but the text comes into force on ${chinaDate(v.from)}: readers are shown "not yet in force" until then`,
      `有效性标注为“有效”，但文件将于 ${chinaDate(v.from)} 起施行，此前读者看到的是“尚未施行”`,
    ]);
  if (problems.length)
    return result(id, 'warn', problems.map((p) => p[0]).join('; '), problems.map((p) => p[1]).join('；'));
  if (!v.validity) return undefined;
  const [en, zh] = SHOWN[v.validity];
  const next = v.changesAt === null ? null : validityAt(meta, v.changesAt).validity;
  return result(
    id,
    'pass',
    `readers are shown "${en}" today (China time)${next ? `, "${SHOWN[next][0]}" from ${chinaDate(v.changesAt!)}` : ''}`,
    `按北京时间，读者今日看到“${zh}”${next ? `，自 ${chinaDate(v.changesAt!)} 起为“${SHOWN[next][1]}”` : ''}`,
  );
};

/** Local rules review a document (评估/清理) in the months before it lapses. */
export const REVIEW_MONTHS = 6;

/** Warns from six calendar months before the day a text in force lapses (the day after `expires`). */
const validityReview: Rule = (b, { now }) => {
  const meta = b.meta;
  if (!meta?.expires) return undefined;
  const v = validityAt(meta, now);
  // Repealed, amended, a draft, or already lapsed: nothing left to review (validity-dates speaks of a lapse).
  if (v.validity !== 'valid' && v.validity !== 'not-yet-effective') return undefined;
  const lapses = chinaDate(v.until);
  const opens = new Date(lapses);
  const day = opens.getUTCDate();
  opens.setUTCMonth(opens.getUTCMonth() - REVIEW_MONTHS);
  if (opens.getUTCDate() !== day) opens.setUTCDate(0); // 08-31 → 02-28, not 03-03
  const from = opens.toISOString().slice(0, 10);
  if (+(now ?? Date.now()) >= chinaDayStart(from))
    return result(
      'validity-review',
      'warn',
      `the text lapses on ${lapses} (expires ${meta.expires}, $.meta.expires): review it (评估/清理) as the rules require, and extend, revise or let it lapse`,
      `本文件有效期至 ${meta.expires}，将于 ${lapses} 失效，请按规定开展评估/清理`,
    );
  return result(
    'validity-review',
    'pass',
    `the text lapses on ${lapses}; its review (评估/清理) is due from ${from}`,
    `本文件将于 ${lapses} 失效，${from} 起进入评估/清理期`,
  );
};

const described: Rule = (b) => {
  const id = 'graphics-described';
  const bare = (b.graphics ?? []).flatMap((g, i) => (g.description?.trim() ? [] : [`$.graphics[${i}]`]));
  if (bare.length === 0) return result(id, 'pass', 'every graphic has a text description', '每个图解均有文字说明');
  return result(
    id,
    'fail',
    `graphics without a text description (needed for screen readers): ${bare.join(', ')}`,
    `以下图解缺少文字说明（读屏软件需要）：${bare.join('、')}`,
  );
};

const commentWindow: Rule = (b) => {
  const c = b.consultation;
  if (!c) return undefined;
  const id = 'consultation-window';
  const days = consultationDays(c.opens, c.closes);
  if (!(days >= MIN_CONSULTATION_DAYS)) {
    const shown = Number.isFinite(days) ? String(days) : '?';
    const en = `the comment window is ${shown} days, shorter than ${MIN_CONSULTATION_DAYS}`;
    const zh = `征求意见期为 ${shown} 天，少于 ${MIN_CONSULTATION_DAYS} 天`;
    if (c.shortWindowReason?.trim()) {
      return result(
        id,
        'warn',
        `${en}; reason given: ${c.shortWindowReason}`,
        `${zh}；已说明理由：${c.shortWindowReason}`,
      );
    }
    return result(
      id,
      'fail',
      `${en} and no reason is given (shortWindowReason)`,
      `${zh}，且未说明理由（shortWindowReason）`,
    );
  }
  return result(id, 'pass', `the comment window is ${days} days`, `征求意见期为 ${days} 天`);
};

/** A consultation must publish these alongside the draft (重大行政决策预公开). */
const consultationFields: Rule[] = [
  ['consultation-contact', 'contact', 'a contact channel', '联系方式'],
  ['consultation-drafting-notes', 'draftingNotes', 'drafting notes', '起草说明'],
  ['consultation-basis', 'basis', 'the basis for the decision', '决策依据'],
].map(([id, key, en, zh]) => (b) => {
  const c = b.consultation;
  if (!c) return undefined;
  const value = c[key as 'contact' | 'draftingNotes' | 'basis'];
  const present = Array.isArray(value) ? value.length > 0 : Boolean(value?.trim());
  if (present) return result(id!, 'pass', `${en} is published (${key})`, `已公开${zh}（${key}）`);
  return result(id!, 'fail', `the consultation does not publish ${en} (${key})`, `征求意见未公开${zh}（${key}）`);
});

/** HTML stored by `gongkai build --html` is shown instead of its markdown: it must still match. */
const htmlCurrent: Rule = (b, { renderMarkdown }) => {
  if (!renderMarkdown) return undefined;
  type Field = [path: string, markdown: string, html: string | undefined];
  const pairs: Field[] = [
    ['$.bodyHtml', b.body ?? '', b.bodyHtml],
    ...(b.interpretations ?? []).map((n, i): Field => [`$.interpretations[${i}].html`, n.body, n.html]),
    ...(b.qa ?? []).map((q, i): Field => [`$.qa[${i}].answerHtml`, q.answer, q.answerHtml]),
  ];
  const stored = pairs.filter(([, , html]) => html !== undefined);
  if (stored.length === 0) return undefined;
  // A body-less interpretation file keeps no bodyHtml to compare; an HTML-only bundle has no markdown.
  const stale = stored.filter(
    ([path, markdown, html]) => !(path === '$.bodyHtml' && !b.body) && renderMarkdown(markdown) !== html,
  );
  if (stale.length === 0)
    return result('html-current', 'pass', 'the stored HTML matches its markdown', '附带的 HTML 与 Markdown 一致');
  const where = stale.map(([path]) => path).join(', ');
  return result(
    'html-current',
    'warn',
    `the stored HTML no longer matches its markdown (readers see the HTML): ${where}; run gongkai build --html again`,
    `附带的 HTML 与 Markdown 不一致（读者看到的是 HTML）：${where}；请重新运行 gongkai build --html`,
  );
};

/**
 * A stored comparison is shown to readers as the change from the previous version: the new side
 * of every change must still be this text (ops rebuild each clause, numbers as printed).
 */
const comparisonCurrent: Rule = (b, { comparisonUnits }) => {
  if (!b.comparison || !comparisonUnits) return undefined;
  const units = new Map(comparisonUnits(b).map((u) => [u.id, u]));
  const seen = new Set<string>();
  const stale: string[] = [];
  b.comparison.changes.forEach((c, i) => {
    if (!c.to) return;
    const unit = units.get(c.to.id);
    seen.add(c.to.id);
    const rebuilt = c.ops
      ?.filter(([op]) => op !== -1)
      .map(([, text]) => text)
      .join('');
    if (!unit || unit.number !== c.to.number || (rebuilt !== undefined && rebuilt !== unit.text))
      stale.push(`$.comparison.changes[${i}]`);
  });
  const missing = [...units.values()].filter((u) => !seen.has(u.id)).map((u) => u.number);
  if (stale.length === 0 && missing.length === 0)
    return result('comparison-current', 'pass', 'the stored comparison matches the text', '附带的修改对照与正文一致');
  const where = [...stale, ...missing].slice(0, 5).join(', ') + (stale.length + missing.length > 5 ? ', …' : '');
  return result(
    'comparison-current',
    'fail',
    `the stored comparison no longer matches the text (readers would see a wrong change): ${where}; run gongkai build --previous again`,
    `附带的修改对照与正文不一致（读者会看到错误的修改）：${where}；请重新运行 gongkai build --previous`,
  );
};

/**
 * Notes carried over from the previous version whose new place awaits a drafter: readers see
 * them as not placed until then, so publishing them as they are is allowed but said.
 */
const pending: Rule = (b) => {
  const waiting = (b.interpretations ?? []).flatMap((n, i) => {
    const p = n.target.pending;
    return p
      ? [`$.interpretations[${i}]${n.id ? ` ${n.id}` : ''}${p.previous.number ? ` (${p.previous.number})` : ''}`]
      : [];
  });
  if (waiting.length === 0) return undefined;
  const where = waiting.join('; ');
  return result(
    'interpretations-pending',
    'warn',
    `${waiting.length} interpretation(s) carried over from the previous version await confirmation of their place and are shown as not placed: ${where}`,
    `${waiting.length} 条从上一版本带来的解读位置待确认，读者看到的是“未能定位”：${where}`,
  );
};

const RULES: Rule[] = [
  published,
  anchored,
  pending,
  validity,
  validityDates,
  validityReview,
  described,
  commentWindow,
  ...consultationFields,
  htmlCurrent,
  comparisonCurrent,
];

/** Runs every publication rule that applies to the bundle; consultation rules only when it has one. */
export function check(bundle: Bundle | PartialBundle, opts: CheckOptions = {}): CheckResult[] {
  return RULES.flatMap((rule) => rule(bundle, opts) ?? []);
}

// Document metadata from the page around a policy text: 文号, 索引号, issuer, dates, validity, title.
import type { Meta, Status } from '../schema/bundle.js';
import { type SegmentOptions, toBlocks } from './paragraphs.js';
import { isTitleLike } from './title.js';
import { buildClauses } from './tree.js';

type Key =
  | 'indexNumber'
  | 'docNumber'
  | 'issuer'
  | 'published'
  | 'written'
  | 'date'
  | 'effective'
  | 'expires'
  | 'status'
  | 'category'
  | 'title';

const LABELS: Array<[Key, string]> = [
  ['indexNumber', '索引号|索引號'],
  ['docNumber', '发文字号|發文字號|文号|文號'],
  ['issuer', '发布机构|發布機構|发文机关|發文機關|发布机关|发文单位|发布单位|制定机关|公开主体'],
  ['published', '发布日期|發布日期|公布日期|印发日期|发布时间|發布時間'],
  ['written', '成文日期|发文日期|發文日期'],
  ['effective', '生效日期|施行日期|实施日期|實施日期|生效时间'],
  ['expires', '失效日期|废止日期|廢止日期'],
  ['status', '有效性|时效性|時效性|效力状态|效力狀態|有效状态'],
  ['category', '信息分类|主题分类|資訊分類|主題分類'],
  ['title', '标题|標題|名称|名稱'],
  ['date', '日期'],
];
const KEYS: Key[] = LABELS.map(([k]) => k);
// Labels may be spaced out in table cells (`索  引  号:`).
const LABEL = new RegExp(
  `(${LABELS.map(([, alts]) =>
    alts
      .split('|')
      .map((a) => [...a].join('\\s*'))
      .join('|'),
  )
    .map((alt) => `(${alt})`)
    .join('|')})\\s*[:：]`,
  'g',
);
const DOC_NUMBER =
  /[\u4e00-\u9fffA-Za-z]{1,20}\s*[〔[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*[号號]/;
const DOC_NUMBER_LINE = new RegExp(`^${DOC_NUMBER.source}$`);
const DATE = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})/;
const SIGNED =
  /(?:^|[\s。])([\u4e00-\u9fff（）()]{2,40}?(?:政府|办公室|辦公室|办公厅|辦公廳|委员会|委員會|局|厅|廳|委|部|院|中心))\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/;
const EFFECTIVE = /自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起\s*(?:施行|实施|實施|执行|執行|生效)/;
const STATUS: Array<[RegExp, Status]> = [
  [/征求意见稿|徵求意見稿|草案/, 'draft'],
  [/失效|废止|廢止|作废|作廢/, 'repealed'],
  [/修订|修訂|修正|修改/, 'amended'],
  [/有效/, 'valid'],
];
const PIPES = /[\s|｜]+$/;

/** `2016年07月21日`, `2016-7-21`, `2017/4/28` → `2016-07-21`; undefined when not a valid date. */
export function toIsoDate(s: string): string | undefined {
  const m = DATE.exec(s);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 有效 → valid, 失效/废止 → repealed, 已修订 → amended, 征求意见稿 → draft. */
export function toStatus(s: string): Status | undefined {
  for (const [re, status] of STATUS) if (re.test(s)) return status;
  return undefined;
}

function labelled(text: string, found: Partial<Record<Key, string>>): void {
  const hits: Array<{ key: Key; start: number; end: number }> = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    let g = 0;
    while (g < KEYS.length && m[g + 2] === undefined) g++;
    hits.push({ key: KEYS[g] as Key, start: m.index, end: LABEL.lastIndex });
  }
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as (typeof hits)[number];
    const value = text
      .slice(h.end, hits[i + 1]?.start ?? text.length)
      .replace(PIPES, '')
      .trim();
    if (value && found[h.key] === undefined) found[h.key] = value;
  }
}

/**
 * Metadata found in the text before the first clause (title lines, 索引号 tables, the
 * signature) and in page chrome. Only what is found is returned; dates are ISO `YYYY-MM-DD`.
 */
export function extractMeta(input: string, options?: SegmentOptions): Partial<Meta> {
  const blocks = toBlocks(typeof input === 'string' ? input : '', options);
  const { parts } = buildClauses(blocks);
  const head: string[] = [];
  let headingTitle: string | undefined;
  let titleLine: string | undefined;
  let inBody = false;
  for (const p of parts) {
    if (p.clause !== null) inBody = true;
    const block = blocks[p.paragraph];
    if (p.clause !== null || (inBody && !block?.chrome)) continue;
    head.push(p.text);
    // A breadcrumb may end with the title (首页 > 政策文件 > 关于…的通知): chrome is no title.
    if (titleLine === undefined && !block?.chrome && isTitleLike(p.text) && !p.text.startsWith('附件'))
      titleLine = p.text;
    if (!inBody && block?.heading && headingTitle === undefined) headingTitle = p.text;
  }
  const found: Partial<Record<Key, string>> = {};
  let docLine: string | undefined;
  let signed: RegExpExecArray | null = null;
  for (const text of head) {
    if (text.indexOf(':') >= 0 || text.indexOf('：') >= 0) labelled(text, found);
    if (docLine === undefined && DOC_NUMBER_LINE.test(text)) docLine = text;
    signed = SIGNED.exec(text) ?? signed;
  }
  const meta: Partial<Meta> = {};
  const title = (found.title ?? headingTitle ?? titleLine)?.replace(PIPES, '');
  if (title) meta.title = title;
  const doc = found.docNumber ? (DOC_NUMBER.exec(found.docNumber)?.[0] ?? found.docNumber) : docLine;
  if (doc) meta.docNumber = doc;
  const issuer = found.issuer ?? signed?.[1];
  if (issuer) meta.issuer = issuer;
  if (found.indexNumber) meta.indexNumber = found.indexNumber;
  const published = [found.published, found.written, found.date, signed?.[2]]
    .map((d) => (d ? toIsoDate(d) : undefined))
    .find(Boolean);
  if (published) meta.published = published;
  let effective = found.effective ? toIsoDate(found.effective) : undefined;
  if (!effective) {
    for (const b of blocks) {
      const m = EFFECTIVE.exec(b.text);
      if (m) {
        effective = toIsoDate(m[1] as string);
        break;
      }
    }
  }
  if (effective) meta.effective = effective;
  const expires = found.expires ? toIsoDate(found.expires) : undefined;
  if (expires) meta.expires = expires;
  const status =
    (found.status ? toStatus(found.status) : undefined) ??
    (title && /征求意见稿|徵求意見稿/.test(title) ? 'draft' : undefined);
  if (status) meta.status = status;
  if (found.category) meta.category = found.category;
  return meta;
}

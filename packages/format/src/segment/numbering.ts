// Recognises the numbering markers of Chinese official documents at a given position.

/** A numbering style. `N)` is the same style as `(N)` (a missing opening bracket is a defect, not a style). */
export type Style =
  | 'part' // 第一编
  | 'chapter' // 第一章
  | 'section' // 第一节
  | 'article' // 第一条, 第1条
  | 'cn-dun' // 一、
  | 'cn-paren' // （一） (一) 一）
  | 'ar-dot' // 1. 1． 1、 ⒈
  | 'ar-paren' // （1） (1) 1) ⑴
  | 'circled'; // ① … ㊿

export interface Marker {
  style: Style;
  /** The written number as an integer. */
  n: number;
  /** `第二十条之一` → 1, else 0. */
  sub: number;
  /** The marker exactly as written (`（一）`, `4.`, `第五条`). */
  number: string;
  /** Index just past the marker. */
  end: number;
}

/** Rank of the legal structure: 编 > 章 > 节 > 条; -1 for list styles. */
export const LAW_RANK: Record<Style, number> = {
  part: 0,
  chapter: 1,
  section: 2,
  article: 3,
  'cn-dun': -1,
  'cn-paren': -1,
  'ar-dot': -1,
  'ar-paren': -1,
  circled: -1,
};

/** Styles whose numbers can continue each other when a writer slips (`4.` for `4)`). */
export const KIND: Record<Style, string> = {
  part: '',
  chapter: '',
  section: '',
  article: '',
  'cn-dun': 'cn',
  'cn-paren': 'cn',
  'ar-dot': 'ar',
  'ar-paren': 'ar',
  circled: 'ar',
};

const CN = '〇零一二两兩三四五六七八九十百千';
const D = '0-9０-９';
// One sticky regex, one group per style; the tail guards reject look-alikes (`1.5亿`, `1、2月`).
const MARKER = new RegExp(
  [
    `第([${CN}]+|[${D}]{1,3})([编編章节節条條])(?:之([一二三四五六七八九十]+|[${D}]{1,2}))?`,
    `([${CN}]+)[、.．](?![${D}]|[一二三四五六七八九十]+[、级類类])`,
    `[(（]([${CN}]+)[)）]`,
    `([${CN}]+)[)）]`,
    `[(（]([${D}]{1,3})[)）]`,
    `([${D}]{1,3})[)）]`,
    `([${D}]{1,3})(?:[.．]|、)(?![${D}])`,
    '([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])',
    '([\u2474-\u2487])',
    '([\u2488-\u249b])',
  ]
    .map((s) => `(?:${s})`)
    .join('|'),
  'y',
);

// After 第X条 these characters mean a reference (`第三条规定`, `第十条的`), not a heading.
const LAW_REF_AFTER = /^[规規的之所中第款项項和或及与與至、，,到起]/;
const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一百零三 → 103, 十二 → 12, 二〇 → 20 (digit strings), 12 → 12 (第12条), 0 when not a number. */
export function cnToInt(s: string): number {
  if (/^[0-9０-９]/.test(s)) return arToInt(s);
  let total = 0;
  let digit = -1;
  let unitSeen = false;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      // Two digits in a row without a unit (二〇) read positionally.
      digit = digit >= 0 && !unitSeen ? digit * 10 + d : d;
      continue;
    }
    const u = CN_UNIT[ch];
    if (u === undefined) return 0;
    total += (digit < 0 ? 1 : digit) * u;
    digit = -1;
    unitSeen = true;
  }
  return total + Math.max(digit, 0);
}

function arToInt(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return n;
}

function circledToInt(c: number): number {
  if (c <= 0x2473) return c - 0x2460 + 1;
  if (c <= 0x325f) return c - 0x3251 + 21;
  return c - 0x32b1 + 36;
}

const LAW_STYLE: Record<string, Style> = {
  编: 'part',
  編: 'part',
  章: 'chapter',
  节: 'section',
  節: 'section',
  条: 'article',
  條: 'article',
};

/**
 * The marker starting exactly at `pos` in `text`, or null. Guards that need the following
 * text (references like `第三条规定`) are applied here; sequence checks are the tree's job.
 */
export function matchMarker(text: string, pos: number): Marker | null {
  MARKER.lastIndex = pos;
  const m = MARKER.exec(text);
  if (!m) return null;
  const end = MARKER.lastIndex;
  const number = m[0];
  let style: Style;
  let n: number;
  let sub = 0;
  if (m[1] !== undefined) {
    style = LAW_STYLE[m[2] ?? ''] ?? 'article';
    n = cnToInt(m[1]);
    if (m[3] !== undefined) sub = cnToInt(m[3]);
    if (LAW_REF_AFTER.test(text.slice(end, end + 1))) return null;
  } else if (m[4] !== undefined) {
    style = 'cn-dun';
    n = cnToInt(m[4]);
  } else if (m[5] !== undefined || m[6] !== undefined) {
    style = 'cn-paren';
    n = cnToInt((m[5] ?? m[6]) as string);
  } else if (m[7] !== undefined || m[8] !== undefined) {
    style = 'ar-paren';
    n = arToInt((m[7] ?? m[8]) as string);
  } else if (m[9] !== undefined) {
    style = 'ar-dot';
    n = arToInt(m[9]);
  } else if (m[10] !== undefined) {
    style = 'circled';
    n = circledToInt(m[10].charCodeAt(0));
  } else if (m[11] !== undefined) {
    style = 'ar-paren';
    n = m[11].charCodeAt(0) - 0x2474 + 1;
  } else {
    style = 'ar-dot';
    n = number.charCodeAt(0) - 0x2488 + 1;
  }
  if (n <= 0 || n > 999) return null;
  return { style, n, sub, number, end };
}

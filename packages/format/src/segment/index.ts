/**
 * Clause segmentation of Chinese official documents (plain text, markdown or CMS HTML).
 *
 * Numbering styles: 一、 · （一）(一)一） · 1. 1． 1、 · （1）(1)1) · ①…㊿ · 第X编/章/节/条
 * (simplified or traditional: 編 節 條), full- or half-width. Nesting follows the order in
 * which styles appear: a style first seen below a clause becomes that clause's child level.
 *
 * Id scheme (ids are unique and depend only on the written numbers along the path, so they
 * do not change when unrelated text changes):
 * - list styles join the numbers along the path: 三、 → `3`, then 4. → `3.4`, then （二）
 *   → `3.4.2`; ⑨ → its number (`4.2.4.1.9`); numbering continued across sections keeps its
 *   written number (items 4–8 under （二） of 二、 are `2.2.4` … `2.2.8`);
 * - 第X章 → `cX`, 第X节 → `cX.sY` (`sY` outside a chapter), 第X编 → `bX`; 第X条 → `aX`
 *   whatever its chapter (articles are numbered across the whole law); 第X条之一 → `aX-1`;
 *   items inside an article continue the path: （一） in 第五条 → `a5.1`;
 * - a second document in one notice (the top numbering restarts at 1, e.g. a second 一、
 *   after a second title) prefixes its ids with `d2.`, `d3.`, …; its title/附件 lines are not
 *   clause text. (A restart after bare top-level headings only is a 目录, not a document: those
 *   headings are dropped and the body keeps unprefixed ids.)
 * - a number written twice under one parent (a defect) gets `-2`, `-3`, … on the later ones.
 *
 * Clause fields: `number` exactly as written (an HTML `<ol>` item without one: the `1.` the
 * page shows); `level` the 1-based depth; `parent` the parent's id or null; `title` the
 * heading (`（一）指导思想` → `指导思想`), else the first sentence up to 。；：!?; `text` the
 * clause as written (marker included) and its continuation paragraphs joined with `\n`,
 * without its children's text.
 *
 * Text that is no clause's text — the preamble before the first clause (titles, 索引号
 * tables, the notice), page chrome (`|||`, 【打印本页】, footers), everything after the page's
 * tools (【我要纠错】, 责任编辑：…, also when glued to the last sentence) and
 * signature/date lines after the last clause — is kept in `segmentDocument(...).parts` with
 * `clause: null`.
 * Never loses text: the `parts`, in order, are the paragraphs of `toParagraphs(input)` cut
 * at run-in clause starts, so joining the texts of the parts of paragraph i equals paragraph
 * i up to whitespace; each clause's `text` is its parts' texts joined with `\n` (chrome may
 * sit between two of them). So the clause texts, split at `\n` and interleaved with the
 * non-clause parts in `parts` order, give back every non-whitespace character of the
 * paragraphs in order — and for plain text, of the input (markdown syntax, HTML tags,
 * scripts and styles are not text).
 */
import type { Clause } from '../schema/bundle.js';
import { detectFormat, isChrome, type SegmentFormat, type SegmentOptions, toBlocks } from './paragraphs.js';
import { buildClauses, type TextPart } from './tree.js';

export { extractMeta, toIsoDate, toStatus } from './meta.js';
export { detectFormat, isChrome, type SegmentFormat, type SegmentOptions, toParagraphs } from './paragraphs.js';
export type { TextPart } from './tree.js';

export interface Segmentation {
  format: SegmentFormat;
  /** As returned by `toParagraphs`. */
  paragraphs: string[];
  /** In document order. */
  clauses: Clause[];
  /** Every paragraph, cut at run-in clause starts, each with its clause id or null. */
  parts: TextPart[];
}

/** Clauses, paragraphs and the clause of every piece of text. Never throws. */
export function segmentDocument(input: string, options?: SegmentOptions): Segmentation {
  const text = typeof input === 'string' ? input : '';
  const format = options?.format ?? detectFormat(text);
  const blocks = toBlocks(text, { format });
  const { clauses, parts } = buildClauses(blocks);
  return { format, paragraphs: blocks.map((b) => b.text), clauses, parts };
}

/** The clauses of a policy document. Never throws. */
export function segment(input: string, options?: SegmentOptions): Clause[] {
  return segmentDocument(input, options).clauses;
}

/**
 * Segments paragraphs that are already split, such as the block elements of a rendered page:
 * `parts[].paragraph` indexes `paragraphs`, so each piece maps back to its element. A CMS's
 * content element often holds the page's tools (【我要纠错】, 责任编辑：…) too: they end the document.
 */
export function segmentBlocks(paragraphs: readonly { text: string; heading?: boolean }[]): Segmentation {
  const blocks = paragraphs.map((p) => {
    const text = p.text.replace(/\s+/g, ' ').trim();
    return { text, heading: p.heading === true, chrome: isChrome(text) };
  });
  const { clauses, parts } = buildClauses(blocks);
  return { format: 'html', paragraphs: blocks.map((b) => b.text), clauses, parts };
}

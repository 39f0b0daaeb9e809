// The document folded once into one string, so that exact lookups are a native indexOf and
// fuzzy lookups only touch the segments a bigram filter lets through.
import type { Clause } from '../schema/bundle.js';
import { foldJoin } from '../search/fold.js';

/** Never produced by folding (control characters are dropped), so no match crosses it. */
const SEP = 1;

/** The fuzzy lookup's bigram tables (built by tables.ts): declared here, beside the index that holds them. */
export interface FuzzyTables {
  /** Table slot of the bigram starting at each hay offset (-1 at segment ends). */
  slotAt: Int32Array;
  /** Per slot: bigram key (0 = empty), IDF weight, and the last offset where it occurs. */
  keys: Uint32Array;
  weight: Float64Array;
  head: Int32Array;
  /** Previous offset of the same bigram, per hay offset (-1 when none). */
  prev: Int32Array;
  /** Segment of each hay offset. */
  segOf: Int32Array;
  mask: number;
  /** Scratch reused by every lookup: per slot, the quote's bigram index (valid when stamp matches). */
  stamp: Int32Array;
  local: Int32Array;
  /** Scratch per segment. */
  perSeg: Float64Array;
  lookups: number;
}

export interface AnchorIndex {
  readonly clauses: readonly Clause[];
  readonly byId: ReadonlyMap<string, number>;
  /** Folded texts and titles of all clauses, joined by SEP. */
  readonly hay: string;
  /** Offset in the original field for every char of `hay`. */
  readonly pos: Int32Array;
  /** Segment k covers hay[segStart[k], segEnd[k]); it is the text (even k) or title (odd k) of clause k >> 1. */
  readonly segStart: Int32Array;
  readonly segEnd: Int32Array;
  /** Built on the first fuzzy lookup. */
  fuzzy?: FuzzyTables;
}

/** Fold every clause once. Reuse the index for many lookups on the same document. */
export function createAnchorIndex(clauses: readonly Clause[]): AnchorIndex {
  const byId = new Map<string, number>();
  const fields: string[] = [];
  clauses.forEach((c, i) => {
    if (!byId.has(c.id)) byId.set(c.id, i);
    // A title that is the clause's first sentence adds nothing to search but cost.
    fields.push(c.text, c.text.includes(c.title) ? '' : c.title);
  });
  const { text, pos, starts } = foldJoin(fields, SEP);
  const segStart = starts.subarray(0, fields.length);
  const segEnd = new Int32Array(fields.length);
  for (let s = 0; s < fields.length; s++) segEnd[s] = starts[s + 1]! - 1;
  return { clauses, byId, hay: text, pos, segStart, segEnd };
}

/** The segment holding hay offset `at` (binary search). */
export function segmentAt(index: AnchorIndex, at: number): number {
  let lo = 0;
  let hi = index.segStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.segStart[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every offset where `q` occurs in the hay. */
export function exactHits(index: AnchorIndex, q: string): number[] {
  const hits: number[] = [];
  for (let at = index.hay.indexOf(q); at >= 0; at = index.hay.indexOf(q, at + 1)) hits.push(at);
  return hits;
}

/** Offsets where `q` occurs inside clause `i` or the clauses nested in it (which follow it). */
export function hitsWithin(index: AnchorIndex, q: string, i: number): number[] {
  let last = i;
  while (last + 1 < index.clauses.length && within(index, last + 1, i)) last++;
  const from = index.segStart[i * 2]!;
  const to = index.segEnd[last * 2 + 1]!;
  const part = index.hay.slice(from, to);
  const hits: number[] = [];
  for (let at = part.indexOf(q); at >= 0; at = part.indexOf(q, at + 1)) hits.push(from + at);
  return hits;
}

/** Is clause `i` the clause `ancestor` or nested inside it? */
export function within(index: AnchorIndex, i: number, ancestor: number): boolean {
  for (let guard = 0; guard < 64; guard++) {
    if (i === ancestor) return true;
    const parent = index.clauses[i]?.parent;
    const next = parent == null ? undefined : index.byId.get(parent);
    if (next === undefined || next === i) return false;
    i = next;
  }
  return false;
}

/** How many folded chars of prefix and suffix agree with the text around [from, to). */
export function contextScore(index: AnchorIndex, from: number, to: number, prefix: string, suffix: string): number {
  const { hay } = index;
  let n = 0;
  while (n < prefix.length && from - 1 - n >= 0 && hay[from - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  let m = 0;
  while (m < suffix.length && to + m < hay.length && hay[to + m] === suffix[m]) m++;
  return n + m;
}

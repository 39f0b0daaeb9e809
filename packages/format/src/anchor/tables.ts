// Bigram tables for fuzzy lookups: an open-addressing hash of the document's bigrams in
// typed arrays, so that building it allocates a handful of buffers rather than a map entry
// and a list per bigram (the build runs once per document, on the first fuzzy lookup).
import type { AnchorIndex, FuzzyTables } from './haystack.js';

/** IDF of a bigram found in `df` of `n` segments; one absent weighs like the rarest. */
export const idf = (n: number, df: number) => Math.log(1 + n / Math.max(1, df));

const hashOf = (key: number, mask: number) => (Math.imul(key, 0x9e3779b1) >>> 11) & mask;

/** The slot of `key`, or -1 when the document does not hold that bigram. */
export function slotOf(t: FuzzyTables, key: number): number {
  for (let h = hashOf(key, t.mask); ; h = (h + 1) & t.mask) {
    if (t.keys[h] === key) return h;
    if (t.keys[h] === 0) return -1;
  }
}

/** Built once per index, on the first fuzzy lookup. */
export function fuzzyTables(index: AnchorIndex): FuzzyTables {
  if (index.fuzzy) return index.fuzzy;
  const { hay, segStart, segEnd } = index;
  let cap = 1024;
  while (cap < hay.length) cap *= 2; // distinct bigrams are well under half the offsets
  const mask = cap - 1;
  const keys = new Uint32Array(cap);
  const df = new Int32Array(cap);
  const head = new Int32Array(cap).fill(-1);
  const lastSeg = new Int32Array(cap).fill(-1);
  const slotAt = new Int32Array(hay.length).fill(-1);
  const prev = new Int32Array(hay.length);
  const segOf = new Int32Array(hay.length);
  for (let s = 0; s < segStart.length; s++) {
    const end = segEnd[s]!;
    for (let i = segStart[s]!; i < end; i++) {
      segOf[i] = s;
      if (i + 1 >= end) break;
      const key = ((hay.charCodeAt(i) << 16) | hay.charCodeAt(i + 1)) >>> 0;
      let h = hashOf(key, mask);
      while (keys[h] !== 0 && keys[h] !== key) h = (h + 1) & mask;
      keys[h] = key;
      slotAt[i] = h;
      prev[i] = head[h]!;
      head[h] = i;
      if (lastSeg[h] !== s) {
        lastSeg[h] = s;
        df[h]!++;
      }
    }
  }
  const n = segStart.length;
  const weight = new Float64Array(cap);
  for (let h = 0; h < cap; h++) if (df[h]! > 0) weight[h] = idf(n, df[h]!);
  index.fuzzy = {
    slotAt,
    keys,
    weight,
    head,
    prev,
    segOf,
    mask,
    stamp: new Int32Array(cap),
    local: new Int32Array(cap),
    perSeg: new Float64Array(n),
    lookups: 0,
  };
  return index.fuzzy;
}

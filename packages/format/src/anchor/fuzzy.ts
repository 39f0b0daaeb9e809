// Approximate matching: character-bigram overlap between the quote and a window of a clause,
// each bigram weighted by its rarity in the document (IDF). Formulaic phrases such as
// 时间不超过…个工作日 or 有关政府部门应当 then weigh little, and the words that make a
// passage itself decide. A bigram filter picks the few segments that could reach the floor;
// only those are scanned, in one linear pass per window size.
import type { AnchorIndex } from './haystack.js';
import { fuzzyTables, idf, slotOf } from './tables.js';

export interface FuzzyHit {
  segment: number;
  /** Hay offsets [from, to) of the best window. */
  from: number;
  to: number;
  score: number;
}

const keyAt = (s: string, i: number) => ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;

/** Bigram multiset of a folded string. */
function bigrams(q: string): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i + 1 < q.length; i++) {
    const key = keyAt(q, i);
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

/**
 * min(precision, recall) of the weighted bigram overlap: a window must hold most of the quote
 * AND be mostly quote. Dice alone let a short generic window (时间不超过一个工作日) score
 * high against a long removed sentence that merely ends with those words.
 */
function similarity(inter: number, qw: number, mass: number): number {
  return mass > 0 ? Math.min(inter / mass, inter / qw) : 0;
}

/**
 * Best window of `width` bigrams among a segment's bigrams, given for each its weight and
 * its slot in the quote's bigram list (-1 if the quote lacks it); `want` = count per slot.
 */
function scan(slot: Int16Array, wt: Float64Array, want: Int32Array, qw: number, width: number) {
  const n = slot.length;
  const w = Math.min(width, n);
  if (w <= 0) return undefined;
  const have = new Int32Array(want.length);
  let inter = 0;
  let mass = 0;
  for (let i = 0; i < w; i++) {
    mass += wt[i]!;
    const k = slot[i]!;
    if (k >= 0 && have[k]!++ < want[k]!) inter += wt[i]!;
  }
  let best = similarity(inter, qw, mass);
  let bestAt = 0;
  for (let i = 1; i + w <= n; i++) {
    const out = i - 1;
    const inn = i + w - 1;
    mass += wt[inn]! - wt[out]!;
    const ko = slot[out]!;
    if (ko >= 0 && --have[ko]! < want[ko]!) inter -= wt[out]!;
    const ki = slot[inn]!;
    if (ki >= 0 && have[ki]!++ < want[ki]!) inter += wt[inn]!;
    const score = similarity(inter, qw, mass);
    if (score > best) {
      best = score;
      bestAt = i;
    }
  }
  // Trim window edges whose bigrams the quote lacks: a tighter range and a truer score.
  let from = bestAt;
  let to = bestAt + w; // exclusive, in bigrams
  while (to - from > 1 && slot[from]! < 0) from++;
  while (to - from > 1 && slot[to - 1]! < 0) to--;
  have.fill(0);
  inter = 0;
  mass = 0;
  for (let i = from; i < to; i++) {
    mass += wt[i]!;
    const k = slot[i]!;
    if (k >= 0 && have[k]!++ < want[k]!) inter += wt[i]!;
  }
  return { from, to: to + 1, score: similarity(inter, qw, mass) };
}

/**
 * The best fuzzy windows for folded quote `q`, best first, one per segment, considering only
 * segments whose bigram overlap could reach `floor`.
 */
export function fuzzyHits(index: AnchorIndex, q: string, floor: number, maxSegments = 8): FuzzyHit[] {
  const t = fuzzyTables(index);
  const { slotAt, weight, head, prev, segOf, stamp, local, perSeg } = t;
  const segments = index.segStart.length;
  const qb = bigrams(q);
  const want = new Int32Array(qb.size);
  const run = ++t.lookups;
  let qw = 0;
  let k = 0;
  const touched: number[] = [];
  // Bigrams in over a quarter of the segments are not walked (they would touch most of the
  // document); their weight is added to every bound instead, which keeps it an upper bound.
  const common = idf(segments, segments / 4);
  let everywhere = 0;
  for (const [key, n] of qb) {
    want[k] = n;
    const slot = slotOf(t, key);
    const wt = n * (slot < 0 ? idf(segments, 0) : weight[slot]!);
    qw += wt;
    if (slot >= 0) {
      stamp[slot] = run;
      local[slot] = k;
    }
    if (slot >= 0 && weight[slot]! < common) everywhere += wt;
    else if (slot >= 0) {
      let lastSeg = -1;
      // Occurrences come newest first, so one segment's are adjacent.
      for (let at = head[slot]!; at >= 0; at = prev[at]!) {
        const s = segOf[at]!;
        if (s === lastSeg) continue;
        lastSeg = s;
        if (perSeg[s] === 0) touched.push(s);
        perSeg[s]! += wt;
      }
    }
    k++;
  }
  // c/qw bounds the recall, hence the score, of any window of the segment.
  const cands: Array<{ s: number; ub: number }> = [];
  for (const s of touched) {
    const ub = (perSeg[s]! + everywhere) / qw;
    perSeg[s] = 0;
    if (ub >= floor) cands.push({ s, ub });
  }
  cands.sort((a, b) => b.ub - a.ub);
  const qn = q.length - 1;
  const hits: Array<FuzzyHit & { slot: Int16Array; wt: Float64Array }> = [];
  const best = (s: number, slot: Int16Array, wt: Float64Array, factors: number[]) => {
    let top: FuzzyHit | undefined;
    for (const f of factors) {
      const r = scan(slot, wt, want, qw, Math.max(1, Math.round(qn * f)));
      if (r && (!top || r.score > top.score)) top = { segment: s, from: r.from, to: r.to, score: r.score };
    }
    return top;
  };
  // One window width for every candidate, then two more for the few near the top.
  for (const { s, ub } of cands.slice(0, maxSegments)) {
    if (hits.length > 0 && ub < hits[0]!.score - 0.1) break; // cannot come close to the best
    const start = index.segStart[s]!;
    const n = index.segEnd[s]! - start - 1;
    if (n <= 0) continue;
    const slot = new Int16Array(n);
    const wt = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const g = slotAt[start + i]!;
      slot[i] = g >= 0 && stamp[g] === run ? local[g]! : -1;
      wt[i] = g >= 0 ? weight[g]! : 0;
    }
    const top = best(s, slot, wt, [1]);
    if (top) hits.push({ ...top, slot, wt });
    hits.sort((a, b) => b.score - a.score);
  }
  const out: FuzzyHit[] = [];
  for (const h of hits) {
    const other = h.score >= hits[0]!.score - 0.05 ? best(h.segment, h.slot, h.wt, [0.75, 1.33]) : undefined;
    const top = other && other.score > h.score ? other : h;
    const start = index.segStart[h.segment]!;
    if (top.score >= floor)
      out.push({ segment: h.segment, from: start + top.from, to: start + top.to, score: top.score });
  }
  return out.sort((a, b) => b.score - a.score);
}

// Two versions of a text, clause by clause: which clause became which (by their text, with the
// anchoring engine, never by number), then what changed inside each.
import { createAnchorIndex } from '../anchor/haystack.js';
import { locate } from '../anchor/locate.js';
import type { Clause } from '../schema/bundle.js';
import type { Change, ChangeKind, Comparison } from '../schema/comparison.js';
import { diffText, similarity } from './ops.js';
import { type CompareInput, clausesOf, type Unit, unitsOf } from './units.js';

interface Candidate {
  from: number;
  to: number;
  sim: number;
}

/** Units as clauses of their own, so the anchoring engine searches whole articles. */
function indexOf(units: readonly Unit[], keep: readonly number[]) {
  const clauses: Clause[] = keep.map((i) => ({
    id: String(i),
    number: '',
    level: 1,
    parent: null,
    title: '',
    text: units[i]!.key,
  }));
  return createAnchorIndex(clauses);
}

/** Where the anchoring engine places each quote (owner unit, text) among the units of `index`. */
function placements(quotes: ReadonlyArray<[number, string]>, index: ReturnType<typeof indexOf>) {
  const out: Array<[number, number]> = [];
  if (index.clauses.length === 0) return out;
  for (const [q, exact] of quotes) {
    if (!exact) continue;
    const r = locate(index, { quote: { exact } });
    if ('clause' in r) out.push([q, Number(r.clause)]);
    // The same text in several places: each is a candidate, the best fit is chosen below.
    else if (r.orphan.reason === 'quote-ambiguous') for (const c of r.orphan.candidates ?? []) out.push([q, Number(c)]);
  }
  return out;
}

/** Indexes (into `pairs`) of a longest run of pairs whose new positions increase. */
function increasing(pairs: ReadonlyArray<{ to: number }>): Set<number> {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]!.to < pairs[i]!.to) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/** The one-to-one pairing of old and new units. */
function match(a: readonly Unit[], b: readonly Unit[]): Array<{ from: number; to: number }> {
  const toOf = new Int32Array(a.length).fill(-1);
  const fromOf = new Int32Array(b.length).fill(-1);
  // 1. The same text (spaces aside): paired in order, which also settles repeated texts.
  const byKey = new Map<string, number[]>();
  b.forEach((u, j) => {
    const list = byKey.get(u.key);
    if (list) list.push(j);
    else byKey.set(u.key, [j]);
  });
  a.forEach((u, i) => {
    const j = byKey.get(u.key)?.shift();
    if (j !== undefined) {
      toOf[i] = j;
      fromOf[j] = i;
    }
  });
  // 2. The rest through the anchoring engine, both ways (an old article inside a longer new
  // one is found from the old side; a new article made from part of an old one, the other).
  const oldLeft = a.map((_, i) => i).filter((i) => toOf[i] === -1);
  const newLeft = b.map((_, j) => j).filter((j) => fromOf[j] === -1);
  const seen = new Set<string>();
  const cands: Candidate[] = [];
  const add = (from: number, to: number) => {
    const k = `${from}:${to}`;
    if (seen.has(k)) return;
    seen.add(k);
    cands.push({ from, to, sim: 1 });
  };
  const whole = (units: readonly Unit[], qs: readonly number[]) => qs.map((q): [number, string] => [q, units[q]!.key]);
  const found = new Set<string>();
  const inNew = indexOf(b, newLeft);
  const inOld = indexOf(a, oldLeft);
  for (const [i, j] of placements(whole(a, oldLeft), inNew)) add(i, j);
  for (const [j, i] of placements(whole(b, newLeft), inOld)) add(i, j);
  // An article split in two, or two merged into one, is found by its paragraphs: each is
  // placed on its own, for the articles that nothing was found for as a whole.
  for (const c of cands) found.add(`a${c.from}`).add(`b${c.to}`);
  const parts = (units: readonly Unit[], qs: readonly number[], side: string) =>
    qs
      .filter((q) => !found.has(`${side}${q}`) && units[q]!.paragraphs.length > 1)
      .flatMap((q) => units[q]!.paragraphs.map((p): [number, string] => [q, p]));
  for (const [i, j] of placements(parts(a, oldLeft, 'a'), inNew)) add(i, j);
  for (const [j, i] of placements(parts(b, newLeft, 'b'), inOld)) add(i, j);
  // A pair that shares neither clause with another candidate is taken whatever its rank, so
  // only contested pairs need their similarity (a character diff each: the costly part).
  const uses = new Map<string, number>();
  for (const c of cands) for (const k of [`a${c.from}`, `b${c.to}`]) uses.set(k, (uses.get(k) ?? 0) + 1);
  for (const c of cands)
    if (uses.get(`a${c.from}`)! > 1 || uses.get(`b${c.to}`)! > 1)
      c.sim = similarity(diffText(a[c.from]!.key, b[c.to]!.key));
  // Closest texts first; on a tie, the pair nearer the same place in both texts.
  const place = (c: Candidate) => Math.abs(c.from / Math.max(1, a.length) - c.to / Math.max(1, b.length));
  cands.sort((x, y) => y.sim - x.sim || place(x) - place(y) || x.from - y.from || x.to - y.to);
  for (const c of cands) {
    if (toOf[c.from] !== -1 || fromOf[c.to] !== -1) continue;
    toOf[c.from] = c.to;
    fromOf[c.to] = c.from;
  }
  inGaps(a, b, toOf, fromOf);
  const pairs: Array<{ from: number; to: number }> = [];
  toOf.forEach((to, from) => {
    if (to >= 0) pairs.push({ from, to });
  });
  return pairs;
}

/**
 * A clause rewritten in place (本条例自2020年4月28日起施行 → 本条例自公布之日起施行) is too short
 * for the anchoring engine's bigrams. Left over between the same two matched neighbours in both
 * texts, an old and a new clause sharing at least half their characters are one clause modified.
 */
export const GAP_MIN_SIMILARITY = 0.5;
/** Gaps with more pairs than this are a rewrite, not an edit: nothing is paired by place there. */
const GAP_MAX_PAIRS = 400;

function inGaps(a: readonly Unit[], b: readonly Unit[], toOf: Int32Array, fromOf: Int32Array): void {
  const matched: Array<{ from: number; to: number }> = [];
  toOf.forEach((to, from) => {
    if (to >= 0) matched.push({ from, to });
  });
  const keep = increasing(matched);
  const fences = [{ from: -1, to: -1 }, ...matched.filter((_, k) => keep.has(k)), { from: a.length, to: b.length }];
  for (let k = 1; k < fences.length; k++) {
    const lo = fences[k - 1]!;
    const hi = fences[k]!;
    const olds: number[] = [];
    const news: number[] = [];
    for (let i = lo.from + 1; i < hi.from; i++) if (toOf[i] === -1) olds.push(i);
    for (let j = lo.to + 1; j < hi.to; j++) if (fromOf[j] === -1) news.push(j);
    if (olds.length * news.length === 0 || olds.length * news.length > GAP_MAX_PAIRS) continue;
    const cands: Candidate[] = [];
    for (const i of olds)
      for (const j of news) {
        const sim = similarity(diffText(a[i]!.key, b[j]!.key));
        if (sim >= GAP_MIN_SIMILARITY) cands.push({ from: i, to: j, sim });
      }
    cands.sort((x, y) => y.sim - x.sim || x.from - y.from || x.to - y.to);
    for (const c of cands) {
      if (toOf[c.from] !== -1 || fromOf[c.to] !== -1) continue;
      toOf[c.from] = c.to;
      fromOf[c.to] = c.from;
    }
  }
}

const ref = (u: Unit) => ({ id: u.id, number: u.number });

/**
 * Compares two versions clause by clause. Articles (第X条) are compared with their items; a
 * notice's clauses one by one. Each clause is `unchanged`, `renumbered` (same text, another
 * number or place), `modified` (text changed; both numbers given), `added` or `removed`.
 * Deterministic, and plain data (JSON-serialisable).
 */
export function compareTexts(from: CompareInput, to: CompareInput): Comparison {
  const a = unitsOf(clausesOf(from));
  const b = unitsOf(clausesOf(to));
  const pairs = match(a, b);
  const inOrder = increasing(pairs);
  type Placed = { at: number; after: number; order: number; change: Change };
  const placed: Placed[] = [];
  let lastTo = -1;
  const toOf = new Map(pairs.map((p) => [p.from, p.to]));
  a.forEach((u, i) => {
    const j = toOf.get(i);
    if (j !== undefined) {
      lastTo = Math.max(lastTo, j);
      return;
    }
    // A removed clause stands after the new place of the clause that preceded it.
    placed.push({ at: lastTo, after: 1, order: i, change: { kind: 'removed', from: ref(u), ops: [[-1, u.text]] } });
  });
  const fromOf = new Map(pairs.map((p, k) => [p.to, { ...p, k }]));
  b.forEach((u, j) => {
    const p = fromOf.get(j);
    if (!p) {
      placed.push({ at: j, after: 0, order: 0, change: { kind: 'added', to: ref(u), ops: [[1, u.text]] } });
      return;
    }
    const old = a[p.from]!;
    const moved = !inOrder.has(p.k);
    let kind: ChangeKind = 'unchanged';
    if (old.key !== u.key) kind = 'modified';
    else if (moved || old.number !== u.number) kind = 'renumbered';
    const change: Change = { kind, from: ref(old), to: ref(u) };
    if (moved) change.moved = true;
    if (kind === 'modified') change.ops = diffText(old.text, u.text);
    placed.push({ at: j, after: 0, order: 0, change });
  });
  placed.sort((x, y) => x.at - y.at || x.after - y.after || x.order - y.order);
  const changes = placed.map((p) => p.change);
  const n = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  return {
    summary: {
      added: n('added'),
      removed: n('removed'),
      modified: n('modified'),
      renumbered: n('renumbered'),
      unchanged: n('unchanged'),
    },
    changes,
  };
}

// Placing one target: the clause id when it exists and holds the quote, else the quote
// (exact, then approximate), else an orphan with a reason. Never a guess.
import { clauseNumbers } from '../clauses/label.js';
import type { Target } from '../schema/bundle.js';
import { foldText } from '../search/fold.js';
import { fuzzyHits } from './fuzzy.js';
import { type AnchorIndex, contextScore, exactHits, hitsWithin, segmentAt, within } from './haystack.js';
import { clauseNotFound, lowScore, pendingPlacement, quoteAmbiguous, quoteNotFound } from './messages.js';
import type { Landed, Resolution } from './types.js';

/**
 * Similarity a reworded passage needs to land (0–1): min(precision, recall) of the IDF-weighted
 * bigram overlap (see fuzzy.ts). Tuned on the 2020→2024 revision of 北京市优化营商环境条例:
 * reworded survivors (市场主体 → 经营主体, articles merged) score 0.66–0.88, while a removed
 * sentence's best look-alike scored 0.39, and across all 225 sentences of the 2020 text every
 * landing between 0.55 and 0.7 was checked by hand as right.
 */
export const FUZZY_MIN_SCORE = 0.55;
/** Below this, nothing is close enough to be worth naming as `nearest` in a low-score orphan. */
export const FUZZY_FLOOR = 0.35;
/** Quotes shorter than this (folded chars) are only matched exactly: bigrams say little about them. */
export const FUZZY_MIN_CHARS = 6;
/** A clause id's own fuzzy match is kept if it is within this of the best match elsewhere. */
const ID_PREFERENCE = 0.1;

function landed(index: AnchorIndex, seg: number, from: number, to: number, score: number): Landed {
  const clause = index.clauses[seg >> 1]!;
  const out: Landed = { clause: clause.id, score, method: 'quote' };
  if ((seg & 1) === 0) out.range = { start: index.pos[from]!, end: index.pos[to - 1]! + 1 };
  return out;
}

function withMove(r: Landed, index: AnchorIndex, named: string | undefined, idx: number | undefined): Landed {
  if (named === undefined) return r;
  const at = index.byId.get(r.clause)!;
  if (idx !== undefined && within(index, at, idx)) return { ...r, method: r.method === 'fuzzy' ? 'fuzzy' : 'id' };
  return { ...r, movedFrom: named };
}

/**
 * A clause as a reader names it: 第九十五条 on its own, else its numbers from the top
 * (二、（一）1.), so that a message never shows an internal id such as `a95` or `2.1.1`.
 */
export function clauseLabel(index: AnchorIndex, id: string): string {
  const byId = new Map(index.clauses.map((c) => [c.id, c]));
  return clauseNumbers(byId, id) ?? id;
}

/** Among hits in nested clauses (a parent whose text repeats its items), keep the innermost. */
function innermost(index: AnchorIndex, segs: number[]): number[] {
  return segs.filter((s) => !segs.some((o) => o !== s && o >> 1 !== s >> 1 && within(index, o >> 1, s >> 1)));
}

export function locate(index: AnchorIndex, target: Target, minScore = FUZZY_MIN_SCORE): Resolution {
  // Never placed until a drafter confirms it, however close its candidate (see reanchor.ts).
  if (target.pending) return { orphan: pendingPlacement(target.pending.previous.number) };
  const named = target.clause;
  const idx = named === undefined ? undefined : index.byId.get(named);
  if (!target.quote) {
    return idx === undefined ? { orphan: clauseNotFound(named ?? '') } : { clause: named!, score: 1, method: 'id' };
  }
  const q = foldText(target.quote.exact);
  if (!q) return { orphan: quoteNotFound(target.quote.exact) };
  const prefix = foldText(target.quote.prefix ?? '');
  const suffix = foldText(target.quote.suffix ?? '');

  const at = (list: number[]) => list.map((a) => ({ at: a, seg: segmentAt(index, a) }));
  // The named clause first: it is where nearly every quote is, and a small slice to search.
  const inNamed = idx === undefined ? [] : at(hitsWithin(index, q, idx));
  const pool = inNamed.length > 0 ? inNamed : at(exactHits(index, q));
  if (pool.length > 0) {
    const keep = new Set(innermost(index, [...new Set(pool.map((h) => h.seg))]));
    const ranked = pool
      .filter((h) => keep.has(h.seg))
      .map((h) => ({ ...h, ctx: contextScore(index, h.at, h.at + q.length, prefix, suffix) }))
      .sort((a, b) => b.ctx - a.ctx);
    const [first, second] = ranked;
    // Several places in the named clause: the first is still the right clause, so accept it.
    if (second && second.ctx === first!.ctx && inNamed.length === 0) {
      const ids = [...new Set(ranked.filter((h) => h.ctx === first!.ctx).map((h) => index.clauses[h.seg >> 1]!.id))];
      if (ids.length > 1)
        return {
          orphan: quoteAmbiguous(
            target.quote.exact,
            ids,
            ids.map((id) => clauseLabel(index, id)),
          ),
        };
    }
    return withMove(landed(index, first!.seg, first!.at, first!.at + q.length, 1), index, named, idx);
  }

  if (q.length < FUZZY_MIN_CHARS) return { orphan: quoteNotFound(target.quote.exact) };
  const all = fuzzyHits(index, q, Math.min(FUZZY_FLOOR, minScore));
  // A parent that repeats its item's text scores like the item: keep the item.
  const fuzzy = all.filter(
    (h) =>
      !all.some(
        (o) =>
          o.segment >> 1 !== h.segment >> 1 &&
          within(index, o.segment >> 1, h.segment >> 1) &&
          o.score >= h.score - 0.02,
      ),
  );
  const best = fuzzy[0];
  if (!best) return { orphan: quoteNotFound(target.quote.exact) };
  if (best.score < minScore) {
    const nearest = index.clauses[best.segment >> 1]!.id;
    return {
      orphan: lowScore(
        target.quote.exact,
        Math.round(best.score * 1000) / 1000,
        nearest,
        minScore,
        clauseLabel(index, nearest),
      ),
    };
  }
  const own = idx === undefined ? undefined : fuzzy.find((h) => within(index, h.segment >> 1, idx));
  const pick = own && own.score >= minScore && own.score >= best.score - ID_PREFERENCE ? own : best;
  // Two different clauses equally close: let the context decide, or refuse to guess.
  const rivals = fuzzy.filter(
    (h) => h !== pick && h.segment >> 1 !== pick.segment >> 1 && Math.abs(h.score - pick.score) < 0.02,
  );
  if (pick !== own && rivals.length > 0) {
    const ctx = (h: typeof pick) => contextScore(index, h.from, h.to, prefix, suffix);
    const mine = ctx(pick);
    if (rivals.some((h) => ctx(h) >= mine)) {
      const ids = [pick, ...rivals].map((h) => index.clauses[h.segment >> 1]!.id);
      const unique = [...new Set(ids)];
      return {
        orphan: quoteAmbiguous(
          target.quote.exact,
          unique,
          unique.map((id) => clauseLabel(index, id)),
        ),
      };
    }
  }
  const r = landed(index, pick.segment, pick.from, pick.to, Math.round(pick.score * 1000) / 1000);
  return withMove({ ...r, method: 'fuzzy' }, index, named, idx);
}

// Carrying interpretation notes from one version of a text to the next. The comparison says
// which clause became which (by text, never by number); the anchoring engine finds each note's
// passage in the new text. A placement is made only when it is certain: an uncertain one is a
// candidate for a drafter to confirm, never a note silently attached to other words.
import { type AnchorIndex, createAnchorIndex, within } from '../anchor/haystack.js';
import { FUZZY_FLOOR, locate } from '../anchor/locate.js';
import { isOrphan, type Landed, type TextRange } from '../anchor/types.js';
import { clauseNumbers } from '../clauses/label.js';
import { compareTexts } from '../compare/compare.js';
import { type CompareInput, clausesOf } from '../compare/units.js';
import type { Clause, Interpretation, Pending, Quote, Target } from '../schema/bundle.js';
import type { Change, Comparison } from '../schema/comparison.js';
import { foldText } from '../search/fold.js';

/**
 * Confidence (0–1) a placement needs to be made without a drafter: exact finds are 1, a
 * reworded passage scores its bigram similarity (see fuzzy.ts). Measured on seeded generated
 * revisions (4,362 notes, README "Carrying notes to a new version"): the best look-alike of a
 * rewritten or removed passage reached 0.78, so nothing under 0.85 is placed by itself; passages
 * reworded in one to three places still score 0.85 or more in 69% of cases, the rest wait for a
 * drafter's confirmation with the right candidate. Far above the reading pages' FUZZY_MIN_SCORE
 * (0.55), which shows a note near its passage rather than nowhere; carrying notes over is
 * different: a wrong placement would be published as the office's own.
 */
export const REANCHOR_MIN_CONFIDENCE = 0.85;

/**
 * A quote shorter than this (folded characters) found only outside the article its own became, or
 * after its article was removed, is not placed by itself (`moved`): on the 2020→2024 regulation, 8 of 653 random 6–15 character
 * phrases cut from modified articles were found word for word in another article, all but one
 * under 11 characters, most of them recurring phrases rather than moved passages.
 */
export const MOVED_MIN_CHARS = 16;
/** The confidence of such a find: an exact text in an unexpected place. */
const MOVED_SCORE = 0.5;

/** How a placed note found its place. */
export type PlacedHow = 'unchanged' | 'renumbered' | 'exact' | 'fuzzy';

interface PlacementBase {
  /** Index into the notes given. */
  index: number;
  id?: string;
  /** What the note explained in the previous version: its clause (as printed) and passage. */
  previous: { clause?: string; number?: string; text: string };
}

export interface Placed extends PlacementBase {
  status: 'placed';
  how: PlacedHow;
  confidence: number;
  /** The note's target on the new text. */
  target: Target;
  clause: string;
  /** The clause as printed in the new text (第十三条, 二、（一）). */
  number: string;
}

export interface Candidate {
  clause: string;
  number: string;
  /** Where the passage is in the clause's text, when found there. */
  range?: TextRange;
  /** The candidate passage, as a target quote. */
  quote?: Quote;
  score: number;
}

export interface NeedsConfirmation extends PlacementBase {
  status: 'pending';
  /**
   * `low-confidence`: the best candidate scores under the threshold; `ambiguous`: several places
   * fit; `quote-not-found`: the passage is nowhere, but its clause lives on, modified (the candidate);
   * `moved`: a short quote found word for word only outside the clause its own became.
   */
  reason: 'low-confidence' | 'ambiguous' | 'quote-not-found' | 'moved';
  confidence: number;
  candidate: Candidate;
}

export interface Lost extends PlacementBase {
  status: 'lost';
  reason: 'clause-removed' | 'quote-not-found';
}

export type Placement = Placed | NeedsConfirmation | Lost;

export interface ReanchorOptions {
  /** Confidence a placement needs (default REANCHOR_MIN_CONFIDENCE). */
  threshold?: number;
  /** The comparison of the two texts, when already made (`compareTexts(previous, next)`). */
  comparison?: Comparison;
}

/** The text of a clause after its number marker (第五条, 一、): what a note on the whole clause explains. */
function ownText(c: Clause): string {
  const text = c.text.trim();
  const marker = c.number.trim();
  return (marker && text.startsWith(marker) ? text.slice(marker.length) : text).trim();
}

/** The comparison's change for each old clause, items finding their article's. */
function changesByOldClause(oldClauses: readonly Clause[], comparison: Comparison): Map<string, Change> {
  const byUnit = new Map<string, Change>();
  for (const c of comparison.changes) if (c.from) byUnit.set(c.from.id, c);
  const byId = new Map(oldClauses.map((c) => [c.id, c]));
  const out = new Map<string, Change>();
  for (const c of oldClauses) {
    let x: Clause | undefined = c;
    for (let guard = 0; x && guard < 64 && !byUnit.has(x.id); guard++)
      x = x.parent === null ? undefined : byId.get(x.parent);
    const change = x && byUnit.get(x.id);
    if (change) out.set(c.id, change);
  }
  return out;
}

function quoteAt(clause: Clause, range: TextRange | undefined): Quote | undefined {
  const exact = range ? clause.text.slice(range.start, range.end).trim() : '';
  return exact ? { exact } : undefined;
}

/**
 * Places each note written on `previous` on `next`. Each comes back `placed` (its new target,
 * how and with what confidence), `pending` (the best candidate, under the threshold or one of
 * several; for a drafter to confirm) or `lost` (its clause removed or its passage gone).
 * A note on a whole clause (no quote) is looked for by that clause's text.
 */
export function reanchorNotes(
  notes: readonly Interpretation[],
  previous: CompareInput,
  next: CompareInput,
  options: ReanchorOptions = {},
): Placement[] {
  const threshold = options.threshold ?? REANCHOR_MIN_CONFIDENCE;
  const oldClauses = clausesOf(previous);
  const newClauses = clausesOf(next);
  const comparison = options.comparison ?? compareTexts(oldClauses, newClauses);
  const changeOf = changesByOldClause(oldClauses, comparison);
  const oldById = new Map(oldClauses.map((c) => [c.id, c]));
  const newById = new Map(newClauses.map((c) => [c.id, c]));
  const index = createAnchorIndex(newClauses);
  const numberOf = (id: string) => clauseNumbers(newById, id) ?? id;
  return notes.map((note, i) => {
    const base = placementBase(note, i, oldById);
    const target = note.target;
    const old = target.clause === undefined ? undefined : oldById.get(target.clause);
    const change = old && changeOf.get(old.id);
    const quote: Quote | undefined = target.pending
      ? { exact: target.pending.previous.text }
      : (target.quote ?? (old ? { exact: ownText(old) } : undefined));
    if (!quote?.exact.trim()) return { ...base, status: 'lost', reason: 'clause-removed' };
    const hint = change?.to?.id;
    const r = locate(index, { ...(hint && newById.has(hint) ? { clause: hint } : {}), quote }, FUZZY_FLOOR);
    if (isOrphan(r)) {
      if (r.orphan.reason === 'quote-ambiguous' && r.orphan.candidates?.length) {
        const first = r.orphan.candidates.find((c) => c === hint) ?? r.orphan.candidates[0]!;
        const candidate = candidateIn(index, first, quote, numberOf);
        return { ...base, status: 'pending', reason: 'ambiguous', confidence: candidate.score, candidate };
      }
      // The passage is gone but its clause lives on: that clause is where a drafter looks first.
      if (hint && newById.has(hint)) {
        const candidate: Candidate = { clause: hint, number: numberOf(hint), score: 0 };
        return { ...base, status: 'pending', reason: 'quote-not-found', confidence: 0, candidate };
      }
      return {
        ...base,
        status: 'lost',
        reason: change?.kind === 'removed' || (old && !change) ? 'clause-removed' : 'quote-not-found',
      };
    }
    const clause = newById.get(r.clause)!;
    // A few words found word for word in another article than the one the note's became (or
    // after its article was removed): as likely a phrase that recurs (经济和信息化部门) as the
    // passage moved. A drafter decides.
    const paired = hint !== undefined && newById.has(hint);
    const inPaired = paired && within(index, index.byId.get(r.clause)!, index.byId.get(hint!)!);
    const away = old !== undefined && (change?.kind === 'removed' || (paired && !inPaired));
    if (r.method !== 'fuzzy' && away && foldText(quote.exact).length < MOVED_MIN_CHARS) {
      const candidate: Candidate = {
        clause: r.clause,
        number: numberOf(r.clause),
        ...(r.range ? { range: r.range, quote } : {}),
        score: MOVED_SCORE,
      };
      return { ...base, status: 'pending', reason: 'moved', confidence: MOVED_SCORE, candidate };
    }
    if (r.method === 'fuzzy' && r.score < threshold) {
      const found = quoteAt(clause, r.range);
      const candidate: Candidate = {
        clause: r.clause,
        number: numberOf(r.clause),
        ...(r.range ? { range: r.range } : {}),
        ...(found ? { quote: found } : {}),
        score: r.score,
      };
      return { ...base, status: 'pending', reason: 'low-confidence', confidence: r.score, candidate };
    }
    return {
      ...base,
      status: 'placed',
      how: howPlaced(r, index, old, change, hint),
      confidence: r.score,
      target: newTarget(r, clause, note),
      clause: r.clause,
      number: numberOf(r.clause),
    };
  });
}

function placementBase(note: Interpretation, index: number, oldById: ReadonlyMap<string, Clause>): PlacementBase {
  const t = note.target;
  const old = t.clause === undefined ? undefined : oldById.get(t.clause);
  const number = t.pending
    ? t.pending.previous.number
    : old
      ? (clauseNumbers(oldById, old.id) ?? undefined)
      : undefined;
  const text = t.pending?.previous.text ?? t.quote?.exact ?? (old ? ownText(old) : '');
  return {
    index,
    ...(note.id === undefined ? {} : { id: note.id }),
    previous: { ...(old ? { clause: old.id } : {}), ...(number ? { number } : {}), text },
  };
}

/** One of several places a quote fits, with where it is in that clause and how well. */
function candidateIn(index: AnchorIndex, clause: string, quote: Quote, numberOf: (id: string) => string): Candidate {
  const r = locate(index, { clause, quote }, FUZZY_FLOOR);
  const at = index.byId.get(clause)!;
  const landed = !isOrphan(r) && within(index, index.byId.get(r.clause)!, at) ? r : undefined;
  const c = index.clauses[landed ? index.byId.get(landed.clause)! : at]!;
  const found = landed && quoteAt(c, landed.range);
  return {
    clause: c.id,
    number: numberOf(c.id),
    ...(landed?.range ? { range: landed.range } : {}),
    ...(found ? { quote: found } : {}),
    // Several places fit equally: never more certain than a coin toss, whatever the match.
    score: Math.min(landed?.score ?? 0, 0.5),
  };
}

function howPlaced(
  r: Landed,
  index: AnchorIndex,
  old: Clause | undefined,
  change: Change | undefined,
  hint: string | undefined,
): PlacedHow {
  if (r.method === 'fuzzy') return 'fuzzy';
  const same = change && (change.kind === 'unchanged' || change.kind === 'renumbered');
  const inPaired =
    hint !== undefined && index.byId.has(hint) && within(index, index.byId.get(r.clause)!, index.byId.get(hint)!);
  if (same && inPaired) return old && r.clause === old.id ? 'unchanged' : 'renumbered';
  return 'exact';
}

/** The target on the new text: the clause found and, for a quoted note, the passage as it now reads. */
function newTarget(r: Landed, clause: Clause, note: Interpretation): Target {
  const t = note.target;
  if (!t.quote && !t.pending) return { clause: r.clause };
  if (r.method !== 'fuzzy' && t.quote) return { clause: r.clause, quote: t.quote };
  const found = quoteAt(clause, r.range);
  return found ? { clause: r.clause, quote: found } : { clause: r.clause };
}

/**
 * The notes as the new version carries them: placed ones with their new target; the others
 * with a `pending` target only (no clause, no quote), so every reader lists them as not placed
 * until a drafter confirms or re-places them.
 */
export function carryNotes(notes: readonly Interpretation[], placements: readonly Placement[]): Interpretation[] {
  return placements.map((p) => {
    const note = notes[p.index]!;
    if (p.status === 'placed') return { ...note, target: p.target };
    const pending: Pending = {
      reason: p.reason,
      previous: { ...(p.previous.number ? { number: p.previous.number } : {}), text: p.previous.text },
    };
    if (p.status === 'pending')
      pending.candidate = {
        clause: p.candidate.clause,
        ...(p.candidate.quote ? { quote: p.candidate.quote } : {}),
        score: p.candidate.score,
      };
    return { ...note, target: { pending } };
  });
}

/** A character range [start, end) in a clause's `text`. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * How a target was placed: `id` — the clause id exists and holds the quote (or there is no
 * quote); `quote` — the exact quote was found elsewhere; `fuzzy` — an approximate match.
 */
export type AnchorMethod = 'id' | 'quote' | 'fuzzy';

/** `pending`: carried over from the previous version, its place awaits a drafter's confirmation. */
export type OrphanReason = 'clause-not-found' | 'quote-not-found' | 'quote-ambiguous' | 'low-score' | 'pending';

export interface Orphan {
  reason: OrphanReason;
  message: { 'zh-Hans': string; en: string };
  /** low-score: the best similarity found (0–1). */
  score?: number;
  /** low-score: the clause holding the closest passage, for an editor to check by hand. */
  nearest?: string;
  /** quote-ambiguous: the clauses where the quote occurs. */
  candidates?: string[];
}

export interface Landed {
  /** Id of the clause that holds the passage. */
  clause: string;
  /** Where the quote sits in that clause's text; absent without a quote or when it is in the title. */
  range?: TextRange;
  /** 1 for exact matches, the bigram similarity (0–1) for fuzzy ones. */
  score: number;
  method: AnchorMethod;
  /** The clause id the target named, when the passage was found in another clause. */
  movedFrom?: string;
}

export interface Orphaned {
  orphan: Orphan;
}

export type Resolution = Landed | Orphaned;

/** One interpretation: `index` into `bundle.interpretations`. */
export type NoteAnchor = { index: number; id?: string } & Resolution;

/** One clause link of a Q&A item or graphic: `bundle.qa[index].clauses[link]`. */
export type LinkAnchor = { index: number; id: string; link: number; target: string } & Resolution;

export interface OrphanEntry {
  kind: 'note' | 'qa' | 'graphic';
  index: number;
  id?: string;
  link?: number;
  orphan: Orphan;
}

export interface AnchorResult {
  notes: NoteAnchor[];
  qa: LinkAnchor[];
  graphics: LinkAnchor[];
  /** Every orphan above, in one list, for a report or a warning banner. */
  orphans: OrphanEntry[];
}

export interface AnchorOptions {
  /** Minimum similarity for a fuzzy match to land (default FUZZY_MIN_SCORE). */
  minScore?: number;
}

export function isOrphan(r: Resolution): r is Orphaned {
  return 'orphan' in r;
}

// The Q&A search: the format package's Chinese-aware index over the items (or the bundle's
// prebuilt index when it describes the same items), plus highlights in plain-text snippets.
import {
  createSearchIndex,
  fold,
  foldText,
  loadSearchIndex,
  type QaItem,
  type SearchIndex,
  searchIndex,
  suggest,
} from '@gongkai/format';

export type Range = [number, number];

export interface QaHit {
  id: string;
  /** Ranges in the question text. */
  question: Range[];
}

const PREFIX = 'qa:';

/** The prebuilt index, when it holds exactly these questions; otherwise null (rebuilt). */
function prebuilt(data: unknown, items: readonly QaItem[]): SearchIndex | null {
  if (!data) return null;
  try {
    const index = loadSearchIndex(data);
    const q = index.fields.indexOf('question');
    const ids = new Map(index.ids.map((id, d) => [id, d]));
    const same = items.every((item) => {
      const d = ids.get(PREFIX + item.id);
      return d !== undefined && index.texts[d]?.[q] === item.question;
    });
    return same && q >= 0 ? index : null;
  } catch {
    return null;
  }
}

export class QaSearch {
  private readonly index: SearchIndex;
  private readonly known: Set<string>;

  constructor(items: readonly QaItem[], data?: unknown) {
    // The same documents as buildBundleIndex's Q&A part (without pulling in the segmenter).
    this.index =
      prebuilt(data, items) ??
      createSearchIndex(
        items.map((q) => ({
          id: PREFIX + q.id,
          fields: { question: q.question, answer: q.answer, category: q.category },
        })),
      );
    this.known = new Set(items.map((i) => i.id));
  }

  /** Matching questions, best first. */
  search(query: string): QaHit[] {
    return searchIndex(this.index, query, { limit: this.index.ids.length })
      .filter((hit) => hit.id.startsWith(PREFIX) && this.known.has(hit.id.slice(PREFIX.length)))
      .map((hit) => ({ id: hit.id.slice(PREFIX.length), question: hit.highlights.question ?? [] }));
  }

  /** The closest questions when nothing matches. */
  closest(query: string, limit = 3): string[] {
    return suggest(this.index, query, { limit: this.index.ids.length, fields: ['question'] })
      .map((s) => s.id.slice(PREFIX.length))
      .filter((id) => this.known.has(id))
      .slice(0, limit);
  }
}

/** The query's terms as the index cuts them: folded, bigrams (or one character alone). */
function queryTerms(query: string): string[] {
  const terms = query
    .split(/[\s\u3000]+/)
    .map(foldText)
    .filter(Boolean)
    .flatMap((p) => (p.length === 1 ? [p] : Array.from({ length: p.length - 1 }, (_, i) => p.slice(i, i + 2))));
  return [...new Set(terms)];
}

/** Where the query's terms occur in `text` (folded the same way), as merged original ranges. */
export function rangesIn(text: string, query: string): Range[] {
  const terms = queryTerms(query);
  const folded = fold(text);
  const marks = new Uint8Array(folded.text.length);
  for (const t of terms) {
    for (let at = folded.text.indexOf(t); at >= 0; at = folded.text.indexOf(t, at + 1))
      marks.fill(1, at, at + t.length);
  }
  const out: Range[] = [];
  for (let i = 0; i < marks.length; i++) {
    if (!marks[i]) continue;
    let j = i + 1;
    while (j < marks.length && marks[j] && folded.pos[j] === folded.pos[j - 1]! + 1) j++;
    out.push([folded.pos[i]!, folded.pos[j - 1]! + 1]);
    i = j - 1;
  }
  return out;
}

export interface Snippet {
  text: string;
  ranges: Range[];
  before: boolean;
  after: boolean;
}

/** A window of `text` around its longest match (the whole query, if it is there), ranges shifted into it. */
export function snippet(text: string, ranges: readonly Range[], size = 60): Snippet | null {
  const focus = ranges.reduce<Range | undefined>(
    (best, r) => (!best || r[1] - r[0] > best[1] - best[0] ? r : best),
    undefined,
  );
  if (!focus) return null;
  const start = Math.max(0, Math.min(focus[0] - 12, text.length - size));
  const end = Math.min(text.length, start + size);
  return {
    text: text.slice(start, end),
    ranges: ranges
      .filter(([a, b]) => b > start && a < end)
      .map(([a, b]): Range => [Math.max(a, start) - start, Math.min(b, end) - start]),
    before: start > 0,
    after: end < text.length,
  };
}

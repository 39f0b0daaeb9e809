// A Chinese-aware full-text index without a word segmenter: every field is folded (full/half
// width, traditional → simplified, punctuation and spaces dropped) and cut into character
// bigrams. A one-character query is answered by scanning the folded texts instead, which
// keeps unigram postings out of the index (and out of the JSON that ships it). Ranking is BM25 per
// field times a field boost, scaled by how many of the query's terms a document holds, with a
// bonus for the query written out as a phrase.
import { type Folded, fold, foldText, originalRange } from './fold.js';

export interface SearchDoc {
  id: string;
  fields: Record<string, string | undefined>;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Per matched field, [start, end) offsets into the original field text, in order. */
  highlights: Record<string, Array<[number, number]>>;
}

export interface SearchIndex {
  fields: string[];
  boosts: number[];
  ids: string[];
  /** texts[doc][field]: the original text ('' when absent). */
  texts: string[][];
  /** lengths[doc][field]: folded length. */
  lengths: number[][];
  /** term → flat postings [doc, field, tf, doc, field, tf, …]. */
  terms: Map<string, number[]>;
  /** Folded texts, computed when first needed (highlights, phrases); never serialised. */
  folded: Array<Array<Folded | undefined>>;
}

/** Field boosts: a hit in a question or a clause title says more than one in a long answer. */
export const DEFAULT_BOOSTS: Record<string, number> = { question: 3, title: 2, text: 1, answer: 1, category: 0.5 };
/** A document must hold at least this share of the query's distinct terms to be returned. */
export const MIN_COVERAGE = 0.5;
const K1 = 1.2;
const B = 0.75;

/** The terms of one folded string: its bigrams, or the string itself when one character long. */
function termsOf(s: string): string[] {
  if (s.length === 1) return [s];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

export function createSearchIndex(
  docs: readonly SearchDoc[],
  options: { boosts?: Record<string, number> } = {},
): SearchIndex {
  const boostOf = { ...DEFAULT_BOOSTS, ...options.boosts };
  const fields = [...new Set(docs.flatMap((d) => Object.keys(d.fields)))];
  const index: SearchIndex = {
    fields,
    boosts: fields.map((f) => boostOf[f] ?? 1),
    ids: [],
    texts: [],
    lengths: [],
    terms: new Map(),
    folded: [],
  };
  for (const doc of docs) {
    const d = index.ids.length;
    index.ids.push(doc.id);
    index.texts.push(fields.map((f) => doc.fields[f] ?? ''));
    index.lengths.push([]);
    index.folded.push([]);
    fields.forEach((_, f) => {
      const folded = fold(index.texts[d]![f]!);
      index.folded[d]![f] = folded;
      index.lengths[d]![f] = folded.text.length;
      const tf = new Map<string, number>();
      for (const t of folded.text.length > 1 ? termsOf(folded.text) : []) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        const list = index.terms.get(t);
        if (list) list.push(d, f, n);
        else index.terms.set(t, [d, f, n]);
      }
    });
  }
  return index;
}

function foldedField(index: SearchIndex, d: number, f: number): Folded {
  const row = index.folded[d]!;
  row[f] ??= fold(index.texts[d]![f]!);
  return row[f]!;
}

/** The query cut at spaces, each part folded; empty parts dropped. */
function queryParts(query: string): string[] {
  return query
    .split(/[\s\u3000]+/)
    .map(foldText)
    .filter((p) => p.length > 0);
}

/** Postings of a term: from the index, or for a single character by scanning the texts. */
function postings(index: SearchIndex, t: string): number[] | undefined {
  if (t.length > 1) return index.terms.get(t);
  const list: number[] = [];
  index.ids.forEach((_, d) => {
    index.fields.forEach((_, f) => {
      if (!index.texts[d]![f]) return;
      const text = foldedField(index, d, f).text;
      let n = 0;
      for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) n++;
      if (n > 0) list.push(d, f, n);
    });
  });
  return list;
}

/** Original ranges of every occurrence of the query terms in one field, merged. */
function highlight(index: SearchIndex, d: number, f: number, terms: string[]): Array<[number, number]> {
  const folded = foldedField(index, d, f);
  const marks = new Uint8Array(folded.text.length);
  let any = false;
  for (const t of terms) {
    for (let at = folded.text.indexOf(t); at >= 0; at = folded.text.indexOf(t, at + 1)) {
      marks.fill(1, at, at + t.length);
      any = true;
    }
  }
  if (!any) return [];
  // A run ends where the original has dropped text (punctuation, a line break) in between.
  const { pos } = folded;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < marks.length; i++) {
    if (!marks[i]) continue;
    let j = i + 1;
    while (j < marks.length && marks[j] && pos[j] === pos[j - 1]! + 1) j++;
    out.push(originalRange(pos, i, j));
    i = j - 1;
  }
  return out;
}

export function searchIndex(index: SearchIndex, query: string, options: { limit?: number } = {}): SearchHit[] {
  const limit = options.limit ?? 20;
  const parts = queryParts(query);
  const terms = [...new Set(parts.flatMap(termsOf))];
  if (terms.length === 0) return [];
  const n = index.ids.length;
  // Average length over the documents that have the field: Q&A items are few beside clauses.
  const avg = index.fields.map((_, f) => {
    const lens = index.lengths.map((l) => l[f]!).filter((l) => l > 0);
    return lens.reduce((s, l) => s + l, 0) / Math.max(1, lens.length) || 1;
  });
  const scores = new Map<number, { score: number; matched: Set<number> }>();
  terms.forEach((t, ti) => {
    const list = postings(index, t);
    if (!list || list.length === 0) return;
    let df = 0;
    for (let i = 0; i < list.length; i += 3) if (i === 0 || list[i] !== list[i - 3]) df++;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let i = 0; i < list.length; i += 3) {
      const d = list[i]!;
      const f = list[i + 1]!;
      const tf = list[i + 2]!;
      const norm = tf + K1 * (1 - B + (B * index.lengths[d]![f]!) / avg[f]!);
      const entry = scores.get(d) ?? { score: 0, matched: new Set<number>() };
      entry.score += (index.boosts[f]! * idf * tf * (K1 + 1)) / norm;
      entry.matched.add(ti);
      scores.set(d, entry);
    }
  });
  const ranked: Array<{ d: number; score: number }> = [];
  for (const [d, { score, matched }] of scores) {
    const coverage = matched.size / terms.length;
    if (coverage < MIN_COVERAGE) continue;
    let bonus = 1;
    // The query written out in a field (as typed, not just its bigrams) counts extra.
    for (const p of parts) {
      if (p.length < 2) continue;
      const best = Math.max(
        ...index.fields.map((_, f) => (foldedField(index, d, f).text.includes(p) ? index.boosts[f]! : 0)),
      );
      if (best > 0) bonus += 0.5 + 0.1 * best;
    }
    ranked.push({ d, score: score * coverage * coverage * bonus });
  }
  ranked.sort((a, b) => b.score - a.score || a.d - b.d);
  return ranked.slice(0, limit).map(({ d, score }) => {
    const highlights: SearchHit['highlights'] = {};
    index.fields.forEach((name, f) => {
      const ranges = highlight(index, d, f, terms);
      if (ranges.length > 0) highlights[name] = ranges;
    });
    return { id: index.ids[d]!, score: Math.round(score * 1000) / 1000, highlights };
  });
}

/**
 * When a query finds nothing: the documents whose `fields` (default: question, title) share
 * the most characters with it (Dice over character sets), best first.
 */
export function suggest(
  index: SearchIndex,
  query: string,
  options: { limit?: number; fields?: string[] } = {},
): Array<{ id: string; field: string; text: string; score: number }> {
  const q = new Set(foldText(query));
  if (q.size === 0) return [];
  const wanted = (options.fields ?? ['question', 'title']).map((name) => index.fields.indexOf(name));
  const out: Array<{ id: string; field: string; text: string; score: number }> = [];
  index.ids.forEach((id, d) => {
    let best: (typeof out)[number] | undefined;
    for (const f of wanted) {
      if (f < 0 || !index.texts[d]![f]) continue;
      const chars = new Set(foldedField(index, d, f).text);
      let common = 0;
      for (const ch of q) if (chars.has(ch)) common++;
      const score = (2 * common) / (q.size + chars.size);
      if (score > 0 && (!best || score > best.score)) {
        best = { id, field: index.fields[f]!, text: index.texts[d]![f]!, score: Math.round(score * 1000) / 1000 };
      }
    }
    if (best) out.push(best);
  });
  return out.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 5);
}

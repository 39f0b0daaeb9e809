// The index as plain JSON, so `gongkai build` can ship a derived search index beside the
// bundle and the browser loads it instead of re-indexing.
import type { SearchIndex } from './engine.js';

export interface SerializedSearchIndex {
  format: 'gongkai-search';
  version: 1;
  fields: string[];
  boosts: number[];
  ids: string[];
  texts: string[][];
  lengths: number[][];
  /** term → postings as pairs [doc delta, tf × fields.length + field]. */
  terms: Record<string, number[]>;
}

// Postings shipped as small numbers: doc ids as deltas, field and tf in one number.
function pack(list: number[], fields: number): number[] {
  const out: number[] = [];
  for (let i = 0, last = 0; i < list.length; i += 3) {
    out.push(list[i]! - last, list[i + 2]! * fields + list[i + 1]!);
    last = list[i]!;
  }
  return out;
}

function unpack(packed: number[], fields: number): number[] {
  const out: number[] = [];
  for (let i = 0, doc = 0; i < packed.length; i += 2) {
    doc += packed[i]!;
    out.push(doc, packed[i + 1]! % fields, Math.floor(packed[i + 1]! / fields));
  }
  return out;
}

export function serializeSearchIndex(index: SearchIndex): SerializedSearchIndex {
  return {
    format: 'gongkai-search',
    version: 1,
    fields: index.fields,
    boosts: index.boosts,
    ids: index.ids,
    texts: index.texts,
    lengths: index.lengths,
    terms: Object.fromEntries([...index.terms].map(([t, list]) => [t, pack(list, index.fields.length)])),
  };
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isNumbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((s) => typeof s === 'number');

/** Load a serialised index (e.g. from JSON.parse); throws an Error saying what is wrong. */
export function loadSearchIndex(data: unknown): SearchIndex {
  const d = data as Partial<SerializedSearchIndex> | null;
  const fail = (what: string) => {
    throw new Error(`not a Gongkai search index: ${what}`);
  };
  if (!d || typeof d !== 'object' || d.format !== 'gongkai-search') return fail('format is not "gongkai-search"');
  if (d.version !== 1) return fail(`unsupported version ${String(d.version)} (supported: 1)`);
  if (!isStrings(d.fields) || !isNumbers(d.boosts) || !isStrings(d.ids)) return fail('fields, boosts or ids');
  const n = d.ids.length;
  if (!Array.isArray(d.texts) || d.texts.length !== n || !d.texts.every(isStrings)) return fail('texts');
  if (!Array.isArray(d.lengths) || d.lengths.length !== n || !d.lengths.every(isNumbers)) return fail('lengths');
  if (!d.terms || typeof d.terms !== 'object') return fail('terms');
  const terms = new Map<string, number[]>();
  for (const [t, list] of Object.entries(d.terms)) {
    if (!isNumbers(list) || list.length % 2 !== 0) return fail(`postings of "${t}"`);
    terms.set(t, unpack(list, d.fields.length));
  }
  return {
    fields: d.fields,
    boosts: d.boosts,
    ids: d.ids,
    texts: d.texts,
    lengths: d.lengths,
    terms,
    folded: d.ids.map(() => []),
  };
}

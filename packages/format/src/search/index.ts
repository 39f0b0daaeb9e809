import type { Clause, PartialBundle } from '../schema/bundle.js';
import { segment } from '../segment/index.js';
import { createSearchIndex, type SearchDoc, type SearchIndex } from './engine.js';

export {
  createSearchIndex,
  DEFAULT_BOOSTS,
  MIN_COVERAGE,
  type SearchDoc,
  type SearchHit,
  type SearchIndex,
  searchIndex,
  suggest,
} from './engine.js';
export { type Folded, fold, foldText } from './fold.js';
export { loadSearchIndex, type SerializedSearchIndex, serializeSearchIndex } from './serialize.js';
export { toSimplified } from './t2s.js';

/**
 * An index over a bundle's clauses (`clause:<id>`: title, text) and Q&A (`qa:<id>`:
 * question, answer, category). Clauses come from the argument, the bundle, or its body.
 */
export function buildBundleIndex(
  bundle: Pick<PartialBundle, 'body' | 'clauses' | 'qa'>,
  clauses?: readonly Clause[],
): SearchIndex {
  const list = clauses ?? bundle.clauses ?? (bundle.body ? segment(bundle.body) : []);
  // A title that is just the clause's first sentence would count every hit in it twice.
  const docs: SearchDoc[] = list.map((c) => ({
    id: `clause:${c.id}`,
    fields: { title: c.text.includes(c.title) ? '' : c.title, text: c.text },
  }));
  for (const q of bundle.qa ?? []) {
    docs.push({ id: `qa:${q.id}`, fields: { question: q.question, answer: q.answer, category: q.category } });
  }
  return createSearchIndex(docs);
}

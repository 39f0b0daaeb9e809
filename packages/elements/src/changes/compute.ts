// The comparison computed in the browser, for an enhanced article whose interpretation file
// names the previous version's bundle (a bundle built with --previous carries its own): a chunk
// of its own, with the matching and character diff of @gongkai/format.
import { type Clause, type Comparison, clausesOf, compareTexts } from '@gongkai/format';
import { BundleError, loadBundle, type Msg } from '../internal/load-bundle.js';

/** Fetches and validates the previous version, then compares its clauses with `clauses`. */
export async function compareWithPrevious(
  url: string,
  clauses: readonly Clause[],
  msg: Msg,
  signal?: AbortSignal,
): Promise<Comparison> {
  const { value } = await loadBundle(url, msg, signal);
  const previous = clausesOf(value);
  if (previous.length === 0 || clauses.length === 0) throw new BundleError(msg('loadFailed'), url);
  return compareTexts(previous, clauses);
}

// The common case without the anchoring engine: a built bundle's notes name their clause, and
// the quote is there word for word. Anything else (a revised text, a quote that moved, no
// clause id) is left to anchor(), which is a separate, larger part of the reading page.
import type { Clause, Interpretation } from '../schema/bundle.js';
import type { AnchorResult, NoteAnchor } from './types.js';

/**
 * Places every note on the clause it names when that clause exists and holds its quote as
 * written (and no clause nested in it does, where anchor() would pick the innermost). Returns
 * null as soon as one note needs more than that: then call anchor() for all of them.
 */
export function anchorOnNamedClauses(
  notes: readonly Interpretation[],
  clauses: readonly Clause[],
): AnchorResult | null {
  const byId = new Map<string, Clause>();
  const children = new Map<string, Clause[]>();
  for (const c of clauses) {
    if (!byId.has(c.id)) byId.set(c.id, c);
    if (c.parent !== null) children.set(c.parent, [...(children.get(c.parent) ?? []), c]);
  }
  const holds = (c: Clause, quote: string) => c.text.includes(quote) || c.title.includes(quote);
  const nestedHolds = (c: Clause, quote: string): boolean =>
    (children.get(c.id) ?? []).some((child) => holds(child, quote) || nestedHolds(child, quote));
  const placed: NoteAnchor[] = [];
  for (const [index, note] of notes.entries()) {
    const named = note.target.clause === undefined ? undefined : byId.get(note.target.clause);
    const quote = note.target.quote?.exact;
    if (!named || (quote !== undefined && (!holds(named, quote) || nestedHolds(named, quote)))) return null;
    placed.push({ index, ...(note.id === undefined ? {} : { id: note.id }), clause: named.id, score: 1, method: 'id' });
  }
  return { notes: placed, qa: [], graphics: [], orphans: [] };
}

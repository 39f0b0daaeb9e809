// The comparison engine (diff-match-patch and the clause pairing) is loaded only when a new
// version of the text is read over notes whose clauses changed: a chunk of its own, not part of
// the staff console's first download.
import { once } from '../internal/once.js';

export const loadCarryOver = once((): Promise<typeof import('./carry-over.js')> => import('./carry-over.js'));

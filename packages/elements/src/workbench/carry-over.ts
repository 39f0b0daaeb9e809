// Placing the notes holdNotes() set aside when a new version of the text was read: each by its
// clause's text (reanchorNotes: the comparison pairs the clauses, the anchoring engine finds the
// passage). A sure place is taken; any other note keeps waiting, `pending`, with its best
// candidate, for the drafter to confirm or re-place. A chunk of its own (see carry-loader.ts).
import { type Clause, carryNotes, type Interpretation, reanchorNotes } from '@gongkai/format';
import type { Unsettled } from './model.js';

export function carryOver(
  unsettled: readonly Unsettled[],
  before: readonly Clause[],
  after: readonly Clause[],
): { placed: number; pending: number } {
  const notes: Interpretation[] = unsettled.map((u) => ({ target: { clause: u.clause }, body: u.note.body || '…' }));
  const placements = reanchorNotes(notes, before, after);
  const carried = carryNotes(notes, placements);
  let placed = 0;
  placements.forEach((p, i) => {
    const note = unsettled[i]!.note;
    // The drafter chose a clause meanwhile: that is the note's place.
    if (note.clause) return;
    if (p.status === 'placed') {
      note.clause = p.clause;
      delete note.pending;
      placed++;
    } else note.pending = carried[i]!.target.pending!;
  });
  return { placed, pending: unsettled.length - placed };
}

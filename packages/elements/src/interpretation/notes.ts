// Interpretation notes grouped by the clause they explain, newest first: a later note on the
// same clause is an update (分段、多次、持续解读), and the earlier ones stay reachable.
import { type AnchorResult, type Interpretation, isOrphan, type Orphan } from '@gongkai/format';

export interface Note {
  index: number;
  note: Interpretation;
  /** The rendered, sanitised body. */
  body: HTMLElement;
}

export interface NoteGroup {
  clause: string;
  /** Newest first. */
  notes: Note[];
  /** Position among the clauses that have notes, in document order (注1, 注2…). */
  number: number;
}

export interface OrphanNote extends Note {
  orphan: Orphan;
}

export function groupNotes(
  anchoring: AnchorResult,
  notes: readonly Interpretation[],
  bodies: readonly HTMLElement[],
  clauseOrder: readonly string[],
): { groups: NoteGroup[]; orphans: OrphanNote[] } {
  const byClause = new Map<string, Note[]>();
  const orphans: OrphanNote[] = [];
  for (const anchored of anchoring.notes) {
    const note = notes[anchored.index];
    const body = bodies[anchored.index];
    if (!note || !body) continue;
    if (isOrphan(anchored)) {
      orphans.push({ index: anchored.index, note, body, orphan: anchored.orphan });
      continue;
    }
    const list = byClause.get(anchored.clause) ?? [];
    list.push({ index: anchored.index, note, body });
    byClause.set(anchored.clause, list);
  }
  const position = new Map(clauseOrder.map((id, i) => [id, i]));
  const groups = [...byClause.entries()]
    .sort(([a], [b]) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
    .map(([clause, list], i) => ({
      clause,
      number: i + 1,
      // Undated notes count as oldest; among equals, the later in the file is the update.
      notes: list.sort((x, y) => (y.note.date ?? '').localeCompare(x.note.date ?? '') || y.index - x.index),
    }));
  return { groups, orphans };
}

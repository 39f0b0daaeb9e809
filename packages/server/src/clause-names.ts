// A comment's clause as staff see it: labelled in the version of the text it was made on (the one
// the commenter read), and, when the consultation has moved to a later version since (a revision
// published while it was open), where that clause is now: carried by the clause-by-clause
// comparison (paired by text, never by number), or nowhere if the revision removed it.
import { comparisonBetween } from './changes.js';
import { getConsultationRow } from './consultations.js';
import type { Queryable } from './db/database.js';
import { draftClauses } from './draft-clauses.js';

export interface ClauseNames {
  label(version: number | null, clause: string | null): string | null;
  /**
   * Null when the comment is on the current version, on the whole text, or its clause stands as
   * it did; `clause: null` when the revision removed it.
   */
  now(version: number | null, clause: string | null): { clause: string | null; label: string | null } | null;
}

/** Names for the clauses of comments made on `versions` of a consultation's policy. */
export async function clauseNames(
  db: Queryable,
  consultationId: string,
  versions: Iterable<number | null>,
): Promise<ClauseNames> {
  const c = await getConsultationRow(db, consultationId);
  const current = c.policy_version;
  const wanted = new Set<number | null>([...versions, current]);
  const texts = new Map<number | null, Awaited<ReturnType<typeof draftClauses>>>();
  for (const v of wanted) texts.set(v, await draftClauses(db, c.policy_id, v));
  const moved = new Map<number, Map<string, string | null>>();
  for (const v of wanted) {
    if (v === null || current === null || v === current || !c.policy_id) continue;
    const comparison = await comparisonBetween(db, c.policy_id, v, current);
    moved.set(v, new Map(comparison.changes.flatMap((x) => (x.from ? [[x.from.id, x.to?.id ?? null]] : []))));
  }
  const labelOf = (v: number | null, clause: string) =>
    (texts.get(v) ?? texts.get(current))?.labels.get(clause) ?? null;
  return {
    label: (v, clause) => (clause ? labelOf(v, clause) : null),
    now(v, clause) {
      if (!clause || v === null) return null;
      const map = moved.get(v);
      if (!map) return null;
      // The comparison pairs articles (with their items) or a notice's clauses: its unit holds the clause.
      for (let id: string | null = clause, guard = 0; id && guard < 64; guard++) {
        if (map.has(id)) {
          const to = map.get(id)!;
          if (to === null) return { clause: null, label: null };
          // Where it stands now: the clause (or the article holding it) as the current text numbers it.
          if (to === clause && labelOf(current, to) === labelOf(v, clause)) return null;
          return { clause: to, label: labelOf(current, to) };
        }
        id = texts.get(v)?.parents.get(id) ?? null;
      }
      return null;
    },
  };
}

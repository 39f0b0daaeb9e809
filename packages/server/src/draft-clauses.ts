// The clauses of a stored text, read in SQL. No Node built-ins: the console's browser stand-ins
// import the modules that use it.
import { printedClauseLabel } from '@gongkai/format';
import type { Queryable } from './db/database.js';

/**
 * The clauses of a policy's text (`version`, else the latest): their order, their parents, and
 * each as printed (一、（三）工作目标).
 */
export async function draftClauses(db: Queryable, policyId: string | null, version?: number | null) {
  const order = new Map<string, number>();
  const labels = new Map<string, string>();
  const parents = new Map<string, string | null>();
  if (!policyId) return { order, labels, parents };
  // The version consulted on when known: a later one (the final text) may number clauses otherwise.
  const { rows } = await db.query<{ id: string; number: string; parent: string | null; title: string | null }>(
    version
      ? `SELECT e->>'id' AS id, coalesce(e->>'number', '') AS number, e->>'parent' AS parent, e->>'title' AS title
         FROM policy_versions v, jsonb_array_elements(coalesce(v.bundle->'clauses', '[]')) WITH ORDINALITY AS x(e, i)
         WHERE v.policy_id = $1 AND v.version = $2 ORDER BY i`
      : `SELECT e->>'id' AS id, coalesce(e->>'number', '') AS number, e->>'parent' AS parent, e->>'title' AS title
         FROM policies, jsonb_array_elements(coalesce(bundle->'clauses', '[]')) WITH ORDINALITY AS x(e, i)
         WHERE policies.id = $1 ORDER BY i`,
    version ? [policyId, version] : [policyId],
  );
  const byId = new Map(rows.map((r) => [r.id, { ...r, title: r.title ?? '' }]));
  for (const [i, r] of rows.entries()) {
    order.set(r.id, i);
    parents.set(r.id, r.parent);
    const label = printedClauseLabel(byId, r.id);
    if (label) labels.set(r.id, label);
  }
  return { order, labels, parents };
}

// 因意见修改 (issue 19): staff link an adopted comment, or a campaign's adopted copies, to the
// changes in a later version of the policy it led to; the console proposes candidates; publication
// makes the links public (each published comment's changes, each receipt's, and the 修改说明).
import {
  type Bundle,
  type Change,
  type ChangeExplanation,
  type ChangeSuggestion,
  type CommentChanges,
  type Comparison,
  changeKey,
  compareTexts,
  type TracedChanges,
} from '@gongkai/format';
import type { Database, Queryable } from './db/database.js';
import { draftClauses } from './draft-clauses.js';
import { audit } from './lib/audit.js';
import { HttpError, notFound } from './lib/errors.js';

const ADOPTED = ['adopted', 'partly-adopted'];

// The links publication makes public, per comment ($1 consultation, $2 version, $3 ADOPTED): a
// comment whose decision changed since it was linked is no longer adopted, and its links stay internal.
const LINKED = `SELECT l.comment_id, array_agg(l.change_key ORDER BY l.change_key) AS keys
  FROM comment_changes l JOIN comments m ON m.id = l.comment_id
  WHERE l.consultation_id = $1 AND l.version = $2 AND m.moderation = 'approved' AND m.decision = ANY($3::text[])
  GROUP BY l.comment_id`;

// Versions never change once stored, so neither does the comparison of two of them: computed once
// per process (the 109 k-character regulation pair takes ~30 ms), a few kept.
const KEPT = 16;
const comparisons = new Map<string, Comparison>();

async function versionRow(db: Queryable, policyId: string, version: number) {
  const { rows } = await db.query<{ bundle: Bundle; label: string | null }>(
    'SELECT bundle, label FROM policy_versions WHERE policy_id = $1 AND version = $2',
    [policyId, version],
  );
  if (!rows[0]) throw notFound(`version ${version} of policy ${policyId}`);
  return rows[0];
}

/** The comparison of two stored versions of a policy (`from` earlier). */
export async function comparisonBetween(db: Queryable, policyId: string, from: number, to: number) {
  // Keyed by when each version was stored too: tests run several databases in one process.
  const { rows } = await db.query<{ version: number; at: string }>(
    `SELECT version, created_at::text AS at FROM policy_versions WHERE policy_id = $1 AND version IN ($2, $3)`,
    [policyId, from, to],
  );
  const at = (v: number) => rows.find((r) => r.version === v)?.at;
  if (!at(from)) throw notFound(`version ${from} of policy ${policyId}`);
  if (!at(to)) throw notFound(`version ${to} of policy ${policyId}`);
  const key = [policyId, from, at(from), to, at(to)].join('\u0000');
  const known = comparisons.get(key);
  if (known) return known;
  const [a, b] = [await versionRow(db, policyId, from), await versionRow(db, policyId, to)];
  const made = compareTexts(a.bundle, b.bundle);
  comparisons.set(key, made);
  if (comparisons.size > KEPT) comparisons.delete(comparisons.keys().next().value!);
  return made;
}

/** The latest version of a policy after `after`, with its label; null when there is none. */
async function laterVersion(db: Queryable, policyId: string, after: number) {
  const { rows } = await db.query<{ version: number; label: string | null }>(
    `SELECT version, label FROM policy_versions WHERE policy_id = $1 AND version > $2
     ORDER BY version DESC LIMIT 1`,
    [policyId, after],
  );
  return rows[0] ?? null;
}

const changed = (c: Change) => c.kind !== 'unchanged';

/** Every pair of characters in `text` (Chinese has no word boundaries), whitespace and punctuation left out. */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\p{S}]+/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * Candidates for a comment, best first: the change to the clause it was made on (or the article
 * holding it), then changes whose inserted or deleted text shares most with what it says.
 */
export function suggestChanges(
  comparison: Comparison,
  comment: { clause: string | null; body: string },
  parents: ReadonlyMap<string, string | null>,
): ChangeSuggestion[] {
  const onClause = new Set<string>();
  for (let id = comment.clause; id; id = parents.get(id) ?? null) onClause.add(id);
  const said = bigrams(comment.body);
  const out: ChangeSuggestion[] = [];
  for (const change of comparison.changes.filter(changed)) {
    const key = changeKey(change);
    if (change.from && onClause.has(change.from.id)) {
      out.push({ key, change, score: 1, why: 'clause' });
      continue;
    }
    const edited = bigrams((change.ops ?? []).flatMap(([op, text]) => (op === 0 ? [] : [text])).join('\n'));
    let shared = 0;
    for (const b of edited) if (said.has(b)) shared++;
    const score = edited.size ? shared / edited.size : 0;
    if (shared >= 2 && score >= 0.3) out.push({ key, change, score: Math.round(score * 100) / 100, why: 'text' });
  }
  return out.sort((x, y) => y.score - x.score).slice(0, 8);
}

interface CommentRow {
  id: string;
  clause: string | null;
  body: string;
  decision: string | null;
  policy_version: number | null;
  group_id: string | null;
  policy_id: string | null;
}

async function commentRow(db: Queryable, consultationId: string, commentId: number): Promise<CommentRow> {
  const { rows } = await db.query<CommentRow>(
    `SELECT m.id, m.clause, m.body, m.decision, m.policy_version, m.group_id, c.policy_id
     FROM comments m JOIN consultations c ON c.id = m.consultation_id WHERE m.id = $1 AND m.consultation_id = $2`,
    [commentId, consultationId],
  );
  if (!rows[0]) throw notFound(`comment ${commentId} in consultation ${consultationId}`);
  return rows[0];
}

/** What a comment may be linked to: the latest later version's changes, what is linked, suggestions. */
export async function commentChanges(
  db: Queryable,
  consultationId: string,
  commentId: number,
): Promise<CommentChanges> {
  const m = await commentRow(db, consultationId, commentId);
  if (!m.policy_id || m.policy_version === null) return { changes: null };
  const later = await laterVersion(db, m.policy_id, m.policy_version);
  if (!later) return { changes: null };
  const comparison = await comparisonBetween(db, m.policy_id, m.policy_version, later.version);
  const { rows } = await db.query<{ change_key: string }>(
    'SELECT change_key FROM comment_changes WHERE comment_id = $1 AND version = $2 ORDER BY change_key',
    [commentId, later.version],
  );
  const { parents } = await draftClauses(db, m.policy_id, m.policy_version);
  return {
    changes: {
      version: later.version,
      label: later.label,
      from: m.policy_version,
      items: comparison.changes.filter(changed),
      linked: rows.map((r) => r.change_key),
      suggestions: suggestChanges(comparison, m, parents),
    },
  };
}

export interface LinkInput {
  /** The later version the changes are in. */
  version: number;
  /** Change keys (format's changeKey); empty to unlink. */
  changes: string[];
}

/**
 * Links a comment (or every adopted comment of its near-duplicate group) to changes of a later
 * version, replacing what was linked there. Only adopted or partly adopted comments lead to a
 * change; a key the comparison does not have, or names an unchanged clause, is refused by name.
 */
export async function linkChanges(
  db: Database,
  consultationId: string,
  commentId: number,
  input: LinkInput,
  actor: string,
  wholeGroup = false,
) {
  const m = await commentRow(db, consultationId, commentId);
  if (!m.policy_id || m.policy_version === null)
    throw new HttpError(409, 'no-policy', 'this consultation has no policy text to trace changes in', {
      zh: '该征求意见没有关联文件文本，无法关联修改之处',
    });
  if (input.version <= m.policy_version)
    throw new HttpError(
      400,
      'invalid',
      `version ${input.version} is not later than ${m.policy_version}, the one commented on`,
      {
        zh: `第 ${input.version} 版不晚于意见所针对的第 ${m.policy_version} 版`,
        problems: [{ path: '$.version', message: `must be after version ${m.policy_version}` }],
      },
    );
  const comparison = await comparisonBetween(db, m.policy_id, m.policy_version, input.version);
  const known = new Set(comparison.changes.filter(changed).map(changeKey));
  const keys = [...new Set(input.changes)].sort();
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length) {
    const message = `version ${input.version} has no change ${unknown.join(', ')} against version ${m.policy_version}`;
    throw new HttpError(400, 'invalid', message, {
      zh: `第 ${input.version} 版与第 ${m.policy_version} 版相比没有这些修改之处：${unknown.join('、')}`,
      problems: [{ path: '$.changes', message }],
    });
  }
  if (keys.length && !ADOPTED.includes(m.decision ?? '')) {
    throw new HttpError(409, 'not-adopted', 'only an adopted or partly adopted comment can have led to a change', {
      zh: '只有采纳或部分采纳的意见才能关联修改之处',
    });
  }
  if (wholeGroup && m.group_id === null)
    throw new HttpError(409, 'not-grouped', `comment ${commentId} is in no group`, { zh: '该意见不属于任何分组' });
  return db.transaction(async (tx) => {
    // Publication takes the row FOR UPDATE: links wait for it, and it never sees half of them.
    await tx.query('SELECT id FROM consultations WHERE id = $1 FOR SHARE', [consultationId]);
    // The members as SQL: a campaign's copies go from the SELECT to the INSERT inside the database.
    const members = wholeGroup
      ? `SELECT id FROM comments WHERE consultation_id = $1 AND group_id = $2 AND policy_version = $3
           AND decision = ANY($4::text[])`
      : 'SELECT id FROM comments WHERE consultation_id = $1 AND id = $2';
    const who = wholeGroup ? [consultationId, m.group_id, m.policy_version, ADOPTED] : [consultationId, commentId];
    const n = who.length;
    await tx.query(`DELETE FROM comment_changes WHERE version = $${n + 1} AND comment_id IN (${members})`, [
      ...who,
      input.version,
    ]);
    if (keys.length) {
      await tx.query(
        `INSERT INTO comment_changes (comment_id, consultation_id, policy_id, version, change_key, linked_by)
         SELECT members.id, $1, $${n + 1}, $${n + 2}, k, $${n + 4} FROM (${members}) members, unnest($${n + 3}::text[]) AS k`,
        [...who, m.policy_id, input.version, keys, actor],
      );
    }
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${members}) members`, who);
    const comments = rows[0]!.n;
    await audit(tx, {
      actor,
      action: 'comment.link-changes',
      consultationId,
      commentId,
      after: { version: input.version, changes: keys, group: wholeGroup ? Number(m.group_id) : null, comments },
    });
    return { version: input.version, changes: keys, comments };
  });
}

/** The policy version a consultation is about, and the latest after it (null when none). */
async function consultedVersions(db: Queryable, consultationId: string, policyId: string | null) {
  if (!policyId) return null;
  const { rows: on } = await db.query<{ v: number | null }>(
    'SELECT policy_version AS v FROM consultations WHERE id = $1',
    [consultationId],
  );
  const from = on[0]?.v;
  if (from === null || from === undefined) return null;
  const later = await laterVersion(db, policyId, from);
  return later && { from, later };
}

/**
 * The 修改说明 from linked comments counted in the database. `source` is SQL of the linked
 * comments' rows (key, group: a campaign's id or null, reason) with $1 and $2 bound to `params`.
 */
async function explain(
  db: Queryable,
  policyId: string,
  { from, later }: { from: number; later: { version: number; label: string | null } },
  source: string,
  params: unknown[],
): Promise<ChangeExplanation> {
  const comparison = await comparisonBetween(db, policyId, from, later.version);
  const { rows: counted } = await db.query<{ key: string; comments: number; campaigns: number }>(
    `SELECT key, count(*)::int AS comments, count(DISTINCT campaign)::int AS campaigns FROM (${source}) s GROUP BY key`,
    params,
  );
  const { rows: reasons } = await db.query<{ key: string; reason: string; count: number }>(
    `SELECT key, reason, n AS count FROM (
       SELECT key, reason, count(*)::int AS n, row_number() OVER (PARTITION BY key ORDER BY count(*) DESC, reason) AS rank
       FROM (${source}) s WHERE reason IS NOT NULL GROUP BY key, reason
     ) r WHERE rank <= 10 ORDER BY key, n DESC, reason`,
    params,
  );
  const byKey = new Map(counted.map((c) => [c.key, c]));
  const items = comparison.changes.filter(changed).flatMap((change) => {
    const key = changeKey(change);
    const c = byKey.get(key);
    if (!c) return [];
    const why = reasons.filter((r) => r.key === key).map(({ reason, count }) => ({ reason, count }));
    return [{ key, change, comments: c.comments, campaigns: c.campaigns, reasons: why }];
  });
  return { version: later.version, label: later.label, from, summary: comparison.summary, items };
}

/**
 * At publication, in its transaction: each published comment's changes (rows of version
 * `feedbackVersion`) and the 修改说明, from the links of adopted comments to the policy's latest
 * version after the one the consultation's comments were made on. Null when there is none.
 */
export async function publishChanges(
  tx: Queryable,
  consultationId: string,
  feedbackVersion: number,
  policyId: string | null,
): Promise<ChangeExplanation | null> {
  const versions = await consultedVersions(tx, consultationId, policyId);
  if (!versions) return null;
  await tx.query(
    `UPDATE feedback_comments f SET changes = x.keys FROM (${LINKED}) x
     WHERE f.consultation_id = $1 AND f.version = $4 AND f.comment_id = x.comment_id`,
    [consultationId, versions.later.version, ADOPTED, feedbackVersion],
  );
  // Counted over what was published: the masked rows, a campaign being a group of two or more of them.
  const published = `SELECT k AS key, group_no AS campaign, reason FROM feedback_comments, unnest(changes) AS k
    WHERE consultation_id = $1 AND version = $2`;
  return explain(tx, policyId!, versions, published, [consultationId, feedbackVersion]);
}

/** The 修改说明 as it stands (the printed report): links of the comments a publication now would list. */
export async function currentChanges(
  db: Queryable,
  consultationId: string,
  policyId: string | null,
): Promise<ChangeExplanation | null> {
  const versions = await consultedVersions(db, consultationId, policyId);
  if (!versions) return null;
  const listed = `SELECT l.change_key AS key, CASE WHEN g.size > 1 THEN m.group_id END AS campaign, m.reason
    FROM comment_changes l JOIN comments m ON m.id = l.comment_id
    LEFT JOIN comment_groups g ON g.group_id = m.group_id
    WHERE l.consultation_id = $1 AND l.version = $2 AND m.moderation <> 'rejected' AND m.decision = ANY($3::text[])`;
  return explain(db, policyId!, versions, listed, [consultationId, versions.later.version, ADOPTED]);
}

/** At publication, after the receipts' outcomes are written: what each receipt shows of its changes. */
export async function publishReceiptChanges(tx: Queryable, consultationId: string, explanation: ChangeExplanation) {
  await tx.query(
    `UPDATE comment_outcomes o SET change_version = $2, changes = x.keys
     FROM (${LINKED}) x WHERE o.comment_id = x.comment_id`,
    [consultationId, explanation.version, ADOPTED],
  );
}

/** The changes a receipt shows, from what publication recorded for it. */
export async function receiptChanges(
  db: Queryable,
  policyId: string | null,
  commentedOn: number | null,
  version: number | null,
  keys: string[] | null,
): Promise<TracedChanges | null> {
  if (!policyId || commentedOn === null || version === null || !keys?.length) return null;
  const comparison = await comparisonBetween(db, policyId, commentedOn, version);
  const wanted = new Set(keys);
  const { label } = await versionRow(db, policyId, version);
  return { version, label, from: commentedOn, items: comparison.changes.filter((c) => wanted.has(changeKey(c))) };
}

// Policy texts are versioned, never overwritten: each store is a new version, and a policy that a
// consultation refers to cannot be changed in place at all (citizens commented on that text); a
// revision of it is an explicit new version with a note, and every comment names the version it
// was made on. Every version is in the audit log with what changed.
import { createHash } from 'node:crypto';
import { type Bundle, type Problem, validate } from '@gongkai/format';
import type { Database, Queryable } from './db/database.js';
import { audit } from './lib/audit.js';
import { HttpError } from './lib/errors.js';
import { policyVersioned } from './notify/outbox.js';

export class InvalidPolicyError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid policy bundle:\n${problems.map((p) => `  ${p.path}: ${p.message.en}`).join('\n')}`);
  }
}

export interface PolicyWrite {
  actor: string;
  /**
   * `store` (PUT): a new policy, or a new version of one no consultation refers to.
   * `revise`: a new version even of a policy under consultation (needs `note`).
   * `missing`: only if there is no policy with this id (seeding); an existing one is left as it is.
   */
  mode?: 'store' | 'revise' | 'missing';
  /** Why this version, published with it. */
  note?: string;
  /** What the version is called (第二次征求意见稿, 送审稿, 正式稿). */
  label?: string;
}

export interface Stored {
  bundle: Bundle;
  version: number;
  /** False when nothing was written (the same text, or `missing` and it exists). */
  changed: boolean;
}

/** Validates with @gongkai/format and stores a version (see PolicyWrite); throws with every problem listed. */
export async function putPolicy(
  db: Database | Queryable,
  input: unknown,
  w: PolicyWrite = { actor: 'system' },
): Promise<Stored> {
  // The version is read and written under the row's lock: one transaction.
  if ('transaction' in db) return db.transaction((tx) => putPolicy(tx, input, w));
  const result = validate(input);
  if (!result.ok) throw new InvalidPolicyError(result.problems);
  const bundle = result.value;
  const { rows } = await db.query<{ version: number; bundle: Bundle; same: boolean }>(
    'SELECT version, bundle, bundle = $2::jsonb AS same FROM policies WHERE id = $1 FOR UPDATE',
    [bundle.id, JSON.stringify(bundle)],
  );
  const current = rows[0];
  if (current && (w.mode === 'missing' || current.same)) return { bundle, version: current.version, changed: false };
  if (current && w.mode !== 'revise') {
    const { rows: uses } = await db.query<{ id: string }>(
      'SELECT id FROM consultations WHERE policy_id = $1 ORDER BY id',
      [bundle.id],
    );
    if (uses.length)
      throw inConsultation(
        bundle.id,
        current.version,
        uses.map((u) => u.id),
      );
  }
  const version = (current?.version ?? 0) + 1;
  const json = JSON.stringify(bundle);
  await db.query(
    `INSERT INTO policies (id, bundle, version) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET bundle = EXCLUDED.bundle, version = EXCLUDED.version, updated_at = now()`,
    [bundle.id, json, version],
  );
  await db.query(
    'INSERT INTO policy_versions (policy_id, version, bundle, note, created_by, label) VALUES ($1, $2, $3, $4, $5, $6)',
    [bundle.id, version, json, w.note ?? null, w.actor, w.label?.trim() || null],
  );
  await audit(db, {
    actor: w.actor,
    action: current ? 'policy.revise' : 'policy.create',
    policyId: bundle.id,
    before: current ? { version: current.version } : undefined,
    after: {
      version,
      note: w.note ?? null,
      label: w.label?.trim() || null,
      // The stored text's digest: the chained audit log vouches for each version's text.
      sha256: createHash('sha256').update(json).digest('hex'),
      changes: current ? changesBetween(current.bundle, bundle) : null,
    },
  });
  // Open consultations on it move to the new text (comments from now on are made on it); closed
  // ones keep the version they were about (the final text does not renumber their comments).
  if (current) {
    await db.query('UPDATE consultations SET policy_version = $2 WHERE policy_id = $1 AND closes > now()', [
      bundle.id,
      version,
    ]);
  }
  // A new version of a policy: those who follow it hear of it (the first store is no news).
  if (current) await policyVersioned(db, bundle.id, version, bundle.meta.title, w.note ?? null);
  return { bundle, version, changed: true };
}

function inConsultation(id: string, version: number, consultations: string[]): HttpError {
  return new HttpError(
    409,
    'policy-in-consultation',
    `policy ${id} is the text of consultation ${consultations.join(', ')}: it cannot be changed in place. ` +
      `Publish a revision as a new version with POST /api/v1/policies/${id}/versions { "bundle": …, "note": "what changed and why" }; ` +
      `version ${version}, on which comments were made, stays as it is.`,
    {
      zh: `该文件正在征求意见（${consultations.join('、')}），不能直接修改。请以新版本发布修订稿（POST /api/v1/policies/${id}/versions，并说明修改内容和理由），已收到意见所针对的第 ${version} 版保持不变。`,
      consultations,
      version,
    },
  );
}

/** JSON with keys sorted: a bundle read back from jsonb has its keys in another order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'undefined';

/** What a new version changed: clauses added, removed or reworded (by id), metadata fields changed. */
export function changesBetween(before: Bundle, after: Bundle) {
  const text = (b: Bundle) => new Map((b.clauses ?? []).map((c) => [c.id, canonical(c)]));
  const [a, b] = [text(before), text(after)];
  const metaA = before.meta as Record<string, unknown>;
  const metaB = after.meta as Record<string, unknown>;
  return {
    clausesAdded: [...b.keys()].filter((id) => !a.has(id)),
    clausesRemoved: [...a.keys()].filter((id) => !b.has(id)),
    clausesChanged: [...b.keys()].filter((id) => a.has(id) && a.get(id) !== b.get(id)),
    meta: [...new Set([...Object.keys(metaA), ...Object.keys(metaB)])].filter(
      (k) => canonical(metaA[k]) !== canonical(metaB[k]),
    ),
    parts: (['body', 'interpretations', 'qa', 'graphics', 'consultation'] as const).filter(
      (k) => canonical(before[k]) !== canonical(after[k]),
    ),
  };
}

/** A policy's text: the latest version, or the one asked for. */
export async function getPolicy(db: Queryable, id: string, version?: number) {
  const { rows } = version
    ? await db.query<{ bundle: unknown; version: number; created_at: Date }>(
        'SELECT bundle, version, created_at FROM policy_versions WHERE policy_id = $1 AND version = $2',
        [id, version],
      )
    : await db.query<{ bundle: unknown; version: number; created_at: Date }>(
        'SELECT bundle, version, updated_at AS created_at FROM policies WHERE id = $1',
        [id],
      );
  if (!rows[0])
    throw new HttpError(
      404,
      'not-found',
      version ? `no version ${version} of policy ${id}` : `no policy with id ${id}`,
    );
  return rows[0];
}

export async function policyVersions(db: Queryable, id: string) {
  const { rows } = await db.query<{ version: number; label: string | null; note: string | null; created_at: Date }>(
    'SELECT version, label, note, created_at FROM policy_versions WHERE policy_id = $1 ORDER BY version',
    [id],
  );
  if (!rows.length) throw new HttpError(404, 'not-found', `no policy with id ${id}`);
  return {
    versions: rows.map((r) => ({
      version: r.version,
      label: r.label,
      note: r.note,
      created: new Date(r.created_at).toISOString(),
    })),
  };
}

/** Stores a policy through the HTTP API: validation problems become a 400 that lists them. */
export async function storePolicyOver(db: Database | Queryable, input: unknown, w: PolicyWrite, path = '$') {
  try {
    return await putPolicy(db, input, w);
  } catch (error) {
    if (!(error instanceof InvalidPolicyError)) throw error;
    throw new HttpError(400, 'invalid-policy', 'the policy bundle is not valid', {
      problems: error.problems.map((p) => ({ path: `${path}${p.path.slice(1)}`, message: p.message.en })),
    });
  }
}

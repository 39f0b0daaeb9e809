import { type Bundle, type Problem, validate } from '@gongkai/format';
import type { Queryable } from './db/database.js';

export class InvalidPolicyError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid policy bundle:\n${problems.map((p) => `  ${p.path}: ${p.message.en}`).join('\n')}`);
  }
}

/** Stores a bundle after validating it with @gongkai/format; throws with every problem listed. */
export async function putPolicy(db: Queryable, input: unknown): Promise<Bundle> {
  const result = validate(input);
  if (!result.ok) throw new InvalidPolicyError(result.problems);
  await db.query(
    `INSERT INTO policies (id, bundle) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET bundle = EXCLUDED.bundle, updated_at = now()`,
    [result.value.id, JSON.stringify(result.value)],
  );
  return result.value;
}

import { type Bundle, validate } from '@gongkai/format';
import type { Database } from './db/database.js';

/** Stores a bundle after validating it with @gongkai/format; throws with every problem listed. */
export async function putPolicy(db: Database, input: unknown): Promise<Bundle> {
  const result = validate(input);
  if (!result.ok) {
    throw new Error(`invalid policy bundle:\n${result.problems.map((p) => `  ${p.path}: ${p.message.en}`).join('\n')}`);
  }
  await db.query(
    `INSERT INTO policies (id, bundle) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET bundle = EXCLUDED.bundle, updated_at = now()`,
    [result.value.id, JSON.stringify(result.value)],
  );
  return result.value;
}

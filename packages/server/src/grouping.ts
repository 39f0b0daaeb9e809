// Near-duplicate grouping as a job (jobs/runner.ts), never on a request: comments arrive with
// `grouped` false; the job of their consultation groups them in a worker thread and stores each
// comment's group, and the staff API reads the stored groups with the time they were computed.
import { Worker } from 'node:worker_threads';
import type { Queryable } from './db/database.js';
import type { JobKind } from './jobs/runner.js';

// A consultation is grouped again no sooner than this many times the last run's duration after
// it (and `minGapMs`, 5 s by default, at least): while comments pour in, grouping takes at most
// about a fifth of a core and the rest goes to taking them in. A first grouping starts at once.
const YIELD_FACTOR = 4;

export const groupingJob = ({ minGapMs = 5000 }: { minGapMs?: number } = {}): JobKind => ({
  async discover(db) {
    // The partial index on ungrouped comments makes this a look at the backlog only.
    await db.query(
      `INSERT INTO jobs (kind, key, run_at)
       SELECT 'group', u.consultation_id,
         coalesce(g.computed_at + make_interval(secs => greatest($2::float8, g.took_ms * $1::float8) / 1000), now())
       FROM (SELECT DISTINCT consultation_id FROM comments WHERE NOT grouped) u
       LEFT JOIN grouping_state g ON g.consultation_id = u.consultation_id
       ON CONFLICT (kind, key) DO NOTHING`,
      [YIELD_FACTOR, minGapMs],
    );
  },
  async run(db, job) {
    const started = Date.now();
    const consultationId = job.key;
    const { rows } = await db.query<{ id: string; body: string; grouped: boolean }>(
      'SELECT id, body, grouped FROM comments WHERE consultation_id = $1 ORDER BY id',
      [consultationId],
    );
    const comments = rows.map((r) => ({ id: Number(r.id), body: r.body }));
    const groups = await nearDuplicatesOffThread(comments);
    const ids: number[] = [];
    const groupIds: number[] = [];
    for (const [group, members] of groups) {
      for (const id of members) {
        ids.push(id);
        groupIds.push(group);
      }
    }
    await db.transaction(async (tx) => {
      // Another instance took the job over (this one stalled past its lease): its result stands.
      if (!(await job.holds(tx))) return;
      await tx.query(
        `UPDATE comments SET group_id = NULL WHERE consultation_id = $1 AND group_id IS NOT NULL AND NOT (id = ANY($2::bigint[]))`,
        [consultationId, ids],
      );
      await tx.query(
        `UPDATE comments m SET group_id = g.group_id FROM unnest($1::bigint[], $2::bigint[]) AS g(id, group_id)
         WHERE m.id = g.id AND m.group_id IS DISTINCT FROM g.group_id`,
        [ids, groupIds],
      );
      // Only those read: a comment committed meanwhile stays ungrouped for the next run.
      const read = rows.filter((r) => !r.grouped).map((r) => Number(r.id));
      await tx.query('UPDATE comments SET grouped = true WHERE id = ANY($1::bigint[])', [read]);
      await tx.query(
        `INSERT INTO grouping_state (consultation_id, computed_at, comments, groups, took_ms) VALUES ($1, now(), $2, $3, $4)
         ON CONFLICT (consultation_id) DO UPDATE SET computed_at = now(), comments = $2, groups = $3, took_ms = $4`,
        [consultationId, comments.length, groups.size, Date.now() - started],
      );
    });
  },
});

/**
 * `nearDuplicates` in a worker thread. From source (tests, `tsx`), the worker registers tsx
 * first; built, it loads the compiled file.
 */
export function nearDuplicatesOffThread(comments: { id: number; body: string }[]): Promise<Map<number, number[]>> {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./lib/grouping-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
  const code = fromSource
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => t.register()).then(() => import(${JSON.stringify(entry)}))`
    : `import(${JSON.stringify(entry)})`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (groups: [number, number[]][]) => {
      resolve(new Map(groups));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`grouping worker exited with ${code}`)));
    worker.postMessage(comments);
  });
}

/** The stored groups of a consultation, largest first, with when they were computed and whether comments await grouping. */
export async function storedGroups(db: Queryable, consultationId: string) {
  const { rows } = await db.query<{ group_id: string; size: number; ids: string[]; sample: string }>(
    `SELECT g.group_id, g.size, g.ids, left(m.body, 200) AS sample FROM (
       SELECT group_id, count(*)::int AS size, array_agg(id ORDER BY id) AS ids
       FROM comments WHERE consultation_id = $1 AND group_id IS NOT NULL GROUP BY group_id
     ) g JOIN comments m ON m.id = g.group_id
     ORDER BY g.size DESC, g.group_id`,
    [consultationId],
  );
  const { rows: state } = await db.query<{ computed_at: Date | null; pending: boolean }>(
    `SELECT (SELECT computed_at FROM grouping_state WHERE consultation_id = $1) AS computed_at,
       EXISTS (SELECT 1 FROM comments WHERE consultation_id = $1 AND NOT grouped) AS pending`,
    [consultationId],
  );
  return {
    groups: rows.map((r) => ({ group: Number(r.group_id), size: r.size, ids: r.ids.map(Number), sample: r.sample })),
    pending: state[0]!.pending,
    computedAt: state[0]!.computed_at ? new Date(state[0]!.computed_at).toISOString() : null,
  };
}

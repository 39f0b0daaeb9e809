// Near-duplicate grouping as a job (jobs/runner.ts), never on a request, incremental and in
// near-linear time (lib/minhash.ts): comments arrive with `grouped` false; the job of their
// consultation signs them in a worker thread, compares each only with the indexed comments that
// share a band key, and stores each comment's group and each group's size; the staff API reads
// those rows with the time they were computed.
import type { Database, Queryable } from './db/database.js';
import type { Job, JobKind } from './jobs/runner.js';
import { audit } from './lib/audit.js';
import { CpuWorker } from './lib/cpu-worker.js';
import { HttpError, notFound } from './lib/errors.js';
import { BUCKET, bandKeys, type Placed, place, ROWS, saltOf } from './lib/minhash.js';
import { pgArray } from './lib/pg-array.js';

// While comments pour in, a consultation is grouped again no sooner than this many times the last
// run's duration after it (and `minGapMs`, 5 s by default, at least): grouping takes at most about
// a fifth of a core and the rest goes to taking them in. A first grouping starts at once, and so
// does the next when the newest comment is older than QUIET_MS (the backlog after a surge).
const YIELD_FACTOR = 4;
const QUIET_MS = 2000;

/** Comments read, signed and placed at a time; a run places at most BATCHES of them. */
const BATCH = 2000;
const BATCHES = 10;

export const groupingJob = ({ minGapMs = 5000 }: { minGapMs?: number } = {}): JobKind => ({
  async discover(db) {
    // The partial index on ungrouped comments makes this a look at the backlog only.
    await db.query(
      `INSERT INTO jobs (kind, key, run_at)
       SELECT 'group', u.consultation_id,
         CASE WHEN (SELECT c.created_at FROM comments c WHERE c.consultation_id = u.consultation_id
             ORDER BY c.id DESC LIMIT 1) < now() - make_interval(secs => $3::float8 / 1000) THEN now()
         ELSE coalesce(g.computed_at + make_interval(secs => greatest($2::float8, g.took_ms * $1::float8) / 1000), now())
         END
       FROM (SELECT DISTINCT consultation_id FROM comments WHERE NOT grouped) u
       LEFT JOIN grouping_state g ON g.consultation_id = u.consultation_id
       ON CONFLICT (kind, key) DO NOTHING`,
      [YIELD_FACTOR, minGapMs, QUIET_MS],
    );
  },
  async run(db, job) {
    const started = Date.now();
    const cpu = new CpuWorker();
    try {
      while ((await rekey(db, job, job.key)) === BATCH);
      for (let i = 0; i < BATCHES; i++) {
        const placed = await placeBatch(db, job, job.key, cpu);
        if (placed < BATCH) {
          // Caught up: the search keys waiting in the index's pending list (every search reads
          // it) are merged now. Best effort: only the index's owner may, and autovacuum does too.
          await db.query("SELECT gin_clean_pending_list('comment_search_keys')").catch(() => undefined);
          break;
        }
      }
    } finally {
      await cpu.close();
    }
    await db.query(
      `INSERT INTO grouping_state (consultation_id, computed_at, comments, groups, took_ms, worker)
       SELECT $1, now(), (SELECT count(*) FROM comments WHERE consultation_id = $1 AND grouped),
         (SELECT count(*) FROM comment_groups WHERE consultation_id = $1), $2, $3
       ON CONFLICT (consultation_id) DO UPDATE SET computed_at = now(), comments = EXCLUDED.comments,
         groups = EXCLUDED.groups, took_ms = EXCLUDED.took_ms, worker = EXCLUDED.worker`,
      [job.key, Date.now() - started, job.worker],
    );
  },
});

/**
 * Entries indexed with band keys of another width (before migration 013) get today's keys, a
 * batch at a time, before any new comment is placed: their groups and signatures stay.
 */
async function rekey(db: Database, job: Job, consultationId: string): Promise<number> {
  const { rows } = await db.query<{ comment_id: string; sig: Uint8Array }>(
    `SELECT comment_id, sig FROM group_index WHERE consultation_id = $1 AND band_rows <> ${ROWS} LIMIT $2`,
    [consultationId, BATCH],
  );
  if (!rows.length) return 0;
  const salt = saltOf(consultationId);
  // Another instance took the job over: it re-keys; this one stops (the same rows would come back).
  return db.transaction(async (tx) => {
    if (!(await job.holds(tx))) return 0;
    await tx.query(
      `UPDATE group_index g SET bands = x.bands::bigint[], band_rows = $3
       FROM unnest($1::bigint[], $2::text[]) AS x(id, bands) WHERE g.comment_id = x.id`,
      [rows.map((r) => r.comment_id), rows.map((r) => pgArray(bandKeys(sigOf(r.sig), salt))), ROWS],
    );
    return rows.length;
  });
}

/** A signature as stored: its values as big-endian uint32 (what `int4send` gives), in hex for `decode`. */
const sigHex = (sig: ArrayLike<number>) => {
  const bytes = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) bytes.writeUInt32BE(sig[i]! >>> 0, i * 4);
  return bytes.toString('hex');
};
// node-postgres gives a Buffer, PGlite a Uint8Array.
const sigOf = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4);
  return sig;
};

/**
 * Places the next ungrouped comments of a consultation (lib/minhash.ts `place`): their
 * signatures in a worker thread, their candidates from the band index, then one transaction that
 * writes groups, sizes, the index and the `grouped` flags, only if the job is still ours.
 */
async function placeBatch(db: Database, job: Job, consultationId: string, cpu: CpuWorker): Promise<number> {
  const { rows } = await db.query<{ id: string; body: string }>(
    'SELECT id, body FROM comments WHERE consultation_id = $1 AND NOT grouped ORDER BY id LIMIT $2',
    [consultationId, BATCH],
  );
  if (!rows.length) return 0;
  const salt = saltOf(consultationId);
  const signed = await cpu.run(
    'sign',
    rows.map((r) => r.body),
  );
  const batch = rows.map((r, i) => ({ id: Number(r.id), sig: signed[i]!.sig, keys: bandKeys(signed[i]!.sig, salt) }));
  const allKeys = [...new Set(batch.flatMap((c) => c.keys))];
  // One index lookup per key (a bucket holds at most BUCKET): `bands && <every key of the batch>`
  // costs GIN a test of each key for each row it finds, 8 s for a batch at 14,000 rows.
  const { rows: pairs } = await db.query<{ key: string; comment_id: string }>(
    `SELECT k.key, g.comment_id FROM unnest($1::bigint[]) AS k(key),
       LATERAL (SELECT comment_id FROM group_index WHERE bands @> ARRAY[k.key] AND consultation_id = $2
         LIMIT ${BUCKET}) g`,
    [allKeys, consultationId],
  );
  const { rows: found } = await db.query<{ comment_id: string; group_id: string; sig: Uint8Array }>(
    'SELECT comment_id, group_id, sig FROM group_index WHERE comment_id = ANY($1::bigint[])',
    [[...new Set(pairs.map((p) => p.comment_id))]],
  );
  const entry = new Map(
    found.map((f) => [
      Number(f.comment_id),
      { id: Number(f.comment_id), group: Number(f.group_id), sig: sigOf(f.sig) },
    ]),
  );
  const byKey = new Map<number, Placed[]>();
  for (const { key, comment_id } of pairs) {
    const p = entry.get(Number(comment_id));
    if (!p) continue;
    const list = byKey.get(Number(key));
    if (list) list.push(p);
    else byKey.set(Number(key), [p]);
  }
  const groupIds = [...new Set(found.map((f) => Number(f.group_id)))];
  // Representatives found among the candidates (every comment alone is its own) are not read again.
  const { rows: reps } = await db.query<{ comment_id: string; sig: Uint8Array }>(
    'SELECT comment_id, sig FROM group_index WHERE comment_id = ANY($1::bigint[])',
    [groupIds.filter((g) => !entry.has(g))],
  );
  const repSig = new Map(reps.map((r) => [Number(r.comment_id), sigOf(r.sig)]));
  for (const g of groupIds) {
    const own = entry.get(g);
    if (own) repSig.set(g, own.sig);
  }
  const { rows: sizes } = await db.query<{ group_id: string; size: number; indexed: number }>(
    'SELECT group_id, size, indexed FROM comment_groups WHERE group_id = ANY($1::bigint[])',
    [groupIds],
  );
  const known = new Map(sizes.map((r) => [Number(r.group_id), r]));
  const { placed, indexed } = place(
    batch,
    (keys) => keys.flatMap((k) => byKey.get(k) ?? []),
    (g) => repSig.get(g),
    (g) => known.get(g)?.indexed ?? 1,
    (key) => byKey.get(key)?.length ?? 0,
  );
  // Members per group in this batch (a group's own first comment is not a member joining it).
  const joined = new Map<number, number>();
  for (const p of placed) if (p.group !== p.id) joined.set(p.group, (joined.get(p.group) ?? 0) + 1);
  const newlyIndexed = new Map<number, number>();
  for (const p of indexed) if (p.group !== p.id) newlyIndexed.set(p.group, (newlyIndexed.get(p.group) ?? 0) + 1);
  const members = placed.filter((p) => joined.has(p.group) || p.group !== p.id);
  await db.transaction(async (tx) => {
    // Another instance took the job over (this one stalled past its lease): its result stands.
    if (!(await job.holds(tx))) return;
    await lockGroups(tx, consultationId);
    if (indexed.length) {
      await tx.query(
        `INSERT INTO group_index (comment_id, consultation_id, group_id, bands, sig, band_rows)
         SELECT x.id, $1, x.group_id, x.bands::bigint[], decode(x.sig, 'hex'), $2
         FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[]) AS x(id, group_id, bands, sig)
         ON CONFLICT (comment_id) DO NOTHING`,
        [
          consultationId,
          ROWS,
          indexed.map((p) => p.id),
          indexed.map((p) => p.group),
          indexed.map((p) => pgArray(p.keys)),
          indexed.map((p) => sigHex(p.sig)),
        ],
      );
    }
    if (joined.size) {
      // A group of one that gained members becomes a group: its first comment joins it too.
      const groups = [...joined.keys()];
      await tx.query(
        `INSERT INTO comment_groups (group_id, consultation_id, size, indexed)
         SELECT g, $1, 1 + n, 1 + i FROM unnest($2::bigint[], $3::int[], $4::int[]) AS x(g, n, i)
         ON CONFLICT (group_id) DO UPDATE SET size = comment_groups.size + EXCLUDED.size - 1,
           indexed = comment_groups.indexed + EXCLUDED.indexed - 1`,
        [consultationId, groups, groups.map((g) => joined.get(g)!), groups.map((g) => newlyIndexed.get(g) ?? 0)],
      );
      await tx.query(
        'UPDATE comments SET group_id = id WHERE id = ANY($1::bigint[]) AND group_id IS DISTINCT FROM id',
        [groups],
      );
    }
    // Searchable by the index of their bigrams from now on (ON CONFLICT: publishing may have
    // keyed a comment the job had not reached).
    await tx.query(
      `INSERT INTO comment_search (comment_id, consultation_id, search)
       SELECT x.id, $1, x.search::int[] FROM unnest($2::bigint[], $3::text[]) AS x(id, search)
       ON CONFLICT (comment_id) DO NOTHING`,
      [consultationId, rows.map((r) => r.id), signed.map((x) => pgArray(x.search))],
    );
    // Grouped, and each member in its group: one new version of each row, not two.
    const groupOf = new Map(members.map((p) => [p.id, p.group]));
    await tx.query(
      `UPDATE comments m SET grouped = true, group_id = coalesce(x.g, m.group_id)
       FROM unnest($1::bigint[], $2::bigint[]) AS x(id, g) WHERE m.id = x.id`,
      [rows.map((r) => Number(r.id)), rows.map((r) => groupOf.get(Number(r.id)) ?? null)],
    );
  });
  return rows.length;
}

/** Group changes of one consultation one at a time: the job's and staff's splits and merges. */
const lockGroups = (tx: Queryable, consultationId: string) =>
  tx.query("SELECT pg_advisory_xact_lock(hashtext('gk-groups:' || $1))", [consultationId]);

/** Members of a group, its representative first. */
async function membersOf(tx: Queryable, consultationId: string, group: number): Promise<number[]> {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM comments WHERE consultation_id = $1 AND group_id = $2 ORDER BY id',
    [consultationId, group],
  );
  return rows.map((r) => Number(r.id));
}

/** Makes `ids` the whole of group `group` (its first id its representative), or no group if fewer than two. */
async function rewriteGroup(
  tx: Queryable,
  consultationId: string,
  group: number,
  ids: number[],
): Promise<number | null> {
  await tx.query('DELETE FROM comment_groups WHERE group_id = $1', [group]);
  if (ids.length < 2) {
    await tx.query('UPDATE comments SET group_id = NULL WHERE id = ANY($1::bigint[])', [ids]);
    await tx.query('UPDATE group_index SET group_id = comment_id WHERE comment_id = ANY($1::bigint[])', [ids]);
    return null;
  }
  const rep = Math.min(...ids);
  await tx.query('UPDATE comments SET group_id = $2 WHERE id = ANY($1::bigint[])', [ids, rep]);
  await tx.query('UPDATE group_index SET group_id = $2 WHERE comment_id = ANY($1::bigint[])', [ids, rep]);
  const { rows } = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM group_index WHERE comment_id = ANY($1::bigint[])',
    [ids],
  );
  await tx.query('INSERT INTO comment_groups (group_id, consultation_id, size, indexed) VALUES ($1, $2, $3, $4)', [
    rep,
    consultationId,
    ids.length,
    rows[0]!.n,
  ]);
  return rep;
}

/**
 * Staff take comments out of a group the job made (a wrong match): they stand alone from now on,
 * and the rest stay a group (with a new representative if the first was taken out). Audited.
 */
export async function splitGroup(db: Database, consultationId: string, group: number, ids: number[], actor: string) {
  return db.transaction(async (tx) => {
    await lockGroups(tx, consultationId);
    const members = await membersOf(tx, consultationId, group);
    if (!members.length) throw new HttpError(404, 'not-found', `no group ${group} in consultation ${consultationId}`);
    const out = [...new Set(ids)];
    const strangers = out.filter((id) => !members.includes(id));
    if (strangers.length) {
      throw new HttpError(422, 'not-in-group', `comments ${strangers.join(', ')} are not in group ${group}`, {
        zh: '所选意见不在该重复组中',
      });
    }
    const rest = members.filter((id) => !out.includes(id));
    await tx.query('UPDATE comments SET group_id = NULL WHERE id = ANY($1::bigint[])', [out]);
    // Out of the index too, so that the job does not pull later copies towards them as this group.
    await tx.query('DELETE FROM group_index WHERE comment_id = ANY($1::bigint[])', [out]);
    const remaining = await rewriteGroup(tx, consultationId, group, rest);
    await audit(tx, {
      actor,
      action: 'group.split',
      consultationId,
      before: { group, size: members.length },
      after: { removed: out, group: remaining, size: remaining ? rest.length : 0 },
    });
    return { group: remaining, size: remaining ? rest.length : 0, removed: out.length };
  });
}

/** Staff join groups (and lone comments, by id as their group) into one, the smallest id first. Audited. */
export async function mergeGroups(db: Database, consultationId: string, groups: number[], actor: string) {
  return db.transaction(async (tx) => {
    await lockGroups(tx, consultationId);
    const all: number[] = [];
    for (const g of [...new Set(groups)]) {
      const members = await membersOf(tx, consultationId, g);
      if (members.length) {
        all.push(...members);
        continue;
      }
      // A lone comment, named by its id.
      const { rows } = await tx.query('SELECT 1 FROM comments WHERE id = $1 AND consultation_id = $2', [
        g,
        consultationId,
      ]);
      if (!rows[0]) throw new HttpError(404, 'not-found', `no group or comment ${g} in consultation ${consultationId}`);
      all.push(g);
    }
    for (const g of groups) await tx.query('DELETE FROM comment_groups WHERE group_id = $1', [g]);
    const group = await rewriteGroup(
      tx,
      consultationId,
      Math.min(...all),
      [...new Set(all)].sort((a, b) => a - b),
    );
    await audit(tx, {
      actor,
      action: 'group.merge',
      consultationId,
      before: { groups },
      after: { group, size: all.length },
    });
    return { group, size: new Set(all).size };
  });
}

/** One stored group: its size and the start of its representative (404: no such group). */
export async function storedGroup(db: Queryable, consultationId: string, group: number) {
  const { rows } = await db.query<{ size: number; sample: string }>(
    `SELECT g.size, left(m.body, 200) AS sample FROM comment_groups g JOIN comments m ON m.id = g.group_id
     WHERE g.consultation_id = $1 AND g.group_id = $2`,
    [consultationId, group],
  );
  if (!rows[0]) throw notFound(`group ${group} in consultation ${consultationId}`);
  return { group, size: rows[0].size, sample: rows[0].sample };
}

/**
 * A page of the stored groups of a consultation, largest first (then by id), with how many there
 * are, when they were computed and whether comments await grouping. Members are not listed here
 * (a group may hold tens of thousands): GET …/comments?group=ID pages them.
 */
export async function storedGroups(db: Queryable, consultationId: string, page: { limit: number; cursor?: string }) {
  const params: unknown[] = [consultationId, page.limit + 1];
  // Keyset over (size DESC, group_id): the rest of the cursor's size, then the smaller sizes,
  // each a range of the index comment_groups_consultation, so a deep page costs what the first does.
  let ordered =
    'SELECT group_id, size FROM comment_groups WHERE consultation_id = $1 ORDER BY size DESC, group_id LIMIT $2';
  if (page.cursor) {
    const [size, group] = page.cursor.split('~');
    params.push(Number(size), group);
    ordered = `(SELECT group_id, size FROM comment_groups WHERE consultation_id = $1 AND size = $3 AND group_id > $4
        ORDER BY size DESC, group_id LIMIT $2)
      UNION ALL
      (SELECT group_id, size FROM comment_groups WHERE consultation_id = $1 AND size < $3
        ORDER BY size DESC, group_id LIMIT $2)`;
  }
  // The state first: when it says nothing is pending, the page read after it holds every group.
  const { rows: state } = await db.query<{ computed_at: Date | null; pending: boolean; total: number }>(
    `SELECT (SELECT computed_at FROM grouping_state WHERE consultation_id = $1) AS computed_at,
       EXISTS (SELECT 1 FROM comments WHERE consultation_id = $1 AND NOT grouped) AS pending,
       (SELECT count(*)::int FROM comment_groups WHERE consultation_id = $1) AS total`,
    [consultationId],
  );
  const { rows } = await db.query<{ group_id: string; size: number; sample: string }>(
    `SELECT p.group_id, p.size, left(m.body, 200) AS sample
     FROM (${ordered}) p JOIN comments m ON m.id = p.group_id
     ORDER BY p.size DESC, p.group_id LIMIT $2`,
    params,
  );
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    groups: shown.map((r) => ({ group: Number(r.group_id), size: r.size, sample: r.sample })),
    next: rows.length > page.limit && last ? `${last.size}~${last.group_id}` : null,
    total: state[0]!.total,
    pending: state[0]!.pending,
    computedAt: state[0]!.computed_at ? new Date(state[0]!.computed_at).toISOString() : null,
  };
}

// Scale (issue 17): one consultation of N generated comments (campaignCorpus: 30% lightly edited
// copies of 20 campaign letters, the rest distinct) through the public API, then grouping, the
// staff list, a decision by filter and the CSV export, each beside a floor measured in the same
// run on the same database handle, with no HTTP. PGlite always, at GK_SCALE_PGLITE_SIZE (20,000
// by default, or GK_SCALE_SIZE if smaller); PostgreSQL when GK_TEST_DATABASE_URL is set, at
// GK_SCALE_SIZE or the first argument (500,000 by default). Three processes: this one drives
// (staff requests, /healthz samples), the server runs in a child (its floors run there too, and
// its RSS and CPU are its own), autocannon in another child, as a real client would.
// The server runs grouping with jobs.pollMs 200 and grouping.minGapMs 0 (defaults: 1 s and 5 s).
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, createToken, migrate, openDatabase } from '@gongkai/server';
import autocannon from 'autocannon';
import { type CorpusComment, campaignCorpus, membershipQuality } from '../helpers/campaign-corpus.js';

const SEED = 17;
const CONCURRENCY = 64;
const CONSULTATION = 'scale';
const KEY = 'scale-comment-'; // + the corpus index: the DB gives it back with each comment's id
const WORD = '水质'; // in about 1% of the corpus
const REASON = '已研究，部分采纳：相关内容将在实施细则中予以明确。';
const COLUMNS = `id, receipt, clause, body, submitter_type, name, contact, moderation, decision, reason, removal_reason,
  created_at, group_id, policy_version, revision`; // as the staff list reads them (src/decisions.ts)
const EXPORT_COLUMNS = `id, receipt, clause, submitter_type, name, contact, body, moderation, removal_reason, decision,
  reason, created_at`; // as the export reads them (src/export.ts)
const PATH = `/api/v1/consultations/${CONSULTATION}`;

/** What each comment of the corpus is sent as: its body, a clause for three in four, its own key and address. */
const commentOf = (c: CorpusComment, i: number) => ({ body: c.body, clause: i % 4 ? String(1 + (i % 10)) : null });
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

type Command =
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'time'; sql: string; params: unknown[][] }
  | { op: 'floorInsert'; size: number; batch: number }
  | { op: 'mark' }
  | { op: 'close' };
/** The server process's peak and current RSS (MB) and CPU time (all its threads) since the last mark. */
interface Usage {
  peakMb: number;
  rssMb: number;
  cpuMs: number;
}
interface Server {
  url: string;
  token: string;
  call: <T>(command: Command) => Promise<T>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = <T>() => new Promise<T>((resolve) => process.once('message', resolve as (m: unknown) => void));
const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;
const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const mb = (u: Usage) => `server peak RSS ${u.peakMb.toFixed(0)} MB, CPU ${ms(u.cpuMs)}`;

/** One line: a figure, its floor and their ratio, and whatever else it needs said. */
function show(label: string, value: number, floor?: number, floorLabel = '', extra = ''): void {
  const vs =
    floor === undefined ? '' : `   floor ${ms(floor).padStart(8)} (${floorLabel})   ${(value / floor).toFixed(1)}×`;
  console.log(`  ${label.padEnd(40)} ${ms(value).padStart(8)}${vs}${extra ? `   ${extra}` : ''}`);
}

// ── The server process ─────────────────────────────────────────────────────────────────────────

async function server(): Promise<void> {
  const target = await message<{ url?: string; dataDir?: string }>();
  const db = await openDatabase(target);
  await migrate(db);
  const app = await buildApp(db, { trustProxy: ['127.0.0.1'], jobs: { pollMs: 200 }, grouping: { minGapMs: 0 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  let peak = process.memoryUsage().rss;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100).unref();
  let cpu = process.cpuUsage();
  const handle = async (c: Command): Promise<unknown> => {
    if (c.op === 'query') return (await db.query(c.sql, c.params)).rows;
    if (c.op === 'time') {
      const out = { ms: [] as number[], rows: 0 };
      for (const params of c.params) {
        const t0 = performance.now();
        out.rows += (await db.query(c.sql, params)).rows.length;
        out.ms.push(performance.now() - t0);
      }
      return out;
    }
    if (c.op === 'floorInsert') return floorInsert(c.size, c.batch);
    if (c.op === 'mark') {
      const rss = process.memoryUsage().rss;
      const used = process.cpuUsage(cpu);
      const usage: Usage = {
        peakMb: Math.max(peak, rss) / 1e6,
        rssMb: rss / 1e6,
        cpuMs: (used.user + used.system) / 1000,
      };
      [peak, cpu] = [rss, process.cpuUsage()];
      return usage;
    }
    await app.close();
    await db.close();
    setImmediate(() => process.exit(0));
    return null;
  };
  /** The same rows as plain INSERTs into a scratch table, in the server's batch size, two statements at a time as it runs them. */
  async function floorInsert(size: number, batch: number): Promise<number> {
    await db.exec(
      'CREATE TABLE scale_floor (id bigint GENERATED ALWAYS AS IDENTITY, key text, clause text, body text)',
    );
    const rows = campaignCorpus(size, { seed: SEED }).map((c, i) => ({ key: `${KEY}${i}`, ...commentOf(c, i) }));
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      for (let at = next; at < size; at = next) {
        next = at + batch;
        const part = rows.slice(at, next);
        await db.query(
          'INSERT INTO scale_floor (key, clause, body) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])',
          [part.map((r) => r.key), part.map((r) => r.clause), part.map((r) => r.body)],
        );
      }
    };
    await Promise.all([worker(), worker()]);
    return performance.now() - t0;
  }
  process.on('message', (m: { id: number; command: Command }) => {
    handle(m.command).then(
      (result) => process.send!({ id: m.id, result }),
      (error) => process.send!({ id: m.id, error: String(error?.stack ?? error) }),
    );
  });
  process.send!({
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    token: (await createToken(db, 'admin')).token,
  });
}

function startServer(target: { url?: string; dataDir?: string }): Promise<Server & { child: ChildProcess }> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, GK_SCALE_ROLE: 'server' } });
  const waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  let ids = 0;
  return new Promise((resolve, reject) => {
    child.on('message', (m: { url: string; token: string } | { id: number; result?: unknown; error?: string }) => {
      if ('url' in m) {
        const call = <T>(command: Command) =>
          new Promise<T>((res, rej) => {
            waiting.set(++ids, { resolve: res as (v: never) => void, reject: rej });
            child.send({ id: ids, command });
          });
        return resolve({ ...m, child, call });
      }
      const w = waiting.get(m.id)!;
      waiting.delete(m.id);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.result as never);
    });
    child.once('exit', (code) => code && reject(new Error(`server exited with ${code}`)));
    child.send(target);
  });
}

// ── The load generator process ─────────────────────────────────────────────────────────────────

interface Ingested {
  ms: number;
  p50: number;
  p99: number;
  max: number;
  created: number;
  other: Record<string, number>;
  errors: number;
}

async function loader(): Promise<void> {
  const { url, size } = await message<{ url: string; size: number }>();
  const corpus = campaignCorpus(size, { seed: SEED });
  process.send!('ready');
  await message();
  let next = 0;
  const t0 = performance.now();
  const r = await autocannon({
    url,
    connections: CONCURRENCY,
    amount: size,
    timeout: 120,
    requests: [
      {
        method: 'POST',
        path: `${PATH}/comments`,
        setupRequest: (req) => {
          const i = next++;
          const headers = {
            'content-type': 'application/json',
            'x-forwarded-for': addressOf(i),
            'idempotency-key': `${KEY}${i}`,
          };
          return { ...req, headers, body: JSON.stringify(commentOf(corpus[i]!, i)) };
        },
      },
    ],
  });
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count ?? 0]));
  const { 201: created = 0, ...other } = codes;
  const f: Ingested = {
    ms: performance.now() - t0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    created,
    other,
    errors: r.errors,
  };
  process.send!(f, () => process.disconnect());
}

// ── The driver ─────────────────────────────────────────────────────────────────────────────────

/** /healthz every 100 ms, its latencies kept by phase. */
function healthSampler(url: string) {
  const by: Record<string, number[]> = {};
  let phase = 'ingestion';
  let on = true;
  const done = (async () => {
    while (on) {
      const t0 = performance.now();
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      const t = performance.now() - t0;
      by[phase] = [...(by[phase] ?? []), t];
      await sleep(Math.max(0, 100 - t));
    }
  })();
  return {
    phase: (p: string) => {
      phase = p;
    },
    stop: async () => {
      on = false;
      await done;
      return by;
    },
  };
}
const health = (xs: number[] = []) =>
  `/healthz p99 ${ms(pct(xs, 0.99))}, max ${ms(Math.max(0, ...xs))} (${xs.length} samples)`;

interface Page {
  items: unknown[];
  next: string | null;
}
interface Groups {
  groups: { group: number; size: number; ids: number[] }[];
  pending: boolean;
}

async function scale(engine: string, size: number, target: { url?: string; dataDir?: string }): Promise<void> {
  console.log(
    `\n${engine}: ${size.toLocaleString()} comments (load average ${loadavg()[0]!.toFixed(1)} on this shared machine)`,
  );
  const corpus = campaignCorpus(size, { seed: SEED });
  const s = await startServer(target);
  const auth = { authorization: `Bearer ${s.token}` };
  const api = async <T>(path: string, init: RequestInit = {}): Promise<{ ms: number; body: T }> => {
    const t0 = performance.now();
    const res = await fetch(`${s.url}${path}`, {
      ...init,
      headers: { ...auth, 'accept-encoding': 'gzip, deflate, br', ...init.headers },
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
    return { ms: performance.now() - t0, body: JSON.parse(text) as T };
  };
  const json = { 'content-type': 'application/json' };
  const open = {
    id: CONSULTATION,
    title: 'scale',
    opens: new Date(Date.now() - 86_400_000).toISOString(),
    closes: '2099-12-31',
  };
  await api('/api/v1/consultations', { method: 'POST', headers: json, body: JSON.stringify(open) });
  const sql = <T>(text: string, params: unknown[] = [CONSULTATION]) => s.call<T[]>({ op: 'query', sql: text, params });
  const timed = (text: string, params: unknown[][]) =>
    s.call<{ ms: number[]; rows: number }>({ op: 'time', sql: text, params });
  const mark = () => s.call<Usage>({ op: 'mark' });

  // Ingestion: every comment from its own address, with its own key; /healthz sampled throughout.
  const load = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, GK_SCALE_ROLE: 'loader' } });
  load.send({ url: s.url, size });
  await new Promise((r) => load.once('message', r));
  await mark();
  const sampler = healthSampler(s.url);
  load.send('go');
  const ingested = await new Promise<Ingested>((r) => load.once('message', r));
  const ingestUsage = await mark();

  // Grouping: from the end of ingestion until the groups are no longer pending (polled every 500 ms).
  sampler.phase('grouping');
  const g0 = performance.now();
  let groups: Groups;
  for (;;) {
    groups = (await api<Groups>(`${PATH}/groups`)).body;
    if (!groups.pending) break;
    const [failed] = await sql<{ last_error: string }>('SELECT last_error FROM jobs WHERE last_error IS NOT NULL', []);
    if (failed) throw new Error(`grouping job failed: ${failed.last_error}`);
    await sleep(500);
  }
  const groupMs = performance.now() - g0;
  const healthz = await sampler.stop();
  const groupUsage = await mark();
  const [count] = await sql<{ n: number; keys: number; statements: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys, count(DISTINCT created_at)::int AS statements
     FROM comments WHERE consultation_id = $1`,
  );

  // Quality: the stored groups, each id mapped back to its corpus index through its key.
  const indexOf = new Map(
    (
      await sql<{ id: number; key: string }>(
        'SELECT id::int AS id, idempotency_key AS key FROM comments WHERE consultation_id = $1',
      )
    ).map((r) => [r.id, Number(r.key.slice(KEY.length))]),
  );
  const groupOf = new Map<number, number>();
  for (const g of groups.groups) for (const id of g.ids) groupOf.set(indexOf.get(id)!, g.group);
  const quality = membershipQuality(corpus, (i) => groupOf.get(i) ?? null);
  const largest = groups.groups[0]!;
  const sizesAgree = groups.groups.every((g) => g.size === g.ids.length);

  // The staff list: every page of 1000 through the keyset by `next`, then filtered and searched (at most 30 pages each).
  const walk = async (query: string, most = Number.POSITIVE_INFINITY) => {
    const out = { ms: [] as number[], cursors: [] as string[], items: 0 };
    let cursor: string | null = '0';
    while (cursor !== null && out.ms.length < most) {
      out.cursors.push(cursor);
      const page: { ms: number; body: Page } = await api<Page>(
        `${PATH}/comments?limit=1000${query}${cursor === '0' ? '' : `&cursor=${cursor}`}`,
      );
      out.ms.push(page.ms);
      out.items += page.body.items.length;
      cursor = page.body.next;
    }
    return out;
  };
  const keyset = (where = 'true') =>
    `SELECT ${COLUMNS} FROM comments WHERE consultation_id = $1 AND id > $2 AND ${where} ORDER BY id LIMIT 1001`;
  const pages = await walk('');
  const pagesFloor = await timed(
    keyset(),
    pages.cursors.map((c) => [CONSULTATION, c]),
  );
  const filters = [
    { label: 'decision=none', query: '&decision=none', where: 'decision IS NULL', value: [] },
    { label: 'clause=3', query: '&clause=3', where: 'clause = $3', value: ['3'] },
    {
      label: `group=<largest, ${largest.size}>`,
      query: `&group=${largest.group}`,
      where: 'group_id = $3',
      value: [largest.group],
    },
    {
      label: `q=${WORD}`,
      query: `&q=${encodeURIComponent(WORD)}`,
      where: `body ILIKE '%' || $3 || '%'`,
      value: [WORD],
    },
  ];
  const filtered = [];
  for (const f of filters) {
    const w = await walk(f.query, 30);
    const floor = await timed(
      keyset(f.where),
      w.cursors.map((c) => [CONSULTATION, c, ...f.value]),
    );
    filtered.push({ ...f, w, floor });
  }

  // A decision by filter: the largest group, then the same rows by one plain UPDATE.
  const decided = await api<{ updated: number }>(`${PATH}/decisions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ filter: { group: largest.group }, decision: 'partly-adopted', reason: REASON }),
  });
  const decideFloor = await timed(
    `UPDATE comments SET moderation = 'approved', decision = 'partly-adopted', reason = $3, removal_reason = NULL,
       revision = revision + 1, updated_at = now() WHERE consultation_id = $1 AND group_id = $2`,
    [[CONSULTATION, largest.group, REASON]],
  );

  // The export, streamed, as sent (identity) and as a browser would take it (br); then one SELECT of the same rows.
  const download = (encoding: string) =>
    new Promise<{ ms: number; bytes: number; rows: number }>((resolve, reject) => {
      const t0 = performance.now();
      const out = { ms: 0, bytes: 0, rows: -1 };
      get(`${s.url}${PATH}/export.csv`, { headers: { ...auth, 'accept-encoding': encoding } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`export: ${res.statusCode}`));
        res.on('data', (chunk: Buffer) => {
          out.bytes += chunk.length;
          for (let k = chunk.indexOf(13); k !== -1; k = chunk.indexOf(13, k + 1)) out.rows++;
        });
        res.on('end', () => resolve({ ...out, ms: performance.now() - t0 }));
      }).on('error', reject);
    });
  const before = await mark();
  const csv = await download('identity');
  const csvUsage = await mark();
  const csvBr = await download('br');
  const csvBrUsage = await mark();
  const exportFloor = await timed(`SELECT ${EXPORT_COLUMNS} FROM comments WHERE consultation_id = $1 ORDER BY id`, [
    [CONSULTATION],
  ]);
  const exportFloorUsage = await mark();

  // The other floors, last: the ingestion floor generates the corpus in the server process.
  const bodies = await timed('SELECT body FROM comments WHERE consultation_id = $1', [[CONSULTATION]]);
  const batch = Math.max(1, Math.round(count!.n / count!.statements));
  const insertFloor = await s.call<number>({ op: 'floorInsert', size, batch });
  const exited = new Promise((r) => s.child.once('exit', r));
  await s.call({ op: 'close' });
  await exited;

  const copies = corpus.filter((c) => c.campaign !== null).length;
  const chars = corpus.reduce((n, c) => n + c.body.length, 0) / size;
  console.log(
    `  corpus: ${copies.toLocaleString()} campaign copies of 20 letters, ${chars.toFixed(0)} characters a comment on average`,
  );
  const lost = size - count!.n;
  console.log(
    `  ingestion: ${CONCURRENCY} concurrent, ${size.toLocaleString()} addresses, default comment limit; ${ingested.created.toLocaleString()} × 201` +
      `${Object.keys(ingested.other).length ? `, other answers ${JSON.stringify(ingested.other)}` : ''}${ingested.errors ? `, ${ingested.errors} errors` : ''}` +
      `; ${count!.n.toLocaleString()} rows, ${count!.keys.toLocaleString()} keys (${lost ? `${lost} LOST` : 'none lost'}, ${count!.n > count!.keys ? 'DOUBLED' : 'none doubled'})`,
  );
  show(
    `POST …/comments × ${size.toLocaleString()}`,
    ingested.ms,
    insertFloor,
    `INSERTs of ${batch}, 2 at a time`,
    `${((size / ingested.ms) * 1000).toFixed(0)}/s vs ${((size / insertFloor) * 1000).toFixed(0)}/s; p50 ${ms(ingested.p50)}, p99 ${ms(ingested.p99)}, max ${ms(ingested.max)}`,
  );
  console.log(
    `    ${health(healthz.ingestion)}; ${mb(ingestUsage)}; ${count!.statements.toLocaleString()} statements (group commit)`,
  );
  show('grouping: end of ingestion → not pending', groupMs, bodies.ms[0], 'SELECT body, one pass', `${mb(groupUsage)}`);
  console.log(`    ${health(healthz.grouping)}`);
  console.log(
    `  grouping quality: precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}; ${groups.groups.length.toLocaleString()} groups, largest ${largest.size.toLocaleString()}${sizesAgree ? '' : '; SIZES DISAGREE WITH MEMBERS'}`,
  );
  show(
    `staff page of 1000, p50 (${pages.ms.length} pages)`,
    pct(pages.ms, 0.5),
    pct(pagesFloor.ms, 0.5),
    'keyset SELECT',
  );
  show(
    '  … p95',
    pct(pages.ms, 0.95),
    pct(pagesFloor.ms, 0.95),
    'keyset SELECT',
    `whole walk ${ms(pages.ms.reduce((a, b) => a + b, 0))}, ${pages.items.toLocaleString()} items`,
  );
  for (const f of filtered) {
    const extra = `${f.w.ms.length} pages, ${f.w.items.toLocaleString()}${f.w.ms.length === 30 ? '+' : ''} items`;
    show(`  … ${f.label}, p95`, pct(f.w.ms, 0.95), pct(f.floor.ms, 0.95), 'the same WHERE, plainly', extra);
  }
  show(
    `decision by filter (largest group)`,
    decided.ms,
    decideFloor.ms[0],
    'one UPDATE',
    `${decided.body.updated.toLocaleString()} of ${largest.size.toLocaleString()} updated`,
  );
  show(
    'export.csv, streamed (identity)',
    csv.ms,
    exportFloor.ms[0],
    'one SELECT',
    `${csv.rows.toLocaleString()} rows, ${(csv.bytes / 1e6).toFixed(0)} MB; ${mb(csvUsage)} (${before.rssMb.toFixed(0)} MB before)`,
  );
  console.log(
    `    … Accept-Encoding: br ${ms(csvBr.ms)}, ${(csvBr.bytes / 1e6).toFixed(1)} MB; ${mb(csvBrUsage)}; the one SELECT: ${mb(exportFloorUsage)}`,
  );
  console.log('  publication at scale: not built yet (no figure)');
  console.log('  public feedback pages at scale: not built yet (no figure)');
}

async function main(): Promise<void> {
  const arg = Number(process.argv[2]) || undefined;
  const size = arg ?? Number(process.env.GK_SCALE_SIZE ?? 500_000);
  const pgliteSize = Number(
    process.env.GK_SCALE_PGLITE_SIZE ?? Math.min(20_000, arg ?? Number(process.env.GK_SCALE_SIZE ?? 20_000)),
  );
  const dir = mkdtempSync(join(tmpdir(), 'gk-scale-'));
  try {
    await scale('PGlite (data directory)', pgliteSize, { dataDir: join(dir, 'data') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.GK_TEST_DATABASE_URL;
  if (!url) return console.log('\n(PostgreSQL skipped: set GK_TEST_DATABASE_URL, e.g. from scripts/start-postgres.sh)');
  const admin = await openDatabase({ url });
  const schema = `bench_scale_${process.pid}`;
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  try {
    await scale('PostgreSQL', size, { url: scoped.href });
  } finally {
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}

const role = process.env.GK_SCALE_ROLE;
if (role === 'server') await server();
else if (role === 'loader') await loader();
else await main();

// Scale (issue 17): one consultation of N generated comments (campaignCorpus: 30% lightly edited
// copies of 20 campaign letters, the rest distinct) through the public API, then grouping, the
// staff list, a decision by filter, the exports, publication, the public feedback and gk-feedback on
// a phone, each beside a floor measured in the same run (the server's on the same database handle
// without HTTP). PGlite always, at GK_SCALE_PGLITE_SIZE (20,000,
// or GK_SCALE_SIZE if smaller); PostgreSQL when GK_TEST_DATABASE_URL is set, at GK_SCALE_SIZE or
// the first argument (500,000). Three processes: this one drives (staff requests, /healthz every
// 100 ms); the server runs in a child, where its floors run too and its RSS and CPU are its own;
// autocannon runs in another child, as a real client would. The server runs its jobs with
// pollMs 200 and grouping minGapMs 0 (defaults: 1 s and 5 s), and the default comment limit.
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
import { phoneFeedback } from './phone-feedback.js';

const SEED = 17;
const CONCURRENCY = 64;
const KEY = 'scale-comment-'; // + the corpus index, which the database gives back with each comment
const WORD = '水质'; // in about 1% of the corpus
const REASON = '已研究，部分采纳：相关内容将在实施细则中予以明确。';
const PATH = '/api/v1/consultations/scale';
const COLUMNS = `id, receipt, clause, body, submitter_type, name, contact, moderation, decision, reason, removal_reason,
  created_at, group_id, policy_version, revision`; // as the staff list reads them (src/decisions.ts)
const EXPORTED = `id, receipt, clause, submitter_type, name, contact, body, moderation, removal_reason, decision, reason,
  created_at`; // as the export reads them (src/export.ts)

/** Each corpus comment as sent: its body, a clause for three in four, its own key and address. */
const commentOf = (c: CorpusComment, i: number) => ({ body: c.body, clause: i % 4 ? String(1 + (i % 10)) : undefined });
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

type Target = { url?: string; dataDir?: string };
type Command =
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'time'; sql: string; params: unknown[][] }
  | { op: 'floorInsert'; size: number; batch: number }
  | { op: 'mark' }
  | { op: 'close' };
/** The server process since the last mark: peak and current RSS (MB), CPU time of all its threads. */
type Usage = { peakMb: number; rssMb: number; cpuMs: number };
type Ingested = { ms: number; p50: number; p99: number; max: number; codes: Record<string, number>; errors: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = <T>() => new Promise<T>((resolve) => process.once('message', resolve as (m: unknown) => void));
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? 0;
const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const usage = (u: Usage) => `server peak RSS ${u.peakMb.toFixed(0)} MB, CPU ${ms(u.cpuMs)}`;
const n = (v: number) => v.toLocaleString('en');

/** A figure beside its floor and their ratio. */
const show = (label: string, value: number, floor: number, floorLabel: string, extra = '') =>
  console.log(
    `  ${label.padEnd(38)} ${ms(value).padStart(8)}   floor ${ms(floor).padStart(8)} (${floorLabel})   ${(value / floor).toFixed(1)}×${extra && `   ${extra}`}`,
  );

// ── The server process: the app, and the floors on the same database handle ─────────────────

async function server(): Promise<void> {
  const db = await openDatabase(await message<Target>());
  await migrate(db);
  const app = await buildApp(db, { trustProxy: ['127.0.0.1'], jobs: { pollMs: 200 }, grouping: { minGapMs: 0 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  let peak = process.memoryUsage().rss;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100).unref();
  let cpu = process.cpuUsage();
  /** The same rows by plain INSERTs into a scratch table, in the server's batch size, two statements at a time as it runs them. */
  const floorInsert = async (size: number, batch: number) => {
    await db.exec(
      'CREATE TABLE scale_floor (id bigint GENERATED ALWAYS AS IDENTITY, key text, clause text, body text)',
    );
    const rows = campaignCorpus(size, { seed: SEED }).map((c, i) => ({ key: `${KEY}${i}`, ...commentOf(c, i) }));
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < size) {
        const at = next;
        next += batch;
        const part = rows.slice(at, next);
        const columns = [part.map((r) => r.key), part.map((r) => r.clause ?? null), part.map((r) => r.body)];
        await db.query(
          'INSERT INTO scale_floor (key, clause, body) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])',
          columns,
        );
      }
    };
    await Promise.all([worker(), worker()]);
    return performance.now() - t0;
  };
  const handle = async (c: Command): Promise<unknown> => {
    if (c.op === 'query') return (await db.query(c.sql, c.params)).rows;
    if (c.op === 'floorInsert') return floorInsert(c.size, c.batch);
    if (c.op === 'time') {
      const out = { ms: [] as number[], rows: 0 };
      for (const params of c.params) {
        const t0 = performance.now();
        out.rows += (await db.query(c.sql, params)).rows.length;
        out.ms.push(performance.now() - t0);
      }
      return out;
    }
    if (c.op === 'mark') {
      // Each step's peak is measured from a collected heap: V8 otherwise collects lazily, and the
      // garbage of the step before (a floor that reads 500,000 rows at once) was counted as the next one's.
      const used = process.cpuUsage(cpu);
      (globalThis as { gc?: () => void }).gc?.();
      const rss = process.memoryUsage().rss;
      const u: Usage = { peakMb: Math.max(peak, rss) / 1e6, rssMb: rss / 1e6, cpuMs: (used.user + used.system) / 1000 };
      [peak, cpu] = [rss, process.cpuUsage()];
      return u;
    }
    await app.close();
    await db.close();
    setImmediate(() => process.exit(0));
  };
  process.on('message', ({ id, command }: { id: number; command: Command }) =>
    handle(command).then(
      (result) => process.send!({ id, result }),
      (error) => process.send!({ id, error: String(error?.stack ?? error) }),
    ),
  );
  const { port } = app.server.address() as AddressInfo;
  process.send!({ url: `http://127.0.0.1:${port}`, token: (await createToken(db, 'admin')).token });
}

type Server = { url: string; token: string; child: ChildProcess; call: <T>(command: Command) => Promise<T> };
type Reply = { url: string; token: string } | { id: number; result?: unknown; error?: string };

function startServer(target: Target): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, GK_SCALE_ROLE: 'server' },
    execArgv: [...process.execArgv, '--expose-gc'],
  });
  const waiting = new Map<number, (r: { result?: unknown; error?: string }) => void>();
  let ids = 0;
  const call = <T>(command: Command) =>
    new Promise<T>((resolve, reject) => {
      waiting.set(++ids, (r) => (r.error ? reject(new Error(r.error)) : resolve(r.result as T)));
      child.send({ id: ids, command });
    });
  return new Promise((resolve, reject) => {
    child.on('message', (m: Reply) => ('url' in m ? resolve({ ...m, child, call }) : waiting.get(m.id)!(m)));
    child.once('exit', (code) => code && reject(new Error(`server exited with ${code}`)));
    child.send(target);
  });
}

// ── The load generator process ─────────────────────────────────────────────────────────────

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
  const { p50, p99, max } = r.latency;
  process.send!({ ms: performance.now() - t0, p50, p99, max, codes, errors: r.errors } satisfies Ingested, () =>
    process.disconnect(),
  );
}

// ── The driver ─────────────────────────────────────────────────────────────────────────────

/** /healthz every 100 ms while `on`, its latencies by phase. */
function healthSampler(url: string) {
  const s = { phase: 'ingestion', on: true, by: {} as Record<string, number[]> };
  const done = (async () => {
    while (s.on) {
      const t0 = performance.now();
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      const t = performance.now() - t0;
      s.by[s.phase] = s.by[s.phase] ?? [];
      s.by[s.phase]!.push(t);
      await sleep(Math.max(0, 100 - t));
    }
  })();
  return Object.assign(s, { done });
}
const health = (xs: number[] = []) =>
  `/healthz p99 ${ms(pct(xs, 0.99))}, max ${ms(Math.max(0, ...xs))} (${xs.length} samples)`;

type Page = { items: unknown[]; next: string | null };
type Groups = { groups: { group: number; size: number }[]; next: string | null; total: number; pending: boolean };

async function scale(engine: string, size: number, target: Target): Promise<void> {
  console.log(`\n${engine}: ${n(size)} comments (load average ${loadavg()[0]!.toFixed(1)} on this shared machine)`);
  const corpus = campaignCorpus(size, { seed: SEED });
  const s = await startServer(target);
  const api = async <T>(path: string, init: RequestInit = {}) => {
    const t0 = performance.now();
    const headers = { authorization: `Bearer ${s.token}`, 'accept-encoding': 'gzip, deflate, br', ...init.headers };
    const res = await fetch(`${s.url}${path}`, { ...init, headers });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
    return {
      ms: performance.now() - t0,
      body: JSON.parse(text) as T,
      bytes: Number(res.headers.get('content-length')),
    };
  };
  const post = <T>(path: string, body: object) =>
    api<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const sql = <T>(text: string, params: unknown[] = ['scale']) => s.call<T[]>({ op: 'query', sql: text, params });
  const timed = (text: string, params: unknown[][]) =>
    s.call<{ ms: number[]; rows: number }>({ op: 'time', sql: text, params });
  const mark = () => s.call<Usage>({ op: 'mark' });
  await post('/api/v1/consultations', {
    id: 'scale',
    title: 'scale',
    opens: new Date(Date.now() - 864e5),
    closes: '2099-12-31',
  });

  // Ingestion, from N addresses with N keys, /healthz sampled throughout; the rows counted after.
  const load = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, GK_SCALE_ROLE: 'loader' } });
  load.send({ url: s.url, size });
  await new Promise((r) => load.once('message', r));
  await mark();
  const sampler = healthSampler(s.url);
  load.send('go');
  const ingested = await new Promise<Ingested>((r) => load.once('message', r));
  const ingestUsage = await mark();

  // Grouping: from the end of ingestion until GET …/groups says pending: false (asked every 500 ms).
  sampler.phase = 'grouping';
  const g0 = performance.now();
  const runs = new Map<string, number>(); // the grouping runs seen finishing: when, and how long each took
  let groups: Groups;
  for (;;) {
    groups = (await api<Groups>(`${PATH}/groups`)).body;
    const [state] = await sql<{ at: string; took_ms: number }>(
      'SELECT computed_at::text AS at, took_ms FROM grouping_state WHERE consultation_id = $1',
    );
    if (state) runs.set(state.at, state.took_ms);
    if (!groups.pending) break;
    const [failed] = await sql<{ last_error: string }>('SELECT last_error FROM jobs WHERE last_error IS NOT NULL', []);
    if (failed) throw new Error(`grouping job failed: ${failed.last_error}`);
    await sleep(500);
  }
  const groupMs = performance.now() - g0;
  sampler.on = false;
  await sampler.done;
  const groupUsage = await mark();
  const groupsAnswer = await api<Groups>(`${PATH}/groups`);
  const [count] = await sql<{ rows: number; keys: number; statements: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT idempotency_key)::int AS keys,
       count(DISTINCT created_at)::int AS statements FROM comments WHERE consultation_id = $1`,
  );
  const { rows, keys, statements } = count!;
  const others = Object.entries(ingested.codes).filter(([code]) => code !== '201');
  console.log(
    `  ingestion: ${CONCURRENCY} concurrent; ${n(ingested.codes['201'] ?? 0)} × 201${others.length ? `, ${JSON.stringify(Object.fromEntries(others))}` : ''}${ingested.errors ? `, ${ingested.errors} errors` : ''}; ${n(rows)} rows, ${n(keys)} keys: ${rows < size ? `${n(size - rows)} LOST` : 'none lost'}, ${rows > keys ? 'DOUBLED' : 'none doubled'}`,
  );

  // Quality, from the stored groups: each comment's group mapped back to its corpus index through its key.
  const members = await sql<{ key: string; g: number | null }>(
    'SELECT idempotency_key AS key, group_id::int AS g FROM comments WHERE consultation_id = $1',
  );
  const groupOf = new Map(members.map((r) => [Number(r.key.slice(KEY.length)), r.g]));
  const quality = membershipQuality(corpus, (i) => groupOf.get(i) ?? null);
  const largest = groups.groups[0]!;
  // A group's stored size against its members counted: they must agree.
  const [{ disagree } = { disagree: 0 }] = await sql<{ disagree: number }>(
    `SELECT count(*)::int AS disagree FROM comment_groups g
     WHERE g.consultation_id = $1 AND g.size <> (SELECT count(*) FROM comments c WHERE c.group_id = g.group_id)`,
  );

  // The staff list: every page of 1000 through the keyset by `next`; then filtered and searched, at most 30 pages each.
  const walk = async (query: string, most = Number.POSITIVE_INFINITY) => {
    const out = { ms: [] as number[], cursors: [] as string[], items: 0 };
    for (let cursor: string | null = '0'; cursor !== null && out.ms.length < most; ) {
      out.cursors.push(cursor);
      const page: { ms: number; body: Page } = await api<Page>(`${PATH}/comments?limit=1000${query}&cursor=${cursor}`);
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
    pages.cursors.map((c) => ['scale', c]),
  );
  const filters = [
    { label: 'decision=none', query: '&decision=none', where: 'decision IS NULL', value: [] },
    { label: 'clause=3', query: '&clause=3', where: 'clause = $3', value: ['3'] },
    { label: `group=<largest>`, query: `&group=${largest.group}`, where: 'group_id = $3', value: [largest.group] },
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
    filtered.push({
      ...f,
      w,
      floor: await timed(
        keyset(f.where),
        w.cursors.map((c) => ['scale', c, ...f.value]),
      ),
    });
  }

  // A decision by filter on the largest group, beside one plain UPDATE of the same rows; three of each, alternating.
  const decided: number[] = [];
  const updates: number[] = [];
  let updated = 0;
  for (let round = 0; round < 3; round++) {
    const d = await post<{ updated: number }>(`${PATH}/decisions`, {
      filter: { group: largest.group },
      ...{ decision: 'partly-adopted', reason: REASON },
    });
    [decided[round], updated] = [d.ms, d.body.updated];
    const sets = `moderation = 'approved', decision = 'partly-adopted', reason = $3, removal_reason = NULL, revision = revision + 1`;
    updates.push(
      ...(
        await timed(`UPDATE comments SET ${sets}, updated_at = now() WHERE consultation_id = $1 AND group_id = $2`, [
          ['scale', largest.group, REASON],
        ])
      ).ms,
    );
  }

  // The export, streamed as sent (identity) and as a browser takes it (br), beside one SELECT of the same rows.
  const download = (encoding: string, path = 'export.csv') =>
    new Promise<{ ms: number; bytes: number; rows: number }>((resolve, reject) => {
      const out = { t0: performance.now(), bytes: 0, rows: -1 };
      const headers = { authorization: `Bearer ${s.token}`, 'accept-encoding': encoding };
      get(`${s.url}${PATH}/${path}`, { headers }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode}`));
        res.on('data', (chunk: Buffer) => {
          out.bytes += chunk.length;
          for (let k = chunk.indexOf(13); k !== -1; k = chunk.indexOf(13, k + 1)) out.rows++; // CRLF ends a row; bodies hold LF only
        });
        res.on('end', () => resolve({ ...out, ms: performance.now() - out.t0 }));
      }).on('error', reject);
    });
  const before = await mark();
  const csv = await download('identity');
  const csvUsage = await mark();
  const csvBr = await download('br');
  const csvBrUsage = await mark();
  const exportFloor = await timed(`SELECT ${EXPORTED} FROM comments WHERE consultation_id = $1 ORDER BY id`, [
    ['scale'],
  ]);
  const exportFloorUsage = await mark();

  // Publication: every comment still undecided decided by one filter, the window closed, then
  // the run followed to its end (/healthz sampled), beside one INSERT … SELECT of the same rows.
  const rest = await post<{ updated: number }>(`${PATH}/decisions`, {
    filter: { decision: 'none' },
    decision: 'adopted',
  });
  await sql("UPDATE consultations SET closes = now() - interval '1 minute' WHERE id = $1");
  // Sign-off: what blocks publication (index-only counts), then 审核 and 签发 of every decision by
  // filter (the admin token holds both), beside one UPDATE of the same rows.
  const blockedBefore = await api<{ draft: number }>(`${PATH}/blocking`);
  const checkedAll = await post<{ updated: number }>(`${PATH}/signoff`, { step: 'check', filter: { stage: 'draft' } });
  const signedAll = await post<{ updated: number }>(`${PATH}/signoff`, { step: 'sign', filter: { stage: 'checked' } });
  const signFloor = await timed(
    `UPDATE comments SET stage = 'signed', stage_at = now(), revision = revision + 1 WHERE consultation_id = $1
       AND decision IS NOT NULL`,
    [['scale']],
  );
  const blockedAfter = await api<{ draft: number }>(`${PATH}/blocking`);
  const pubSampler = healthSampler(s.url);
  pubSampler.phase = 'publication';
  await mark();
  const p0 = performance.now();
  const queued = await api<{ id: number; state: string; version: number | null; error?: unknown }>(`${PATH}/feedback`, {
    method: 'POST',
    headers: { prefer: 'respond-async' },
  });
  let run: { state: string; version: number | null; error?: unknown } = queued.body;
  while (run.state !== 'done' && run.state !== 'failed') {
    await sleep(250);
    run = (await api<typeof run>(`${PATH}/feedback/runs/${queued.body.id}`)).body;
  }
  const publishMs = performance.now() - p0;
  pubSampler.on = false;
  await pubSampler.done;
  const publishUsage = await mark();
  if (run.state !== 'done') throw new Error(`publication failed: ${JSON.stringify(run.error)}`);
  const [published] = await sql<{ n: number }>(
    'SELECT count(*)::int AS n FROM feedback_comments WHERE consultation_id = $1 AND version = 1',
  );
  await sql(
    `CREATE TABLE scale_publish_floor AS SELECT no, clause, clause_label, body, name, submitter_type, decision, reason,
       group_id, search FROM feedback_comments WITH NO DATA`,
    [],
  );
  const publishFloor = await timed(
    `INSERT INTO scale_publish_floor SELECT row_number() OVER (ORDER BY id)::int, clause, NULL, body, name, submitter_type,
       decision, reason, group_id, NULL FROM comments
     WHERE consultation_id = $1 AND moderation = 'approved' AND decision IS NOT NULL`,
    [['scale']],
  );

  // The printed report, every comment now decided, streamed as sent, beside one SELECT of the rows it lists.
  await mark();
  const report = await download('identity', 'report.html');
  const reportUsage = await mark();
  const reportFloor = await timed(
    `SELECT id, clause, body, name, submitter_type, decision, reason FROM comments
     WHERE consultation_id = $1 AND moderation <> 'rejected' AND decision IS NOT NULL ORDER BY id`,
    [['scale']],
  );
  // The same 说明 as a Word document: counted as the report is, the comments left to the CSV it
  // points to; beside the GROUP BY that counts the figures (src/feedback.ts countComments).
  await mark();
  const word = await download('identity', 'report.docx');
  const wordUsage = await mark();
  const wordFloor = await timed(
    `SELECT clause, moderation, decision, removal_reason, count(*)::int AS n FROM comments
     WHERE consultation_id = $1 GROUP BY clause, moderation, decision, removal_reason`,
    [['scale']],
  );

  // The public feedback: its document (summary and first page) and pages of its comments, each
  // beside the raw query that reads the same rows.
  const docs: number[] = [];
  let docBytes = 0;
  for (let i = 0; i < 5; i++) {
    const d = await api<unknown>(`${PATH}/feedback`);
    docs.push(d.ms);
    docBytes = d.bytes;
  }
  const docFloor = await timed(
    'SELECT content FROM feedback_versions WHERE consultation_id = $1 ORDER BY version DESC LIMIT 1',
    Array.from({ length: 5 }, () => ['scale']),
  );
  const deep = Math.floor((published?.n ?? 0) / 2);
  const pageOf = async (query: string) => {
    const out: number[] = [];
    for (let i = 0; i < 5; i++) out.push((await api<unknown>(`${PATH}/feedback/comments?limit=50${query}`)).ms);
    return out;
  };
  const deepPage = await pageOf(`&cursor=${deep}`);
  const deepFloor = await timed(
    `SELECT no, clause, clause_label, body, name, submitter_type, decision, reason, group_no FROM feedback_comments
     WHERE consultation_id = $1 AND version = 1 AND no > $2 ORDER BY no LIMIT 51`,
    Array.from({ length: 5 }, () => ['scale', deep]),
  );
  const searched = await pageOf(`&q=${encodeURIComponent(WORD)}`);
  const searchFloor = await timed(
    `SELECT no, body, (SELECT count(*) FROM feedback_comments WHERE consultation_id = $1 AND version = 1
       AND body ILIKE '%' || $2 || '%') AS total FROM feedback_comments
     WHERE consultation_id = $1 AND version = 1 AND body ILIKE '%' || $2 || '%' ORDER BY no LIMIT 51`,
    Array.from({ length: 5 }, () => ['scale', WORD]),
  );

  // The citizen's first sight of it: gk-feedback on a phone, beside a plain page of the same answer.
  const phone = await phoneFeedback(s.url, 'scale');

  // The floors of ingestion and grouping, last: the first generates the corpus in the server process.
  const bodies = await timed('SELECT body FROM comments WHERE consultation_id = $1', [['scale']]);
  const batch = Math.max(1, Math.round(rows / statements));
  const insertFloor = await s.call<number>({ op: 'floorInsert', size, batch });
  const exited = new Promise((r) => s.child.once('exit', r));
  await s.call({ op: 'close' });
  await exited;

  const rate = (t: number) => `${n(Math.round((size / t) * 1000))}/s`;
  show(
    `POST …/comments × ${n(size)}`,
    ingested.ms,
    insertFloor,
    `INSERTs of ${batch}, 2 at a time`,
    `${rate(ingested.ms)} vs ${rate(insertFloor)}`,
  );
  console.log(
    `    latency p50 ${ms(ingested.p50)}, p99 ${ms(ingested.p99)}, max ${ms(ingested.max)}; ${n(statements)} statements (group commit)`,
  );
  console.log(`    ${health(sampler.by.ingestion)}; ${usage(ingestUsage)}`);
  const took = [...runs.values()].reduce((a, b) => a + b, 0);
  show('grouping: end of ingestion → done', groupMs, bodies.ms[0]!, 'SELECT body, one pass', usage(groupUsage));
  console.log(
    `    ${health(sampler.by.grouping)}; ${runs.size} runs seen finishing after ingestion, ${ms(took)} of work`,
  );
  console.log(
    `  grouping quality: precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}; ${n(groups.total)} groups, largest ${n(largest.size)}${disagree ? `; ${disagree} GROUP SIZES DISAGREE WITH THEIR IDS` : ''}; GET …/groups ${ms(groupsAnswer.ms)}, ${(groupsAnswer.bytes / 1e3).toFixed(0)} kB br`,
  );
  const walked = `${pages.ms.length} pages, ${n(pages.items)} items, whole walk ${ms(pages.ms.reduce((a, b) => a + b, 0))}`;
  show('staff page of 1000, p50', pct(pages.ms, 0.5), pct(pagesFloor.ms, 0.5), 'keyset SELECT', walked);
  show('  … p95', pct(pages.ms, 0.95), pct(pagesFloor.ms, 0.95), 'keyset SELECT');
  for (const { label, w, floor } of filtered) {
    const more = `${w.ms.length} page${w.ms.length > 1 ? 's' : ''}, ${n(w.items)}${w.ms.length === 30 ? '+' : ''} items`;
    show(`  … ${label}, p95`, pct(w.ms, 0.95), pct(floor.ms, 0.95), 'same WHERE, plain', more);
  }
  show(
    'decision by filter, largest group',
    pct(decided, 0.5),
    pct(updates, 0.5),
    'one UPDATE',
    `${n(updated)} of ${n(largest.size)} updated; median of 3`,
  );
  const exported = `${n(csv.rows)} rows, ${(csv.bytes / 1e6).toFixed(0)} MB; ${usage(csvUsage)}, ${before.rssMb.toFixed(0)} MB before`;
  show('export.csv streamed', csv.ms, exportFloor.ms[0]!, 'one SELECT', exported);
  console.log(
    `    … br ${ms(csvBr.ms)}, ${(csvBr.bytes / 1e6).toFixed(1)} MB, ${usage(csvBrUsage)}; one SELECT: ${usage(exportFloorUsage)}`,
  );
  const listed = `${n(reportFloor.rows)} comments listed, ${(report.bytes / 1e6).toFixed(0)} MB; ${usage(reportUsage)}`;
  show('report.html streamed', report.ms, reportFloor.ms[0]!, 'one SELECT', listed);
  const wordSize = `${(word.bytes / 1e3).toFixed(1)} kB, no comments listed; ${usage(wordUsage)}`;
  show('report.docx (the 说明, CSV for the rest)', word.ms, wordFloor.ms[0]!, 'the figures GROUP BY', wordSize);
  console.log(`  decision by filter, every undecided comment: ${ms(rest.ms)}, ${n(rest.body.updated)} updated`);
  console.log(
    `  GET …/blocking (what blocks publication): ${ms(blockedBefore.ms)} with ${n(blockedBefore.body.draft)} at 拟办, ${ms(blockedAfter.ms)} once all signed off`,
  );
  show(
    `sign-off by filter, 审核 + 签发 of ${n(signedAll.body.updated)}`,
    checkedAll.ms + signedAll.ms,
    signFloor.ms[0]! * 2,
    'two plain UPDATEs',
    `审核 ${ms(checkedAll.ms)} (${n(checkedAll.body.updated)}), 签发 ${ms(signedAll.ms)}`,
  );
  show(
    `publication of ${n(published?.n ?? 0)} comments`,
    publishMs,
    publishFloor.ms[0]!,
    'INSERT … SELECT of the rows',
    usage(publishUsage),
  );
  console.log(`    ${health(pubSampler.by.publication)}`);
  show(
    'GET …/feedback (summary, first page), p50',
    pct(docs, 0.5),
    pct(docFloor.ms, 0.5),
    'SELECT content',
    `${(docBytes / 1e3).toFixed(1)} kB br`,
  );
  show('GET …/feedback/comments deep page, p50', pct(deepPage, 0.5), pct(deepFloor.ms, 0.5), 'keyset SELECT');
  show(`GET …/feedback/comments?q=${WORD}, p50`, pct(searched, 0.5), pct(searchFloor.ms, 0.5), 'ILIKE scan + count');
  show(
    'gk-feedback, 390 px phone, CPU ×4',
    phone.element.ms,
    phone.plain.ms,
    'plain page, same answer',
    `to the first ${phone.element.items} comments; JS heap ${phone.element.heapMb.toFixed(1)} MB (plain ${phone.plain.heapMb.toFixed(1)} MB)`,
  );
}

async function main(): Promise<void> {
  const arg = Number(process.argv[2]) || undefined;
  const size = arg ?? Number(process.env.GK_SCALE_SIZE ?? 500_000);
  const small = Number(
    process.env.GK_SCALE_PGLITE_SIZE ?? Math.min(20_000, arg ?? Number(process.env.GK_SCALE_SIZE ?? 20_000)),
  );
  const dir = mkdtempSync(join(tmpdir(), 'gk-scale-'));
  try {
    await scale('PGlite (data directory)', small, { dataDir: join(dir, 'data') });
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

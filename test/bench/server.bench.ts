// Comment submission and published-feedback reads, at concurrency 50, beside two same-run
// baselines: fastify answering a trivial JSON POST (the HTTP ceiling) and the same driver doing
// one INSERT per request with no HTTP (the database floor). PGlite always; PostgreSQL when
// GK_TEST_DATABASE_URL is set. GK_BENCH_SECONDS shortens each run (default 10).
// The load generator (autocannon) runs in a child process for every HTTP run, ceiling included,
// as a real client would: in the server's process it would take the thread from fastify (and
// from PGlite, which runs on that thread too) while the no-HTTP floor has the thread to itself.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, createToken, type Database, migrate, openDatabase } from '@gongkai/server';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';

const SECONDS = Number(process.env.GK_BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const COMMENT = JSON.stringify({ body: '建议将第三条中的公示期由七日延长至十五日，便于群众充分了解。', clause: '3' });

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors?: number;
}

const line = (label: string, f: Figures, ref?: Figures) =>
  console.log(
    `${label.padEnd(46)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${f.p50.toFixed(1).padStart(5)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms${
      ref ? `   ${((f.rps / ref.rps) * 100).toFixed(0)}% of floor` : ''
    }${f.errors ? `   (${f.errors} non-2xx)` : ''}`,
  );

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** What the parent asks of the load generator; `citizens`: each connection its own address and keys. */
interface LoadRequest {
  opts: autocannon.Options;
  citizens?: boolean;
}

/** Runs autocannon in a child process (this file, GK_BENCH_LOADER set) and returns its figures. */
function load(opts: autocannon.Options, citizens = false): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, GK_BENCH_LOADER: '1' } });
    child.once('message', (f: Figures) => resolve(f));
    child.once('error', reject);
    child.once('exit', (code) => (code ? reject(new Error(`load generator exited with ${code}`)) : undefined));
    child.send({ opts: { connections: CONNECTIONS, duration: SECONDS, ...opts }, citizens } satisfies LoadRequest);
  });
}

/** The child's side of `load`. */
async function loader(): Promise<void> {
  const { opts, citizens } = await new Promise<LoadRequest>((resolve) => process.once('message', resolve));
  let n = 0;
  let clients = 0;
  const r = await autocannon({
    ...opts,
    // A new Idempotency-Key per request: every one is a real, stored comment. Each connection
    // is its own client address (X-Forwarded-For, trusted here), as 50 citizens would be: one
    // shared address would make every request update the same rate-limit row, one at a time.
    setupClient: citizens
      ? (client) => {
          const address = `198.51.100.${++clients}`;
          const next = () =>
            client.setHeaders({
              'content-type': 'application/json',
              'x-forwarded-for': address,
              'idempotency-key': `bench-${process.pid}-${n++}-${Math.random()}`,
            });
          next();
          client.on('response', next);
        }
      : undefined,
  });
  const f: Figures = { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
  process.send!(f, () => process.disconnect());
}

/** One INSERT per operation, 50 at a time, no HTTP: what the database alone can do. */
async function floor(db: Database): Promise<Figures> {
  await db.exec('CREATE TABLE IF NOT EXISTS bench_floor (id bigint GENERATED ALWAYS AS IDENTITY, body text)');
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await db.query('INSERT INTO bench_floor (body) VALUES ($1)', [COMMENT]);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.floor(latencies.length * q)] ?? 0;
  return { rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99) };
}

/** A JSON POST of the benchmark comment to a bare fastify route running `handle`. */
async function postRoute(handle: (body: string) => Promise<unknown>): Promise<Figures> {
  const app = Fastify({ logger: false });
  app.post<{ Body: { body: string } }>(
    '/comments',
    { schema: { body: { type: 'object', properties: { body: { type: 'string' } }, required: ['body'] } } },
    async (request, reply) => {
      await handle(request.body.body);
      return reply.code(201).send({ ok: true });
    },
  );
  const url = await listen(app);
  const f = await load({
    url: `${url}/comments`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: COMMENT,
  });
  await app.close();
  return f;
}

/** The HTTP ceiling: the same framework answering a trivial JSON POST. */
const ceiling = () => postRoute(async () => {});

/** The floor's INSERT behind a fastify route with the same body: what HTTP adds to the floor. */
const httpFloor = (db: Database) => postRoute((body) => db.query('INSERT INTO bench_floor (body) VALUES ($1)', [body]));

async function service(name: string, db: Database, ceilingFigures: Figures): Promise<void> {
  await migrate(db);
  const dbFloor = await floor(db);
  const withHttp = await httpFloor(db);
  // A limit no benchmark reaches: the rate-limit bookkeeping still runs on every request.
  const app = await buildApp(db, { commentLimit: { max: 1e9, windowSeconds: 3600 }, trustProxy: ['127.0.0.1'] });
  const url = await listen(app);
  const token = (await createToken(db, 'admin')).token;
  const staff = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const open = {
    id: 'bench-open',
    title: 'bench',
    opens: new Date(Date.now() - 86_400_000).toISOString(),
    closes: '2099-12-31',
  };
  await fetch(`${url}/api/v1/consultations`, { method: 'POST', headers: staff, body: JSON.stringify(open) });
  const submit = await load(
    {
      url: `${url}/api/v1/consultations/bench-open/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: COMMENT,
    },
    true,
  );

  // 10,000 decided comments, then published: the feedback is one stored snapshot.
  await db.exec(`INSERT INTO consultations (id, title, opens, closes) VALUES ('bench-done', 'bench', now() - interval '40 days', now() - interval '1 day');
    INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, clause, body, moderation, decision, reason)
    SELECT 'bench-done', md5(i::text), 'k' || i, 'h', (i % 20)::text, '关于第' || (i % 20) || '条的意见：建议补充实施细则，电话13800138000。',
      'approved', (ARRAY['adopted','partly-adopted','not-adopted','out-of-scope'])[1 + i % 4], CASE WHEN i % 4 = 0 THEN NULL ELSE '已研究，理由如下。' END
    FROM generate_series(1, 10000) i`);
  const published = await fetch(`${url}/api/v1/consultations/bench-done/feedback`, {
    method: 'POST',
    headers: { authorization: staff.authorization },
  });
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${await published.text()}`);
  const feedbackUrl = `${url}/api/v1/consultations/bench-done/feedback`;
  // Sizes on the wire: fetch would decompress, so these read the raw response.
  const wire = async (encoding?: string) =>
    (
      await autocannon({
        url: feedbackUrl,
        amount: 1,
        connections: 1,
        headers: encoding ? { 'accept-encoding': encoding } : {},
      })
    ).throughput.total;
  const size = await wire();
  const brSize = await wire('gzip, deflate, br');
  const gzSize = await wire('gzip');
  const feedback = await load({ url: feedbackUrl });
  const feedbackBr = await load({ url: feedbackUrl, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  const feedbackGz = await load({ url: feedbackUrl, headers: { 'accept-encoding': 'gzip' } });
  await app.close();

  console.log(`\n${name}`);
  line('  HTTP ceiling (fastify, trivial JSON POST)', ceilingFigures);
  line('  database floor (one INSERT, no HTTP)', dbFloor);
  line('  HTTP + the floor INSERT (same route shape)', withHttp, dbFloor);
  line('  POST …/comments (idempotency + rate limit)', submit, dbFloor);
  line(`  GET …/feedback, 10,000 comments (${(size / 1e6).toFixed(1)} MB)`, feedback);
  line(`    … Accept-Encoding: br (${(brSize / 1e3).toFixed(0)} kB)`, feedbackBr);
  line(`    … Accept-Encoding: gzip (${(gzSize / 1e3).toFixed(0)} kB)`, feedbackGz);
}

async function main(): Promise<void> {
  const ceilingFigures = await ceiling();
  const dir = mkdtempSync(join(tmpdir(), 'gk-bench-'));
  try {
    const pglite = await openDatabase({ dataDir: join(dir, 'data') });
    await service('PGlite (data directory)', pglite, ceilingFigures);
    await pglite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.GK_TEST_DATABASE_URL;
  if (url) {
    const admin = await openDatabase({ url });
    const schema = `bench_${process.pid}`;
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    const pg = await openDatabase({ url: scoped.href });
    try {
      await service('PostgreSQL', pg, ceilingFigures);
    } finally {
      await pg.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  } else {
    console.log('\n(PostgreSQL skipped: set GK_TEST_DATABASE_URL, e.g. from scripts/start-postgres.sh)');
  }
}

if (process.env.GK_BENCH_LOADER) await loader();
else await main();

// Losing the database: PostgreSQL reached through a TCP proxy that the test cuts and restores,
// so the cluster other tests use keeps running. 503 with Retry-After while it is away, and
// the same server answers again once it is back.
import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { after, test } from 'node:test';
import { buildApp, migrate, openDatabase } from '@gongkai/server';

const url = process.env.GK_TEST_DATABASE_URL;

function proxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = (port = 0) =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => {});
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  return { listen, cut };
}

// PostgreSQL only: PGlite runs inside the process and cannot be lost on its own.
if (url)
  test('a lost database gives 503 with Retry-After, and the service recovers when it returns', async () => {
    const target = new URL(url!);
    const p = proxy(target);
    const port = await p.listen();
    const via = new URL(url!);
    via.port = String(port);
    const schema = `outage_${process.pid}`;
    via.searchParams.set('options', `-c search_path=${schema}`);
    const admin = await openDatabase({ url: url! });
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    after(async () => {
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    });
    const db = await openDatabase({ url: via.href });
    await migrate(db);
    const app = await buildApp(db);
    assert.equal((await app.inject('/readyz')).statusCode, 200);

    await p.cut();
    for (const path of ['/api/v1/consultations/any', '/api/v1/receipts/0000-0000-0000-0000', '/readyz']) {
      const res = await app.inject(path);
      assert.equal(res.statusCode, 503, path);
      assert.ok(Number(res.headers['retry-after']) > 0);
      assert.doesNotMatch(res.body, /ECONNREFUSED|at \S+ \(/);
    }
    assert.equal((await app.inject('/healthz')).statusCode, 200);

    await p.listen(port);
    assert.equal((await app.inject('/readyz')).statusCode, 200);
    assert.equal((await app.inject('/api/v1/consultations/any')).statusCode, 404);
    await app.close();
    await db.close();
    await p.cut();
  });

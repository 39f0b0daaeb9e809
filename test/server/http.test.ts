// HTTP behaviour across the routes: request ids, compression of large staff answers, CORS for a
// consultation's own origins, and a rate limit that several instances share.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp } from '@gongkai/server';
import { closeDatabases, databases, sameDatabase } from './databases.js';
import { consultation, iso, key, setup, signOffAll } from './helpers.js';

after(closeDatabases);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

for (const { name, fresh } of databases) {
  describe(`HTTP on ${name}`, () => {
    test('X-Request-Id: a sane incoming id is kept, logged and echoed; otherwise one is made', async () => {
      const lines: string[] = [];
      const logStream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      });
      const ctx = await setup(fresh, { logStream });
      const id = await consultation(ctx);
      const get = (headers: Record<string, string> = {}, url = `/api/v1/consultations/${id}`) =>
        ctx.app.inject({ url, headers });

      const given = 'lb-7f3a.2b_19-Z';
      const kept = await get({ 'x-request-id': given });
      assert.equal(kept.headers['x-request-id'], given);
      const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === given);
      assert.ok(
        logged.some((l) => l.msg === 'request completed' && l.res.statusCode === 200),
        lines.join('\n'),
      );

      const made = [await get(), await get()].map((r) => String(r.headers['x-request-id']));
      for (const m of made) assert.match(m, UUID);
      assert.notEqual(made[0], made[1]);

      // Anything that could forge a log line or smuggle markup is replaced, not echoed.
      for (const bad of ['has space', 'a'.repeat(65), '<script>', 'x"}\\n{"level":60', '']) {
        const res = await get({ 'x-request-id': bad });
        assert.match(String(res.headers['x-request-id']), UUID, JSON.stringify(bad));
      }
      // Errors carry one too, so a citizen's report can be matched to the log.
      const missing = await get({ 'x-request-id': 'report-404' }, '/api/v1/consultations/nope');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.headers['x-request-id'], 'report-404');
      const invalid = await ctx.comment(id, {}, key(), { 'x-request-id': 'report-400' });
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.headers['x-request-id'], 'report-400');
      assert.match(String((await ctx.app.inject({ url: '/healthz' })).headers['x-request-id']), UUID);
      await ctx.close();
    });

    test('large staff answers are compressed with br or gzip when accepted; small ones and the rest are not', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx, { opens: iso(-40), closes: iso(5) });
      for (let i = 0; i < 12; i++) {
        const body = `第${i}条意见：建议在公示期内同时通过政务服务大厅的电子屏和社区公告栏公开，方便不常上网的居民知晓。`;
        assert.equal((await ctx.comment(id, { body, name: '市民' })).statusCode, 201);
      }
      const list = `/api/v1/consultations/${id}/comments?limit=100`;
      const plain = await ctx.staff({ url: list });
      assert.ok(plain.rawPayload.length > 1024, `${plain.rawPayload.length} bytes`);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(String(plain.headers.vary), /Accept-Encoding/);

      const cases = [
        ['gzip, deflate, br', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
        ['br;q=0, gzip;q=0.5', 'gzip', gunzipSync],
        ['*', 'br', brotliDecompressSync],
      ] as const;
      for (const [accept, coding, decode] of cases) {
        const packed = await ctx.staff({ url: list, headers: { 'accept-encoding': accept } });
        assert.equal(packed.statusCode, 200);
        assert.equal(packed.headers['content-encoding'], coding, accept);
        assert.equal(Number(packed.headers['content-length']), packed.rawPayload.length);
        assert.ok(packed.rawPayload.length < plain.rawPayload.length / 2, `${accept}: ${packed.rawPayload.length}`);
        assert.equal(decode(packed.rawPayload).toString(), plain.body);
        // CORS's Vary stays beside it.
        assert.deepEqual(String(packed.headers.vary).split(', ').sort(), ['Accept-Encoding', 'Origin']);
      }
      for (const accept of ['identity', 'gzip;q=0, br;q=0', 'deflate']) {
        const none = await ctx.staff({ url: list, headers: { 'accept-encoding': accept } });
        assert.equal(none.headers['content-encoding'], undefined, accept);
        assert.equal(none.body, plain.body);
      }

      // The audit log and the feedback versions too, once they are large.
      const ids = plain.json().items.map((c: { id: number }) => c.id);
      await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { ids, decision: 'partly-adopted', reason: '将在实施细则中研究。' },
      });
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 minute' WHERE id = $1", [id]);
      await signOffAll(ctx, id);
      assert.equal((await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` })).statusCode, 201);
      for (const url of [`/api/v1/consultations/${id}/audit`, `/api/v1/consultations/${id}/feedback/versions`]) {
        const packed = await ctx.staff({ url, headers: { 'accept-encoding': 'gzip' } });
        assert.equal(packed.headers['content-encoding'], 'gzip', url);
        assert.ok(JSON.parse(gunzipSync(packed.rawPayload).toString()));
      }
      // Under 1 KB: sent as it is, with no Vary for it.
      const groups = await ctx.staff({
        url: `/api/v1/consultations/${id}/groups`,
        headers: { 'accept-encoding': 'br' },
      });
      assert.ok(groups.rawPayload.length < 1024);
      assert.equal(groups.headers['content-encoding'], undefined);
      assert.doesNotMatch(String(groups.headers.vary), /Accept-Encoding/);
      // Errors are not compressed.
      const denied = await ctx.app.inject({ url: list, headers: { 'accept-encoding': 'br' } });
      assert.equal(denied.statusCode, 401);
      assert.equal(denied.headers['content-encoding'], undefined);
      // Public answers other than the feedback snapshot are not compressed here.
      const pub = await ctx.app.inject({ url: `/api/v1/consultations/${id}`, headers: { 'accept-encoding': 'br' } });
      assert.equal(pub.headers['content-encoding'], undefined);
      // The feedback keeps its own precompressed snapshot and ETag per coding.
      const feedback = await ctx.app.inject({
        url: `/api/v1/consultations/${id}/feedback`,
        headers: { 'accept-encoding': 'br' },
      });
      assert.equal(feedback.headers['content-encoding'], 'br');
      assert.match(String(feedback.headers.etag), /-br"$/);
      assert.deepEqual(String(feedback.headers.vary).split(', ').sort(), ['Accept-Encoding', 'Origin']);
      assert.equal(JSON.parse(brotliDecompressSync(feedback.rawPayload).toString()).comments.length, 12);
      await ctx.close();
    });

    test("CORS: a preflight from a consultation's origin is allowed, at once for one created or changed", async () => {
      const ctx = await setup(fresh);
      const first = 'https://fgw.example.gov.cn';
      const id = await consultation(ctx, { origins: [first] });
      const preflight = (origin: string, url = `/api/v1/consultations/${id}/comments`) =>
        ctx.app.inject({
          method: 'OPTIONS',
          url,
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, idempotency-key',
          },
        });
      const ok = await preflight(first);
      assert.equal(ok.statusCode, 204);
      assert.equal(ok.headers['access-control-allow-origin'], first);
      assert.match(String(ok.headers['access-control-allow-methods']), /\bPOST\b/);
      for (const h of ['content-type', 'idempotency-key']) {
        assert.match(String(ok.headers['access-control-allow-headers']), new RegExp(h));
      }
      assert.ok(Number(ok.headers['access-control-max-age']) > 0);
      assert.match(String(ok.headers.vary), /Origin/);
      // The request itself: allowed, with the headers a page needs to read.
      const sent = await ctx.comment(id, { body: '跨域提交' }, key(), { origin: first });
      assert.equal(sent.statusCode, 201);
      assert.equal(sent.headers['access-control-allow-origin'], first);
      assert.match(String(sent.headers['access-control-expose-headers']), /retry-after/);
      // Not a prefix match: another scheme, port or subdomain is another origin.
      for (const other of [
        'http://fgw.example.gov.cn',
        'https://fgw.example.gov.cn:8443',
        'https://x.fgw.example.gov.cn',
      ]) {
        assert.equal((await preflight(other)).statusCode, 403, other);
      }
      // A consultation created, or given an origin, after the origins were cached: allowed at once.
      const later = 'https://www.later.gov.cn';
      const id2 = await consultation(ctx, { origins: [later] });
      assert.equal((await preflight(later, `/api/v1/consultations/${id2}/comments`)).statusCode, 204);
      const added = 'https://added.example.gov.cn';
      assert.equal((await preflight(added)).statusCode, 403);
      const patched = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${id}`,
        payload: { origins: [first, added] },
      });
      assert.equal(patched.statusCode, 200);
      assert.equal((await preflight(added)).statusCode, 204);
      await ctx.close();
    });

    test('two instances on one database share the rate limit: a burst split across both gets 429', async () => {
      const options = { commentLimit: { max: 4, windowSeconds: 600 }, trustProxy: ['127.0.0.1'] };
      const ctx = await setup(fresh, options);
      const db2 = await sameDatabase(ctx.db);
      const other = await buildApp(db2, options);
      try {
        const id = await consultation(ctx);
        const send = (app: typeof other, i: number, ip: string) =>
          app.inject({
            method: 'POST',
            url: `/api/v1/consultations/${id}/comments`,
            headers: { 'idempotency-key': key(), 'x-forwarded-for': ip },
            payload: { body: `第${i}条` },
          });
        // One after another, alternating instances.
        const codes = [];
        for (let i = 0; i < 6; i++) codes.push((await send(i % 2 ? other : ctx.app, i, '203.0.113.9')).statusCode);
        assert.deepEqual(codes, [201, 201, 201, 201, 429, 429]);
        // All at once, half on each: exactly the limit gets through.
        const burst = await Promise.all(
          Array.from({ length: 10 }, (_, i) => send(i % 2 ? other : ctx.app, i, '198.51.100.4')),
        );
        const count = (code: number) => burst.filter((r) => r.statusCode === code).length;
        assert.deepEqual([count(201), count(429)], [4, 6]);
        const limited = burst.find((r) => r.statusCode === 429)!;
        assert.ok(Number(limited.headers['retry-after']) > 0);
        const stored = await ctx.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM comments WHERE consultation_id = $1',
          [id],
        );
        assert.equal(stored.rows[0]!.n, 8);
      } finally {
        await other.close();
        await db2.close();
        await ctx.close();
      }
    });
  });
}

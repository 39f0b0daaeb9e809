import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { formatReceipt, newReceipt, parseReceipt } from '@gongkai/server';
import { closeDatabases, databases } from './databases.js';
import { consultation, iso, key, setup } from './helpers.js';

after(closeDatabases);

const noStack = (body: string) => assert.doesNotMatch(body, /at \S+ \(|node_modules|\.ts:\d+/);

for (const { name, fresh } of databases) {
  describe(`comments on ${name}`, () => {
    test('a comment gets a receipt; the same key and body give the same receipt, a different body 409', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const k = key();
      const first = await ctx.comment(id, { body: '建议将公示期延长至十五日。' }, k);
      assert.equal(first.statusCode, 201);
      assert.match(first.json().receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const again = await ctx.comment(id, { body: '建议将公示期延长至十五日。' }, k);
      assert.equal(again.statusCode, 201);
      assert.equal(again.json().receipt, first.json().receipt);
      const other = await ctx.comment(id, { body: '另一条意见' }, k);
      assert.equal(other.statusCode, 409);
      const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments` });
      assert.equal(list.json().items.length, 1);
      await ctx.close();
    });

    test('concurrent duplicates store one comment and all get the same receipt', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const k = key();
      const answers = await Promise.all(Array.from({ length: 8 }, () => ctx.comment(id, { body: '同时提交' }, k)));
      assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([201]));
      assert.equal(new Set(answers.map((a) => a.json().receipt)).size, 1);
      const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments` });
      assert.equal(list.json().items.length, 1);
      await ctx.close();
    });

    test('outside the window: 403 saying when it opens or closed', async () => {
      const ctx = await setup(fresh);
      const early = await consultation(ctx, { opens: iso(2), closes: iso(40) });
      const late = await consultation(ctx, { opens: iso(-40), closes: iso(-1) });
      const a = await ctx.comment(early, { body: '太早' });
      assert.equal(a.statusCode, 403);
      assert.match(a.json().message, /open at \d{4}-/);
      assert.equal(a.json().opens, (await ctx.app.inject(`/api/v1/consultations/${early}`)).json().opens);
      const b = await ctx.comment(late, { body: '太晚' });
      assert.equal(b.statusCode, 403);
      assert.match(b.json().message, /closed at \d{4}-/);
      assert.match(b.json().zh, /截止/);
      await ctx.close();
    });

    test('invalid input: 400 with field paths; missing key, malformed JSON, empty text', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const bad = await ctx.comment(id, { body: 'x', submitterType: 'robot', extra: 1 });
      assert.equal(bad.statusCode, 400);
      const paths = bad.json().problems.map((p: { path: string }) => p.path);
      assert.ok(paths.includes('$.submitterType'), paths.join());
      assert.ok(paths.includes('$.extra'), paths.join());
      const missing = await ctx.comment(id, {});
      assert.deepEqual(
        missing.json().problems.map((p: { path: string }) => p.path),
        ['$.body'],
      );
      const noKey = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/comments`,
        payload: { body: '没有幂等键' },
      });
      assert.equal(noKey.statusCode, 400);
      assert.match(noKey.body, /idempotency-key/);
      // Keys beginning entry: are the server's own (comments staff enter): a citizen's cannot block one.
      const staffKey = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/comments`,
        headers: { 'idempotency-key': 'entry:letter-0001' },
        payload: { body: '占用工作人员的键' },
      });
      assert.equal(staffKey.statusCode, 400, staffKey.body);
      assert.match(staffKey.body, /idempotency-key/);
      const malformed = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/comments`,
        headers: { 'idempotency-key': key(), 'content-type': 'application/json' },
        payload: '{"body": "unfinished',
      });
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().error, 'malformed-json');
      noStack(malformed.body);
      const blank = await ctx.comment(id, { body: '   ' });
      assert.equal(blank.statusCode, 400);
      // PostgreSQL text cannot hold NUL: refused with the field's path, not a database error.
      const nul = await ctx.comment(id, { body: 'a\u0000b', name: "O'Brien" });
      assert.equal(nul.statusCode, 400);
      assert.deepEqual(
        nul.json().problems.map((p: { path: string }) => p.path),
        ['$.body'],
      );
      // Quotes and backslashes are data (PGlite sends the parameters as quoted literals).
      const quoted = await ctx.comment(id, { body: "it's \\'; DROP TABLE comments; --", name: "O'Brien\\" });
      assert.equal(quoted.statusCode, 201);
      const stored = await ctx.db.query<{ body: string; name: string }>(
        'SELECT body, name FROM comments WHERE receipt = $1',
        [quoted.json().receipt.replaceAll('-', '')],
      );
      assert.deepEqual(stored.rows[0], { body: "it's \\'; DROP TABLE comments; --", name: "O'Brien\\" });
      await ctx.close();
    });

    test('limits: 5,000 characters of comment; requests over 64 KB refused with 413 before parsing', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      assert.equal((await ctx.comment(id, { body: '意'.repeat(5000) })).statusCode, 201);
      const long = await ctx.comment(id, { body: '意'.repeat(5001) });
      assert.equal(long.statusCode, 400);
      assert.equal(long.json().problems[0].path, '$.body');
      // Not even JSON: a parser that ran would say 400, the size check says 413 first.
      const huge = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/comments`,
        headers: { 'idempotency-key': key(), 'content-type': 'application/json' },
        payload: `{${'x'.repeat(70_000)}`,
      });
      assert.equal(huge.statusCode, 413);
      noStack(huge.body);
      await ctx.close();
    });

    test('a clause must exist in the draft', async () => {
      const ctx = await setup(fresh);
      const bundle = {
        schemaVersion: 1,
        id: 'draft-1',
        meta: { title: '示例办法（征求意见稿）', status: 'draft' },
        clauses: [{ id: '1', number: '一、', level: 1, parent: null, title: '总则', text: '为了……' }],
      };
      const id = await consultation(ctx, { policy: bundle });
      assert.equal((await ctx.comment(id, { body: '第一条', clause: '1' })).statusCode, 201);
      const wrong = await ctx.comment(id, { body: '第九条', clause: '9' });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().problems[0].path, '$.clause');
      await ctx.close();
    });

    test('the honeypot: a bot is answered as if accepted and nothing is stored', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const bot = await ctx.comment(id, { body: 'buy now', website: 'http://spam.example' });
      assert.equal(bot.statusCode, 201);
      assert.ok(parseReceipt(bot.json().receipt));
      assert.equal((await ctx.app.inject(`/api/v1/receipts/${bot.json().receipt}`)).statusCode, 404);
      assert.equal((await ctx.app.inject(`/api/v1/consultations/${id}`)).json().counts.received, 0);
      await ctx.close();
    });

    test('a burst from one address gets 429 with Retry-After; other addresses are not affected', async () => {
      const ctx = await setup(fresh, { commentLimit: { max: 3, windowSeconds: 600 }, trustProxy: ['127.0.0.1'] });
      const id = await consultation(ctx);
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      const burst = [];
      for (let i = 0; i < 5; i++)
        burst.push((await ctx.comment(id, { body: `第${i}条` }, key(), from('203.0.113.7'))).statusCode);
      assert.deepEqual(burst, [201, 201, 201, 429, 429]);
      const limited = await ctx.comment(id, { body: '再来' }, key(), from('203.0.113.7'));
      assert.ok(Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 600);
      assert.equal((await ctx.comment(id, { body: '别人' }, key(), from('198.51.100.2'))).statusCode, 201);
      await ctx.close();
    });

    test('a burst straddling a window boundary does not pass at twice the limit, and the limit lifts as the window slides', async () => {
      const windowMs = 2000;
      const ctx = await setup(fresh, {
        commentLimit: { max: 3, windowSeconds: windowMs / 1000 },
        trustProxy: ['127.0.0.1'],
      });
      const id = await consultation(ctx);
      // Just after a boundary of the clock-aligned windows, then just after the next one.
      const untilBoundary = () => new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 50));
      const send = async (i: number) =>
        (await ctx.comment(id, { body: `第${i}条` }, key(), { 'x-forwarded-for': '203.0.113.9' })).statusCode;
      await untilBoundary();
      const first = [await send(0), await send(1), await send(2)];
      await untilBoundary();
      const straddling = await send(3);
      assert.deepEqual([...first, straddling], [201, 201, 201, 429]);
      // Most of the previous window has slid out of the last two seconds.
      await new Promise((r) => setTimeout(r, 1600));
      assert.equal(await send(4), 201);
      await ctx.close();
    });

    test('submissions arriving together are written together, each answered as if alone', async () => {
      const ctx = await setup(fresh, { commentLimit: { max: 3, windowSeconds: 600 }, trustProxy: ['127.0.0.1'] });
      const id = await consultation(ctx);
      const closed = await consultation(ctx, { opens: iso(-40), closes: iso(-1) });
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      const same = key();
      const clash = key();
      const answers = await Promise.all([
        ...Array.from({ length: 6 }, (_, i) => ctx.comment(id, { body: `第${i}条` }, key(), from('203.0.113.20'))),
        ...Array.from({ length: 3 }, () => ctx.comment(id, { body: '同一条' }, same, from('203.0.113.21'))),
        ctx.comment(id, { body: '先到的' }, clash, from('203.0.113.22')),
        ctx.comment(id, { body: '后到的，内容不同' }, clash, from('203.0.113.22')),
        ctx.comment('no-such-consultation', { body: '无此征集' }, key(), from('203.0.113.23')),
        ctx.comment(closed, { body: '已截止' }, key(), from('203.0.113.23')),
        // A lone surrogate is stored as U+FFFD, as a text parameter would be, and fails no one else.
        ctx.comment(id, { body: `半个字符\ud800` }, key(), from('203.0.113.24')),
      ]);
      const codes = answers.map((a) => a.statusCode);
      assert.deepEqual(codes.slice(0, 6).sort(), [201, 201, 201, 429, 429, 429]);
      assert.ok(answers.slice(0, 6).every((a) => a.statusCode === 201 || Number(a.headers['retry-after']) > 0));
      assert.deepEqual(codes.slice(6, 9), [201, 201, 201]);
      assert.equal(new Set(answers.slice(6, 9).map((a) => a.json().receipt)).size, 1);
      assert.deepEqual(codes.slice(9), [201, 409, 404, 403, 201]);
      const stored = await ctx.db.query<{ body: string }>('SELECT body FROM comments WHERE consultation_id = $1', [id]);
      assert.equal(stored.rows.length, 3 + 1 + 1 + 1);
      assert.ok(stored.rows.some((r) => r.body === '半个字符\ufffd'));
      await ctx.close();
    });

    test('without --trust-proxy X-Forwarded-For is ignored, so it cannot dodge the limit', async () => {
      const ctx = await setup(fresh, { commentLimit: { max: 2, windowSeconds: 600 } });
      const id = await consultation(ctx);
      const codes = [];
      for (let i = 0; i < 3; i++) {
        codes.push(
          (await ctx.comment(id, { body: `第${i}条` }, key(), { 'x-forwarded-for': `192.0.2.${i}` })).statusCode,
        );
      }
      assert.deepEqual(codes, [201, 201, 429]);
      await ctx.close();
    });

    test('receipts: typed loosely they are found; a mistyped one is 400, an unknown one 404', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const receipt: string = (await ctx.comment(id, { body: '回执测试' })).json().receipt;
      const loose = receipt.toLowerCase().replace(/-/g, ' ');
      assert.equal((await ctx.app.inject(`/api/v1/receipts/${encodeURIComponent(loose)}`)).json().receipt, receipt);
      // Change each symbol in turn: the check symbol refuses every single-symbol typo.
      const plain = receipt.replace(/-/g, '');
      for (let i = 0; i < plain.length; i++) {
        const typo = plain.slice(0, i) + (plain[i] === 'A' ? 'B' : 'A') + plain.slice(i + 1);
        assert.equal((await ctx.app.inject(`/api/v1/receipts/${typo}`)).statusCode, 400, typo);
      }
      const unknown = formatReceipt(newReceipt());
      assert.equal((await ctx.app.inject(`/api/v1/receipts/${unknown}`)).statusCode, 404);
      await ctx.close();
    });

    test('SQL injection shapes are plain 404/400 and change nothing', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      await ctx.comment(id, { body: '正常意见' });
      const shapes = [
        "x' OR '1'='1",
        '1; DROP TABLE comments;--',
        "c-1' UNION SELECT * FROM staff_tokens--",
        '%27%20OR%201=1',
      ];
      for (const s of shapes) {
        const e = encodeURIComponent(s);
        for (const url of [
          `/api/v1/consultations/${e}`,
          `/api/v1/receipts/${e}`,
          `/api/v1/consultations/${e}/feedback`,
        ]) {
          const res = await ctx.app.inject(url);
          assert.ok([400, 404].includes(res.statusCode), `${url} → ${res.statusCode}`);
          noStack(res.body);
        }
        const q = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?q=${e}` });
        assert.equal(q.statusCode, 200);
        assert.equal(q.json().items.length, 0);
        const stored = await ctx.comment(id, { body: s, clause: undefined });
        assert.equal(stored.statusCode, 201);
      }
      const all = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=100` });
      assert.equal(all.json().items.length, 1 + shapes.length);
      await ctx.close();
    });

    test('CORS: configured and consultation origins are allowed, unknown origins refused', async () => {
      const ctx = await setup(fresh, { corsOrigins: ['https://www.example.gov.cn'] });
      const id = await consultation(ctx, { origins: ['https://fgw.example.gov.cn'] });
      const preflight = (origin: string) =>
        ctx.app.inject({
          method: 'OPTIONS',
          url: `/api/v1/consultations/${id}/comments`,
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'idempotency-key',
          },
        });
      for (const origin of ['https://www.example.gov.cn', 'https://fgw.example.gov.cn']) {
        const ok = await preflight(origin);
        assert.equal(ok.statusCode, 204);
        assert.equal(ok.headers['access-control-allow-origin'], origin);
        assert.match(String(ok.headers['access-control-allow-headers']), /idempotency-key/);
      }
      const evil = await preflight('https://evil.example.com');
      assert.equal(evil.statusCode, 403);
      assert.equal(evil.headers['access-control-allow-origin'], undefined);
      const get = await ctx.app.inject({
        url: `/api/v1/consultations/${id}`,
        headers: { origin: 'https://evil.example.com' },
      });
      assert.equal(get.headers['access-control-allow-origin'], undefined);
      await ctx.close();
    });
  });
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { buildApp, putPolicy } from '@gongkai/server';
import { closeDatabases, databases, ownPglite } from './databases.js';

const ezhou = JSON.parse(readFileSync(new URL('../../demo/policies/ezhou-2016-40.json', import.meta.url), 'utf8'));

after(closeDatabases);

for (const { name, fresh } of databases) {
  describe(`server on ${name}`, () => {
    test('is alive and ready once migrations are applied', async () => {
      const db = await fresh();
      const app = await buildApp(db);
      assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok' });
      const ready = await app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.json().status, 'ready');
      await app.close();
      await db.close();
    });

    test('serves a stored policy bundle and 404s an unknown one', async () => {
      const db = await fresh();
      await putPolicy(db, ezhou);
      const app = await buildApp(db);
      const found = await app.inject('/api/v1/policies/ezhou-zbf-2016-40');
      assert.equal(found.statusCode, 200);
      assert.equal(found.json().meta.docNumber, '鄂州政办发〔2016〕40号');
      assert.equal((await app.inject('/api/v1/policies/no-such-policy')).statusCode, 404);
      // An id that cannot be one is refused by the route's schema before any query.
      const injected = await app.inject("/api/v1/policies/x'%20OR%201=1--");
      assert.equal(injected.statusCode, 400);
      assert.doesNotMatch(injected.body, /at \w+ \(/); // no stack trace
      await app.close();
      await db.close();
    });

    test('refuses to store an invalid bundle, naming the problem', async () => {
      const db = await fresh();
      await assert.rejects(putPolicy(db, { ...ezhou, meta: { title: '' } }), /\$\.meta\.title/);
      await db.close();
    });
  });
}

test('PGlite prepares a statement once, also when its first uses arrive together', async () => {
  const db = await ownPglite();
  try {
    const sql = 'SELECT $1::int + 1 AS n, $2::text AS s';
    const rows = await Promise.all(
      Array.from(
        { length: 5 },
        async (_, i) => (await db.prepared<{ n: number; s: string }>('gk_test', sql, [i, "it's"])).rows[0],
      ),
    );
    assert.deepEqual(
      rows,
      Array.from({ length: 5 }, (_, i) => ({ n: i + 1, s: "it's" })),
    );
  } finally {
    await db.close();
  }
});

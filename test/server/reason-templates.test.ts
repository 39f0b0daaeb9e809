import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DECISIONS } from '@gongkai/format';
import { closeDatabases, databases } from './databases.js';
import { setup } from './helpers.js';

after(closeDatabases);

const url = '/api/v1/reason-templates';

interface Template {
  id: number;
  decision: string | null;
  title: string;
  text: string;
  createdBy: string;
  updated: string;
}

for (const { name, fresh } of databases) {
  describe(`reason templates on ${name}`, () => {
    test('defaults in Chinese from the migration; every staff role reads them; filtered by decision', async () => {
      const ctx = await setup(fresh);
      for (const role of ['admin', 'editor', 'reviewer'] as const) {
        assert.equal((await ctx.staff({ url }, role)).statusCode, 200, role);
      }
      assert.equal((await ctx.app.inject(url)).statusCode, 401);
      const all: Template[] = (await ctx.staff({ url }, 'editor')).json().items;
      const titles = all.map((t) => t.title);
      for (const title of ['已有相关规定', '超出本文件调整范围', '与上位法规定不一致', '重复意见']) {
        assert.ok(titles.includes(title), `${title} in ${titles.join('，')}`);
      }
      for (const t of all) {
        assert.ok(t.decision === null || (DECISIONS as readonly string[]).includes(t.decision), t.decision ?? '');
        assert.match(t.text, /\p{Script=Han}/u);
        assert.equal(t.createdBy, 'system');
        assert.ok(!Number.isNaN(Date.parse(t.updated)));
      }
      const outOfScope: Template[] = (await ctx.staff({ url: `${url}?decision=out-of-scope` })).json().items;
      assert.ok(outOfScope.length > 0 && outOfScope.length < all.length);
      assert.ok(outOfScope.every((t) => t.decision === 'out-of-scope' || t.decision === null));
      assert.ok(outOfScope.some((t) => t.decision === 'out-of-scope'));
      assert.equal((await ctx.staff({ url: `${url}?decision=maybe` })).statusCode, 400);
      await ctx.close();
    });

    test('reviewers and admins create, change and delete; editors may not; every change audited', async () => {
      const ctx = await setup(fresh);
      const payload = { decision: 'not-adopted', title: '缺乏事实依据', text: '该意见所述情况缺乏事实依据。' };
      assert.equal((await ctx.staff({ method: 'POST', url, payload }, 'editor')).statusCode, 403);
      assert.equal((await ctx.app.inject({ method: 'POST', url, payload })).statusCode, 401);
      const made = await ctx.staff({ method: 'POST', url, payload }, 'reviewer');
      assert.equal(made.statusCode, 201, made.body);
      const t: Template = made.json();
      assert.deepEqual(
        { decision: t.decision, title: t.title, text: t.text },
        { decision: 'not-adopted', title: '缺乏事实依据', text: '该意见所述情况缺乏事实依据。' },
      );
      assert.match(t.createdBy, /^reviewer:[0-9a-f]{12}$/);
      const listed: Template[] = (await ctx.staff({ url }, 'editor')).json().items;
      assert.deepEqual(listed.at(-1), t);

      const one = `${url}/${t.id}`;
      assert.equal(
        (await ctx.staff({ method: 'PATCH', url: one, payload: { title: '无依据' } }, 'editor')).statusCode,
        403,
      );
      const changed = await ctx.staff({ method: 'PATCH', url: one, payload: { decision: null, title: '无依据' } });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual(
        { decision: changed.json().decision, title: changed.json().title, text: changed.json().text },
        { decision: null, title: '无依据', text: payload.text },
      );
      assert.equal(changed.json().createdBy, t.createdBy);
      assert.ok(Date.parse(changed.json().updated) >= Date.parse(t.updated));

      assert.equal((await ctx.staff({ method: 'DELETE', url: one }, 'editor')).statusCode, 403);
      const deleted = await ctx.staff({ method: 'DELETE', url: one }, 'reviewer');
      assert.equal(deleted.statusCode, 204);
      assert.equal(deleted.body, '');
      assert.equal((await ctx.staff({ method: 'DELETE', url: one })).statusCode, 404);
      assert.equal((await ctx.staff({ method: 'PATCH', url: one, payload: { title: 'x' } })).statusCode, 404);
      assert.ok(!(await ctx.staff({ url })).json().items.some((x: Template) => x.id === t.id));

      const log = (await ctx.staff({ url: `${url}/audit` }, 'editor')).json().items;
      assert.deepEqual(
        log.map((e: { action: string }) => e.action),
        ['reason-template.create', 'reason-template.update', 'reason-template.delete'],
      );
      assert.match(log[0].actor, /^reviewer:/);
      assert.match(log[1].actor, /^admin:/);
      assert.deepEqual(log[1].before, { id: t.id, ...payload });
      assert.deepEqual(log[1].after, { id: t.id, decision: null, title: '无依据', text: payload.text });
      assert.equal(log[2].before.title, '无依据');
      assert.equal(log[2].after, null);
      await ctx.close();
    });

    test('invalid templates are refused with field paths; the OpenAPI document describes them', async () => {
      const ctx = await setup(fresh);
      const post = (payload: Record<string, unknown>) => ctx.staff({ method: 'POST', url, payload });
      const cases: [Record<string, unknown>, string][] = [
        [{ title: '标题' }, '$.text'],
        [{ title: '   ', text: '理由' }, '$.title'],
        [{ title: '标题', text: '理由', decision: 'rejected' }, '$.decision'],
        [{ title: '长'.repeat(51), text: '理由' }, '$.title'],
        [{ title: '标题', text: '理'.repeat(2001) }, '$.text'],
        [{ title: '标题', text: '理由', extra: 1 }, '$.extra'],
      ];
      for (const [payload, path] of cases) {
        const res = await post(payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.ok(
          res.json().problems.some((p: { path: string }) => p.path === path),
          `${path} in ${res.body}`,
        );
      }
      assert.equal((await ctx.staff({ method: 'PATCH', url: `${url}/1`, payload: {} })).statusCode, 400);
      assert.equal((await ctx.staff({ method: 'PATCH', url: `${url}/x`, payload: { title: 't' } })).statusCode, 400);
      // Text is kept as given, trimmed; SQL-looking text is text.
      const odd = await post({ title: " '; DROP TABLE reason_templates; -- ", text: '理由' });
      assert.equal(odd.statusCode, 201);
      assert.equal(odd.json().title, "'; DROP TABLE reason_templates; --");
      const doc = (await ctx.app.inject('/api/v1/openapi.json')).json();
      assert.deepEqual(Object.keys(doc.paths[url]).sort(), ['get', 'post']);
      assert.deepEqual(Object.keys(doc.paths[`${url}/{id}`]).sort(), ['delete', 'patch']);
      const body = doc.paths[url].post.requestBody.content['application/json'].schema;
      assert.deepEqual(body.required, ['title', 'text']);
      assert.deepEqual(body.properties.decision.enum, [...DECISIONS, null]);
      assert.deepEqual(doc.paths[url].get.security, [{ bearer: [] }]);
      await ctx.close();
    });
  });
}

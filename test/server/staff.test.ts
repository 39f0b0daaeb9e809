import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, iso, publishAndWait, settledGroups, setup, signOffAll } from './helpers.js';

after(closeDatabases);

async function comments(ctx: Ctx, id: string, bodies: string[]): Promise<number[]> {
  for (const body of bodies) assert.equal((await ctx.comment(id, { body })).statusCode, 201);
  const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=500` });
  return list.json().items.map((i: { id: number }) => i.id);
}

for (const { name, fresh } of databases) {
  describe(`staff on ${name}`, () => {
    test('staff endpoints: 401 without a valid token, 403 for a role that may not act; tokens stored hashed', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const url = `/api/v1/consultations/${id}/comments`;
      assert.equal((await ctx.app.inject(url)).statusCode, 401);
      const forged = ctx.tokens.admin.slice(0, -2) + (ctx.tokens.admin.endsWith('AA') ? 'BB' : 'AA');
      assert.equal((await ctx.app.inject({ url, headers: { authorization: `Bearer ${forged}` } })).statusCode, 401);
      assert.equal((await ctx.staff({ url }, 'reviewer')).statusCode, 200);
      const create = await ctx.staff(
        {
          method: 'POST',
          url: '/api/v1/consultations',
          payload: { id: 'x1', title: 't', opens: iso(0), closes: iso(40) },
        },
        'reviewer',
      );
      assert.equal(create.statusCode, 403);
      const { rows } = await ctx.db.query<{ secret_hash: string }>('SELECT secret_hash FROM staff_tokens');
      for (const token of Object.values(ctx.tokens)) {
        // The secret is base64url, which has underscores of its own: all after `gks_<id>_`.
        const secret = token.split('_').slice(2).join('_');
        assert.ok(secret.length >= 40);
        assert.ok(rows.every((r) => !r.secret_hash.includes(secret)));
      }
      await ctx.close();
    });

    test('a window under 30 days needs a reason, which is published; PATCH changes a consultation', async () => {
      const ctx = await setup(fresh);
      const short = { id: 'short', title: '短期征求意见', opens: '2030-03-01', closes: '2030-03-10' };
      const refused = await ctx.staff({ method: 'POST', url: '/api/v1/consultations', payload: short });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.json().message, /shortWindowReason/);
      const reason = '因上位法修订时限要求，征求意见期缩短为10天';
      const ok = await ctx.staff({
        method: 'POST',
        url: '/api/v1/consultations',
        payload: { ...short, shortWindowReason: reason },
      });
      assert.equal(ok.statusCode, 201);
      const pub = (await ctx.app.inject('/api/v1/consultations/short')).json();
      assert.equal(pub.shortWindowReason, reason);
      assert.equal(pub.days, 10);
      assert.equal(pub.status, 'upcoming');
      const patched = await ctx.staff(
        {
          method: 'PATCH',
          url: '/api/v1/consultations/short',
          payload: { closes: '2030-04-15', contact: '0971-1234567' },
        },
        'editor',
      );
      assert.equal(patched.statusCode, 200);
      assert.equal(patched.json().contact, '0971-1234567');
      assert.equal(patched.json().days, 46);
      const dup = await ctx.staff({
        method: 'POST',
        url: '/api/v1/consultations',
        payload: { ...short, shortWindowReason: reason },
      });
      assert.equal(dup.statusCode, 409);
      await ctx.close();
    });

    test('feedbackExpected: set on POST, changed and cleared on PATCH, shown publicly, never before the close', async () => {
      const ctx = await setup(fresh);
      const base = { title: '征求意见', opens: '2030-03-01', closes: '2030-03-31' };
      const create = (fields: Record<string, unknown>) =>
        ctx.staff({ method: 'POST', url: '/api/v1/consultations', payload: { ...base, ...fields } }, 'editor');
      const made = await create({ id: 'fe', feedbackExpected: '2030-04-30' });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal(made.json().feedbackExpected, '2030-04-30');
      assert.equal((await ctx.app.inject('/api/v1/consultations/fe')).json().feedbackExpected, '2030-04-30');
      // Absent is null; the closing day itself is allowed, the day before it is not.
      assert.equal((await create({ id: 'fe-none' })).json().feedbackExpected, null);
      assert.equal((await create({ id: 'fe-same', feedbackExpected: '2030-03-31' })).statusCode, 201);
      const early = await create({ id: 'fe-early', feedbackExpected: '2030-03-30' });
      assert.equal(early.statusCode, 422);
      assert.equal(early.json().problems[0].path, '$.feedbackExpected');
      for (const bad of ['2030-02-30', '30 April 2030', '2030-04-30T00:00:00Z', 20300430]) {
        const res = await create({ id: 'fe-bad', feedbackExpected: bad });
        assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
        assert.equal(res.json().problems[0].path, '$.feedbackExpected');
      }
      const patch = (payload: Record<string, unknown>) =>
        ctx.staff({ method: 'PATCH', url: '/api/v1/consultations/fe', payload }, 'editor');
      assert.equal((await patch({ feedbackExpected: '2030-05-15' })).json().feedbackExpected, '2030-05-15');
      // Other changes keep it; closing after it needs a new date too.
      assert.equal((await patch({ contact: '0971-1234567' })).json().feedbackExpected, '2030-05-15');
      assert.equal((await patch({ closes: '2030-06-01' })).statusCode, 422);
      const moved = await patch({ closes: '2030-06-01', feedbackExpected: '2030-06-30' });
      assert.equal(moved.json().feedbackExpected, '2030-06-30');
      assert.equal((await patch({ feedbackExpected: null })).json().feedbackExpected, null);
      const log = (await ctx.staff({ url: '/api/v1/consultations/fe/audit' })).json().items;
      const last = log.at(-1);
      assert.equal(last.action, 'consultation.update');
      // What changed, and only that.
      assert.deepEqual(last.before, { feedbackExpected: '2030-06-30' });
      assert.deepEqual(last.after, { feedbackExpected: null });
      const doc = (await ctx.app.inject('/api/v1/openapi.json')).json();
      const view = doc.paths['/api/v1/consultations/{id}'].get.responses['200'].content['application/json'].schema;
      assert.deepEqual(view.properties.feedbackExpected.type, ['string', 'null']);
      await ctx.close();
    });

    test('policies: PUT validates with @gongkai/format and names the problem; GET serves it', async () => {
      const ctx = await setup(fresh);
      const bundle = { schemaVersion: 1, id: 'p1', meta: { title: '示例' } };
      assert.equal(
        (await ctx.staff({ method: 'PUT', url: '/api/v1/policies/p1', payload: bundle }, 'editor')).statusCode,
        200,
      );
      assert.equal((await ctx.app.inject('/api/v1/policies/p1')).json().meta.title, '示例');
      const bad = await ctx.staff({
        method: 'PUT',
        url: '/api/v1/policies/p1',
        payload: { ...bundle, meta: { title: '' } },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().problems[0].path, '$.meta.title');
      // A real document with its notes is far over a comment's 64 KB; a bundle over 4 MB is not.
      const body = '一、总体要求\n\n'.concat('坚持以公开为常态、不公开为例外。'.repeat(12_000));
      const large = await ctx.staff(
        { method: 'PUT', url: '/api/v1/policies/p1', payload: { ...bundle, body } },
        'editor',
      );
      assert.equal(large.statusCode, 200, large.body);
      const huge = await ctx.staff({
        method: 'PUT',
        url: '/api/v1/policies/p1',
        payload: { ...bundle, body: body.repeat(8) },
      });
      assert.equal(huge.statusCode, 413);
      await ctx.close();
    });

    test('comment listing: cursor pagination and filters', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const ids = await comments(ctx, id, ['一', '二', '三', '关于100%_的意见', '五']);
      let cursor: string | null = null;
      const seen: number[] = [];
      do {
        const page = await ctx.staff({
          url: `/api/v1/consultations/${id}/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        });
        seen.push(...page.json().items.map((i: { id: number }) => i.id));
        cursor = page.json().next;
      } while (cursor);
      assert.deepEqual(seen, ids);
      const q = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?q=${encodeURIComponent('%_')}` });
      assert.deepEqual(
        q.json().items.map((i: { body: string }) => i.body),
        ['关于100%_的意见'],
      );
      await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${ids[0]}`, payload: { decision: 'adopted' } });
      const undecided = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?decision=undecided` });
      assert.equal(undecided.json().items.length, 4);
      const approved = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?moderation=approved` });
      assert.deepEqual(
        approved.json().items.map((i: { id: number }) => i.id),
        [ids[0]],
      );
      await ctx.close();
    });

    test("the console reads a consultation's counts, one comment and one group without listing them all", async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const campaign = '强烈建议保留老城区菜市场，方便老年人买菜，不要拆除！';
      const ids = await comments(ctx, id, [campaign, campaign.replace('！', '。'), '建议增加信息公开时限。', '广告']);
      await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${ids[2]}`, payload: { decision: 'adopted' } });
      await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/comments/${ids[3]}`,
        payload: { moderation: 'rejected', removalReason: '广告' },
      });
      const counts = await ctx.staff({ url: `/api/v1/consultations/${id}/counts` }, 'editor');
      assert.equal(counts.statusCode, 200);
      assert.deepEqual(counts.json(), { received: 4, unmoderated: 2, undecided: 0, decided: 1, removed: 1 });
      assert.equal((await ctx.staff({ url: '/api/v1/consultations/nowhere/counts' })).statusCode, 404);

      const one = await ctx.staff({ url: `/api/v1/comments/${ids[2]}` }, 'reviewer');
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().body, '建议增加信息公开时限。');
      assert.equal(one.json().decision, 'adopted');
      assert.equal(one.headers.etag, one.json().etag);
      assert.equal((await ctx.staff({ url: '/api/v1/comments/999999' })).statusCode, 404);
      assert.equal((await ctx.app.inject(`/api/v1/comments/${ids[2]}`)).statusCode, 401);

      await settledGroups(ctx, id);
      const group = await ctx.staff({ url: `/api/v1/consultations/${id}/groups/${ids[0]}` });
      assert.deepEqual(group.json(), { group: ids[0], size: 2, sample: campaign });
      assert.equal((await ctx.staff({ url: `/api/v1/consultations/${id}/groups/${ids[2]}` })).statusCode, 404);
      await ctx.close();
    });

    test('decisions: a reason is required except for adopted; deciding approves; every change is audited', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const [c] = await comments(ctx, id, ['建议删除第三条']);
      const url = `/api/v1/comments/${c}`;
      const noReason = await ctx.staff({ method: 'PATCH', url, payload: { decision: 'not-adopted' } }, 'reviewer');
      assert.equal(noReason.statusCode, 422);
      const decided = await ctx.staff(
        { method: 'PATCH', url, payload: { decision: 'not-adopted', reason: '第三条系上位法规定，不宜删除' } },
        'reviewer',
      );
      assert.equal(decided.statusCode, 200);
      assert.equal(decided.json().moderation, 'approved');
      assert.equal(
        (await ctx.staff({ method: 'PATCH', url, payload: { decision: 'adopted' } }, 'editor')).statusCode,
        403,
      );
      assert.equal(
        (await ctx.staff({ method: 'PATCH', url: '/api/v1/comments/999999', payload: { decision: 'adopted' } }))
          .statusCode,
        404,
      );
      assert.equal(
        (await ctx.staff({ method: 'PATCH', url: "/api/v1/comments/1'--", payload: { decision: 'adopted' } }))
          .statusCode,
        400,
      );
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` }, 'editor')).json().items;
      const entry = log.find((e: { action: string }) => e.action === 'comment.decide');
      assert.equal(entry.commentId, c);
      assert.match(entry.actor, /^reviewer:/);
      assert.deepEqual(entry.before, { moderation: 'pending', decision: null, reason: null, removalReason: null });
      assert.equal(entry.after.decision, 'not-adopted');
      await ctx.close();
    });

    test('near-duplicate groups and one decision for a whole group', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const campaign = '强烈建议保留老城区菜市场，方便老年人买菜，不要拆除！';
      const ids = await comments(ctx, id, [
        campaign,
        campaign.replace('！', '。'),
        `${campaign} `,
        '建议在第五条中增加关于信息公开时限的规定。',
      ]);
      const { groups } = await settledGroups(ctx, id);
      assert.equal(groups.length, 1);
      assert.deepEqual([groups[0].group, groups[0].size], [ids[0], 3]);
      const members = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments?group=${groups[0].group}` })).json()
        .items;
      assert.deepEqual(
        members.map((i: { id: number }) => i.id),
        ids.slice(0, 3),
      );
      const listed = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.deepEqual(
        listed.map((i: { group: number | null }) => i.group),
        [ids[0], ids[0], ids[0], null],
      );
      const bulk = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { ids: ids.slice(0, 3), decision: 'partly-adopted', reason: '菜市场将原址改造，不予拆除' },
      });
      assert.equal(bulk.json().updated, 3);
      // All or nothing: an id from nowhere leaves the others untouched.
      const partial = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { ids: [ids[3], 999999], decision: 'adopted' },
      });
      assert.equal(partial.statusCode, 404);
      const undecided = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments?decision=undecided` })).json()
        .items;
      assert.deepEqual(
        undecided.map((i: { id: number }) => i.id),
        [ids[3]],
      );
      await ctx.close();
    });

    test('publishing: 409 while undecided; feedback masks personal data; receipts show the decision; versions kept', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx, { opens: iso(-40), closes: iso(5) });
      const r1 = await ctx.comment(id, {
        body: '建议增加公示期。我的电话13812345678，身份证110105199001011234，邮箱 zhang@example.com',
        name: '张三丰',
        contact: '13900001111',
      });
      const r2 = await ctx.comment(id, { body: '垃圾广告', name: '李四' });
      const [c1, c2] = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }))
        .json()
        .items.map((i: { id: number }) => i.id);
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      const early = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` }, 'editor');
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().unmoderated, 2);
      await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${c1}`, payload: { decision: 'adopted' } });
      await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${c2}`, payload: { moderation: 'rejected' } });
      assert.equal((await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).statusCode, 404);
      // Decided but not signed off: still refused, saying so.
      const unsigned = await publishAndWait(ctx, id, 'editor');
      assert.equal(unsigned.status, 409);
      assert.equal(unsigned.body.error, 'not-signed-off');
      assert.equal(unsigned.body.blocking?.draft, 1);
      assert.equal(await signOffAll(ctx, id), 1);
      // Published (answered 201 at once, or 202 and a run to follow on a loaded machine).
      assert.equal((await publishAndWait(ctx, id, 'editor')).status, 201);
      const feedback = await ctx.app.inject(`/api/v1/consultations/${id}/feedback`);
      const f = feedback.json();
      assert.deepEqual(
        { received: f.summary.received, adopted: f.summary.adopted, removed: f.summary.removed },
        { received: 2, adopted: 1, removed: 1 },
      );
      assert.equal(f.comments.length, 1);
      for (const secret of [
        '张三丰',
        '13812345678',
        '110105199001011234',
        'zhang@example.com',
        '13900001111',
        '垃圾广告',
      ]) {
        assert.ok(!feedback.body.includes(secret), secret);
      }
      assert.equal(f.comments[0].name, '张**');
      assert.match(f.comments[0].body, /建议增加公示期/);
      // Cacheable: a second read with the ETag is 304.
      assert.match(String(feedback.headers['cache-control']), /max-age/);
      const cached = await ctx.app.inject({
        url: `/api/v1/consultations/${id}/feedback`,
        headers: { 'if-none-match': feedback.headers.etag },
      });
      assert.equal(cached.statusCode, 304);
      // Compressed when the client accepts it: the same JSON, its own ETag, and 304 with either tag.
      for (const [accept, coding, decode] of [
        ['gzip, deflate, br', 'br', brotliDecompressSync],
        ['gzip;q=1, br;q=0', 'gzip', gunzipSync],
      ] as const) {
        const packed = await ctx.app.inject({
          url: `/api/v1/consultations/${id}/feedback`,
          headers: { 'accept-encoding': accept },
        });
        assert.equal(packed.statusCode, 200, packed.body);
        assert.equal(packed.headers['content-encoding'], coding);
        assert.match(String(packed.headers.vary), /Accept-Encoding/);
        assert.notEqual(packed.headers.etag, feedback.headers.etag);
        assert.equal(decode(packed.rawPayload).toString(), feedback.body);
        for (const tag of [packed.headers.etag, feedback.headers.etag]) {
          const again = await ctx.app.inject({
            url: `/api/v1/consultations/${id}/feedback`,
            headers: { 'accept-encoding': accept, 'if-none-match': String(tag) },
          });
          assert.equal(again.statusCode, 304);
        }
      }
      const mine = (await ctx.app.inject(`/api/v1/receipts/${r1.json().receipt}`)).json();
      assert.deepEqual([mine.status, mine.decision], ['decided', 'adopted']);
      assert.equal((await ctx.app.inject(`/api/v1/receipts/${r2.json().receipt}`)).json().status, 'removed');
      assert.equal((await ctx.app.inject(`/api/v1/consultations/${id}`)).json().status, 'feedback-published');
      // A correction, republished: citizens see the new version, staff see both.
      await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/comments/${c1}`,
        payload: { decision: 'partly-adopted', reason: '公示期延长至十日' },
      });
      // Changed after sign-off: back to 拟办, and signed off again before it is published.
      const redrafted = await publishAndWait(ctx, id);
      assert.equal(redrafted.body.error, 'not-signed-off');
      await signOffAll(ctx, id);
      await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
      assert.equal((await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json().summary.partlyAdopted, 1);
      const versions = (await ctx.staff({ url: `/api/v1/consultations/${id}/feedback/versions` })).json().versions;
      assert.deepEqual(
        versions.map((v: { version: number }) => v.version),
        [1, 2],
      );
      assert.equal(versions[0].feedback.summary.adopted, 1);
      await ctx.close();
    });

    test('with no comments the feedback says 未收到意见', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx, { opens: iso(-40), closes: iso(-2) });
      assert.equal((await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` })).statusCode, 201);
      const f = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
      assert.equal(f.message, '未收到意见');
      assert.equal(f.summary.received, 0);
      await ctx.close();
    });

    test('export.csv opens in Excel (UTF-8 BOM, formulas defused); report.html escapes comment text', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const [c] = await comments(ctx, id, ['<script>alert(1)</script>建议', '=HYPERLINK("http://x")']);
      await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/comments/${c}`,
        payload: { decision: 'not-adopted', reason: '理由<b>' },
      });
      const csv = await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` }, 'reviewer');
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
      assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/x""\)"/);
      assert.match(csv.body, /不予采纳/);
      const report = await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` });
      assert.match(report.body, /意见采纳情况/);
      assert.ok(!report.body.includes('<script>alert'));
      assert.match(report.body, /&#60;script&#62;/);
      assert.match(report.body, /不予采纳/);
      await ctx.close();
    });

    test('Q&A votes are counted for existing items and rate limited', async () => {
      const ctx = await setup(fresh, { voteLimit: { max: 2, windowSeconds: 60 } });
      const bundle = {
        schemaVersion: 1,
        id: 'qa1',
        meta: { title: '示例' },
        qa: [{ id: 'q1', question: '问？', answer: '答。' }],
      };
      await ctx.staff({ method: 'PUT', url: '/api/v1/policies/qa1', payload: bundle });
      const vote = (qa: string, helpful: boolean) =>
        ctx.app.inject({ method: 'POST', url: '/api/v1/qa-feedback', payload: { policy: 'qa1', qa, helpful } });
      assert.deepEqual((await vote('q1', true)).json(), { helpful: 1, unhelpful: 0 });
      assert.deepEqual((await vote('q1', false)).json(), { helpful: 1, unhelpful: 1 });
      assert.equal((await vote('q1', true)).statusCode, 429);
      // The limit comes before the lookup: unknown ids cannot be probed past it.
      assert.equal((await vote('nope', true)).statusCode, 429);
      const other = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/qa-feedback',
        remoteAddress: '198.51.100.9',
        payload: { policy: 'qa1', qa: 'nope', helpful: true },
      });
      assert.equal(other.statusCode, 404);
      await ctx.close();
    });

    test('the OpenAPI 3.1 document describes the endpoints from the validating schemas', async () => {
      const ctx = await setup(fresh);
      const doc = (await ctx.app.inject('/api/v1/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      const post = doc.paths['/api/v1/consultations/{id}/comments'].post;
      const body = post.requestBody.content['application/json'].schema;
      assert.equal(body.properties.body.maxLength, 5000);
      assert.ok(
        post.parameters.some((p: { name: string; in: string }) => p.name === 'idempotency-key' && p.in === 'header'),
      );
      assert.deepEqual(doc.paths['/api/v1/comments/{id}'].patch.security, [{ bearer: [] }]);
      await ctx.close();
    });
  });
}

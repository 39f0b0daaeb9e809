// What citizens and staff read and export names clauses as printed (一、（三）工作目标, 第十二条),
// never by internal id (1.3, a12), gives times in Beijing time, and the printed report is a
// document: the draft's own title, honest counts, and a draft mark until every comment is handled.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, key, publishAndWait, setup, signOffAll } from './helpers.js';

after(closeDatabases);

const clause = (id: string, number: string, parent: string | null, title: string, text: string) => ({
  id,
  number,
  level: parent ? 2 : 1,
  parent,
  title,
  text,
});

const policy = {
  schemaVersion: 1,
  id: 'plan',
  meta: { title: '鄂州市政务公开工作实施方案（征求意见稿）', status: 'draft' },
  clauses: [
    clause('1', '一、', null, '总体要求', '一、总体要求'),
    clause('1.3', '（三）', '1', '工作目标', '（三）工作目标。到2020年，政务公开制度化水平显著提升。'),
    clause('a12', '第十二条', null, '', '第十二条 行政机关应当主动公开本机关的政府信息。'),
  ],
};

const TITLE = '关于公开征求《鄂州市政务公开工作实施方案（征求意见稿）》意见的公告';

async function send(ctx: Ctx, id: string, body: string, clauseId?: string) {
  const res = await ctx.comment(id, { body, ...(clauseId ? { clause: clauseId } : {}) }, key(), {
    'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}`,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().receipt as string;
}

for (const { name, fresh } of databases) {
  describe(`printed clause names and reports on ${name}`, () => {
    test('feedback, receipts, staff lists and the CSV name clauses as printed, in Beijing time', async () => {
      const ctx = await setup(fresh, { trustProxy: ['127.0.0.1'] });
      await ctx.staff({ method: 'PUT', url: '/api/v1/policies/plan', payload: policy });
      const id = await consultation(ctx, {
        title: TITLE,
        policyId: 'plan',
        pageUrl: 'https://www.ezhou.gov.cn/zwgk/draft.html',
        feedbackExpected: '2031-01-20',
      });
      const r1 = await send(ctx, id, '工作目标应更具体。', '1.3');
      await send(ctx, id, '第十二条应写明公开期限。', 'a12');
      await send(ctx, id, '整体很好。');
      const lookup = (await ctx.app.inject(`/api/v1/receipts/${r1}`)).json();
      assert.equal(lookup.title, TITLE);
      assert.equal(lookup.clauseLabel, '一、（三）工作目标');
      assert.equal(lookup.pageUrl, 'https://www.ezhou.gov.cn/zwgk/draft.html');
      assert.equal(lookup.feedbackExpected, '2031-01-20');

      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.deepEqual(
        items.map((i: { clauseLabel: string | null }) => i.clauseLabel),
        ['一、（三）工作目标', '第十二条', null],
      );
      const csv = (await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` })).body;
      assert.match(csv, /"一、（三）工作目标"/);
      assert.match(csv, /"第十二条"/);
      assert.match(csv, /"全文"/);
      assert.doesNotMatch(csv, /"1\.3"|"a12"/);
      assert.match(csv, /"提交时间（北京时间）"/);
      assert.match(csv, /"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+08:00"/);

      for (const item of items) {
        await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${item.id}`, payload: { decision: 'adopted' } });
      }
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      await signOffAll(ctx, id);
      assert.equal((await publishAndWait(ctx, id)).status, 201);
      const feedback = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
      assert.deepEqual(
        feedback.byClause.map((c: { label: string | null }) => c.label),
        [null, '一、（三）工作目标', '第十二条'],
      );
      assert.deepEqual(
        feedback.comments.map((c: { clauseLabel: string | null }) => c.clauseLabel),
        ['一、（三）工作目标', '第十二条', null],
      );
      await ctx.close();
    });

    test("the printed report: the draft's own title, counts that match what it lists, a draft mark until all is handled", async () => {
      const ctx = await setup(fresh, { trustProxy: ['127.0.0.1'] });
      await ctx.staff({ method: 'PUT', url: '/api/v1/policies/plan', payload: policy });
      const id = await consultation(ctx, { title: TITLE, policyId: 'plan' });
      await send(ctx, id, '工作目标应更具体。', '1.3');
      await send(ctx, id, '加我微信买保健品', '1.3');
      await send(ctx, id, '第十二条应写明公开期限。', 'a12');
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      const report = async () => (await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` })).body;

      await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${items[0].id}`, payload: { decision: 'adopted' } });
      await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/comments/${items[1].id}`,
        payload: { moderation: 'rejected', removalReason: '广告' },
      });
      const early = await report();
      assert.match(
        early,
        /<title>【草稿】关于《鄂州市政务公开工作实施方案（征求意见稿）》征求意见采纳情况的说明<\/title>/,
      );
      assert.doesNotMatch(early, /《关于公开征求/);
      assert.match(early, /尚有 1 条意见未处理/);
      assert.match(early, /征求意见尚未截止/);
      // One listed, one removed: the table by clause says both, never "2 comments" beside one row.
      assert.match(early, /<tr><td>一、（三）工作目标<\/td><td>2<\/td><td>1<\/td><td>1<\/td><td>0<\/td><\/tr>/);
      assert.match(early, /<tr><td>1<\/td><td>一、（三）工作目标<\/td><td>工作目标应更具体。<\/td>/);
      assert.doesNotMatch(early, /<td>(1\.3|a12)<\/td>/);

      await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/comments/${items[2].id}`,
        payload: { decision: 'not-adopted', reason: '已有规定' },
      });
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      const done = await report();
      assert.doesNotMatch(done, /草稿|草 稿/);
      assert.match(done, /<tr><td>第十二条<\/td><td>1<\/td><td>1<\/td><td>0<\/td><td>0<\/td><\/tr>/);
      await ctx.close();
    });
  });
}

// Issue 19: comments made before a revision published while the consultation was open keep the
// clause numbers their authors read, and staff see where each clause stands in the new text,
// carried by the comparison (by text, not number), or that the revision removed it.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeDatabases, databases } from './databases.js';
import { consultation, key, setup } from './helpers.js';
import { article } from './revision-fixtures.js';

after(closeDatabases);

const v1 = {
  schemaVersion: 1,
  id: 'moving',
  meta: { title: '示例办法（征求意见稿）', status: 'draft' },
  clauses: [
    article(1, '第一条', '为了规范政务服务，制定本办法。'),
    article(2, '第二条', '本办法适用于本市行政区域内的政务服务活动。'),
    article(3, '第三条', '行政机关应当自受理申请之日起三十日内作出决定。'),
    article(4, '第四条', '申请人可以通过自助终端查询办理进度。'),
  ],
};
// A new 第二条; the old 第二条 and 第三条 move down (the latter reworded); the old 第四条 is gone.
const v2 = {
  ...v1,
  meta: { title: '示例办法（第二次征求意见稿）', status: 'draft' },
  clauses: [
    article(1, '第一条', '为了规范政务服务，制定本办法。'),
    article(9, '第二条', '政务服务坚持便民高效原则。'),
    article(2, '第三条', '本办法适用于本市行政区域内的政务服务活动。'),
    article(3, '第四条', '行政机关应当自受理申请之日起十五日内作出决定。'),
  ],
};

for (const { name, fresh } of databases) {
  describe(`comments across a revision on ${name}`, () => {
    test('an earlier comment keeps its clause as read and says where it stands now; one on the new text does not', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx, { policy: v1 });
      const post = async (body: string, clause: string) =>
        assert.equal((await ctx.comment(id, { body, clause }, key())).statusCode, 201);
      await post('时限太长。', '3');
      await post('适用范围应扩大。', '2');
      await post('自助终端不够。', '4');
      const revised = await ctx.staff({
        method: 'POST',
        url: '/api/v1/policies/moving/versions',
        payload: { bundle: v2, note: '增加一条', label: '第二次征求意见稿' },
      });
      assert.equal(revised.statusCode, 201, revised.body);
      await post('十五日仍然太长。', '3');
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=10` })).json().items as {
        id: number;
        body: string;
        clauseLabel: string | null;
        clauseNow: { clause: string | null; label: string | null } | null;
        policyVersion: number;
      }[];
      const of = (body: string) => items.find((i) => i.body === body)!;
      assert.deepEqual(
        [of('时限太长。').clauseLabel, of('时限太长。').clauseNow],
        ['第三条', { clause: '3', label: '第四条' }],
      );
      assert.deepEqual(of('适用范围应扩大。').clauseNow, { clause: '2', label: '第三条' });
      assert.deepEqual(of('自助终端不够。').clauseNow, { clause: null, label: null }, 'removed by the revision');
      assert.deepEqual(
        [of('十五日仍然太长。').policyVersion, of('十五日仍然太长。').clauseLabel, of('十五日仍然太长。').clauseNow],
        [2, '第四条', null],
      );
      // One comment read alone says the same.
      const one = (
        await ctx.staff({ url: `/api/v1/comments/${items.find((i) => i.body === '时限太长。')!.id}` })
      ).json();
      assert.deepEqual(one.clauseNow, { clause: '3', label: '第四条' });
      await ctx.close();
    });
  });
}

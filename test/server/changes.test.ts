// Issue 19, 因意见修改: a policy's versions carry labels and compare clause by clause; staff link an
// adopted comment (or a campaign) to the changes of the next version it led to, from candidates
// the server proposes; publication makes the links public in the feedback rows, the 修改说明 and
// each commenter's receipt, and not before.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { ChangeExplanation, CommentChanges, ReceiptLookup } from '@gongkai/format';
import { strFromU8, unzipSync } from 'fflate';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, key, publishAndWait, settledGroups, setup, signOffAll } from './helpers.js';
import { article, serviceDraft, serviceFinal } from './revision-fixtures.js';

after(closeDatabases);

const draft = serviceDraft('service-rules');
const final = serviceFinal('service-rules');

const campaignLetter = '强烈要求删除自助终端统一设置的规定，各区情况不同，应当因地制宜。';

async function posted(ctx: Ctx, id: string, body: Record<string, unknown>) {
  const res = await ctx.comment(id, body, key(), {
    'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}`,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().receipt as string;
}

async function commentId(ctx: Ctx, id: string, receiptBody: string) {
  const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=100` });
  const found = list.json().items.filter((i: { body: string }) => i.body === receiptBody);
  assert.ok(found.length, `no comment says ${receiptBody}`);
  return found.map((i: { id: number }) => i.id) as number[];
}

for (const { name, fresh } of databases) {
  describe(`因意见修改 on ${name}`, () => {
    test('versions carry labels and compare; adopted comments are linked to their changes; publication shows them in the feedback, the 修改说明 and the receipt', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx, { policy: draft });
      const timeLimit = '建议将办理时限由三十日缩短为十五日，提高效率。';
      const helpers = '建议为老年人、残疾人提供帮办代办服务。';
      const rejected = '建议取消清单管理。';
      const receiptA = await posted(ctx, id, { body: timeLimit, clause: '3' });
      await posted(ctx, id, { body: helpers });
      await posted(ctx, id, { body: rejected, clause: '4' });
      for (let i = 0; i < 3; i++) await posted(ctx, id, { body: campaignLetter, clause: '5' });
      await settledGroups(ctx, id);
      const [a] = await commentId(ctx, id, timeLimit);
      const [b] = await commentId(ctx, id, helpers);
      const [c] = await commentId(ctx, id, rejected);
      const letters = await commentId(ctx, id, campaignLetter);
      const decide = (comment: number, payload: Record<string, unknown>) =>
        ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${comment}`, payload }, 'reviewer');
      assert.equal((await decide(a!, { decision: 'adopted' })).statusCode, 200);
      await decide(b!, { decision: 'partly-adopted', reason: '增加帮办代办规定，具体范围由实施细则规定。' });
      await decide(c!, { decision: 'not-adopted', reason: '清单管理是法定要求。' });
      for (const l of letters) await decide(l, { decision: 'adopted', reason: '删除统一设置的要求，由各区自定。' });

      // Before there is a later version, nothing to link.
      const none = await ctx.staff({ url: `/api/v1/consultations/${id}/comments/${a}/changes` });
      assert.deepEqual(none.json(), { changes: null });

      // The window closes; then the final text is stored as the next version.
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      const revised = await ctx.staff({
        method: 'POST',
        url: '/api/v1/policies/service-rules/versions',
        payload: { bundle: final, note: '根据公众意见修改', label: '正式稿' },
      });
      assert.equal(revised.statusCode, 201, revised.body);
      const versions = (await ctx.app.inject('/api/v1/policies/service-rules/versions')).json().versions;
      assert.deepEqual(
        versions.map((v: { version: number; label: string | null }) => [v.version, v.label]),
        [
          [1, null],
          [2, '正式稿'],
        ],
      );
      const compared = await ctx.app.inject('/api/v1/policies/service-rules/versions/2/comparison');
      assert.equal(compared.statusCode, 200);
      assert.deepEqual(compared.json().summary, { added: 1, removed: 1, modified: 1, renumbered: 0, unchanged: 3 });
      assert.equal(
        (await ctx.app.inject('/api/v1/policies/service-rules/versions/2/comparison?from=2')).statusCode,
        400,
      );

      // Candidates: the clause commented on first; a comment on the whole text by what it says.
      const forA = (
        await ctx.staff({ url: `/api/v1/consultations/${id}/comments/${a}/changes` })
      ).json() as CommentChanges;
      assert.equal(forA.changes?.label, '正式稿');
      assert.deepEqual(forA.changes?.suggestions[0], {
        key: '3',
        change: forA.changes?.items.find((i) => i.to?.id === '3'),
        score: 1,
        why: 'clause',
      });
      const forB = (
        await ctx.staff({ url: `/api/v1/consultations/${id}/comments/${b}/changes` })
      ).json() as CommentChanges;
      assert.equal(forB.changes?.suggestions[0]?.key, '6');
      assert.equal(forB.changes?.suggestions[0]?.why, 'text');
      assert.ok(
        !forB.changes?.suggestions.some((s) => s.key === '3'),
        'a comment on the whole text is not matched to 第三条',
      );

      const link = (comment: number, payload: Record<string, unknown>, as: 'reviewer' | 'editor' = 'reviewer') =>
        ctx.staff({ method: 'PUT', url: `/api/v1/consultations/${id}/comments/${comment}/changes`, payload }, as);
      assert.equal((await link(a!, { version: 2, changes: ['3'] }, 'editor')).statusCode, 403);
      const notAdopted = await link(c!, { version: 2, changes: ['4'] });
      assert.equal(notAdopted.statusCode, 400, 'an unchanged clause is no change');
      assert.match(notAdopted.json().message, /no change 4/);
      const refused = await link(c!, { version: 2, changes: ['6'] });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error, 'not-adopted');
      assert.equal((await link(a!, { version: 1, changes: ['3'] })).statusCode, 400);
      assert.deepEqual((await link(a!, { version: 2, changes: ['3', '6'] })).json(), {
        version: 2,
        changes: ['3', '6'],
        comments: 1,
      });
      // Replaced, not added to.
      assert.equal((await link(a!, { version: 2, changes: ['3'] })).json().comments, 1);
      await link(b!, { version: 2, changes: ['6'] });
      const campaign = await link(letters[0]!, { version: 2, changes: ['-5'], group: true });
      assert.equal(campaign.json().comments, 3, campaign.body);
      assert.deepEqual(
        (await ctx.staff({ url: `/api/v1/consultations/${id}/comments/${a}/changes` })).json().changes.linked,
        ['3'],
      );

      // Internal until the feedback is published.
      assert.equal((await ctx.app.inject(`/api/v1/receipts/${receiptA}`)).json().changes, null);

      // The printed 采纳情况说明 and its Word copy carry the 修改说明 as it stands.
      const report = (await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` })).body;
      assert.match(report, /<h2>修改说明<\/h2>/);
      assert.match(report, /与征求意见稿相比，正式稿修改1条、新增1条、删除1条；其中根据公众意见修改3处，列表如下。/);
      assert.match(
        report,
        /<td>原第五条（删除）<\/td><td>删除<\/td><td>删去：第五条　申请人可以通过自助终端查询办理进度/,
      );
      assert.match(
        report,
        /<td>第三条<\/td><td>修改<\/td><td>修改为：第三条　行政机关应当自受理申请之日起十五日内作出决定。<\/td><td>1<\/td><td>0<\/td>/,
      );
      const docx = await ctx.staff({ url: `/api/v1/consultations/${id}/report.docx` });
      const xml = strFromU8(unzipSync(docx.rawPayload)['word/document.xml']!);
      assert.ok(xml.includes('修改说明') && xml.includes('原第五条（删除）'), 'the .docx has the 修改说明 table');

      await signOffAll(ctx, id);
      const published = await publishAndWait(ctx, id);
      assert.equal(published.status, 201, JSON.stringify(published.body));
      const feedback = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
      const explanation = feedback.changes as ChangeExplanation;
      assert.equal(explanation.label, '正式稿');
      assert.deepEqual(explanation.items.map((i) => [i.key, i.change.kind, i.comments, i.campaigns]).sort(), [
        ['-5', 'removed', 3, 1],
        ['3', 'modified', 1, 0],
        ['6', 'added', 1, 0],
      ]);
      assert.equal(explanation.items.length, 3);
      assert.deepEqual(explanation.items.find((i) => i.key === '-5')?.reasons, [
        { reason: '删除统一设置的要求，由各区自定。', count: 3 },
      ]);
      const rows = feedback.comments as { body: string; changes?: string[] }[];
      assert.deepEqual(rows.find((r) => r.body === timeLimit)?.changes, ['3']);
      assert.equal(rows.find((r) => r.body === rejected)?.changes, undefined);

      // The commenter sees the change their comment led to: the redline of 第三条.
      const receipt = (await ctx.app.inject(`/api/v1/receipts/${receiptA}`)).json() as ReceiptLookup;
      assert.equal(receipt.changes?.label, '正式稿');
      assert.equal(receipt.changes?.items.length, 1);
      const ops = receipt.changes!.items[0]!.ops!;
      const side = (skip: number) => ops.flatMap(([op, text]) => (op === skip ? [] : [text])).join('');
      assert.match(side(1), /三十日内作出决定/);
      assert.match(side(-1), /十五日内作出决定/);
      assert.ok(ops.some(([op]) => op === -1) && ops.some(([op]) => op === 1));
      const audit = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      assert.ok(audit.some((e: { action: string }) => e.action === 'comment.link-changes'));
      await ctx.close();
    });

    test('a second round names the first: each round links to the other; an unknown, circular or other-policy round is refused by name', async () => {
      const ctx = await setup(fresh);
      const first = await consultation(ctx, { policy: { ...draft, id: 'rounds' }, title: '第一次征求意见' });
      const revised = await ctx.staff({
        method: 'POST',
        url: '/api/v1/policies/rounds/versions',
        payload: { bundle: { ...final, id: 'rounds' }, note: '第二次征求意见稿', label: '第二次征求意见稿' },
      });
      assert.equal(revised.statusCode, 201, revised.body);
      const second = await consultation(ctx, { policyId: 'rounds', previousRound: first, title: '第二次征求意见' });
      const view = (id: string) => ctx.app.inject(`/api/v1/consultations/${id}`).then((r) => r.json());
      assert.deepEqual((await view(second)).previousRound, {
        id: first,
        title: '第一次征求意见',
        pageUrl: null,
        status: 'open',
      });
      assert.equal((await view(second)).nextRound, null);
      assert.equal((await view(first)).nextRound.id, second);
      assert.equal((await view(first)).previousRound, null);

      const unknown = await ctx.staff({
        method: 'POST',
        url: '/api/v1/consultations',
        payload: {
          id: 'x-round',
          title: '另一轮',
          opens: new Date().toISOString(),
          closes: '2099-01-01',
          previousRound: 'nope',
        },
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().message, /no consultation with id nope/);
      const circular = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${first}`,
        payload: { previousRound: second },
      });
      assert.equal(circular.statusCode, 400);
      assert.match(circular.json().message, /comes before it/);
      const other = await consultation(ctx, { policy: { ...draft, id: 'other-policy' } });
      const mixed = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${other}`,
        payload: { previousRound: first },
      });
      assert.equal(mixed.statusCode, 400);
      assert.match(mixed.json().message, /consults on policy rounds, not other-policy/);
      await ctx.close();
    });

    test("a final text that renumbers the draft does not renumber the comments: lists, receipts and the report keep the draft's numbers", async () => {
      const ctx = await setup(fresh);
      const three = { ...draft, id: 'renumbered', clauses: draft.clauses.slice(0, 3) };
      const id = await consultation(ctx, { policy: three });
      const receipt = await posted(ctx, id, { body: '时限太长。', clause: '3' });
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      const renumbering = {
        ...three,
        clauses: [
          article(1, '第一条', '为了规范政务服务，方便群众办事，制定本办法。'),
          article(9, '第二条', '政务服务坚持便民高效原则。'),
          { ...article(2, '第三条', '本办法适用于本市行政区域内的政务服务活动。') },
          { ...article(3, '第四条', '行政机关应当自受理申请之日起十五日内作出决定。') },
        ],
      };
      const stored = await ctx.staff({
        method: 'POST',
        url: '/api/v1/policies/renumbered/versions',
        payload: { bundle: renumbering, note: '增加一条', label: '正式稿' },
      });
      assert.equal(stored.statusCode, 201, stored.body);
      const list = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.equal(list[0].clauseLabel, '第三条', 'as the commenter read it, not 第四条');
      assert.equal((await ctx.app.inject(`/api/v1/receipts/${receipt}`)).json().clauseLabel, '第三条');
      const report = (await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` })).body;
      assert.match(report, /<td>第三条<\/td><td>1<\/td>/);
      assert.doesNotMatch(report, /<td>第四条<\/td>/);
      await ctx.close();
    });
  });
}

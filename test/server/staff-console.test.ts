// What the staff console asks of the server: who the token is and what it may do, the list of
// consultations with their counts, the feedback as publishing would make it, and the category
// of each removal, kept, listed, audited and counted.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { REMOVAL_REASONS, STAFF_PERMISSIONS, type StaffPermission } from '@gongkai/format';
import { createToken, revokeToken } from '@gongkai/server';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, iso, previewAndWait, setup, signOffAll } from './helpers.js';

after(closeDatabases);

type Role = 'admin' | 'editor' | 'reviewer' | 'checker' | 'signer';
const ROLES: Role[] = ['admin', 'editor', 'reviewer', 'checker', 'signer'];

/** Adds comments and returns their ids, in order. */
async function comments(ctx: Ctx, id: string, bodies: (string | Record<string, unknown>)[]): Promise<number[]> {
  for (const body of bodies) {
    const res = await ctx.comment(id, typeof body === 'string' ? { body } : body);
    assert.equal(res.statusCode, 201, res.body);
  }
  const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=500` });
  return list.json().items.map((i: { id: number }) => i.id);
}

const patch = (ctx: Ctx, comment: number, payload: Record<string, unknown>, as: Role = 'reviewer') =>
  ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${comment}`, payload }, as);

/** Closes the window now (comments can only be sent while it is open). */
const close = (ctx: Ctx, id: string) =>
  ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);

for (const { name, fresh } of databases) {
  describe(`staff console support on ${name}`, () => {
    test('GET /staff/me: role, token id, label and permissions, exactly as the endpoints enforce them', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const [c] = await comments(ctx, id, ['建议明确办理时限。']);
      const labelled = await createToken(ctx.db, 'reviewer', '政策法规科 张三');
      const me = await ctx.app.inject({
        url: '/api/v1/staff/me',
        headers: { authorization: `Bearer ${labelled.token}` },
      });
      assert.equal(me.statusCode, 200, me.body);
      assert.equal(me.headers['cache-control'], 'no-store');
      const answer = me.json();
      assert.ok(Date.parse(answer.expires) > Date.now() + 89 * 86_400_000, 'tokens last 90 days by default');
      assert.deepEqual(answer, {
        role: 'reviewer',
        tokenId: labelled.id,
        label: '政策法规科 张三',
        permissions: {
          moderate: true,
          decide: true,
          publish: false,
          export: true,
          editConsultations: false,
          editTemplates: true,
          contacts: false,
          tokens: false,
          check: false,
          signOff: false,
          assign: false,
          notes: true,
          enterComments: false,
        },
        consultations: null,
        expires: answer.expires,
      });
      // One request per permission: refused with 403 exactly where /staff/me says no.
      await ctx.comment(id, { body: '请联系我。', name: '王五', contact: '13800138000' });
      const tries: Record<StaffPermission, (as: Role) => Promise<number>> = {
        // Not refused but withheld: the list carries no contact for those without it.
        contacts: async (as) => {
          const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }, as)).json().items;
          return items.some((i: { contact: string | null }) => i.contact === '13800138000') ? 200 : 403;
        },
        tokens: async (as) => (await ctx.staff({ url: '/api/v1/staff/tokens' }, as)).statusCode,
        moderate: async (as) => (await patch(ctx, c!, { moderation: 'approved' }, as)).statusCode,
        decide: async (as) => (await patch(ctx, c!, { decision: 'adopted' }, as)).statusCode,
        // Still open: 409 for those who may publish, 403 for the others.
        publish: async (as) =>
          (await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` }, as)).statusCode,
        export: async (as) => (await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` }, as)).statusCode,
        editConsultations: async (as) =>
          (await ctx.staff({ method: 'PATCH', url: `/api/v1/consultations/${id}`, payload: { contact: '0971-1' } }, as))
            .statusCode,
        editTemplates: async (as) =>
          (
            await ctx.staff(
              { method: 'POST', url: '/api/v1/reason-templates', payload: { title: `模板 ${as}`, text: '理由。' } },
              as,
            )
          ).statusCode,
        // A step on a comment at another stage is 409, not 403: only the permission is tried here.
        check: async (as) =>
          (
            await ctx.staff(
              { method: 'POST', url: `/api/v1/consultations/${id}/signoff`, payload: { step: 'check', comment: c } },
              as,
            )
          ).statusCode,
        signOff: async (as) =>
          (
            await ctx.staff(
              { method: 'POST', url: `/api/v1/consultations/${id}/signoff`, payload: { step: 'sign', comment: c } },
              as,
            )
          ).statusCode,
        assign: async (as) =>
          (await ctx.staff({ method: 'POST', url: '/api/v1/units', payload: { name: `综合处 ${as}` } }, as)).statusCode,
        notes: async (as) =>
          (
            await ctx.staff(
              { method: 'POST', url: `/api/v1/consultations/${id}/notes`, payload: { comment: c, body: '请核实。' } },
              as,
            )
          ).statusCode,
        enterComments: async (as) =>
          (
            await ctx.staff(
              {
                method: 'POST',
                url: `/api/v1/consultations/${id}/entries`,
                headers: { 'idempotency-key': `letter-of-${as}` },
                payload: { channel: 'letter', receivedAt: iso(0).slice(0, 10), body: '来信建议延长办理时限。' },
              },
              as,
            )
          ).statusCode,
      };
      for (const role of ROLES) {
        const answer = (await ctx.staff({ url: '/api/v1/staff/me' }, role)).json();
        assert.equal(answer.role, role);
        assert.equal(answer.label, null);
        assert.equal(ctx.tokens[role].slice(4, 16), answer.tokenId);
        assert.deepEqual(Object.keys(answer.permissions).sort(), [...STAFF_PERMISSIONS].sort());
        for (const permission of STAFF_PERMISSIONS) {
          const status = await tries[permission](role);
          assert.equal(status === 403, !answer.permissions[permission], `${role} ${permission}: ${status}`);
        }
      }
      assert.equal((await ctx.app.inject('/api/v1/staff/me')).statusCode, 401);
      await revokeToken(ctx.db, labelled.id);
      const revoked = await ctx.app.inject({
        url: '/api/v1/staff/me',
        headers: { authorization: `Bearer ${labelled.token}` },
      });
      assert.equal(revoked.statusCode, 401);
      await ctx.close();
    });

    test('GET /consultations: every consultation for staff, newest window first, counted, a page at a time', async () => {
      const ctx = await setup(fresh);
      const a = await consultation(ctx, { id: 'a-old', opens: iso(-60), closes: iso(-20), feedbackExpected: null });
      const b = await consultation(ctx, { id: 'b-mid', opens: iso(-10), closes: iso(25) });
      // Two with the same opening instant: ordered by id, never lost between pages.
      const opens = iso(-1);
      const c1 = await consultation(ctx, { id: 'c-new-1', opens, closes: iso(30) });
      const c2 = await consultation(ctx, { id: 'c-new-2', opens, closes: iso(30) });
      const future = await consultation(ctx, {
        id: 'd-future',
        opens: '2031-03-01',
        closes: '2031-03-31',
        feedbackExpected: '2031-04-30',
      });
      const ids = await comments(ctx, b, ['一', '二', '三', '四', '五']);
      await patch(ctx, ids[0]!, { decision: 'adopted' });
      await patch(ctx, ids[1]!, { decision: 'not-adopted', reason: '已有规定。' });
      await patch(ctx, ids[2]!, { moderation: 'approved' });
      await patch(ctx, ids[3]!, { moderation: 'rejected', removalReason: '广告' });
      await comments(ctx, c2, ['六']);
      await close(ctx, a);

      assert.equal((await ctx.app.inject('/api/v1/consultations')).statusCode, 401);
      const seen: { id: string; status: string; counts: Record<string, number>; feedbackExpected: string | null }[] =
        [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await ctx.staff(
          { url: `/api/v1/consultations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` },
          'reviewer',
        );
        assert.equal(res.statusCode, 200, res.body);
        assert.ok(res.json().items.length <= 2);
        seen.push(...res.json().items);
        cursor = res.json().next;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(
        seen.map((x) => x.id),
        [future, c1, c2, b, a],
      );
      const by = new Map(seen.map((x) => [x.id, x]));
      assert.deepEqual(by.get(b)!.counts, { received: 5, unmoderated: 1, undecided: 1, decided: 2, removed: 1 });
      assert.deepEqual(by.get(c2)!.counts, { received: 1, unmoderated: 1, undecided: 0, decided: 0, removed: 0 });
      assert.deepEqual(by.get(a)!.counts, { received: 0, unmoderated: 0, undecided: 0, decided: 0, removed: 0 });
      assert.deepEqual(
        seen.map((x) => x.status),
        ['upcoming', 'open', 'open', 'open', 'closed'],
      );
      assert.equal(by.get(future)!.feedbackExpected, '2031-04-30');
      assert.equal(by.get(b)!.feedbackExpected, null);
      const one = (await ctx.staff({ url: '/api/v1/consultations' }, 'editor')).json();
      assert.equal(one.items.length, 5);
      assert.equal(one.next, null);
      assert.deepEqual(Object.keys(one.items[0]).sort(), [
        'closes',
        'counts',
        'feedbackExpected',
        'id',
        'opens',
        'status',
        'title',
      ]);
      for (const bad of ['x', '12~', '~a', '99999999999999999999~a', "1~a' OR 1=1"]) {
        const res = await ctx.staff({ url: `/api/v1/consultations?cursor=${encodeURIComponent(bad)}` });
        assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
      }
      // A cursor past the end is an empty page, not an error.
      const end = await ctx.staff({ url: `/api/v1/consultations?cursor=${encodeURIComponent('-1~z')}` });
      assert.deepEqual(end.json(), { items: [], next: null });
      await ctx.close();
    });

    test('GET …/feedback/preview: what publishing would publish, while comments are still unhandled, writing nothing', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx, { opens: iso(-40), closes: iso(5) });
      const ids = await comments(ctx, id, [
        { body: '建议增加公示期。我的电话13812345678，邮箱 zhang@example.com', name: '张三丰', contact: '13900001111' },
        { body: '建议公开办理时长。', submitterType: 'organization', name: '某协会' },
        { body: '代办证件，加微信', name: '李四' },
        { body: '还没审核的意见' },
        { body: '已通过未处理的意见' },
      ]);
      await patch(ctx, ids[0]!, { decision: 'adopted' });
      await patch(ctx, ids[1]!, { decision: 'not-adopted', reason: '已有规定。' });
      await patch(ctx, ids[2]!, { moderation: 'rejected', removalReason: '广告' });
      await patch(ctx, ids[4]!, { moderation: 'approved' });

      const url = `/api/v1/consultations/${id}/feedback/preview`;
      assert.equal((await ctx.app.inject(url)).statusCode, 401);
      // Every role may preview (answered at once, or by a run to follow on a busy machine).
      for (const role of ROLES) await previewAndWait(ctx, id, role);
      assert.equal((await ctx.staff({ url: '/api/v1/consultations/nope/feedback/preview' })).statusCode, 404);
      assert.equal((await ctx.staff({ url }, 'reviewer')).headers['cache-control'], 'no-store');
      const p = await previewAndWait(ctx, id, 'reviewer');
      assert.deepEqual(
        { publishable: p.publishable, stillOpen: p.stillOpen, unmoderated: p.unmoderated, undecided: p.undecided },
        { publishable: false, stillOpen: true, unmoderated: 1, undecided: 1 },
      );
      assert.equal(p.feedback.version, 1);
      assert.ok(Math.abs(Date.parse(p.feedback.published) - Date.now()) < 60_000);
      assert.deepEqual(p.feedback.summary, {
        received: 5,
        published: 2,
        adopted: 1,
        partlyAdopted: 0,
        notAdopted: 1,
        outOfScope: 0,
        removed: 1,
        removedBy: { 违法违规: 0, 广告: 1, 与本次征求意见无关: 0, 重复: 0 },
        byChannel: { online: 5, letter: 0, email: 0, fax: 0, phone: 0, meeting: 0, hearing: 0, 'contact-point': 0 },
        bySubmitterType: p.feedback.summary.bySubmitterType,
      });
      assert.deepEqual(
        p.feedback.comments.map((x: { name: string | null; decision: string }) => [x.name, x.decision]),
        [
          ['张**', 'adopted'],
          ['某协会', 'not-adopted'],
        ],
      );
      for (const secret of ['张三丰', '13812345678', 'zhang@example.com', '13900001111', '代办证件', '还没审核']) {
        assert.ok(!JSON.stringify(p).includes(secret), secret);
      }
      // Nothing was written: no version, no audit entry, citizens still see nothing.
      const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback_versions');
      assert.equal(rows[0]!.n, 0);
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      assert.ok(log.every((e: { action: string }) => e.action !== 'feedback.publish'));
      assert.equal((await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).statusCode, 404);

      // Once everything is handled and the window closed, the preview is what gets published.
      await patch(ctx, ids[3]!, { decision: 'out-of-scope', reason: '已转有关部门。' });
      await patch(ctx, ids[4]!, { decision: 'partly-adopted', reason: '部分吸收。' });
      await close(ctx, id);
      const unsigned = (await ctx.staff({ url }, 'editor')).json();
      assert.equal(unsigned.publishable, false, 'decisions not signed off');
      assert.equal(unsigned.blocking.draft, 4);
      await signOffAll(ctx, id);
      const ready = (await ctx.staff({ url }, 'editor')).json();
      assert.deepEqual(
        { publishable: ready.publishable, stillOpen: ready.stillOpen, unmoderated: ready.unmoderated },
        { publishable: true, stillOpen: false, unmoderated: 0 },
      );
      const published = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` }, 'editor');
      assert.equal(published.statusCode, 201);
      const { published: _a, ...previewed } = ready.feedback;
      const { published: _b, ...made } = published.json();
      assert.deepEqual(previewed, made);
      const stored = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
      assert.deepEqual(stored, published.json());
      assert.equal((await ctx.staff({ url })).json().feedback.version, 2);
      await ctx.close();
    });

    test('removal categories: validated, kept, listed, audited, counted in the feedback, exported', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx, { opens: iso(-40), closes: iso(5) });
      const ids = await comments(ctx, id, ['广告一', '广告二', '无关的话', '重复的话', '没说原因', '好建议']);
      const [ad1, ad2, offTopic, dup, unsaid, good] = ids as [number, number, number, number, number, number];
      assert.deepEqual([...REMOVAL_REASONS], ['违法违规', '广告', '与本次征求意见无关', '重复']);

      const removed = await patch(ctx, offTopic, { moderation: 'rejected', removalReason: '与本次征求意见无关' });
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal(removed.json().removalReason, '与本次征求意见无关');
      // Not one of the categories: 400 naming the field; given without removing: 422.
      const unknown = await patch(ctx, dup, { moderation: 'rejected', removalReason: '其他' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().problems[0].path, '$.removalReason');
      for (const payload of [{ removalReason: '重复' }, { moderation: 'approved', removalReason: '重复' }]) {
        const res = await patch(ctx, dup, payload);
        assert.equal(res.statusCode, 422, JSON.stringify(payload));
        assert.equal(res.json().problems[0].path, '$.removalReason');
      }
      // The editor may not remove, with or without a category.
      assert.equal(
        (await patch(ctx, dup, { moderation: 'rejected', removalReason: '重复' }, 'editor')).statusCode,
        403,
      );
      assert.equal((await patch(ctx, dup, { moderation: 'rejected', removalReason: '重复' })).statusCode, 200);
      assert.equal((await patch(ctx, unsaid, { moderation: 'rejected' })).json().removalReason, null);
      const bulk = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { ids: [ad1, ad2], moderation: 'rejected', removalReason: '广告' },
      });
      assert.equal(bulk.statusCode, 200, bulk.body);
      await patch(ctx, good, { decision: 'adopted' });
      // Removed again without a category: it keeps the one it had.
      assert.equal((await patch(ctx, ad1, { moderation: 'rejected' })).json().removalReason, '广告');

      const listed = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }, 'editor')).json().items;
      assert.deepEqual(
        listed.map((c: { removalReason: string | null }) => c.removalReason),
        ['广告', '广告', '与本次征求意见无关', '重复', null, null],
      );
      const audit = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      const first = audit.find((e: { commentId: number }) => e.commentId === offTopic);
      assert.deepEqual(first.before, { moderation: 'pending', decision: null, reason: null, removalReason: null });
      assert.deepEqual(first.after, {
        moderation: 'rejected',
        decision: null,
        reason: null,
        removalReason: '与本次征求意见无关',
      });

      // Restoring clears the category, and the audit log says what it was.
      const restored = await patch(ctx, unsaid, { decision: 'not-adopted', reason: '已有规定。' });
      assert.equal(restored.json().removalReason, null);
      await patch(ctx, dup, { moderation: 'approved' });
      const back = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items.at(-1);
      assert.equal(back.before.removalReason, '重复');
      assert.equal(back.after.removalReason, null);
      await patch(ctx, dup, { moderation: 'rejected', removalReason: '重复' });

      await close(ctx, id);
      await signOffAll(ctx, id);
      assert.equal((await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` })).statusCode, 201);
      const f = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
      assert.equal(f.summary.removed, 4);
      assert.deepEqual(f.summary.removedBy, { 违法违规: 0, 广告: 2, 与本次征求意见无关: 1, 重复: 1 });
      assert.ok(f.byClause.every((row: object) => !('removedBy' in row)));
      const versions = (await ctx.staff({ url: `/api/v1/consultations/${id}/feedback/versions` })).json().versions;
      assert.deepEqual(versions[0].feedback.summary.removedBy, f.summary.removedBy);

      const csv = (await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` })).body;
      assert.match(csv.split('\r\n')[0]!, /"审核","删除原因","处理结果"/);
      assert.match(csv, /"已删除","与本次征求意见无关"/);
      const report = (await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` })).body;
      assert.match(report, /经审核删除4条（其中广告2条，与本次征求意见无关1条，重复1条）/);
      await ctx.close();
    });

    test('the OpenAPI document describes the new endpoints and fields from the same schemas', async () => {
      const ctx = await setup(fresh);
      const doc = (await ctx.app.inject('/api/v1/openapi.json')).json();
      const ok = (path: string, method = 'get') =>
        doc.paths[path][method].responses['200'].content['application/json'].schema;
      assert.deepEqual(Object.keys(ok('/api/v1/staff/me').properties.permissions.properties), [...STAFF_PERMISSIONS]);
      assert.deepEqual(doc.paths['/api/v1/staff/me'].get.security, [{ bearer: [] }]);
      const list = ok('/api/v1/consultations');
      assert.deepEqual(Object.keys(list.properties.items.items.properties.counts.properties), [
        'received',
        'unmoderated',
        'undecided',
        'decided',
        'removed',
      ]);
      assert.ok(doc.paths['/api/v1/consultations'].get.parameters.some((p: { name: string }) => p.name === 'cursor'));
      const preview = ok('/api/v1/consultations/{id}/feedback/preview');
      assert.deepEqual(Object.keys(preview.properties), [
        'feedback',
        'publishable',
        'stillOpen',
        'unmoderated',
        'undecided',
        'blocking',
        'flagged',
      ]);
      assert.deepEqual(Object.keys(preview.properties.feedback.properties.summary.properties.removedBy.properties), [
        ...REMOVAL_REASONS,
      ]);
      const item = ok('/api/v1/consultations/{id}/comments').properties.items.items;
      assert.deepEqual(item.properties.removalReason.enum, [...REMOVAL_REASONS, null]);
      const body = doc.paths['/api/v1/comments/{id}'].patch.requestBody.content['application/json'].schema;
      assert.deepEqual(body.properties.removalReason.enum, [...REMOVAL_REASONS]);
      await ctx.close();
    });
  });
}

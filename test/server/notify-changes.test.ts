// 意见有回音 meets 因意见修改 (issue 20): the final text is stored as a later version before the
// feedback is published and staff link adopted comments to its changes; the outcome message each
// subscribed commenter receives names the changes their own comment led to (the version's label and
// each place as printed), and nobody else's. A real SMTP server runs in the test process.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type NotifyOptions, NotifySecrets } from '@gongkai/server';
import { type Caught, type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, publishAndWait, setup, signOffAll } from './helpers.js';
import { serviceDraft, serviceFinal } from './revision-fixtures.js';

after(closeDatabases);

let smtp: MailCatcher;
before(async () => {
  smtp = await startMailCatcher();
});
after(async () => smtp.close());

const notifyOptions = (): NotifyOptions => ({
  secrets: new NotifySecrets(['test-secret-of-at-least-thirty-two-characters']),
  publicUrl: 'https://consult.example.gov.cn',
  smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: '公开征求意见 <noreply@example.gov.cn>' },
  rate: { email: 1000, sms: 1000, webhook: 1000 },
  pollMs: 50,
  backoffMs: 50,
});

const draft = serviceDraft('notified-rules');
const final = serviceFinal('notified-rules');

let unique = 0;
const address = (name: string) => `${name}.${process.pid}.${++unique}@example.cn`;
const to = (email: string) => (messages: Caught[]) => messages.filter((m) => m.to.includes(email));

/** Opens the confirmation that arrived for `email` and POSTs its link, as the button would. */
async function confirm(ctx: Ctx, email: string) {
  const [message] = await smtp.waitFor((m) => to(email)(m).length > 0).then(to(email));
  const found = (message!.parsed.text ?? '').match(
    /https:\/\/consult\.example\.gov\.cn(\/api\/v1\/notify\/confirm\?s=\d+&t=[\w-]+)/,
  );
  assert.ok(found, `no confirm link in: ${message!.parsed.text}`);
  const res = await ctx.app.inject({
    method: 'POST',
    url: found[1]!,
    payload: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.statusCode, 200, res.body);
}

for (const { name, fresh } of databases) {
  describe(`notifications of the changes a comment led to, on ${name}`, () => {
    test('each subscribed commenter is told the changes of the final text their own comment led to, and no one else’s', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx, { policy: draft, pageUrl: '/draft.html' });
      const people = {
        // Linked to 第三条 and the new 第五条.
        linked: {
          email: address('wang'),
          body: '建议将办理时限由三十日缩短为十五日，并为老年人提供帮办服务。',
          clause: '3',
        },
        // Adopted, but linked to nothing.
        unlinked: { email: address('liu'), body: '建议清单按季度更新。', clause: '4' },
        // Linked to the removal of the old 第五条; reads English.
        removal: { email: address('smith'), body: '自助终端不应由各区统一设置。', clause: '5' },
      };
      const ids: Record<string, number> = {};
      for (const [who, p] of Object.entries(people)) {
        const res = await ctx.comment(id, {
          body: p.body,
          clause: p.clause,
          notify: { email: p.email, ...(who === 'removal' ? { locale: 'en' } : {}) },
        });
        assert.equal(res.statusCode, 201, res.body);
        const receipt = (res.json().receipt as string).replaceAll('-', '');
        await ctx.db.query(
          "UPDATE comments SET moderation = 'approved', decision = 'adopted', reason = '已修改。' WHERE receipt = $1",
          [receipt],
        );
        const { rows } = await ctx.db.query<{ id: string }>('SELECT id FROM comments WHERE receipt = $1', [receipt]);
        ids[who] = Number(rows[0]!.id);
      }
      for (const p of Object.values(people)) await confirm(ctx, p.email);

      // The window closes; the final text is stored as the next version, and staff link.
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      const revised = await ctx.staff({
        method: 'POST',
        url: '/api/v1/policies/notified-rules/versions',
        payload: { bundle: final, note: '根据公众意见修改', label: '正式稿' },
      });
      assert.equal(revised.statusCode, 201, revised.body);
      const link = async (who: string, changes: string[]) => {
        const res = await ctx.staff(
          {
            method: 'PUT',
            url: `/api/v1/consultations/${id}/comments/${ids[who]}/changes`,
            payload: { version: 2, changes },
          },
          'reviewer',
        );
        assert.equal(res.statusCode, 200, res.body);
      };
      await link('linked', ['3', '6']);
      await link('removal', ['-5']);

      await signOffAll(ctx, id);
      const published = await publishAndWait(ctx, id);
      assert.equal(published.status, 201, JSON.stringify(published.body));

      const outcome = (email: string) =>
        to(email)(smtp.messages).filter(
          (m) => m.parsed.subject?.startsWith('意见处理结果已公布') || m.parsed.subject?.startsWith('Outcome'),
        );
      await smtp.waitFor(() => Object.values(people).every((p) => outcome(p.email).length === 1));
      const text = (who: keyof typeof people) => outcome(people[who].email)[0]!.parsed.text ?? '';

      assert.match(text('linked'), /\n您的意见促成了以下修改：正式稿第三条、第五条（新增）\n/);
      assert.doesNotMatch(text('linked'), /删除/, 'not the change another comment led to');
      const html = outcome(people.linked.email)[0]!.parsed.html || '';
      assert.match(html, /<p>您的意见促成了以下修改：正式稿第三条、第五条（新增）<\/p>/);

      assert.match(text('unlinked'), /您的意见处理结果：采纳/);
      assert.doesNotMatch(text('unlinked'), /促成|正式稿|第三条|第五条/, 'no line when the comment led to no change');

      assert.match(text('removal'), /\nYour comment led to these changes: 正式稿: 原第五条（删除）\n/);
      assert.doesNotMatch(text('removal'), /第三条|新增/);

      // The event carries one entry per change of the version, not per comment.
      const { rows } = await ctx.db.query<{ payload: { changes: { label: string; places: Record<string, string> } } }>(
        "SELECT payload FROM notify_events WHERE consultation_id = $1 AND kind = 'feedback.published'",
        [id],
      );
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0]!.payload.changes, {
        version: 2,
        label: '正式稿',
        places: { '3': '第三条', '6': '第五条（新增）', '-5': '原第五条（删除）' },
      });
      await ctx.close();
    });

    test('the final text after the feedback: a second publication tells commenters the changes they led to, and tells nobody the same outcome twice', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx, { policy: draft, pageUrl: '/draft.html' });
      const people = {
        linked: {
          email: address('zhao'),
          body: '建议将办理时限由三十日缩短为十五日。',
          clause: '3',
          decision: 'adopted',
        },
        unlinked: { email: address('qian'), body: '建议清单按季度更新。', clause: '4', decision: 'adopted' },
        corrected: { email: address('sun'), body: '建议增设夜间窗口。', clause: '4', decision: 'not-adopted' },
      };
      const ids: Record<string, number> = {};
      for (const [who, p] of Object.entries(people)) {
        const res = await ctx.comment(id, { body: p.body, clause: p.clause, notify: { email: p.email } });
        assert.equal(res.statusCode, 201, res.body);
        const receipt = (res.json().receipt as string).replaceAll('-', '');
        const { rows } = await ctx.db.query<{ id: string }>(
          "UPDATE comments SET moderation = 'approved', decision = $2, reason = '已研究。' WHERE receipt = $1 RETURNING id",
          [receipt, p.decision],
        );
        ids[who] = Number(rows[0]!.id);
      }
      for (const p of Object.values(people)) await confirm(ctx, p.email);
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);

      // The feedback first, with no final text yet: one outcome message each.
      await signOffAll(ctx, id);
      assert.equal((await publishAndWait(ctx, id)).status, 201);
      const mine = (email: string) => to(email)(smtp.messages).filter((m) => !m.parsed.subject?.startsWith('请确认'));
      await smtp.waitFor(() => Object.values(people).every((p) => mine(p.email).length === 1));

      // Then the final text, a link, and one decision corrected; the feedback is published again.
      const revised = await ctx.staff({
        method: 'POST',
        url: '/api/v1/policies/notified-rules/versions',
        payload: { bundle: final, note: '根据公众意见修改', label: '正式稿' },
      });
      assert.equal(revised.statusCode, 201, revised.body);
      const linked = await ctx.staff(
        {
          method: 'PUT',
          url: `/api/v1/consultations/${id}/comments/${ids.linked}/changes`,
          payload: { version: 2, changes: ['3', '6'] },
        },
        'reviewer',
      );
      assert.equal(linked.statusCode, 200, linked.body);
      await ctx.db.query("UPDATE comments SET decision = 'partly-adopted', reason = '夜间窗口试点。' WHERE id = $1", [
        ids.corrected,
      ]);
      await signOffAll(ctx, id);
      assert.equal((await publishAndWait(ctx, id)).status, 201);

      await smtp.waitFor(() => mine(people.linked.email).length === 2 && mine(people.corrected.email).length === 2);
      const [, change] = mine(people.linked.email);
      assert.match(change!.parsed.subject ?? '', /^您的意见促成的修改已公布：/);
      assert.match(change!.parsed.text ?? '', /\n您的意见促成了以下修改：正式稿第三条、第五条（新增）\n/);
      assert.match(change!.parsed.text ?? '', /查看我的回执: \S+receipt=/);
      const [, again] = mine(people.corrected.email);
      assert.match(again!.parsed.subject ?? '', /^意见处理结果已公布/);
      assert.match(again!.parsed.text ?? '', /您的意见处理结果：部分采纳\n理由：夜间窗口试点。/);
      // Nothing new for the comment whose outcome did not change.
      await new Promise((r) => setTimeout(r, 800));
      assert.equal(mine(people.unlinked.email).length, 1);
      await ctx.close();
    });

    test('staff templates may use {changes}; the preview gives it a sample value', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const list = await ctx.staff({ url: '/api/v1/staff/notify-templates' }, 'editor');
      const items = list.json().items as { kind: string; locale: string; placeholders: string[]; body: string }[];
      const zh = items.find((i) => i.kind === 'feedback.published' && i.locale === 'zh-Hans')!;
      assert.ok(zh.placeholders.includes('changes'));
      assert.match(zh.body, /您的意见促成了以下修改：\{changes\}/);

      const url = '/api/v1/staff/notify-templates/feedback.published/zh-Hans';
      const wanted = { subject: '结果：{title}', body: '处理结果：{decision}\n修改之处：{changes}' };
      const preview = await ctx.staff({ method: 'POST', url: `${url}/preview`, payload: wanted }, 'editor');
      assert.equal(preview.statusCode, 200, preview.body);
      assert.match(preview.json().text, /^处理结果：采纳\n修改之处：正式稿第三条、第五条（新增）\n\n/);
      const builtIn = await ctx.staff(
        { method: 'POST', url: `${url}/preview`, payload: { subject: '{title}', body: zh.body } },
        'editor',
      );
      assert.match(builtIn.json().text, /\n您的意见促成了以下修改：正式稿第三条、第五条（新增）\n/);
      const saved = await ctx.staff({ method: 'PUT', url, payload: wanted });
      assert.equal(saved.statusCode, 200, saved.body);
      await ctx.close();
    });
  });
}

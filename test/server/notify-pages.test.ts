// 意见有回音 (issue 20), the rest: the confirm and unsubscribe pages say what they are for, in the
// subscriber's language; the consultation's answer lists the channels offered; an
// acknowledgement with the receipt once the address is confirmed (never before); a confirmation
// sent again at most once a day; staff-edited templates with a preview. A real SMTP server runs
// in the test process; what arrives is parsed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatReceipt } from '@gongkai/format';
import { type NotifyOptions, NotifySecrets } from '@gongkai/server';
import { type Caught, type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, setup } from './helpers.js';

after(closeDatabases);

let smtp: MailCatcher;
before(async () => {
  smtp = await startMailCatcher();
});
after(async () => smtp.close());

const secrets = new NotifySecrets(['test-secret-of-at-least-thirty-two-characters']);
const notifyOptions = (extra: Partial<NotifyOptions> = {}): NotifyOptions => ({
  secrets,
  publicUrl: 'https://consult.example.gov.cn',
  smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: '公开征求意见 <noreply@example.gov.cn>' },
  rate: { email: 1000, sms: 1000, webhook: 1000 },
  pollMs: 50,
  ...extra,
});

let unique = 0;
const address = (name: string) => `${name}.${process.pid}.${++unique}@example.cn`;
const to = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const settle = (ms = 500) => new Promise((r) => setTimeout(r, ms));
const link = (m: Caught, action: string) => {
  const found = (m.parsed.text ?? '').match(
    new RegExp(`https://consult\\.example\\.gov\\.cn(/api/v1/notify/${action}\\?s=\\d+&t=[\\w-]+)`),
  );
  assert.ok(found, `no ${action} link in: ${m.parsed.text}`);
  return found[1]!;
};
const mails = (email: string, n = 1) => smtp.waitFor(() => to(email).length >= n, 20_000).then(() => to(email));
const post = (ctx: Ctx, url: string) =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ');

for (const { name, fresh } of databases) {
  describe(`notification pages, channels, acknowledgements and templates on ${name}`, () => {
    test('the confirm page names what is confirmed and the address masked, in the subscriber’s language, the others a link away', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx, { title: '关于征求《示例办法（征求意见稿）》意见的公告' });
      const wang = address('wang');
      const res = await ctx.comment(id, { body: '建议公开办理时限。', notify: { email: wang, locale: 'en' } });
      assert.equal(res.statusCode, 201, res.body);
      const [mail] = await mails(wang);
      const path = link(mail!, 'confirm');

      const page = await ctx.app.inject({ url: path });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /^<!doctype html><html lang="en">/);
      const words = text(page.body);
      assert.match(words, /Confirm your subscription/);
      assert.match(words, /What became of your comment on "关于征求《示例办法（征求意见稿）》意见的公告"/);
      assert.match(words, /w\*\*\*@example\.cn/);
      assert.ok(!page.body.includes(wang), 'the address itself is never on the page');
      // The style sheet is inline under this response's nonce, and nothing else may load.
      const csp = String(page.headers['content-security-policy']);
      const nonce = csp.match(/style-src 'nonce-([^']+)'/)?.[1];
      assert.ok(nonce, csp);
      assert.match(csp, /default-src 'none'/);
      assert.ok(page.body.includes(`<style nonce="${nonce}">`));
      assert.doesNotMatch(page.body, /<script|<link|style="/);
      // The other two languages, each a link to the same signed page.
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        assert.match(page.body, new RegExp(`<a href="[^"]*&#38;lang=${lang}" lang="${lang}" hreflang="${lang}">`));
      }
      const hant = await ctx.app.inject({ url: `${path}&lang=zh-Hant` });
      assert.match(hant.body, /<html lang="zh-Hant">/);
      assert.match(text(hant.body), /確認訂閱.*您對「关于征求《示例办法（征求意见稿）》意见的公告」所提意見的處理結果/);
      assert.match(hant.body, /<form method="post" action="[^"]*&#38;lang=zh-Hant">/);

      // The button's POST (in the language chosen) confirms and says so.
      const done = await post(ctx, `${path}&lang=zh-Hans`);
      assert.equal(done.statusCode, 200);
      assert.match(text(done.body), /已确认订阅/);
      assert.match(text(done.body), /w\*\*\*@example\.cn/);
      const { rows } = await ctx.db.query<{ state: string }>('SELECT state FROM notify_subscriptions');
      assert.deepEqual(
        rows.map((r) => r.state),
        ['confirmed'],
      );

      // A link cut short: a page that says so, in the language asked for, nothing looked up.
      const broken = await ctx.app.inject({ url: `${path.slice(0, -3)}xyz&lang=en` });
      assert.equal(broken.statusCode, 400);
      assert.match(text(broken.body), /This link is not valid/);
      await ctx.close();
    });

    test('the unsubscribe page says what stops; RFC 8058 one-click POST unsubscribes and the page then says it is done', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx);
      const li = address('li');
      await ctx.comment(id, { body: '建议公开办理时限。', notify: { email: li } });
      const [mail] = await mails(li);
      await post(ctx, link(mail!, 'confirm'));
      const path = link(mail!, 'unsubscribe');
      const page = await ctx.app.inject({ url: path });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<html lang="zh-Hans">/);
      assert.match(text(page.body), /退订通知.*退订后将不再收到以下通知.*l\*\*\*@example\.cn/);
      assert.match(page.body, /<input type="hidden" name="List-Unsubscribe" value="One-Click">/);
      // A mail client's one-click POST: no page, no sign-in.
      const res = await post(ctx, path);
      assert.equal(res.statusCode, 200);
      assert.match(text(res.body), /已退订/);
      const again = await ctx.app.inject({ url: path });
      assert.match(text(again.body), /该订阅已退订，您的地址已删除。/);
      assert.doesNotMatch(again.body, /<form/);
      await ctx.close();
    });

    test('the consultation’s answer lists the channels the server offers', async () => {
      const none = await setup(fresh);
      const a = await consultation(none);
      assert.deepEqual((await none.app.inject({ url: `/api/v1/consultations/${a}` })).json().notify, { channels: [] });
      await none.close();
      const email = await setup(fresh, { notify: notifyOptions() });
      const b = await consultation(email);
      assert.deepEqual((await email.app.inject({ url: `/api/v1/consultations/${b}` })).json().notify, {
        channels: ['email'],
      });
      await email.close();
      const both = await setup(fresh, {
        notify: notifyOptions({ transports: { sms: { send: async () => {}, close: async () => {} } } }),
      });
      const c = await consultation(both);
      assert.deepEqual((await both.app.inject({ url: `/api/v1/consultations/${c}` })).json().notify, {
        channels: ['email', 'sms'],
      });
      await both.close();
    });

    test('an acknowledgement with the receipt is sent once the address is confirmed, never before, and only when asked', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx, { pageUrl: '/draft.html' });
      const zhao = address('zhao');
      const quiet = address('quiet');
      const res = await ctx.comment(id, { body: '建议公开办理时限。', notify: { email: zhao, acknowledge: true } });
      assert.equal(res.statusCode, 201, res.body);
      const receipt = res.json().receipt as string;
      const quietReceipt = (await ctx.comment(id, { body: '建议增加咨询电话。', notify: { email: quiet } })).json()
        .receipt as string;
      // The receipt lookup says what was chosen.
      const lookup = async (r: string) => (await ctx.app.inject({ url: `/api/v1/receipts/${r}` })).json().notify;
      assert.deepEqual(await lookup(receipt), {
        channel: 'email',
        state: 'pending',
        address: 'z***@example.cn',
        acknowledge: true,
      });
      assert.equal((await lookup(quietReceipt)).acknowledge, false);
      const [confirmation] = await mails(zhao);
      await settle();
      assert.deepEqual(
        to(zhao).map((m) => m.parsed.subject),
        ['请确认订阅通知'],
        'nothing but the confirmation before confirming',
      );
      await post(ctx, link(confirmation!, 'confirm'));
      const got = await mails(zhao, 2);
      const ack = got.find((m) => m.parsed.subject?.startsWith('已收到您的意见'))!;
      assert.equal(ack.parsed.subject, '已收到您的意见：关于征求《示例办法（征求意见稿）》意见的公告');
      assert.match(ack.parsed.text ?? '', new RegExp(`回执编号：${receipt}。`));
      assert.equal(receipt, formatReceipt(receipt.replaceAll('-', '')));
      assert.match(
        ack.parsed.text ?? '',
        new RegExp(
          `查看我的回执: https://consult\\.example\\.gov\\.cn/draft\\.html\\?receipt=${receipt.replaceAll('-', '')}`,
        ),
      );
      // Confirming again sends nothing new; the one who did not ask gets no acknowledgement.
      await post(ctx, link(confirmation!, 'confirm'));
      const [quietConfirmation] = await mails(quiet);
      await post(ctx, link(quietConfirmation!, 'confirm'));
      await settle(800);
      assert.equal(to(zhao).length, 2);
      assert.equal(to(quiet).length, 1);
      await ctx.close();
    });

    test('asking again for a pending address: the confirmation goes again at most once a day, and one confirmation confirms both', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx);
      const sun = address('sun');
      const follow = () =>
        ctx.app.inject({ method: 'POST', url: '/api/v1/notify/follow', payload: { email: sun, consultation: id } });
      assert.equal((await follow()).statusCode, 202);
      await mails(sun);
      // The same day: nothing new, for the same follow or a comment from the same address.
      assert.equal((await follow()).statusCode, 202);
      await ctx.comment(id, { body: '建议公开办理时限。', notify: { email: sun } });
      await settle(800);
      assert.equal(to(sun).length, 1);

      // A day later: sent again, under a new Message-ID (a mail client shows it), the 7 days anew.
      await ctx.db.query(
        "UPDATE notify_deliveries SET run_at = run_at - interval '25 hours', created_at = created_at - interval '25 hours'",
      );
      await ctx.db.query("UPDATE notify_subscriptions SET expires_at = now() + interval '6 days'");
      assert.equal((await follow()).statusCode, 202);
      const both = await mails(sun, 2);
      assert.notEqual(both[0]!.parsed.messageId, both[1]!.parsed.messageId);
      const { rows: kept } = await ctx.db.query<{ days: number }>(
        `SELECT round(extract(epoch FROM expires_at - now()) / 86400)::int AS days FROM notify_subscriptions
         WHERE kind = 'consultation'`,
      );
      assert.equal(kept[0]!.days, 7);
      await settle(500);
      assert.equal(to(sun).length, 2);

      // Either link confirms the follow and the comment's request together.
      await post(ctx, link(both[1]!, 'confirm'));
      const { rows } = await ctx.db.query<{ kind: string; state: string }>(
        'SELECT kind, state FROM notify_subscriptions ORDER BY id',
      );
      assert.deepEqual(rows, [
        { kind: 'consultation', state: 'confirmed' },
        { kind: 'comment', state: 'confirmed' },
      ]);
      await ctx.close();
    });

    test('staff edit a template: unknown placeholders refused by name, a preview with a sample, audited, used when sending, reset', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const list = await ctx.staff({ url: '/api/v1/staff/notify-templates' }, 'editor');
      assert.equal(list.statusCode, 200);
      const items = list.json().items as { kind: string; locale: string; custom: boolean; placeholders: string[] }[];
      assert.equal(items.length, 24, 'eight kinds in three languages');
      assert.deepEqual(items.find((i) => i.kind === 'feedback.published' && i.locale === 'en')?.placeholders, [
        'title',
        'decision',
        'reason',
        'changes',
        'removal',
      ]);
      const url = '/api/v1/staff/notify-templates/confirm/zh-Hans';
      const wanted = { subject: '请确认：{what}', body: '您申请在{what}时收到通知。\n请点击下方链接确认。' };

      // Editing needs editTemplates (the editor role has not); a typo is refused, naming it.
      assert.equal((await ctx.staff({ method: 'PUT', url, payload: wanted }, 'editor')).statusCode, 403);
      const typo = await ctx.staff({ method: 'PUT', url, payload: { ...wanted, body: '请确认{waht}和{title}' } });
      assert.equal(typo.statusCode, 400);
      assert.equal(typo.json().error, 'unknown-placeholder');
      assert.deepEqual(typo.json().problems, [
        { path: '$.body', message: 'unknown placeholder {waht}' },
        { path: '$.body', message: 'unknown placeholder {title}' },
      ]);
      assert.match(
        typo.json().message,
        /unknown placeholder \{waht\} in body, \{title\} in body; confirm may use \{what\}/,
      );
      assert.equal(typo.json().zh, '未知的占位符：正文中的 {waht}、正文中的 {title}；这类消息可用 {what}');
      const header = await ctx.staff({ method: 'PUT', url, payload: { ...wanted, subject: 'a\r\nBcc: x@example.cn' } });
      assert.equal(header.statusCode, 400);

      const preview = await ctx.staff({ method: 'POST', url: `${url}/preview`, payload: wanted }, 'editor');
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().subject, '请确认：您的意见处理结果公布');
      assert.match(
        preview.json().text,
        /^您申请在您的意见处理结果公布时收到通知。\n请点击下方链接确认。\n\n确认订阅: https:/,
      );
      assert.match(preview.json().text, /退订: https:\/\/consult\.example\.gov\.cn\/api\/v1\/notify\/unsubscribe/);
      const outcome = await ctx.staff({
        method: 'POST',
        url: '/api/v1/staff/notify-templates/feedback.published/en/preview',
        payload: { subject: 'Outcome: {title}', body: 'Decision: {decision}\nWhy: {reason}\nRemoved: {removal}' },
      });
      // A line whose placeholder has no value in this message (the sample comment was not removed) is left out.
      assert.match(outcome.json().text, /^Decision: adopted\nWhy: Article 3 now states the time limit\.\n\n/);
      assert.equal((await ctx.db.query('SELECT 1 FROM notify_templates')).rows.length, 0, 'a preview stores nothing');

      const saved = await ctx.staff({ method: 'PUT', url, payload: wanted }, 'reviewer');
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().custom, true);
      assert.match(saved.json().updatedBy, /^reviewer:/);
      const id = await consultation(ctx);
      const qian = address('qian');
      await ctx.comment(id, { body: '建议公开办理时限。', notify: { email: qian } });
      const [mail] = await mails(qian);
      assert.equal(mail!.parsed.subject, '请确认：您的意见处理结果公布');
      assert.match(mail!.parsed.text ?? '', /^您申请在您的意见处理结果公布时收到通知。/);
      assert.match(
        mail!.parsed.text ?? '',
        /确认订阅: https:\/\/consult\.example\.gov\.cn\/api\/v1\/notify\/confirm\?s=/,
      );

      const reset = await ctx.staff({ method: 'DELETE', url });
      assert.equal(reset.json().custom, false);
      assert.equal(reset.json().subject, '请确认订阅通知');
      const { rows } = await ctx.db.query<{ action: string; after: { subject?: string; builtIn?: boolean } }>(
        "SELECT action, after FROM audit_log WHERE action LIKE 'notify.template.%' ORDER BY id",
      );
      assert.deepEqual(
        rows.map((r) => [r.action, r.after.subject ?? r.after.builtIn]),
        [
          ['notify.template.update', '请确认：{what}'],
          ['notify.template.reset', true],
        ],
      );
      await ctx.close();
    });
  });
}

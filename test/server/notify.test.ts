// 意见有回音 (issue 20): a commenter hears what became of their comment, anyone can follow a
// consultation, by e-mail without an account. A real SMTP server runs in the test process and
// what arrives is parsed (mailparser): double opt-in, each commenter's own outcome, one-click
// unsubscribe, a crash between sending and recording, retries and bounces, SMS, webhooks, feeds.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { buildApp, type NotifyOptions, NotifySecrets } from '@gongkai/server';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { type Caught, type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, iso, setup, signOffAll } from './helpers.js';

after(closeDatabases);

let smtp: MailCatcher;
before(async () => {
  smtp = await startMailCatcher();
});
after(async () => smtp.close());

const secrets = new NotifySecrets(['test-secret-of-at-least-thirty-two-characters']);

function notifyOptions(extra: Partial<NotifyOptions> = {}): NotifyOptions {
  return {
    secrets,
    publicUrl: 'https://consult.example.gov.cn',
    smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: '公开征求意见 <noreply@example.gov.cn>' },
    rate: { email: 1000, sms: 1000, webhook: 1000 },
    pollMs: 50,
    backoffMs: 50,
    ...extra,
  };
}

/** Every log line, to look for addresses in. */
function logCollector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

let unique = 0;
const address = (name: string) => `${name}.${process.pid}.${++unique}@example.cn`;
const to = (email: string) => (messages: Caught[]) => messages.filter((m) => m.to.includes(email));
const link = (m: Caught, action: string) => {
  const found = (m.parsed.text ?? '').match(
    new RegExp(`https://consult\\.example\\.gov\\.cn(/api/v1/notify/${action}\\?s=\\d+&t=[\\w-]+)`),
  );
  assert.ok(found, `no ${action} link in: ${m.parsed.text}`);
  return found[1]!;
};
// Headers unfolded (a long one continues on lines that start with white space).
const header = (m: Caught, name: string) =>
  m.raw
    .split(/\r?\n\r?\n/)[0]!
    .replace(/\r?\n[ \t]+/g, ' ')
    .match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1]
    ?.trim();

async function submit(ctx: Ctx, id: string, email: string | null, body = '建议公开办理时限。', locale?: string) {
  const res = await ctx.comment(id, {
    body,
    ...(email ? { notify: { email, ...(locale ? { locale } : {}) } } : {}),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().receipt as string;
}

/** Opens the confirmation that arrived for `email` and POSTs its link, as the button would. */
async function confirm(ctx: Ctx, email: string) {
  const [message] = await smtp.waitFor((m) => to(email)(m).length > 0).then(to(email));
  const path = link(message!, 'confirm');
  const page = await ctx.app.inject({ url: path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<form method="post"/);
  const res = await ctx.app.inject({
    method: 'POST',
    url: path,
    payload: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.statusCode, 200, res.body);
  return message!;
}

async function closeAndPublish(ctx: Ctx, id: string) {
  await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 minute' WHERE id = $1", [id]);
  await signOffAll(ctx, id);
  const res = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
  // 202 on a busy machine: the publication goes on as a job, its messages follow.
  assert.ok([201, 202].includes(res.statusCode), res.body);
}

async function decide(ctx: Ctx, receipt: string, set: string) {
  await ctx.db.query(`UPDATE comments SET ${set} WHERE receipt = $1`, [receipt.replaceAll('-', '')]);
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

for (const { name, fresh } of databases) {
  describe(`notifications on ${name}`, () => {
    test('double opt-in: only a confirmation before confirming; the receipt says what was chosen, masked', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx);
      const zhang = address('zhang');
      const receipt = await submit(ctx, id, zhang);
      let lookup = (await ctx.app.inject({ url: `/api/v1/receipts/${receipt}` })).json();
      assert.equal(lookup.notify.state, 'pending');
      assert.equal(lookup.notify.channel, 'email');
      assert.equal(lookup.notify.address, `z***@example.cn`);
      assert.ok(!JSON.stringify(lookup).includes(zhang));

      // Feedback is published before the address is confirmed: nothing but the confirmation goes to it.
      await decide(ctx, receipt, "moderation = 'approved', decision = 'adopted'");
      await closeAndPublish(ctx, id);
      await smtp.waitFor((m) => to(zhang)(m).length >= 1);
      await settle();
      const got = to(zhang)(smtp.messages);
      assert.equal(got.length, 1);
      assert.equal(got[0]!.parsed.subject, '请确认订阅通知');
      assert.equal(header(got[0]!, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
      assert.match(
        header(got[0]!, 'List-Unsubscribe') ?? '',
        /^<https:\/\/consult\.example\.gov\.cn\/api\/v1\/notify\/unsubscribe\?s=\d+&t=/,
      );

      await confirm(ctx, zhang);
      lookup = (await ctx.app.inject({ url: `/api/v1/receipts/${receipt}` })).json();
      assert.equal(lookup.notify.state, 'confirmed');

      // A forged link confirms nothing.
      const forged = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/notify/confirm?s=1&t=AAAAAAAAAAAAAAAAAAAAAA',
      });
      assert.equal(forged.statusCode, 400);
      await ctx.close();
    });

    test('bad notify input is refused before the comment is stored', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx);
      for (const notify of [
        { email: 'not an address' },
        { email: 'a@b.cn\r\nBcc: x@y.cn' },
        { email: 'a@b.cn', extra: 1 },
        {},
      ]) {
        const res = await ctx.comment(id, { body: '意见', notify });
        assert.equal(res.statusCode, 400, JSON.stringify(notify));
        assert.match(res.json().message, /notify/);
      }
      const sms = await ctx.comment(id, { body: '意见', notify: { phone: '13800138000' } });
      assert.equal(sms.statusCode, 400);
      assert.equal(sms.json().error, 'invalid');
      assert.match(sms.json().message, /SMS/);
      const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments');
      assert.equal(rows[0]!.n, 0);

      // Without notifications configured, the wish is refused with a clear message, not dropped.
      const plain = await setup(fresh);
      const other = await consultation(plain);
      const off = await plain.comment(other, { body: '意见', notify: { email: address('li') } });
      assert.equal(off.statusCode, 400);
      assert.equal(off.json().error, 'notifications-off');
      await plain.close();
      await ctx.close();
    });

    test('publication: each subscribed commenter gets one message with their own decision and reason', async () => {
      const logs = logCollector();
      const ctx = await setup(fresh, { notify: notifyOptions(), logStream: logs.stream });
      const id = await consultation(ctx, { pageUrl: '/draft.html' });
      const people = {
        adopted: { email: address('wang'), body: '建议明确办理时限为十个工作日。' },
        refused: { email: address('liu'), body: '建议取消全部收费。' },
        removed: { email: address('chen'), body: '加微信买发票。' },
        // A campaign: two co-signers of the same letter, each told of their own comment.
        cosign1: { email: address('zhao'), body: '我们联名建议增设夜间窗口。' },
        cosign2: { email: address('sun'), body: '我们联名建议增设夜间窗口。' },
        english: { email: address('smith'), body: 'Please publish the fee schedule.' },
      };
      const receipts: Record<string, string> = {};
      for (const [who, p] of Object.entries(people)) {
        receipts[who] = await submit(ctx, id, p.email, p.body, who === 'english' ? 'en' : undefined);
      }
      const silent = await submit(ctx, id, null, '不需要通知。');
      for (const p of Object.values(people)) await confirm(ctx, p.email);

      await decide(
        ctx,
        receipts.adopted!,
        "moderation = 'approved', decision = 'adopted', reason = '已在第三条中明确。'",
      );
      await decide(
        ctx,
        receipts.refused!,
        "moderation = 'approved', decision = 'not-adopted', reason = '收费项目由上位法规定。'",
      );
      await decide(ctx, receipts.removed!, "moderation = 'rejected', removal_reason = '广告'");
      await decide(
        ctx,
        receipts.cosign1!,
        "moderation = 'approved', decision = 'partly-adopted', reason = '将在部分区县试点。'",
      );
      await decide(
        ctx,
        receipts.cosign2!,
        "moderation = 'approved', decision = 'partly-adopted', reason = '将在部分区县试点。'",
      );
      await decide(
        ctx,
        receipts.english!,
        "moderation = 'approved', decision = 'adopted', reason = '已补充收费目录。'",
      );
      await decide(ctx, silent, "moderation = 'approved', decision = 'adopted'");
      await closeAndPublish(ctx, id);

      const outcome = (email: string) =>
        to(email)(smtp.messages).filter(
          (m) => m.parsed.subject?.startsWith('意见处理结果已公布') || m.parsed.subject?.startsWith('Outcome'),
        );
      await smtp.waitFor(() => Object.values(people).every((p) => outcome(p.email).length === 1));
      await settle();
      const text = (who: keyof typeof people) => {
        const got = outcome(people[who].email);
        assert.equal(got.length, 1, `${who}: one outcome message`);
        return got[0]!.parsed.text ?? '';
      };
      assert.match(text('adopted'), /您的意见处理结果：采纳/);
      assert.match(text('adopted'), /理由：已在第三条中明确。/);
      assert.doesNotMatch(text('adopted'), /收费项目由上位法规定|广告|试点/);
      assert.match(text('refused'), /未采纳/);
      assert.match(text('refused'), /收费项目由上位法规定。/);
      assert.doesNotMatch(text('refused'), /已在第三条中明确/);
      assert.match(text('removed'), /未予公开，类别：广告/);
      assert.doesNotMatch(text('removed'), /理由/);
      assert.match(text('cosign1'), /部分采纳/);
      assert.match(text('cosign2'), /部分采纳/);
      assert.match(text('english'), /Your comment was adopted\./);
      // Links: the feedback (the consultation's page) and this commenter's own receipt.
      assert.ok(
        text('adopted').includes(
          `https://consult.example.gov.cn/draft.html?receipt=${receipts.adopted!.replaceAll('-', '')}`,
        ),
      );
      assert.ok(!text('adopted').includes(receipts.refused!.replaceAll('-', '')));
      const html = outcome(people.adopted.email)[0]!.parsed.html || '';
      assert.match(html, /<p>理由：已在第三条中明确。<\/p>/);

      // Staff see the counts; the addresses appear in no log line.
      const counts = (await ctx.staff({ url: `/api/v1/consultations/${id}/notifications` }, 'reviewer')).json();
      assert.equal(counts.subscriptions.confirmed, 6);
      assert.equal(counts.deliveries.sent, 12);
      assert.equal(counts.deliveries.failed, 0);
      const log = logs.lines.join('');
      assert.match(log, /messages taken sent/);
      for (const p of Object.values(people)) assert.ok(!log.includes(p.email), `log holds ${p.email}`);

      // Nor in what staff read: comment lists (with contacts), exports, the audit log.
      const asAdmin = async (url: string) => (await ctx.staff({ url })).body;
      const staffSees = [
        await asAdmin(`/api/v1/consultations/${id}/comments?limit=100`),
        await asAdmin(`/api/v1/consultations/${id}/export.csv`),
        await asAdmin(`/api/v1/consultations/${id}/report.html`),
        await asAdmin(`/api/v1/consultations/${id}/audit`),
        await asAdmin(`/api/v1/consultations/${id}/notifications`),
      ].join('\n');
      for (const p of Object.values(people)) {
        assert.ok(!staffSees.includes(p.email), `staff output holds ${p.email}`);
        assert.ok(!staffSees.includes(p.email.split('@')[0]!), 'not even the local part');
      }
      // At rest: encrypted.
      const { rows } = await ctx.db.query<{ address_enc: string }>('SELECT address_enc FROM notify_subscriptions');
      for (const r of rows) assert.match(r.address_enc, /^v1\.[0-9a-f]{8}\./);
      assert.ok(!rows.some((r) => Object.values(people).some((p) => r.address_enc.includes(p.email))));
      await ctx.close();
    });

    test('one-click unsubscribe works without signing in and is honoured', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const id = await consultation(ctx);
      const a = address('qian');
      const b = address('zhou');
      const ra = await submit(ctx, id, a);
      await submit(ctx, id, b);
      const confirmation = await confirm(ctx, a);
      await confirm(ctx, b);

      const path = link(confirmation, 'unsubscribe');
      // A link scanner's GET changes nothing: it shows a page with one button.
      const page = await ctx.app.inject({ url: path });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /退订/);
      assert.equal((await ctx.app.inject({ url: `/api/v1/receipts/${ra}` })).json().notify.state, 'confirmed');
      // RFC 8058: POST with List-Unsubscribe=One-Click, no Authorization.
      const res = await ctx.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(res.statusCode, 200, res.body);
      const lookup = (await ctx.app.inject({ url: `/api/v1/receipts/${ra}` })).json();
      assert.equal(lookup.notify.state, 'unsubscribed');
      assert.equal(lookup.notify.address, null);
      const { rows } = await ctx.db.query<{ address_enc: string | null }>(
        `SELECT s.address_enc FROM notify_subscriptions s JOIN comments m ON m.id = s.comment_id WHERE m.receipt = $1`,
        [ra.replaceAll('-', '')],
      );
      assert.equal(rows[0]!.address_enc, null, 'the address is deleted at once');

      // The window is extended: b hears of it with the reason, a does not.
      const extended = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${id}`,
        payload: { closes: iso(45), windowChangeReason: '应社会各界要求延长征求意见期。' },
      });
      assert.equal(extended.statusCode, 200, extended.body);
      await smtp.waitFor((m) => to(b)(m).some((x) => x.parsed.subject?.startsWith('征求意见期限变更')));
      await settle();
      const change = to(b)(smtp.messages).find((x) => x.parsed.subject?.startsWith('征求意见期限变更'))!;
      assert.match(change.parsed.text ?? '', /征求意见期限已延长/);
      assert.match(change.parsed.text ?? '', /理由：应社会各界要求延长征求意见期。/);
      assert.equal(to(a)(smtp.messages).length, 1, 'nothing after unsubscribing');
      await ctx.close();
    });

    test('a crash between sending and recording sends again with the same Message-ID, once', async () => {
      const options = notifyOptions({ leaseMs: 300 });
      const crashed = new Set<number>();
      const crashing = notifyOptions({
        leaseMs: 300,
        // After the crash this instance must not look again before it is closed.
        pollMs: 60_000,
        afterSend: (delivery) => {
          if (crashed.size === 0) {
            crashed.add(delivery);
            throw Object.assign(new Error('killed after sending'), { crash: true });
          }
        },
      });
      const ctx = await setup(fresh, { notify: options });
      const id = await consultation(ctx);
      const people = Array.from({ length: 5 }, (_, i) => address(`crash${i}`));
      const receipts = [];
      for (const p of people) receipts.push(await submit(ctx, id, p));
      for (const p of people) await confirm(ctx, p);
      for (const r of receipts) await decide(ctx, r, "moderation = 'approved', decision = 'adopted'");
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 minute' WHERE id = $1", [id]);
      await signOffAll(ctx, id);
      await ctx.app.close();

      // The instance that crashes right after its first message left.
      const first = await buildApp(ctx.db, { jobs: { pollMs: 50 }, notify: crashing });
      await first.ready();
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 minute' WHERE id = $1", [id]);
      const published = await first.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/feedback`,
        headers: { authorization: `Bearer ${ctx.tokens.admin}` },
      });
      assert.ok([201, 202].includes(published.statusCode), published.body);
      const outcome = (m: Caught[]) =>
        m.filter((x) => people.some((p) => x.to.includes(p)) && x.parsed.subject?.startsWith('意见处理结果已公布'));
      await smtp.waitFor((m) => outcome(m).length >= 1);
      await first.close();
      assert.equal(crashed.size, 1);
      const { rows: left } = await ctx.db.query<{ state: string }>(
        `SELECT state FROM notify_deliveries WHERE id = $1`,
        [[...crashed][0]],
      );
      assert.equal(left[0]!.state, 'sending', 'the crash left it unrecorded');

      // Restarted: every message arrives; the one sent before the crash is sent once more, same Message-ID.
      const second = await buildApp(ctx.db, { jobs: { pollMs: 50 }, notify: options });
      await second.ready();
      await smtp.waitFor((m) => new Set(outcome(m).map((x) => x.parsed.messageId)).size === 5);
      await settle(800);
      const got = outcome(smtp.messages);
      const byId = new Map<string, number>();
      for (const m of got) byId.set(m.parsed.messageId!, (byId.get(m.parsed.messageId!) ?? 0) + 1);
      assert.equal(byId.size, 5);
      assert.deepEqual([...byId.values()].sort(), [1, 1, 1, 1, 2]);
      for (const id of byId.keys()) assert.match(id, /^<gk\.\d+\.\d+@consult\.example\.gov\.cn>$/);
      await second.close();
      await ctx.db.close();
    });

    test('a failing SMTP server is retried; a refused mailbox bounces; staff see and retry failures', async () => {
      const logs = logCollector();
      const ctx = await setup(fresh, { notify: notifyOptions({ maxAttempts: 3 }), logStream: logs.stream });
      const id = await consultation(ctx);
      const ok = address('retry');
      const gone = address('gone');
      smtp.fail.temporary = 2;
      await submit(ctx, id, ok);
      await smtp.waitFor((m) => to(ok)(m).length === 1);
      // The worker records the send after the SMTP server has accepted it: wait for the row.
      const delivery = async () =>
        (
          await ctx.db.query<{ attempts: number; state: string }>(
            `SELECT attempts, state FROM notify_deliveries WHERE consultation_id = $1`,
            [id],
          )
        ).rows;
      for (let i = 0; i < 200 && (await delivery())[0]?.state === 'sending'; i++) await settle(25);
      assert.deepEqual(await delivery(), [{ attempts: 3, state: 'sent' }]);

      smtp.fail.permanent = new RegExp(`^${gone.replace(/[.]/g, '\\.')}$`);
      await submit(ctx, id, gone);
      const bounced = async () =>
        (await ctx.staff({ url: `/api/v1/consultations/${id}/notifications` }, 'reviewer')).json().deliveries;
      for (let i = 0; i < 200 && (await bounced()).bounced === 0; i++) await settle(50);
      assert.equal((await bounced()).bounced, 1);
      smtp.fail.permanent = null;

      // Three temporary failures in a row: failed, reported, and retried by staff.
      const later = address('later');
      smtp.fail.temporary = 3;
      await submit(ctx, id, later);
      for (let i = 0; i < 200 && (await bounced()).failed === 0; i++) await settle(50);
      assert.equal((await bounced()).failed, 1);
      const refused = await ctx.staff(
        { method: 'POST', url: `/api/v1/consultations/${id}/notifications/retry` },
        'reviewer',
      );
      assert.equal(refused.statusCode, 403);
      const retried = await ctx.staff(
        { method: 'POST', url: `/api/v1/consultations/${id}/notifications/retry` },
        'editor',
      );
      assert.equal(retried.statusCode, 200, retried.body);
      assert.equal(retried.json().retried, 1);
      await smtp.waitFor((m) => to(later)(m).length === 1);
      const audit = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json();
      assert.ok(JSON.stringify(audit).includes('notify.retry'));
      // The log names each failure by the masked address only.
      const log = logs.lines.join('');
      assert.match(log, /g\*\*\*@example\.cn bounced/);
      assert.match(log, /r\*\*\*@example\.cn will be retried/);
      for (const a of [ok, gone, later]) assert.ok(!log.includes(a), `log holds ${a}`);
      await ctx.close();
    });

    test('following a consultation without an account; an SMS gateway stand-in gets the JSON; a webhook is signed', async () => {
      const received: { path: string; headers: IncomingMessage['headers']; body: string }[] = [];
      const http = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ path: req.url ?? '', headers: req.headers, body });
          res.end('ok');
        });
      });
      await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
      const port = (http.address() as AddressInfo).port;
      const ctx = await setup(fresh, {
        notify: notifyOptions({ sms: { url: `http://127.0.0.1:${port}/sms`, token: 'gw' } }),
      });
      try {
        const id = await consultation(ctx, { closes: iso(40) });
        const fan = address('fan');
        const followed = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/notify/follow',
          payload: { email: fan, consultation: id },
        });
        assert.equal(followed.statusCode, 202, followed.body);
        assert.deepEqual(followed.json(), { status: 'pending', channel: 'email', address: 'f***@example.cn' });
        const unknown = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/notify/follow',
          payload: { email: fan, consultation: 'nope' },
        });
        assert.equal(unknown.statusCode, 404);
        await confirm(ctx, fan);

        const phone = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/notify/follow',
          payload: { phone: '138 0013 8000', consultation: id },
        });
        assert.equal(phone.statusCode, 202, phone.body);
        assert.equal(phone.json().address, '138****8000');
        for (let i = 0; i < 100 && !received.some((r) => r.path === '/sms'); i++) await settle(50);
        const sms = received.find((r) => r.path === '/sms')!;
        assert.equal(sms.headers.authorization, 'Bearer gw');
        const json = JSON.parse(sms.body);
        assert.equal(json.to, '13800138000');
        assert.equal(json.template, 'confirm');
        assert.match(json.text, /请确认订阅通知.*\/api\/v1\/notify\/confirm\?s=\d+&t=/);

        const hook = await ctx.staff({
          method: 'POST',
          url: '/api/v1/staff/webhooks',
          payload: { url: `http://127.0.0.1:${port}/hook`, consultation: id },
        });
        assert.equal(hook.statusCode, 201, hook.body);
        const key = hook.json().key as string;

        const shortened = await ctx.staff({
          method: 'PATCH',
          url: `/api/v1/consultations/${id}`,
          payload: { closes: iso(32), windowChangeReason: '上级文件要求提前出台。' },
        });
        assert.equal(shortened.statusCode, 200, shortened.body);
        await smtp.waitFor((m) => to(fan)(m).length === 2);
        const change = to(fan)(smtp.messages)[1]!;
        assert.match(change.parsed.text ?? '', /征求意见期限已缩短/);
        assert.match(change.parsed.text ?? '', /上级文件要求提前出台/);

        for (let i = 0; i < 100 && !received.some((r) => r.path === '/hook'); i++) await settle(50);
        const delivery = received.find((r) => r.path === '/hook')!;
        const signature = String(delivery.headers['x-gongkai-signature']);
        const [, t, v1] = signature.match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
        assert.ok(t && v1, signature);
        assert.equal(createHmac('sha256', key).update(`${t}.${delivery.body}`).digest('hex'), v1);
        assert.notEqual(createHmac('sha256', 'wrong').update(`${t}.${delivery.body}`).digest('hex'), v1);
        const event = JSON.parse(delivery.body);
        assert.equal(event.kind, 'window.changed');
        assert.equal(event.change, 'shortened');
        assert.equal(event.reason, '上级文件要求提前出台。');
        assert.equal(event.consultation, id);
      } finally {
        await ctx.close();
        await new Promise((r) => http.close(r));
      }
    });

    test('addresses are deleted when their time is up; after a key rotation old addresses and links still work and are re-encrypted', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions({ expiryEveryMs: 50 }) });
      const id = await consultation(ctx);
      const other = await consultation(ctx);
      const kept = address('kept');
      const old = address('old');
      await submit(ctx, other, kept);
      const oldReceipt = await submit(ctx, id, old);
      const confirmation = await confirm(ctx, kept);
      await confirm(ctx, old);
      const count = async () =>
        (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notify_subscriptions')).rows[0]!.n;
      assert.equal(await count(), 2);
      // A pending address whose 7 days are up, and a commenter 30 days after the feedback's
      // messages (the consultation's last): gone, rows and addresses; the other stays.
      const pending = await submit(ctx, other, address('pending'));
      await ctx.db.query(
        `UPDATE notify_subscriptions SET expires_at = now() - interval '1 second'
         WHERE comment_id = (SELECT id FROM comments WHERE receipt = $1)`,
        [pending.replaceAll('-', '')],
      );
      await decide(ctx, oldReceipt, "moderation = 'approved', decision = 'adopted'");
      await closeAndPublish(ctx, id);
      await smtp.waitFor((m) => to(old)(m).length === 2);
      for (let i = 0; i < 400 && (await count()) > 2; i++) await settle(50);
      assert.equal(await count(), 2, 'the pending address is gone; those published to are kept for now');
      // Messages go out while the fan-out walks its last (empty) passes: wait until it is done.
      const fannedOut = async () =>
        (
          await ctx.db.query(
            `SELECT 1 FROM notify_events WHERE consultation_id = $1 AND kind = 'feedback.published'
               AND fanned_out_at IS NOT NULL`,
            [id],
          )
        ).rows.length > 0;
      for (let i = 0; i < 400 && !(await fannedOut()); i++) await settle(50);
      await ctx.db.query(
        `UPDATE notify_events SET fanned_out_at = fanned_out_at - interval '31 days'
         WHERE consultation_id = $1 AND kind = 'feedback.published'`,
        [id],
      );
      for (let i = 0; i < 400 && (await count()) > 1; i++) await settle(50);
      assert.equal(await count(), 1);
      assert.equal((await ctx.app.inject({ url: `/api/v1/receipts/${oldReceipt}` })).json().notify, null);
      await ctx.app.close();

      // A new secret first, the old one after it.
      const rotated = new NotifySecrets([
        'a-new-secret-of-at-least-thirty-two-characters',
        'test-secret-of-at-least-thirty-two-characters',
      ]);
      const app = await buildApp(ctx.db, {
        jobs: { pollMs: 50 },
        notify: notifyOptions({ secrets: rotated, expiryEveryMs: 50 }),
      });
      await app.ready();
      const keyOf = async () =>
        (await ctx.db.query<{ k: string }>(`SELECT split_part(address_enc, '.', 2) AS k FROM notify_subscriptions`))
          .rows[0]!.k;
      for (let i = 0; i < 200 && (await keyOf()) !== rotated.current.id; i++) await settle(50);
      assert.equal(await keyOf(), rotated.current.id, 're-encrypted under the new key');
      // The window moves: the message reaches the address re-encrypted, and its old unsubscribe link works.
      const moved = await app.inject({
        method: 'PATCH',
        url: `/api/v1/consultations/${other}`,
        headers: { authorization: `Bearer ${ctx.tokens.admin}` },
        payload: { closes: iso(45), windowChangeReason: '延长。' },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      await smtp.waitFor((m) => to(kept)(m).length === 2);
      const res = await app.inject({ method: 'POST', url: link(confirmation, 'unsubscribe') });
      assert.equal(res.statusCode, 200, res.body);
      await app.close();
      await ctx.db.close();
    });

    test('the Atom feeds and the ICS calendar validate and carry the events', async () => {
      const ctx = await setup(fresh, { notify: notifyOptions() });
      const policy = {
        schemaVersion: 1,
        id: `feed-policy-${process.pid}-${++unique}`,
        meta: { title: '示例办法（征求意见稿）', status: 'draft' },
        clauses: [
          { id: '1', number: '一、', level: 1, parent: null, title: '', text: '一、为了规范政务公开，制定本办法。' },
        ],
      };
      const id = await consultation(ctx, { policy, closes: iso(30) });
      const moved = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${id}`,
        payload: { closes: iso(40), windowChangeReason: '延长 <十日>' },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const revised = await ctx.staff({
        method: 'POST',
        url: `/api/v1/policies/${policy.id}/versions`,
        payload: {
          bundle: { ...policy, meta: { ...policy.meta, title: '示例办法（修订稿）' } },
          note: '根据意见修改标题。',
        },
      });
      assert.equal(revised.statusCode, 201, revised.body);

      const atom = await ctx.app.inject({ url: '/api/v1/feeds/atom' });
      assert.equal(atom.statusCode, 200);
      assert.match(String(atom.headers['content-type']), /application\/atom\+xml/);
      assert.match(String(atom.headers['cache-control']), /public, max-age=300/);
      assert.equal(XMLValidator.validate(atom.body), true);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(atom.body);
      const entries = [parsed.feed.entry].flat();
      const titles = entries.map((e: { title: { '#text'?: string } | string }) =>
        String(typeof e.title === 'string' ? e.title : e.title['#text']),
      );
      assert.ok(
        titles.some((t: string) => t.startsWith('开始征求意见：')),
        titles.join(),
      );
      assert.ok(
        titles.some((t: string) => t.startsWith('征求意见期限变更：')),
        titles.join(),
      );
      const text = (v: unknown) => String(typeof v === 'object' && v ? (v as { '#text': string })['#text'] : v);
      const change = entries.find((e: { title: unknown }) => text(e.title).startsWith('征求意见期限变更：'));
      // The reason as given, markup and all, as text (CDATA), never as markup.
      assert.match(text(change.summary), /理由：延长 <十日>/);
      const again = await ctx.app.inject({
        url: '/api/v1/feeds/atom',
        headers: { 'if-none-match': String(atom.headers.etag) },
      });
      assert.equal(again.statusCode, 304);

      const perPolicy = await ctx.app.inject({ url: `/api/v1/feeds/policies/${policy.id}/atom` });
      assert.equal(perPolicy.statusCode, 200);
      assert.equal(XMLValidator.validate(perPolicy.body), true);
      assert.match(perPolicy.body, /文件已更新（第 2 版）：示例办法（修订稿）/);
      assert.match(perPolicy.body, /根据意见修改标题。/);
      assert.equal((await ctx.app.inject({ url: '/api/v1/feeds/policies/nope/atom' })).statusCode, 404);

      const ics = await ctx.app.inject({ url: '/api/v1/feeds/deadlines.ics' });
      assert.equal(ics.statusCode, 200);
      assert.match(String(ics.headers['content-type']), /text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(ics.body));
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const ours = events.find((e) => e.uid.startsWith(`consultation-${id}@`));
      assert.ok(ours, 'the consultation is in the calendar');
      assert.match(ours.summary, /^征求意见截止：/);
      const closes = (await ctx.app.inject({ url: `/api/v1/consultations/${id}` })).json().closes;
      assert.equal(
        ours.startDate.toJSDate().getTime(),
        new Date(closes).getTime() - (new Date(closes).getTime() % 1000),
      );
      await ctx.close();
    });
  });
}

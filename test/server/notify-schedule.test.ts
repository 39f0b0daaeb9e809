// What the outbox schedules (issue 20): a consultation's opening and the reminders 7 days and
// 1 day before it closes, written with the consultation; withdrawn and scheduled again when the
// window moves; extended, shortened and reopened told apart; a policy's followers hear of its
// consultations and its new versions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NotifySecrets } from '@gongkai/server';
import { type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, iso, setup } from './helpers.js';

after(closeDatabases);

let smtp: MailCatcher;
before(async () => {
  smtp = await startMailCatcher();
});
after(async () => smtp.close());

const DAY = 86_400_000;
let unique = 0;

const notify = () => ({
  secrets: new NotifySecrets(['schedule-test-secret-of-at-least-32-characters']),
  publicUrl: 'https://consult.example.gov.cn',
  smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: 'noreply@example.gov.cn' },
  rate: { email: 1000 },
  pollMs: 50,
});

const policy = (id: string, title = '示例办法（征求意见稿）') => ({
  schemaVersion: 1,
  id,
  meta: { title, status: 'draft' },
  clauses: [{ id: '1', number: '一、', level: 1, parent: null, title: '', text: '一、为了规范政务公开，制定本办法。' }],
});

interface EventRow {
  id: string;
  kind: string;
  at: Date;
  withdrawn: boolean;
  payload: Record<string, unknown>;
  job_at: Date | null;
}

async function events(ctx: Ctx, consultationId: string): Promise<EventRow[]> {
  const { rows } = await ctx.db.query<EventRow>(
    `SELECT e.id, e.kind, e.at, e.withdrawn, e.payload, j.run_at AS job_at
     FROM notify_events e LEFT JOIN jobs j ON j.kind = 'notify-fanout' AND j.key = e.id::text
     WHERE e.consultation_id = $1 ORDER BY e.id`,
    [consultationId],
  );
  return rows;
}

const near = (a: Date | string | null, b: number, what: string) =>
  assert.ok(
    a && Math.abs(new Date(a).getTime() - b) < 5000,
    `${what}: ${a && new Date(a).toISOString()} ≠ ${new Date(b).toISOString()}`,
  );

for (const { name, fresh } of databases) {
  describe(`notification schedule on ${name}`, () => {
    test('opening and reminders are written with the consultation, and moved with its window', async () => {
      const ctx = await setup(fresh, { notify: notify() });
      const closes = Date.parse(iso(40));
      const id = await consultation(ctx, { closes: new Date(closes).toISOString() });
      let rows = await events(ctx, id);
      assert.deepEqual(
        rows.map((r) => [r.kind, r.payload.days ?? null]),
        [
          ['consultation.opened', null],
          ['consultation.closing', 7],
          ['consultation.closing', 1],
        ],
      );
      near(rows[1]!.at, closes - 7 * DAY, '7 days before');
      near(rows[1]!.job_at, closes - 7 * DAY, 'its job');
      near(rows[2]!.at, closes - DAY, '1 day before');

      // Extended: told with the reason; the reminders not yet sent move with the closing.
      const later = Date.parse(iso(50));
      const moved = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${id}`,
        payload: { closes: new Date(later).toISOString(), windowChangeReason: '应社会各界要求延长。' },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      rows = await events(ctx, id);
      const change = rows.find((r) => r.kind === 'window.changed')!;
      assert.equal(change.payload.change, 'extended');
      assert.equal(change.payload.reason, '应社会各界要求延长。');
      const reminders = rows.filter((r) => r.kind === 'consultation.closing');
      assert.deepEqual(
        reminders.map((r) => [r.payload.days, r.withdrawn, r.job_at !== null]),
        [
          [7, true, false],
          [1, true, false],
          [7, false, true],
          [1, false, true],
        ],
      );
      near(reminders[2]!.at, later - 7 * DAY, 'moved reminder');
      // The audit log keeps the reason with the change.
      const audit = JSON.stringify((await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json());
      assert.ok(audit.includes('应社会各界要求延长。'));

      // Shortened, then closed and reopened.
      const shorter = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${id}`,
        payload: { closes: iso(35), windowChangeReason: '上级要求。' },
      });
      assert.equal(shorter.statusCode, 200, shorter.body);
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 day' WHERE id = $1", [id]);
      const reopened = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${id}`,
        payload: { closes: iso(31), windowChangeReason: '补充征求意见。' },
      });
      assert.equal(reopened.statusCode, 200, reopened.body);
      const changes = (await events(ctx, id)).filter((r) => r.kind === 'window.changed').map((r) => r.payload.change);
      assert.deepEqual(changes, ['extended', 'shortened', 'reopened']);

      // An upcoming consultation opens later: its opening waits until then, and is not in the feed yet.
      const upcoming = await consultation(ctx, { opens: iso(5), closes: iso(40) });
      const opening = (await events(ctx, upcoming)).find((r) => r.kind === 'consultation.opened')!;
      near(opening.at, Date.parse(iso(5)), 'opening of an upcoming consultation');
      near(opening.job_at, Date.parse(iso(5)), 'its job');
      const feed = await ctx.app.inject({ url: '/api/v1/feeds/atom' });
      assert.ok(!feed.body.includes(`tag:gongkai,2026:event/${opening.id}<`));
      assert.ok(feed.body.includes(`tag:gongkai,2026:event/${change.id}<`));
      await ctx.close();
    });

    test("a policy's followers hear of its consultations and its new versions; OpenAPI lists the routes", async () => {
      const ctx = await setup(fresh, { notify: notify() });
      const pid = `sched-${process.pid}-${++unique}`;
      const stored = await ctx.staff({ method: 'PUT', url: `/api/v1/policies/${pid}`, payload: policy(pid) });
      assert.ok([200, 201].includes(stored.statusCode), stored.body);
      const fan = `fan.${process.pid}.${++unique}@example.cn`;
      const followed = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/notify/follow',
        payload: { email: fan, policy: pid, locale: 'zh-Hant' },
      });
      assert.equal(followed.statusCode, 202, followed.body);
      // Asking twice sends one confirmation and answers the same.
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/notify/follow',
        payload: { email: fan, policy: pid },
      });
      assert.deepEqual(again.json(), followed.json());
      const mine = () => smtp.messages.filter((m) => m.to.includes(fan));
      await smtp.waitFor(() => mine().length === 1);
      assert.equal(mine()[0]!.parsed.subject, '請確認訂閱通知');
      const path = (mine()[0]!.parsed.text ?? '').match(/(\/api\/v1\/notify\/confirm\?s=\d+&t=[\w-]+)/)![1]!;
      assert.equal((await ctx.app.inject({ method: 'POST', url: path })).statusCode, 200);

      const id = await consultation(ctx, { policyId: pid });
      await smtp.waitFor(() => mine().some((m) => m.parsed.subject?.startsWith('開始徵求意見')));
      const revised = await ctx.staff({
        method: 'POST',
        url: `/api/v1/policies/${pid}/versions`,
        payload: { bundle: policy(pid, '示例办法（修订稿）'), note: '删去第三条。' },
      });
      assert.equal(revised.statusCode, 201, revised.body);
      await smtp.waitFor(() => mine().some((m) => m.parsed.subject?.startsWith('文件已更新（第 2 版）')));
      const version = mine().find((m) => m.parsed.subject?.startsWith('文件已更新'))!;
      assert.match(version.parsed.text ?? '', /修訂說明：删去第三条。/);
      assert.equal(mine().length, 3, `${id}: one confirmation, the opening, the version`);

      const spec = (await ctx.app.inject({ url: '/api/v1/openapi.json' })).json();
      for (const p of [
        '/api/v1/notify/follow',
        '/api/v1/notify/unsubscribe',
        '/api/v1/feeds/atom',
        '/api/v1/feeds/deadlines.ics',
        '/api/v1/consultations/{id}/notifications/retry',
      ]) {
        assert.ok(spec.paths[p], `${p} in the OpenAPI document`);
      }
      assert.ok(
        spec.paths['/api/v1/consultations/{id}/comments'].post.requestBody.content['application/json'].schema.properties
          .notify,
      );
      await ctx.close();
    });
  });
}

// 意见有回音 (issue 20) in the browser against the real server: a citizen ticks
// "处理结果公布后通知我" on a phone, the receipt says confirmation is pending, the confirmation
// e-mail arrives (a real SMTP server in the test process), its link opens the server's page on
// the phone, and once confirmed the receipt lookup says so; then 关注 in the status bar.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  buildApp,
  type Database,
  migrate,
  NotifySecrets,
  openDatabase,
  putPolicy,
  seedConsultation,
} from '@gongkai/server';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { type Caught, type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.js';
import { launchChromium, repoRoot, requireBuild } from './browser.js';

const CONSULTATION = 'e2e-notify';
const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-notify-'));
let db: Database;
let app: FastifyInstance;
let smtp: MailCatcher;
let site: StaticServer;
let browser: Browser;

before(async () => {
  requireBuild();
  smtp = await startMailCatcher();
  db = await openDatabase({ dataDir });
  await migrate(db);
  app = await buildApp(db, {
    jobs: { pollMs: 100 },
    notify: {
      secrets: new NotifySecrets(['e2e-secret-of-at-least-thirty-two-characters']),
      publicUrl: 'https://consult.example.gov.cn',
      smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: '公开征求意见 <noreply@example.gov.cn>' },
      pollMs: 100,
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bundle = JSON.parse(readFileSync(join(repoRoot, 'demo/policies/ezhou-2016-40.json'), 'utf8'));
  await putPolicy(db, { ...bundle, id: 'e2e-notify-final' });
  await seedConsultation(db, {
    kind: 'gongkai-consultation',
    id: CONSULTATION,
    title: '关于公开征求《鄂州市全面推进政务公开工作实施方案（征求意见稿）》意见的公告',
    policy: 'e2e-notify-final',
    openedDaysAgo: 5,
    days: 30,
    draftPolicy: 'e2e-draft',
  });
  site = await serveStatic({
    mounts: { '/': repoRoot },
    proxy: { prefixes: ['/api/'], target: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
  await db?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const consultation = (page: Page) => page.locator('gk-policy gk-consultation');
/** The link of `action` in a message, on this test's site (the message points at the public URL). */
const linkIn = (m: Caught, action: string) => {
  const found = (m.parsed.text ?? '').match(
    new RegExp(`https://consult\\.example\\.gov\\.cn(/api/v1/notify/${action}\\?[^\\s>]+)`),
  );
  assert.ok(found, `no ${action} link in: ${m.parsed.text}`);
  return `${site.url}${found[1]}`;
};
const mailTo = (email: string) =>
  smtp
    .waitFor((all) => all.some((m) => m.to.includes(email)), 20_000)
    .then((all) => all.filter((m) => m.to.includes(email)));

test('a comment asks to be told the outcome: pending on the receipt, confirmed by the e-mailed link on a phone', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/test/e2e/pages/consultation.html`);
  const form = consultation(page).locator('form');
  await form.locator('#body').fill('建议在政务服务大厅设置查询终端。');
  await form.locator('#notify').check();
  await form.getByLabel('接收通知的电子邮箱').fill('zhang.e2e@example.cn');
  await form.locator('#consent').check();
  await form.locator('button[type="submit"]').click();
  const line = consultation(page).locator('.receipt-notify');
  await line.waitFor();
  assert.equal(
    (await line.textContent())?.trim(),
    '已登记通知：z***@example.cn，请查收确认邮件，点击其中的链接后才会收到通知。',
  );
  const receipt = (await consultation(page).locator('.receipt-code').textContent())?.trim() ?? '';
  const stored = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM notify_subscriptions WHERE kind = 'comment' AND state = 'pending'",
  );
  assert.equal(stored.rows[0]!.n, 1);

  // The confirmation arrives; its link opens the server's page, readable on the phone.
  const [mail] = await mailTo('zhang.e2e@example.cn');
  const confirmPage = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await confirmPage.goto(linkIn(mail!, 'confirm'));
  assert.equal(await confirmPage.locator('html').getAttribute('lang'), 'zh-Hans');
  const width = await confirmPage.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the confirm page scrolls sideways: ${width}px`);
  await confirmPage.getByRole('button', { name: /确认订阅/ }).click();
  await confirmPage.getByRole('heading', { name: '已确认订阅' }).waitFor();
  await confirmPage.close();

  // The receipt lookup on the draft's page now says the notification is confirmed.
  await consultation(page).getByRole('button', { name: '再提一条意见' }).click();
  const mine = consultation(page).locator('.sent li').filter({ hasText: receipt });
  await mine.getByRole('button', { name: '查询处理情况' }).click();
  await mine.getByText('已登记通知：z***@example.cn（已确认）').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('关注 in the status bar follows the consultation by e-mail: a confirmation first, nothing else', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${site.url}/test/e2e/pages/consultation.html`);
  const bar = page.locator('gk-policy gk-consultation-bar');
  await bar.getByRole('button', { name: '关注' }).click();
  const follow = bar.locator('gk-follow');
  await follow.getByLabel('接收通知的电子邮箱').fill('li.e2e@example.cn');
  await follow.getByRole('button', { name: '提交关注' }).click();
  await follow.getByText('确认邮件已发往 l***@example.cn').waitFor();
  const mails = await mailTo('li.e2e@example.cn');
  assert.equal(mails.length, 1);
  assert.ok(linkIn(mails[0]!, 'confirm'));
  const atom = await follow.getByRole('link', { name: '更新订阅源（Atom）' }).getAttribute('href');
  const feed = await fetch(new URL(atom!, site.url));
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /atom/);
  await page.close();
});

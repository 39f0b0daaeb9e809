// From comment to published outcome, with the real server on its embedded database and
// Chromium: a citizen comments on a clause, the server dies during a second comment, the page
// is reloaded, the server returns, the queued comment is sent exactly once, staff decide and
// publish through the API, and the citizen reads the outcome and looks up a receipt.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken, type Database, putPolicy, seedConsultation, seedFile } from '@gongkai/server';
import type { Browser, Page } from 'playwright-core';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.js';
import { launchChromium, repoRoot, requireBuild } from './browser.js';
import { apiCaller, type RunningServer, startServer } from './server.js';

const CONSULTATION = 'e2e-consultation';
const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
let db: Database;
let server: RunningServer | null = null;
let apiPort = 0;
let site: StaticServer;
/** The demo site as `pnpm start` serves it (demo/ at the root, the embed build under /gongkai/). */
let demoSite: StaticServer;
let browser: Browser;
let token = '';

async function startApi(): Promise<void> {
  server = await startServer(dataDir, apiPort);
  db = server.db;
  apiPort = server.port;
}

async function stopApi(): Promise<void> {
  await server?.stop();
  server = null;
}

const staff = apiCaller(
  () => apiPort,
  () => token,
);

before(async () => {
  requireBuild();
  await startApi();
  const bundle = JSON.parse(readFileSync(join(repoRoot, 'demo/policies/ezhou-2016-40.json'), 'utf8'));
  await putPolicy(db, { ...bundle, id: 'e2e-final' });
  await seedConsultation(db, {
    kind: 'gongkai-consultation',
    id: CONSULTATION,
    title: '关于公开征求《鄂州市全面推进政务公开工作实施方案（征求意见稿）》意见的公告',
    policy: 'e2e-final',
    openedDaysAgo: 35,
    days: 36,
    draftPolicy: 'e2e-draft',
  });
  token = (await createToken(db, 'admin', 'e2e')).token;
  site = await serveStatic({
    mounts: { '/': repoRoot },
    proxy: { prefixes: ['/api/'], target: `http://127.0.0.1:${apiPort}` },
  });
  await seedFile(db, join(repoRoot, 'demo/policies/ezhou-2016-40.json'));
  for (const file of readdirSync(join(repoRoot, 'demo/consultations')).sort()) {
    await seedFile(db, join(repoRoot, 'demo/consultations', file));
  }
  demoSite = await serveStatic({
    mounts: { '/': `${repoRoot}demo/`, '/gongkai/': `${repoRoot}packages/elements/dist/` },
    proxy: { prefixes: ['/api/'], target: `http://127.0.0.1:${apiPort}` },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await demoSite?.close();
  if (server) await stopApi();
  rmSync(dataDir, { recursive: true, force: true });
});

const consultation = (page: Page) => page.locator('gk-policy gk-consultation');

async function writeComment(page: Page, text: string) {
  const form = consultation(page).locator('form');
  await form.locator('#body').fill(text);
  await form.locator('#consent').check();
  await form.locator('button[type="submit"]').click();
}

test('a comment survives a server outage and a reload, is stored once, and its outcome is published', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/test/e2e/pages/consultation.html`);

  // 0. The page opens with the window's status and 我要提意见, in the first phone screen.
  const bar = page.locator('gk-policy gk-consultation-bar');
  await bar.locator('.facts').getByText('征求意见中').waitFor();
  const barBox = await bar.boundingBox();
  assert.ok(
    barBox && barBox.y >= 0 && barBox.y + barBox.height <= 844,
    `the status bar is at ${JSON.stringify(barBox)}`,
  );
  assert.match((await bar.locator('.facts').textContent()) ?? '', /截止 \d{1,2}月\d{1,2}日 · 还剩 \d+ 天/);
  await bar.getByRole('button', { name: '我要提意见' }).waitFor();

  // 1. A citizen comments on clause 2.1 from its own button: the form opens under the clause.
  await consultation(page).locator('[part="status"]').getByText('征求意见中').waitFor();
  const clauseButton = page.locator('gk-policy gk-document #gk-clause-2\\.1 [part="comment"]');
  await clauseButton.click();
  assert.equal(await consultation(page).locator('#target').inputValue(), '2.1');
  const sheetBox = await consultation(page).locator('.sheet').boundingBox();
  const clauseBox = await clauseButton.boundingBox();
  assert.ok(
    sheetBox && Math.abs(sheetBox.y + sheetBox.height - 844) < 2,
    `the sheet is at ${JSON.stringify(sheetBox)}`,
  );
  assert.ok(clauseBox && clauseBox.y >= 0 && clauseBox.y + clauseBox.height <= sheetBox.y, 'the clause is hidden');
  await writeComment(page, '建议权力清单在政务服务大厅设置查询终端，方便老年人查询。');
  const first = (await consultation(page).locator('.receipt-code').textContent())?.trim() ?? '';
  assert.match(first, /^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
  // The receipt names the draft as the page does, and gives Beijing time.
  const receiptText = ((await consultation(page).locator('.receipt').textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(receiptText, /关于全面推进政务公开工作实施方案（征求意见稿）/);
  assert.doesNotMatch(receiptText, /关于公开征求/);
  assert.match(receiptText, /（北京时间）/);

  // 2. The server stops while a second comment is being sent: it waits, visibly.
  await consultation(page).getByRole('button', { name: '再提一条意见' }).click();
  await stopApi();
  const second = '考核指标中应增加群众满意度评价。';
  await writeComment(page, second);
  await consultation(page).locator('[part="delivery"]').getByText('自动重试').waitFor();

  // 3. A reload keeps the queued comment.
  await page.reload();
  await consultation(page).locator('[part="status"]').waitFor();
  assert.equal(await consultation(page).locator('#body').inputValue(), second);

  // 4. The server returns: the comment is sent, exactly once.
  await startApi();
  // The next retry comes by itself (backoff); 立即重试 only shortens the wait.
  const retry = consultation(page).getByRole('button', { name: '立即重试' });
  if (await retry.isVisible()) await retry.click().catch(() => {});
  await consultation(page).locator('.receipt-code').waitFor({ timeout: 60_000 });
  const secondReceipt = (await consultation(page).locator('.receipt-code').textContent())?.trim() ?? '';
  assert.notEqual(secondReceipt, first);
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE consultation_id = $1', [
    CONSULTATION,
  ]);
  assert.equal(rows[0]!.n, 2);

  // 5. Staff close the window, decide with reasons and publish, through the API.
  await staff('PATCH', `/consultations/${CONSULTATION}`, { closes: new Date(Date.now() - 60_000).toISOString() });
  const { items } = await staff<{ items: unknown[] }>('GET', `/consultations/${CONSULTATION}/comments?limit=50`);
  for (const item of items as { id: number; clause: string | null }[]) {
    await staff(
      'PATCH',
      `/comments/${item.id}`,
      item.clause
        ? { decision: 'adopted' }
        : { decision: 'not-adopted', reason: '满意度评价已纳入年度考核办法，本方案不再重复规定。' },
    );
  }
  // 审核 and 签发 of every decision (the admin token holds both), as publication requires.
  await staff('POST', `/consultations/${CONSULTATION}/signoff`, { step: 'check', filter: { stage: 'draft' } });
  await staff('POST', `/consultations/${CONSULTATION}/signoff`, { step: 'sign', filter: { stage: 'checked' } });
  await staff('POST', `/consultations/${CONSULTATION}/feedback`, {});

  // 6. The bookmarked draft page now shows the outcome where the form was.
  await page.reload();
  await consultation(page).locator('[part="status"]').getByText('反馈已公布').first().waitFor();
  await bar
    .locator('.facts')
    .getByText(/共收到 2 条意见，采纳 1 条/)
    .waitFor();
  const feedback = consultation(page).locator('gk-feedback');
  await feedback.getByText('满意度评价已纳入年度考核办法').first().waitFor();
  await feedback.getByText('设置查询终端').first().waitFor();

  // 7. The receipt lookup tells the citizen the decision and its reason.
  const mine = consultation(page).locator('.sent li').filter({ hasText: secondReceipt });
  await mine.getByRole('button', { name: '查询处理情况' }).click();
  await mine.getByText('不予采纳').waitFor();
  assert.match((await mine.textContent()) ?? '', /满意度评价已纳入年度考核办法/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the demo pages open with what the citizen came for, in the first phone screen', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const bar = page.locator('gk-policy gk-consultation-bar');
  const inFirstScreen = async (what: string) => {
    await page.evaluate(() => scrollTo(0, 0));
    const box = await bar.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `${what}: the status bar is at ${JSON.stringify(box)}`);
  };

  // /draft.html: the open window, its deadline and 我要提意见, above the draft.
  await page.goto(`${demoSite.url}/draft.html`);
  await bar.locator('.facts').getByText('征求意见中').waitFor();
  await inFirstScreen('/draft.html');
  assert.match((await bar.locator('.facts').textContent()) ?? '', /截止 \d{1,2}月\d{1,2}日 · 还剩 \d+ 天/);
  const comment = bar.getByRole('button', { name: '我要提意见' });
  const commentBox = await comment.boundingBox();
  assert.ok(commentBox && commentBox.y + commentBox.height <= 844, '我要提意见 is below the first screen');
  // It opens the form where the citizen is: a sheet at the bottom of the screen, no jump.
  await comment.click();
  const sheet = page.locator('gk-policy gk-consultation .sheet');
  await sheet.locator('#body').waitFor();
  const sheetBox = await sheet.boundingBox();
  assert.ok(
    sheetBox && Math.abs(sheetBox.y + sheetBox.height - 844) < 2,
    `the sheet is at ${JSON.stringify(sheetBox)}`,
  );
  assert.equal(await page.evaluate(() => scrollY), 0);
  await sheet.getByRole('button', { name: '返回原文' }).click();
  assert.equal(await sheet.count(), 0);

  // /feedback.html: the published outcome, with its counts and the two ways into it.
  await page.goto(`${demoSite.url}/feedback.html`);
  await bar
    .locator('.facts')
    .getByText(/共收到 \d+ 条意见，采纳 \d+ 条/)
    .waitFor();
  await inFirstScreen('/feedback.html');
  assert.match((await bar.locator('.facts').textContent()) ?? '', /^反馈已公布 · /);
  await bar.getByRole('button', { name: '查看采纳情况' }).waitFor();
  await bar.getByRole('button', { name: '查询我的意见' }).click();
  // The lookup's receipt field is focused, on screen.
  const receipt = page.locator('gk-policy gk-consultation gk-feedback #receipt');
  await page.waitForFunction(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id === 'receipt';
  });
  const receiptBox = await receipt.boundingBox();
  assert.ok(
    receiptBox && receiptBox.y >= 0 && receiptBox.y + receiptBox.height <= 844,
    'the receipt field is off screen',
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("/final.html: the demo draft's final text with 修改对照 against the 征求意见稿 and the 修改说明, linked from the feedback", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demoSite.url}/feedback.html`);
  await page.getByRole('link', { name: /正式稿，含修改对照和修改说明/ }).click();
  await page.waitForURL(/\/final\.html$/);
  // The final text: issued (有效), compared with the draft it revises.
  const policy = page.locator('gk-policy').first();
  await policy.getByText('与征求意见稿相比').first().waitFor();
  await policy.locator('[part="badge"]').getByText('有效', { exact: true }).waitFor();
  // The 修改说明 from the published feedback: which changes the public's comments led to.
  const feedback = page.locator('gk-feedback').last();
  await feedback.getByText('本文件根据公众意见修改了 3 处').first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

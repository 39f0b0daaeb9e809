// The pages a confirm or unsubscribe link opens, in Chromium against the real server: axe finds
// nothing (WCAG 2.1 AA and best practices) on a phone and a desktop, in each language; the button
// is at least 44 px; nothing scrolls sideways even with the reader's font at 200 %; the page loads
// nothing and breaks no rule of its own CSP; and it works with JavaScript off.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildApp, type Database, migrate, NotifySecrets, openDatabase } from '@gongkai/server';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { launchChromium, repoRoot } from './browser.js';

let db: Database;
let app: FastifyInstance;
let smtp: MailCatcher;
let browser: Browser;
let base = '';
/** The signed paths of the one subscription made here. */
let confirmPath = '';
let unsubscribePath = '';

before(async () => {
  smtp = await startMailCatcher();
  db = await openDatabase({ dataDir: 'memory://' });
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
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await db.query(
    `INSERT INTO consultations (id, title, opens, closes) VALUES ('e2e-pages',
       '关于公开征求《鄂州市全面推进政务公开工作实施方案（征求意见稿）》意见的公告', now() - interval '1 day', now() + interval '30 days')`,
  );
  const res = await fetch(`${base}/api/v1/notify/follow`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'zhou.pages@example.cn', consultation: 'e2e-pages' }),
  });
  assert.equal(res.status, 202);
  const [mail] = await smtp.waitFor((m) => m.length > 0, 20_000);
  const text = mail!.parsed.text ?? '';
  const path = (action: string) =>
    text.match(new RegExp(`https://consult\\.example\\.gov\\.cn(/api/v1/notify/${action}\\?[^\\s>]+)`))![1]!;
  confirmPath = path('confirm');
  unsubscribePath = path('unsubscribe');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
  await smtp?.close();
});

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

async function open(url: string, width: number, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Refused to|Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`fetched ${r.url()}`);
  });
  const response = await page.goto(url);
  return { page, problems, status: response?.status(), close: () => context.close() };
}

async function axe(page: Page) {
  await page.addScriptTag({ path: `${repoRoot}node_modules/axe-core/axe.min.js` });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (el: Document, o: object) => Promise<AxeResults> } }).axe.run;
    const results = await run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

describe('the confirm and unsubscribe pages in Chromium', () => {
  for (const width of [360, 1280]) {
    for (const [action, lang] of [
      ['confirm', 'zh-Hans'],
      ['confirm', 'en'],
      ['unsubscribe', 'zh-Hant'],
    ] as const) {
      test(`${action} (${lang}) at ${width} px: axe finds nothing, a 44 px button, no sideways scrolling`, async () => {
        const path = action === 'confirm' ? confirmPath : unsubscribePath;
        // axe is a script the page's CSP would refuse: only this context bypasses it.
        const opened = await open(`${base}${path}&lang=${lang}`, width, { bypassCSP: true });
        try {
          assert.equal(opened.status, 200);
          assert.equal(await opened.page.locator('html').getAttribute('lang'), lang);
          const button = opened.page.getByRole('button');
          const box = await button.boundingBox();
          assert.ok(box && box.height >= 44 && box.width >= 44, `button ${JSON.stringify(box)}`);
          assert.deepEqual(await axe(opened.page), []);
          const scroll = await opened.page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `scrolls sideways: ${scroll}px`);
        } finally {
          await opened.close();
        }
      });
    }
  }

  test('with the reader’s font at 200 % the page grows with it and still fits a phone', async () => {
    const opened = await open(`${base}${confirmPath}`, 360);
    try {
      const before = (await opened.page.getByRole('button').boundingBox())!.height;
      // CSSOM, as a browser's font setting would: allowed under the page's CSP.
      await opened.page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const grown = (await opened.page.getByRole('button').boundingBox())!.height;
      assert.ok(grown > before * 1.6, `button ${before}px → ${grown}px`);
      const scroll = await opened.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= 360, `scrolls sideways: ${scroll}px`);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('under its own CSP the page is styled, loads nothing, and the other languages are a link away', async () => {
    const opened = await open(`${base}${confirmPath}`, 1280);
    try {
      // The nonce'd style sheet applied: the button is the filled blue one.
      const bg = await opened.page.getByRole('button').evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(bg, 'rgb(11, 79, 138)');
      await opened.page.getByRole('link', { name: 'English' }).click();
      await opened.page.getByRole('heading', { name: 'Confirm your subscription' }).waitFor();
      assert.match(
        (await opened.page.locator('main').textContent()) ?? '',
        /关于公开征求《鄂州市全面推进政务公开工作实施方案/,
      );
      assert.match((await opened.page.locator('main').textContent()) ?? '', /z\*\*\*@example\.cn/);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('with JavaScript off: confirm, then unsubscribe, each by its button', async () => {
    const opened = await open(`${base}${confirmPath}`, 360, { javaScriptEnabled: false });
    try {
      await opened.page.getByRole('button', { name: '确认订阅' }).click();
      await opened.page.getByRole('heading', { name: '已确认订阅' }).waitFor();
      await opened.page.goto(`${base}${unsubscribePath}`);
      await opened.page.getByRole('button', { name: '退订' }).click();
      await opened.page.getByRole('heading', { name: '已退订' }).waitFor();
      const { rows } = await db.query<{ state: string; address_enc: string | null }>(
        'SELECT state, address_enc FROM notify_subscriptions',
      );
      assert.deepEqual(rows, [{ state: 'unsubscribed', address_enc: null }]);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});

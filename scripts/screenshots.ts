// `pnpm screenshots`: retakes the README's screenshots (docs/*.png) from the demo as `pnpm start`
// serves it: the consultation server in-process on a fresh embedded database seeded with the
// demo's policy and consultations, the demo site with its /api proxy, and Debian's Chromium.
//
// It builds nothing: run `pnpm build` first (the pages load packages/elements/dist, and the
// server is imported from packages/server/dist).
//
//   docs/screenshot.png             the demo site: a policy document with a note beside its clause
//   docs/citizen-draft-phone.png    /draft.html on a phone: the consultation's status bar first
//   docs/drafters-review.png        the staff console: the comments of a closed consultation
//   docs/drafters-workbench.png     the workbench: writing a note, the page as readers see it beside
//   docs/drafters-changes.png       the console: an adopted comment linked to the change it led to
//   docs/drafters-signoff.png       the console: a decision at 拟办, its comment assigned to a 处室, a note
//   docs/drafters-entry.png         the console's 录入意见: a letter being entered with its scan
//   docs/citizen-final-text.png     /final.html: the final text, a clause's redline against the 征求意见稿
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './lib/chromium.mjs';
import { type StaticServer, serveStatic } from './lib/static-server.js';

const root = new URL('..', import.meta.url).pathname;
const docs = join(root, 'docs');

function fail(line: string): never {
  console.error(`pnpm screenshots: ${line}`);
  process.exit(1);
}

for (const file of [
  'packages/elements/dist/gongkai.js',
  'packages/elements/dist/gongkai-staff.js',
  'packages/server/dist/index.js',
]) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run \`pnpm build\` first.`);
}
// Without a Chinese font every character comes out as a box: say so rather than write such pictures.
const chinese = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
if (!chinese.stdout?.trim()) {
  fail('no Chinese font is installed (`fc-list :lang=zh` finds none): `apt install fonts-noto-cjk`, then run again.');
}
// Imported once the build is known to be there (its absence is said in one line above).
const { Attachments, attachmentOptions, buildApp, createToken, migrate, openDatabase, seedFile } = await import(
  '@gongkai/server'
);

// ─── The demo, as `pnpm start` serves it, on a database of its own ─────────────────────────────

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-screenshots-'));
const db = await openDatabase({ dataDir });
await migrate(db);
// Grouping (a background job) runs at once, so the console shows the duplicate groups.
// Attachments as `pnpm start` takes them (the demo's letter has a PDF; the console offers scans).
const attachments = await attachmentOptions({}, dataDir);
const app = await buildApp(db, { jobs: { pollMs: 100 }, grouping: { minGapMs: 0 }, attachments });
await seedFile(db, join(root, 'demo/policies/ezhou-2016-40.json'));
for (const file of readdirSync(join(root, 'demo/consultations')).sort()) {
  await seedFile(db, join(root, 'demo/consultations', file), new Attachments(db, attachments!));
}
const { token } = await createToken(db, 'admin', '演示');
await app.listen({ port: 0, host: '127.0.0.1' });
const apiPort = (app.server.address() as AddressInfo).port;
let site: StaticServer | undefined;
let browser: Browser | undefined;

async function stop(): Promise<void> {
  await browser?.close();
  await site?.close();
  await app.close();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Waits until the server has grouped the comments of a consultation (its background job). */
async function grouped(consultation: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const answer = await fetch(`http://127.0.0.1:${apiPort}/api/v1/consultations/${consultation}/groups`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await answer.json()) as { pending?: boolean };
    if (answer.ok && !body.pending) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the comments of ${consultation} were not grouped within 30 s`);
}

/** A staff request to the demo's server, as the console makes it; a refusal stops the script. */
async function api(path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const answer = await fetch(`http://127.0.0.1:${apiPort}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

/** Signs in to the console of the demo's /admin/ page. */
async function signIn(page: Page, url: string) {
  await page.goto(`${url}/admin/`);
  const review = page.locator('gk-review');
  await review.getByLabel('访问令牌').fill(token);
  await review.getByRole('button', { name: '登录', exact: true }).click();
  await review.getByText('已登录：管理员（演示）').waitFor();
  return review;
}

// ─── The pictures ───────────────────────────────────────────────────────────────────────────

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

async function shoot(
  name: string,
  options: BrowserContextOptions,
  steps: (page: Page, url: string) => Promise<void>,
): Promise<void> {
  const context = await browser!.newContext({ ...options, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await steps(page, site!.url).catch(async (e) => {
      await page.screenshot({ path: `/tmp/fail-${name}` });
      throw e;
    });
    // Web fonts and images settled, no blinking caret or running transition in the picture.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(300);
    const path = join(docs, name);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    const size = statSync(path).size;
    console.log(
      `${name}  ${Math.round(size / 1024)} KB${errors.length ? `  (page errors: ${errors.join('; ')})` : ''}`,
    );
  } finally {
    await context.close();
  }
}

try {
  site = await serveStatic({
    mounts: { '/': join(root, 'demo/'), '/gongkai/': join(root, 'packages/elements/dist/') },
    proxy: { prefixes: ['/api/', '/healthz', '/readyz'], target: `http://127.0.0.1:${apiPort}` },
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  mkdirSync(docs, { recursive: true });

  // The policy page of the demo site: the document in the CMS page, a note beside its clause.
  await shoot('screenshot.png', desktop, async (page, url) => {
    await page.goto(`${url}/index.html`);
    const policy = page.locator('gk-policy');
    await policy.locator('gk-document [part="title"]').first().waitFor();
    await policy.locator('gk-interpretation [part="note"]').first().waitFor();
  });

  // A draft open for comments on a phone: the status bar, then the document.
  await shoot('citizen-draft-phone.png', phone, async (page, url) => {
    await page.goto(`${url}/draft.html`);
    const bar = page.locator('gk-policy gk-consultation-bar');
    await bar.locator('.facts').getByText('征求意见中').waitFor();
    await bar.getByRole('button', { name: '我要提意见' }).waitFor();
    await page.locator('gk-policy gk-document [part="title"]').first().waitFor();
  });

  // The final text of the demo draft: 修改对照 on, the first changed clause marked and its redline open.
  await shoot('citizen-final-text.png', desktop, async (page, url) => {
    await page.goto(`${url}/final.html`);
    const policy = page.locator('gk-policy').first();
    await policy.getByText('与征求意见稿相比').first().waitFor();
    await policy.getByRole('button', { name: '修改对照' }).first().click();
    const mark = policy.locator('gk-change-mark').first();
    await mark.getByRole('button', { name: /对照/ }).click();
    await policy.locator('gk-change-redline').first().waitFor();
    await mark.evaluate((el) => {
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 160);
    });
  });

  // The staff console: signed in, the closed consultation's comments with their groups.
  await grouped('demo-review-consultation');
  await shoot('drafters-review.png', desktop, async (page, url) => {
    const review = await signIn(page, url);
    const row = review.locator('tr[data-consultation="demo-review-consultation"]');
    await row.getByText('已截止').waitFor();
    await row.getByRole('button').first().click();
    await review.locator('table.comments tbody tr').first().waitFor();
    // The page scrolled to the console's top, past the demo's banner.
    await review.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
  });

  // 因意见修改: an adopted comment of the published consultation, linked to the change of the final
  // text it led to, the redline beside it.
  await shoot('drafters-changes.png', desktop, async (page, url) => {
    const review = await signIn(page, url);
    const row = review.locator('tr[data-consultation="ezhou-zbf-2016-40-draft"]');
    await row.getByRole('button').first().click();
    await review.locator('table.comments tbody tr').first().click();
    const panel = review.locator('gk-change-links');
    await panel.getByText('因意见修改').first().waitFor();
    await panel.locator('gk-change-redline, ins').first().waitFor();
    await panel.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 320));
  });

  // 分办与签发: the closed consultation's first comment (the seed assigns it to 法规科), decided
  // (拟办) and annotated, waiting for 审核 and 签发.
  const review = 'demo-review-consultation';
  const listed = (await api(`/api/v1/consultations/${review}/comments?limit=100`)) as {
    items: { id: number; body: string }[];
  };
  const first = listed.items.find((c) => c.body.startsWith('建议社会救助对象名单公开时'));
  if (!first) throw new Error(`${review}: the seed's first comment is not there`);
  await api(`/api/v1/comments/${first.id}`, 'PATCH', {
    decision: 'partly-adopted',
    reason: '名单公开时隐去身份证号中间位和详细住址，已在第十条中写明；公开范围仍按《社会救助暂行办法》执行。',
  });
  await api(`/api/v1/consultations/${review}/notes`, 'POST', {
    comment: first.id,
    body: '法规科意见：与个人信息保护的规定一致，建议采纳。请政务公开科审核。',
  });
  await shoot('drafters-signoff.png', desktop, async (page, url) => {
    const desk = await signIn(page, url);
    await desk.locator(`tr[data-consultation="${review}"]`).getByRole('button').first().click();
    await desk.locator(`table.comments tbody tr[data-id="${first.id}"]`).click();
    const workflow = desk.locator('[part="workflow"]');
    await workflow.getByText('已交办 法规科').waitFor();
    await workflow.locator('.note-body').first().waitFor();
    // The detail pane scrolls on its own: bring the workflow to its top.
    await workflow.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  });

  // 录入意见: a letter typed in from the envelope, its scan chosen, before 登记意见.
  await shoot('drafters-entry.png', { viewport: { width: 1280, height: 1040 } }, async (page, url) => {
    const desk = await signIn(page, url);
    await desk.locator(`tr[data-consultation="${review}"]`).getByRole('button').first().click();
    await desk.locator('nav.tabs button[data-tab="entry"]').click();
    const form = desk.locator('section.entry form');
    await form
      .getByLabel('意见内容')
      .fill('（来信）建议在社区服务中心设政务公开查阅点，方便不会上网的老年人查阅救助政策。');
    await form.getByLabel('姓名或单位').fill('孙桂芳');
    await form.getByLabel('原件编号').fill('来信 2016-044');
    await form.getByLabel(/原件扫描件/).setInputFiles(join(root, 'demo/attachments/救助标准测算方法说明.pdf'));
    // No focus ring on the last field typed in (it sits inside the console's shadow root).
    await page.evaluate(() => {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      (focused as HTMLElement | null)?.blur();
    });
    await desk
      .locator('section.entry')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
  });

  // The workbench: the demo's document pasted and read, a note being written on a clause, and
  // the live preview (the real gk-policy) scrolled to that clause.
  const seed = readFileSync(join(root, 'test/fixtures/seeds/ezhou-2016-plan.txt'), 'utf8');
  await shoot('drafters-workbench.png', desktop, async (page, url) => {
    await page.goto(`${url}/admin/workbench.html`);
    const wb = page.locator('gk-workbench');
    const next = (name: string) => wb.getByRole('button', { name, exact: true }).click();
    await wb.getByRole('heading', { name: '政策解读工作台' }).waitFor();
    await wb.getByLabel('文件内容').fill(seed);
    await wb.getByRole('button', { name: '识别条款和文件信息' }).click();
    await wb
      .locator('.notice.ok')
      .getByText(/识别出 \d+ 个条款。/)
      .waitFor();
    await next('下一步：核对条款');
    await next('下一步：文件信息');
    await wb.getByLabel('页面地址').fill('ezhou-2016-40');
    await next('下一步：写解读');
    await wb.getByLabel('为哪一条写解读').selectOption('2.6.22');
    await wb.getByRole('button', { name: '新增解读' }).click();
    const note = wb.getByRole('group', { name: '解读 1' });
    await note
      .getByLabel('解读内容（必填）', { exact: true })
      .fill(
        '政务公开平台集约化，是把各部门分散的网站和公开栏目统一到市政府门户网站，市民在一个地方就能查到全市的政府信息。',
      );
    await note.getByLabel('解读人', { exact: true }).fill('鄂州市人民政府办公室');
    await note.getByLabel('解读人身份').selectOption({ label: '起草部门' });
    // The preview is narrow at this width: the note opens under its clause, as on a phone.
    const preview = wb.locator('[part="preview"] gk-policy');
    await preview.getByRole('button', { name: /^查看解读：22\./ }).click();
    await preview.getByText('政务公开平台集约化').first().waitFor();
    // The page at the workbench's top (the note's form and the preview side by side).
    await wb.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
  });
} finally {
  await stop();
}

// The one-file embed on plain, hostile and strict-CSP pages, in Debian's Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.js';
import { embedPath, launchChromium, repoRoot, requireBuild, strictCsp } from './browser.js';

let server: StaticServer;
let browser: Browser;

before(async () => {
  requireBuild();
  const cspFor = (path: string): Record<string, string> =>
    path.endsWith('/csp.html') || path.endsWith('/csp-chart.html') ? { 'content-security-policy': strictCsp } : {};
  server = await serveStatic({ mounts: { '/': repoRoot }, headersFor: cspFor });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + path);
  await page.locator('gk-document [part="body"]').waitFor();
  return { page, errors };
}

/** A new page and the path of every script it requests. */
async function pageWithScripts(viewport?: { width: number; height: number }) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  return { page, scripts };
}

describe('gongkai.js, one classic script', () => {
  test('renders a gk-document from a bundle on a plain page, with no errors', async () => {
    const { page, errors } = await open('/test/e2e/pages/plain.html');
    assert.equal(await page.locator('gk-document [part="title"]').textContent(), '关于全面推进政务公开工作实施方案');
    assert.match((await page.locator('gk-document [part="body"]').textContent()) ?? '', /一、总体要求/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('loads its optional chunks from its own folder, not the page’s, and only those it needs', async () => {
    const { page, scripts } = await pageWithScripts();
    await page.goto(`${server.url}/test/e2e/pages/plain.html`);
    await page.locator('gk-document [part="body"]').waitFor();
    // The demo bundle is built with --html; its notes name their clauses and quote them as
    // written (placed without the anchoring chunk); the page is in Chinese; nothing opens a popover.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(scripts.sort(), [`/${embedPath}`]);
    await page.close();
  });

  test('loads markdown-it for markdown without HTML, and the anchoring chunk for a note naming no clause', async () => {
    const { page, scripts } = await pageWithScripts();
    await page.goto(`${server.url}/test/e2e/pages/plain-markdown.html`);
    await page.locator('gk-policy gk-interpretation [part="note"]').waitFor();
    assert.equal(
      await page.locator('gk-policy gk-document [part="body"] strong').textContent(),
      '以公开为常态、不公开为例外',
    );
    assert.match((await page.locator('gk-policy gk-interpretation [part="note"]').textContent()) ?? '', /要求/);
    const dist = '/packages/elements/dist';
    assert.deepEqual(scripts.sort(), [`${dist}/gongkai-anchor.js`, `${dist}/gongkai-markdown.js`, `/${embedPath}`]);
    await page.close();
  });

  test('renders plain text without markdown-it: paragraphs as markdown-it would make them', async () => {
    const { page, scripts } = await pageWithScripts();
    await page.goto(`${server.url}/test/e2e/pages/plain-text.html`);
    await page.locator('gk-policy gk-interpretation [part="note"]').waitFor();
    // The text as written, without the clause tools inserted into it.
    const paragraphs = await page.locator('gk-policy gk-document [part="body"] > p').evaluateAll((ps) =>
      ps.map((p) => {
        const copy = p.cloneNode(true) as Element;
        for (const tools of copy.querySelectorAll('gk-clause-tools')) tools.remove();
        return copy.textContent;
      }),
    );
    assert.deepEqual(paragraphs, [
      '一、总体要求',
      '\u3000\u3000（一）指导思想。坚持以公开为常态、不公开为例外，\n推进决策、执行、管理、服务、结果公开。',
      '（二）工作目标。到 2018 年底，政务公开制度体系基本完善。',
    ]);
    const note = page.locator('gk-policy gk-interpretation [part="note"] .body p');
    assert.deepEqual(await note.allTextContents(), ['这一条的要求是按时公开。', '各部门要在 2018 年底前完成。']);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(scripts, [`/${embedPath}`]);
    await page.close();
  });

  test('an English page loads the English text before its first render', async () => {
    const { page, scripts } = await pageWithScripts();
    const shown: string[] = [];
    // Every text the elements' shadow roots ever show, from the first render on.
    await page.exposeFunction('gkShown', (text: string) => shown.push(text));
    // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
    await page.addInitScript(`
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        let reports = 0;
        new MutationObserver(() => {
          if (reports++ < 20) window.gkShown((root.textContent || '').slice(0, 300));
        }).observe(root, { subtree: true, childList: true, characterData: true });
        return root;
      };`);
    await page.goto(`${server.url}/test/e2e/pages/plain-en.html`);
    await page.locator('gk-policy gk-document [part="body"]').waitFor();
    assert.match((await page.locator('gk-policy [part="sections"]').textContent()) ?? '', /Text/);
    assert.equal(await page.locator('gk-policy gk-document [part="controls"] button').last().textContent(), 'Print');
    assert.ok(scripts.includes('/packages/elements/dist/gongkai-i18n.js'), scripts.join(', '));
    assert.ok(shown.length > 0);
    assert.ok(!shown.some((text) => /正在加载|原文|打印/.test(text)), `no render in Chinese: ${shown.join(' | ')}`);
    await page.close();
  });

  test('styles survive the build: clause tools look like tools', async () => {
    const { page } = await open('/test/e2e/pages/plain.html');
    const copy = page.locator('gk-document .gk-clause-tools [part="copy"]').first();
    await copy.waitFor();
    const look = await copy.evaluate((button) => {
      const s = getComputedStyle(button);
      const face = getComputedStyle(button.querySelector('.face') as Element);
      const host = getComputedStyle(button.parentElement as Element);
      const box = button.getBoundingClientRect();
      const target = box.width >= 44 && box.height >= 44 && Number.parseFloat(s.fontSize) >= 16;
      return { radius: face.borderTopLeftRadius, cursor: s.cursor, host: host.display, target };
    });
    assert.deepEqual(look, { radius: '6px', cursor: 'pointer', host: 'inline-flex', target: true });
    await page.close();
  });

  test('adds no global to the page but lit’s own version markers', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/test/e2e/pages/plain.html`);
    const before = await page.evaluate(() => {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const clean = new Set(Object.keys(frame.contentWindow as object));
      frame.remove();
      return Object.keys(window).filter((k) => !clean.has(k));
    });
    await page.locator('gk-document [part="body"]').waitFor();
    // lit records its versions and decorator metadata on globalThis, by design, to detect double loading.
    const litOwn = ['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions'];
    assert.deepEqual(before.sort(), litOwn);
    await page.close();
  });

  test('stays readable and intact on a hostile legacy page (AMD, jQuery, global CSS)', async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await open('/test/e2e/pages/hostile.html', width);
      const style = await page
        .locator('gk-document [part="body"] p')
        .first()
        .evaluate((p) => {
          const s = getComputedStyle(p);
          return { fontSize: Number.parseFloat(s.fontSize), color: s.color };
        });
      assert.ok(style.fontSize >= 16, `body text is ${style.fontSize}px at ${width}px`);
      assert.notEqual(style.color, 'rgb(153, 153, 153)');
      const state = await page.evaluate(() => ({
        amdCalls: (window as { __amdCalls?: number }).__amdCalls ?? 0,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      assert.equal(state.amdCalls, 0, 'gongkai.js must not call the page’s AMD define');
      assert.ok(state.overflow <= 0, `horizontal overflow of ${state.overflow}px at ${width}px`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  test('works under a strict CSP with Trusted Types, injecting no style', async () => {
    const { page, errors } = await open('/test/e2e/pages/csp.html');
    const violations = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
          setTimeout(() => resolve(seen), 300);
        }),
    );
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    const injected = await page.evaluate(() => document.querySelectorAll('style, [style]').length);
    assert.equal(injected, 0);
    assert.match((await page.locator('gk-document [part="body"]').textContent()) ?? '', /一、总体要求/);
    await page.close();
  });
});

describe('gongkai.js and charts (gk-chart, gk-graphic)', () => {
  const dist = '/packages/elements/dist';

  test('gongkai.js contains no chart.js', () => {
    const embed = readFileSync(repoRoot + embedPath, 'utf8');
    for (const mark of ['datasetElementType', 'Canvas is already in use']) {
      assert.equal(embed.includes(mark), false, `gongkai.js contains chart.js ("${mark}")`);
    }
    assert.ok(readFileSync(`${repoRoot}${dist.slice(1)}/gongkai-chart.js`, 'utf8').includes('datasetElementType'));
  });

  test('loads gongkai-chart.js from the script’s folder only when a chart comes near the viewport', async () => {
    const { page, scripts } = await pageWithScripts({ width: 1280, height: 800 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/test/e2e/pages/graphics-chart.html`);
    await page.locator('gk-graphic [part="card"]').first().waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    assert.equal(
      scripts.includes(`${dist}/gongkai-chart.js`),
      false,
      'the chart chunk loaded before the chart was near',
    );
    const chunk = page.waitForRequest((r) => new URL(r.url()).pathname === `${dist}/gongkai-chart.js`);
    await page.locator('gk-graphic gk-chart').scrollIntoViewIfNeeded();
    await chunk;
    await page.waitForFunction(() =>
      document.querySelector('gk-graphic')?.shadowRoot?.querySelector('gk-chart')?.hasAttribute('rendered'),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a page with graphics but no chart never loads the chart chunk', async () => {
    const { page, scripts } = await pageWithScripts();
    await page.goto(`${server.url}/test/e2e/pages/graphics-figures.html`);
    await page.locator('gk-graphic [part="card"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(scripts, [`/${embedPath}`]);
    await page.close();
  });

  test('draws a chart under the strict CSP with Trusted Types, with no violation', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as { __violations?: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${server.url}/test/e2e/pages/csp-chart.html`);
    await page.waitForFunction(() =>
      document.querySelector('gk-graphic')?.shadowRoot?.querySelector('gk-chart')?.hasAttribute('rendered'),
    );
    // Open the table and export the long image too: both must stay within the policy.
    await page.evaluate(async () => {
      const graphic = document.querySelector('gk-graphic') as HTMLElement & { exportImage(): Promise<Blob> };
      const chart = graphic.shadowRoot?.querySelector('gk-chart');
      chart?.shadowRoot?.querySelector<HTMLButtonElement>('[part="toggle"]')?.click();
      await graphic.exportImage();
    });
    const violations = await page.evaluate(() => (window as { __violations?: string[] }).__violations);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

// The embed (gongkai.js and its chunks) on plain, hostile and strict-CSP pages, in Debian's Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type Bundle, compareTexts, segment } from '@gongkai/format';
import type { Browser, Page } from 'playwright-core';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.js';
import {
  distFile,
  launchChromium,
  readingScripts,
  repoRoot,
  requireBuild,
  scriptName,
  scriptsOf,
  strictCsp,
} from './browser.js';

let server: StaticServer;
let browser: Browser;

before(async () => {
  requireBuild();
  const cspFor = (path: string): Record<string, string> =>
    path.endsWith('/csp.html') || path.endsWith('/csp-chart.html') ? { 'content-security-policy': strictCsp } : {};
  // /copy/ serves the same files from another URL: a second copy of Gongkai on the page.
  server = await serveStatic({
    mounts: { '/': repoRoot, '/copy/': `${repoRoot}packages/elements/dist/` },
    headersFor: cspFor,
  });
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

/** A new page and every script it requests, by name without the content hash (`gongkai-reading.js`). */
async function pageWithScripts(viewport?: { width: number; height: number }) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() !== 'script') return;
    const path = new URL(r.url()).pathname;
    // Only the embed's own files count, and each once (a preload and its import are one file).
    const name = scriptName(path);
    if (path.startsWith('/packages/elements/dist/') && !scripts.includes(name)) scripts.push(name);
  });
  return { page, scripts };
}

/** The 2024 regulation with its comparison with the 2020 text, as `gongkai build --previous` makes it. */
function revisedRegulation(): Bundle {
  const body = (year: number) =>
    readFileSync(`${repoRoot}test/fixtures/regulations/beijing-business-environment-${year}.md`, 'utf8')
      .replace(/^# .*\n/, '')
      .replace('<!-- INFO END -->', '');
  const clauses = segment(body(2024));
  return {
    schemaVersion: 1,
    id: 'beijing-business-environment-2024',
    meta: { title: '北京市优化营商环境条例' },
    body: body(2024),
    clauses,
    revisionOf: { label: '2020年版', id: 'beijing-business-environment-2020' },
    comparison: compareTexts(segment(body(2020)), clauses),
  };
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
    assert.deepEqual(scripts.sort(), readingScripts());
    await page.close();
  });

  test('loads the 修改对照 chunk only for a bundle compared with its previous version', async () => {
    const changes = scriptsOf('src/changes/changes.ts').filter((name) => !readingScripts().includes(name));
    const engine = scriptsOf('src/changes/compute.ts').filter(
      (name) => !scriptsOf('src/changes/changes.ts').includes(name),
    );
    assert.ok(changes.includes('gongkai-changes.js'));
    const plain = await pageWithScripts();
    await plain.page.goto(`${server.url}/test/e2e/pages/plain.html`);
    await plain.page.locator('gk-document [part="body"]').waitFor();
    await plain.page.waitForLoadState('networkidle');
    assert.deepEqual(
      plain.scripts.filter((name) => changes.includes(name) || engine.includes(name)),
      [],
    );
    await plain.page.close();
    // The same regulation, revised: its comparison is stored, so the comparison engine is not needed.
    const { page, scripts } = await pageWithScripts();
    await page.route('**/test/e2e/pages/revised.json', (route) => route.fulfill({ json: revisedRegulation() }));
    await page.goto(`${server.url}/test/e2e/pages/revised.html`);
    const summary = page.locator('gk-document gk-change-summary [part="summary"]');
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /与2020年版相比：修改 \d+ 条，新增 \d+ 条，删除 \d+ 条/);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(scripts.filter((name) => changes.includes(name)).sort(), changes);
    assert.deepEqual(
      scripts.filter((name) => engine.includes(name) && !readingScripts().includes(name)),
      [],
    );
    await page.close();
  });

  test('a deferred script fetches the policy while its chunks download, and only once', async () => {
    const page = await browser.newPage();
    const events: string[] = [];
    const bundle = '/demo/policies/ezhou-2016-40.json';
    page.on('request', (r) => new URL(r.url()).pathname === bundle && events.push('bundle requested'));
    page.on('requestfinished', (r) => scriptName(r.url()) === 'gongkai-reading.js' && events.push('reading chunk in'));
    await page.goto(`${server.url}/test/e2e/pages/deferred.html`);
    await page.locator('gk-policy gk-interpretation [part="note"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Without the loader's preload the element could only ask for it once its chunk had run.
    assert.deepEqual(events, ['bundle requested', 'reading chunk in']);
    await page.close();
  });

  test('loads markdown-it for markdown without HTML, segmentation for a body without clauses, and anchoring for a note naming no clause', async () => {
    const { page, scripts } = await pageWithScripts();
    await page.goto(`${server.url}/test/e2e/pages/plain-markdown.html`);
    await page.locator('gk-policy gk-interpretation [part="note"]').waitFor();
    assert.equal(
      await page.locator('gk-policy gk-document [part="body"] strong').textContent(),
      '以公开为常态、不公开为例外',
    );
    assert.match((await page.locator('gk-policy gk-interpretation [part="note"]').textContent()) ?? '', /要求/);
    const engines = ['markdown', 'segment', 'anchor'].map((name) => `src/internal/engines/${name}.ts`);
    assert.deepEqual(scripts.sort(), [...new Set([...readingScripts(), ...scriptsOf(...engines)])].sort());
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
    // Its bundle lists no clauses: the segmenter is fetched, markdown-it is not.
    await page.waitForLoadState('networkidle');
    const segmenter = scriptsOf('src/internal/engines/segment.ts');
    assert.deepEqual(scripts.sort(), [...new Set([...readingScripts(), ...segmenter])].sort());
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
    assert.ok(scripts.includes('gongkai-more.js'), scripts.join(', '));
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
    await page.locator('gk-document [part="body"]').waitFor();
    const before = await page.evaluate(() => {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const clean = new Set(Object.keys(frame.contentWindow as object));
      frame.remove();
      return Object.keys(window).filter((k) => !clean.has(k));
    });
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

describe('gongkai.js twice, or beside another copy', () => {
  /** Every request for the embed's files, by URL, and the page's warnings and errors. */
  async function openLogged(path: string) {
    const page = await browser.newPage();
    const requests: string[] = [];
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && requests.push(new URL(r.url()).pathname));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(server.url + path);
    await page.locator('gk-policy gk-interpretation [part="note"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    return { page, requests, warnings, errors };
  }

  test('included twice, it fetches and runs each file once and shows the page once', async () => {
    const { page, requests, warnings, errors } = await openLogged('/test/e2e/pages/twice.html');
    const chunks = requests.filter((path) => !path.endsWith('/gongkai.js'));
    assert.deepEqual(chunks.map(scriptName).sort(), scriptsOf('src/embed.ts'));
    assert.equal(new Set(chunks).size, chunks.length, `a chunk fetched twice: ${chunks.join(', ')}`);
    assert.equal(await page.locator('link[rel="modulepreload"]').count(), scriptsOf('src/embed.ts').length);
    assert.equal(await page.locator('gk-policy gk-document [part="title"]').count(), 1);
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, []);
    await page.close();
  });

  for (const [page, first] of [
    ['older-first.html', 'the older one-file Gongkai'],
    ['older-second.html', 'the current Gongkai'],
  ] as const) {
    test(`with the previous release’s one-file gongkai.js on the page, ${first} keeps its elements (${page})`, async () => {
      const { page: tab, warnings, errors } = await openLogged(`/test/e2e/pages/${page}`);
      // One of each element, the first copy's, registered under its own name; the other copy said so.
      const defined = await tab.evaluate(() =>
        ['gk-policy-2', 'gk-document-2', 'gk-interpretation-2'].filter((tag) => customElements.get(tag)),
      );
      assert.deepEqual(defined, []);
      assert.ok(
        warnings.some((text) => /another copy of Gongkai; keeping the first one/.test(text)),
        warnings.join(' | '),
      );
      assert.match((await tab.locator('gk-policy gk-document [part="body"]').textContent()) ?? '', /一、总体要求/);
      assert.equal(await tab.locator('gk-policy gk-document [part="title"]').count(), 1);
      assert.deepEqual(errors, []);
      await tab.close();
    });
  }

  test('a second copy from another folder keeps the first one’s elements and breaks nothing', async () => {
    const { page, requests, warnings, errors } = await openLogged('/test/e2e/pages/two-copies.html');
    // Both copies ran (the second's files came from its own folder) ...
    assert.ok(
      requests.some((path) => path.startsWith('/copy/gongkai-reading-')),
      requests.join(', '),
    );
    // ... and the elements are the first copy's, each defined once, with a warning saying so.
    const defined = await page.evaluate(() => ({
      policy: customElements.get('gk-policy') === document.querySelector('gk-policy')?.constructor,
      variants: ['gk-policy-2', 'gk-document-2', 'gk-interpretation-2'].filter((tag) => customElements.get(tag)),
    }));
    assert.deepEqual(defined, { policy: true, variants: [] });
    assert.ok(
      warnings.some((text) => /already defined by another copy of Gongkai; keeping the first one/.test(text)),
      warnings.join(' | '),
    );
    assert.match((await page.locator('gk-policy gk-document [part="body"]').textContent()) ?? '', /一、总体要求/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('gongkai.js and charts (gk-chart, gk-graphic)', () => {
  test('the reading page’s scripts contain no chart.js', () => {
    for (const name of readingScripts()) {
      const script = readFileSync(repoRoot + distFile(name), 'utf8');
      for (const mark of ['datasetElementType', 'Canvas is already in use']) {
        assert.equal(script.includes(mark), false, `${name} contains chart.js ("${mark}")`);
      }
    }
    assert.ok(readFileSync(repoRoot + distFile('gongkai-engine-chart.js'), 'utf8').includes('datasetElementType'));
  });

  test('loads chart.js from the script’s folder only when a chart comes near the viewport', async () => {
    const { page, scripts } = await pageWithScripts({ width: 1280, height: 800 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/test/e2e/pages/graphics-chart.html`);
    await page.waitForLoadState('networkidle');
    // Below the fold, neither gk-graphic's chunk nor chart.js is fetched.
    assert.equal(scripts.includes('gongkai-graphic.js'), false, 'gk-graphic loaded before it was near');
    assert.equal(scripts.includes('gongkai-engine-chart.js'), false, 'chart.js loaded before the chart was near');
    const chunk = page.waitForRequest((r) => new URL(r.url()).pathname === `/${distFile('gongkai-engine-chart.js')}`);
    await page.evaluate(() => document.querySelector('gk-graphic')?.scrollIntoView());
    await page.locator('gk-graphic [part="card"]').first().waitFor();
    await page.locator('gk-graphic gk-chart').scrollIntoViewIfNeeded();
    await chunk;
    assert.ok(scripts.includes('gongkai-graphic.js'), scripts.join(', '));
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
    assert.ok(scripts.includes('gongkai-graphic.js'), scripts.join(', '));
    assert.equal(scripts.includes('gongkai-engine-chart.js'), false, scripts.join(', '));
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

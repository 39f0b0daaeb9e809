// <gk-policy> on hostile pages (quirks mode and global CSS in a table layout, old page scripts,
// another custom-element library, a strict CSP with Trusted Types, the script in <head>), from a
// bundle and enhancing a CMS article, at 1280 px and 390 px, in Debian's Chromium: what a reader
// would notice. Plus axe on the plain page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.js';
import { includeArticle, launchChromium, repoRoot, requireBuild, strictCsp } from './browser.js';

const pages = '/test/e2e/pages';
/** Clauses in the demo policy (ezhou-2016-40), from the bundle or segmented from the CMS article. */
const CLAUSES = 42;
/** The hostile page's text colour. */
const PAGE_GREY = 'rgb(153, 153, 153)';
/** Trusted Types policies Gongkai and its libraries may create (the README's CSP). */
const ALLOWED_POLICIES = ['dompurify', 'gongkai', 'lit-html'];
/** What lit records on globalThis, by design. */
const LIT_GLOBALS = ['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions'];

type Mode = 'bundle' | 'enhance';
/** The part of Trusted Types' TrustedTypePolicyFactory we wrap (not in TypeScript's DOM lib yet). */
interface PolicyFactory {
  createPolicy(name: string, rules: object): unknown;
}
interface Probe {
  violations: string[];
  policies: string[];
  ready: { clauses: number; notes: number; orphans: number } | null;
}

let server: StaticServer;
let browser: Browser;

before(async () => {
  requireBuild();
  const headersFor = (path: string): Record<string, string> =>
    /\/csp-[^/]*\.html$/.test(path) ? { 'content-security-policy': strictCsp } : {};
  server = await serveStatic({ mounts: { '/': repoRoot }, headersFor, transformHtml: includeArticle });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs before any page script: records CSP violations, Trusted Types policies and gk-policy's gk-ready. */
function installProbe(): void {
  const probe: Probe = { violations: [], policies: [], ready: null };
  Object.defineProperty(window, '__gkProbe', { value: probe, enumerable: false });
  document.addEventListener('securitypolicyviolation', (e) =>
    probe.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
  );
  const factory = (window as unknown as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (factory) {
    const create = factory.createPolicy.bind(factory);
    factory.createPolicy = (name, rules) => {
      probe.policies.push(name);
      return create(name, rules);
    };
  }
  // Bubble phase: gk-policy stops its inner elements' gk-ready; the page hears only its own.
  document.addEventListener('gk-ready', (e) => {
    if ((e.target as Element).localName === 'gk-policy') probe.ready = (e as CustomEvent<Probe['ready']>).detail;
  });
}

interface Opened {
  page: Page;
  errors: string[];
  warnings: string[];
  ready: Probe['ready'];
  headers: Record<string, string>;
}

async function open(file: string, width: number): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.addInitScript(installProbe);
  const response = await page.goto(`${server.url}${pages}/${file}`);
  const ready = await page.evaluate(
    () =>
      new Promise<Probe['ready']>((resolve) => {
        const probe = (window as unknown as { __gkProbe: Probe }).__gkProbe;
        const start = Date.now();
        // No named inner functions here: tsx would wrap them in a helper the page does not have.
        const timer = setInterval(() => {
          if (!probe.ready && Date.now() - start < 5000) return;
          clearInterval(timer);
          resolve(probe.ready);
        }, 25);
      }),
  );
  await frames(page);
  return { page, errors, warnings, ready, headers: response?.headers() ?? {} };
}

/** Lets ResizeObserver, lit updates and the note layout (requestAnimationFrame) settle. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
  );
}

const probeOf = (page: Page) => page.evaluate(() => (window as unknown as { __gkProbe: Probe }).__gkProbe);

/** A paragraph of the document text, wherever the mode puts it (shadow root or the page's article). */
function paragraph(page: Page, mode: Mode) {
  // Gongkai's document under whatever tag it registered (another library may own gk-document).
  const scope = mode === 'bundle' ? 'gk-policy #gk-doc [part="body"] p' : 'gk-policy .TRS_Editor p';
  return page.locator(scope).filter({ hasText: '全面贯彻落实党的十八大' }).first();
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The deepest focused element, through shadow roots, is the given one. */
async function hasFocus(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === el;
    });
}

/** Everything a reader would notice, at one width. */
async function checkReading({ page, ready }: Opened, mode: Mode, width: number): Promise<void> {
  assert.ok(ready, 'gk-policy never fired gk-ready');
  assert.equal(ready.clauses, CLAUSES, 'clauses reported by gk-ready');

  // The text is readable: at least 16 px, not the page's grey, in a column of reasonable width.
  const text = paragraph(page, mode);
  await text.waitFor();
  const style = await text.evaluate((p) => {
    const s = getComputedStyle(p);
    return { fontSize: Number.parseFloat(s.fontSize), color: s.color };
  });
  assert.ok(style.fontSize >= 16, `document text is ${style.fontSize}px at ${width}px`);
  assert.notEqual(style.color, PAGE_GREY, `document text has the page’s grey at ${width}px`);
  const textBox = await text.boundingBox();
  assert.ok(textBox, 'document text is not laid out');
  assert.ok(textBox.width >= Math.min(500, width * 0.6), `the text column is ${textBox.width}px wide at ${width}px`);

  // Every clause found and marked.
  assert.equal(await page.locator('gk-clause-tools').count(), CLAUSES, 'gk-clause-tools markers');

  // Their controls stay large enough to tap and to read under the page's CSS (issue 16), and on a
  // wide page the notes are beside their clauses, so no clause offers a button to open them.
  const tools = await page
    .locator('gk-clause-tools [part="copy"], gk-clause-tools [part="notes"]')
    .evaluateAll((buttons) =>
      buttons.flatMap((b) => {
        const box = b.getBoundingClientRect();
        if (box.width === 0) return [];
        const size = Number.parseFloat(getComputedStyle(b).fontSize);
        return [{ part: b.getAttribute('part'), small: box.width < 44 || box.height < 44 || size < 16 }];
      }),
    );
  assert.deepEqual(
    tools.filter((t) => t.small),
    [],
    `clause tools smaller than 44 px or their text under 16 px at ${width}px`,
  );
  const notesButtons = tools.filter((t) => t.part === 'notes').length;
  if (width >= 1000) assert.equal(notesButtons, 0, `查看解读 beside the notes at ${width}px`);
  else assert.ok(notesButtons > 0, `no 查看解读 at ${width}px`);

  if (width >= 1000) {
    // Notes sit beside the text, on screen.
    const group = page.locator('gk-interpretation .column .group').first();
    await group.waitFor();
    const box = await group.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 20, `note group box ${JSON.stringify(box)}`);
    const noteSize = await group
      .locator('.body')
      .evaluate((body) => Number.parseFloat(getComputedStyle(body).fontSize));
    assert.ok(noteSize >= 16, `note text is ${noteSize}px at ${width}px`);
    assert.ok(
      box.x >= textBox.x + textBox.width,
      `note at x=${box.x} is not right of the text (ends at ${textBox.x + textBox.width})`,
    );
    assert.ok(box.x + box.width <= width, `note ends at ${box.x + box.width}, beyond the ${width}px window`);
    assert.ok((await horizontalOverflow(page)) <= 0, `horizontal scrolling at ${width}px`);
    return;
  }

  assert.ok(
    (await horizontalOverflow(page)) <= 0,
    `horizontal scrolling of ${await horizontalOverflow(page)}px at ${width}px`,
  );
  assert.equal(await page.locator('gk-interpretation .column .group').count(), 0, 'no note column on a phone');

  // 查看解读 opens the popover; Escape closes it and gives focus back.
  const trigger = 'gk-clause-tools [part="notes"]';
  const button = page.locator(trigger).first();
  assert.match((await button.textContent()) ?? '', /查看解读/);
  assert.match((await button.getAttribute('aria-label')) ?? '', /解读/);
  await button.click();
  const dialog = page.locator('gk-interpretation [role="dialog"]');
  await dialog.waitFor();
  await frames(page);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await fitsViewport(page, width, 800);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.ok(await hasFocus(page, trigger), 'focus did not return to the 查看解读 button after Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');

  // On a 320 px phone: no horizontal scrolling, and the popover fits; a tap outside closes it.
  await page.setViewportSize({ width: 320, height: 640 });
  await frames(page);
  assert.ok(
    (await horizontalOverflow(page)) <= 0,
    `horizontal scrolling of ${await horizontalOverflow(page)}px at 320px`,
  );
  await button.click();
  await dialog.waitFor();
  await frames(page);
  await fitsViewport(page, 320, 640);
  await page.mouse.click(3, 600);
  await dialog.waitFor({ state: 'detached' });
}

async function fitsViewport(page: Page, width: number, height: number): Promise<void> {
  const box = await page.locator('gk-interpretation [role="dialog"]').boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'the popover is not shown');
  assert.ok(box.x >= 0 && box.x + box.width <= width, `popover x ${box.x}–${box.x + box.width} in a ${width}px window`);
  assert.ok(
    box.y >= 0 && box.y + box.height <= height,
    `popover y ${box.y}–${box.y + box.height} in a ${height}px window`,
  );
}

/** No page errors, only the allowed Trusted Types policies, and no style injected into the page. */
async function checkClean({ page, errors }: Opened): Promise<void> {
  assert.deepEqual(errors, []);
  const probe = await probeOf(page);
  assert.deepEqual(probe.violations, [], 'CSP violations');
  assert.deepEqual(
    probe.policies.filter((p) => !ALLOWED_POLICIES.includes(p)),
    [],
    'Trusted Types policies outside the README’s list',
  );
  // The CMS article carries its own style attributes on its paragraphs; nothing else may have any.
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('style, [style]:not(.TRS_Editor > p)')].map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(injected, [], 'style elements or attributes in the page');
}

const widths = [1280, 390];
const modes: Mode[] = ['bundle', 'enhance'];

describe('gk-policy on hostile pages', { concurrency: 6 }, () => {
  for (const mode of modes) {
    for (const width of widths) {
      test(`quirks mode, global CSS, a table layout: ${mode}, ${width}px`, async () => {
        const opened = await open(`legacy-${mode}.html`, width);
        try {
          assert.equal(await opened.page.evaluate(() => document.compatMode), 'BackCompat');
          assert.ok(await opened.page.locator('td.content gk-policy').count(), 'the element sits in a table cell');
          await checkReading(opened, mode, width);
          await checkClean(opened);
        } finally {
          await opened.page.close();
        }
      });

      test(`AMD define/require, jQuery-like $, Array extensions, another element library: ${mode}, ${width}px`, async () => {
        const opened = await open(`scripts-${mode}.html`, width);
        try {
          await checkReading(opened, mode, width);
          await checkClean(opened);
          const state = await opened.page.evaluate(() => {
            const w = window as unknown as Record<string, unknown> & {
              __pageBefore: {
                keys: string[];
                define: unknown;
                require: unknown;
                $: unknown;
                arrayKeys: string[];
                customElementsDefine: unknown;
              };
              __defineCalls: string[];
            };
            const before = w.__pageBefore;
            const share = document.querySelector('cms-share');
            return {
              defineCalls: w.__defineCalls,
              sameGlobals:
                w.define === before.define && w.require === before.require && w.$ === before.$ && w.jQuery === before.$,
              amd: (w.define as { amd?: unknown }).amd,
              arrayKeys: Object.keys(Array.prototype),
              objectKeys: Object.keys(Object.prototype),
              beforeArrayKeys: before.arrayKeys,
              sameDefine: customElements.define === before.customElementsDefine,
              newGlobals: Object.keys(window).filter((k) => !before.keys.includes(k)),
              pageApp: w.__pageApp,
              otherElements: {
                share: share?.shadowRoot?.querySelector('button')?.textContent,
                toolbar: document.querySelector('cms-toolbar')?.textContent,
              },
            };
          });
          assert.deepEqual(state.defineCalls, ['site/share'], 'the page’s AMD define was called by someone else');
          assert.ok(state.sameGlobals, 'define, require or $ replaced');
          assert.deepEqual(state.amd, { jQuery: true });
          assert.deepEqual(state.arrayKeys, state.beforeArrayKeys);
          assert.deepEqual(state.objectKeys, ['extend'], 'Object.prototype additions left as the page made them');
          assert.ok(state.sameDefine, 'customElements.define replaced');
          assert.deepEqual(state.newGlobals.sort(), [...LIT_GLOBALS, '__pageApp'].sort());
          assert.deepEqual(state.pageApp, { ready: true, shares: 1, helpers: true, jquery: '1.7.2' });
          assert.deepEqual(state.otherElements, { share: '分享到微信', toolbar: '分享本页' });
        } finally {
          await opened.page.close();
        }
      });

      test(`strict CSP with Trusted Types: ${mode}, ${width}px`, async () => {
        const opened = await open(`csp-${mode}.html`, width);
        try {
          await checkReading(opened, mode, width);
          await checkClean(opened);
          assert.equal(opened.headers['content-security-policy'], strictCsp);
          assert.equal(await opened.page.evaluate(() => document.querySelectorAll('style, [style]').length), 0);
        } finally {
          await opened.page.close();
        }
      });

      test(`gongkai.js in <head>, before the article: ${mode}, ${width}px`, async () => {
        const opened = await open(`head-${mode}.html`, width);
        try {
          await checkReading(opened, mode, width);
          await checkClean(opened);
        } finally {
          await opened.page.close();
        }
      });

      test(`another library defined <gk-document> first: ${mode}, ${width}px`, async () => {
        const opened = await open(`foreign-${mode}.html`, width);
        try {
          const gongkai = opened.warnings.filter((w) => w.startsWith('[gongkai]'));
          assert.equal(gongkai.length, 1, `Gongkai warnings: ${JSON.stringify(gongkai)}`);
          assert.match(
            gongkai[0] ?? '',
            /<gk-document> is already defined by another library; Gongkai uses <gk-document-2>/,
          );
          // The other library's element is left alone.
          assert.equal(
            await opened.page.locator('gk-document.foreign').evaluate((el) => {
              const w = window as unknown as { __ForeignDocument: CustomElementConstructor };
              return el instanceof w.__ForeignDocument && el.getAttribute('data-foreign');
            }),
            'yes',
          );
          assert.deepEqual(opened.errors, []);
          await checkReading(opened, mode, width);
          await checkClean(opened);
        } finally {
          await opened.page.close();
        }
      });
    }
  }

  for (const width of widths) {
    test(`axe finds no WCAG 2.1 AA violations in gk-policy on the plain page: ${width}px`, async () => {
      const opened = await open('head-bundle.html', width);
      try {
        await opened.page.addScriptTag({ path: `${repoRoot}node_modules/axe-core/axe.min.js` });
        const violations = await opened.page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (el: Element, o: object) => Promise<AxeResults> } }).axe;
          const results = await axe.run(document.querySelector('gk-policy') as Element, {
            runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'],
          });
          return results.violations.map((v) => ({
            id: v.id,
            help: v.help,
            nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
          }));
        });
        assert.deepEqual(violations, []);
        assert.deepEqual(opened.errors, []);
      } finally {
        await opened.page.close();
      }
    });
  }
});

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

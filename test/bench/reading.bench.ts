// The reading page: gk-policy rendering ~100 KB of seed text with 200 interpretation notes
// (from the embed), cold and warm, beside a same-run floor that does the unavoidable work by
// hand; then scrolling, beside the same page without Gongkai; then the first paint of a
// policy's text over a slow 3G link, beside the same text as raw HTML.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bundle, type Interpretation, segment, withRenderedHtml } from '@gongkai/format';
import type { Page } from 'playwright-core';
import { serveStatic } from '../../scripts/lib/static-server.js';
import { distFile, launchChromium, repoRoot, requireBuild } from '../e2e/browser.js';
import { median, report } from './stats.js';

requireBuild();
// Readers' machines have Chinese fonts; without one, Chromium's per-character font fallback
// dominates layout and the figures say little about a real page.
const chineseFonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim();
if (process.platform === 'linux' && !chineseFonts) {
  console.warn(
    'warning: no Chinese font installed (apt-get install fonts-noto-cjk); layout figures are not representative',
  );
}
const seeds = ['ezhou-2016-plan.txt', 'guiyang-eco-2017-plan.txt', 'wenshang-epb-2017-pilot.txt'];
const lines = seeds
  .flatMap((f) => readFileSync(new URL(`../fixtures/seeds/${f}`, import.meta.url), 'utf8').split('\n'))
  .map((l) => l.trim())
  .filter(Boolean);
let body = '';
while (body.length < 100_000) body += `${lines.join('\n\n')}\n\n`;
const clauses = segment(body, { format: 'markdown' }).filter((c) => c.text.length > 30);
const interpretations: Interpretation[] = Array.from({ length: 200 }, (_, i) => {
  const clause = clauses[Math.floor((i * clauses.length) / 200)]!;
  return {
    target: { clause: clause.id, quote: { exact: clause.text.slice(4, 20) } },
    body: `**解读 ${i + 1}**：${clause.text.slice(0, 60)}……这一条的要求是明确责任、按时公开。`,
    role: 'department',
    date: '2017-06-01',
  };
});
const bundle = {
  schemaVersion: 1,
  id: 'bench',
  meta: { title: '基准测试文件', status: 'valid' },
  body,
  interpretations,
};
// As `gongkai build --html` publishes it: the HTML stored beside the markdown (sanitised again)
// and the clauses listed (placed by their text, without the segmenter).
const builtBundle = withRenderedHtml({ ...bundle, clauses: segment(body, { format: 'markdown' }) } as Bundle);
console.log(`document: ${(body.length / 1000).toFixed(0)} k characters, ${interpretations.length} notes`);

// The first paint over a slow link: the policy as `gongkai build --html` publishes it with its
// notes (no Q&A or graphics), the CMS article enhanced with an interpretation file, and the same
// text as the CMS's raw HTML. Each page records, inline, the time of the first frame with the text.
const demo = JSON.parse(readFileSync(`${repoRoot}demo/policies/ezhou-2016-40.json`, 'utf8')) as Bundle;
const { qa: _qa, graphics: _graphics, searchIndex: _index, ...plain } = demo;
const firstText = `<script>(() => {
  const text = () => {
    const doc = document.querySelector('gk-policy')?.shadowRoot?.querySelector('gk-document');
    return doc?.shadowRoot?.querySelector('[part="body"] p') ?? document.querySelector('#text p');
  };
  const tick = (time) => (text() ? (window.__firstText = time) : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
})();</script>`;
const page = (head: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${demo.meta.title}</title>${firstText}${head}</head><body>${body}</body></html>`;
const loader = '<script src="/packages/elements/dist/gongkai.js" defer></script>';
const benchData = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const files = {
  'plain-bundle.json': JSON.stringify(plain),
  'interpretation.json': JSON.stringify({ schemaVersion: 1, interpretations: demo.interpretations }),
  'raw.html': page('', `<h1>${demo.meta.title}</h1><div id="text">${demo.bodyHtml}</div>`),
  'bundle.html': page(loader, '<gk-policy src="/bench-data/plain-bundle.json"></gk-policy>'),
  'enhance.html': page(
    loader,
    `<gk-policy interpretation="/bench-data/interpretation.json"><h1>${demo.meta.title}</h1><div id="text">${demo.bodyHtml}</div></gk-policy>`,
  ),
};
for (const [name, content] of Object.entries(files)) writeFileSync(join(benchData, name), content);
const server = await serveStatic({ mounts: { '/': repoRoot, '/bench-data/': `${benchData}/` }, gzip: true });
const markdownEngine = `/${distFile('gongkai-engine-markdown.js')}`;
const browser = await launchChromium();

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx compiles page.evaluate callbacks with esbuild's keepNames helper; give the page one.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${server.url}/test/bench/pages/document.html`);
  return page;
}

/** Milliseconds from start to rendered, notes placed and layout done; `warm` renders 3 times first. */
async function render(page: Page, kind: 'element' | 'floor', warm: boolean, subject: unknown): Promise<number> {
  return page.evaluate(
    async ({ kind, bundle, warm, subject, markdownEngine }) => {
      const stage = document.getElementById('stage')!;
      // The reading page's own scripts are in before the clock starts, as a classic script's were.
      await customElements.whenDefined('gk-policy');
      const once = async () => {
        stage.replaceChildren();
        const t0 = performance.now();
        // Loading the libraries is part of the work, as the element's chunks are for it.
        const markdown = (await import(markdownEngine)) as { renderMarkdown(s: string): string };
        const purify = (await import('/packages/elements/node_modules/dompurify/dist/purify.es.mjs' as string)).default;
        // The sanitiser the element uses: the browser's own where it has one.
        const setHtml = (target: Element, html: string) => {
          const platform = target as Element & { setHTML?: (html: string) => void };
          if (platform.setHTML) platform.setHTML(html);
          else target.innerHTML = purify.sanitize(html);
        };
        if (kind === 'element') {
          const el = document.createElement('gk-policy') as HTMLElement & { bundle: unknown };
          const ready = new Promise((resolve) => el.addEventListener('gk-ready', resolve, { once: true }));
          el.bundle = subject;
          stage.append(el);
          await ready;
        } else {
          const host = document.createElement('div');
          stage.append(host);
          const root = host.attachShadow({ mode: 'open' });
          const grid = document.createElement('div');
          grid.style.cssText = 'display:grid;grid-template-columns:1fr 20em;gap:1.5em';
          const text = document.createElement('div');
          setHtml(text, markdown.renderMarkdown(bundle.body));
          const column = document.createElement('div');
          column.style.position = 'relative';
          const notes = bundle.interpretations.map((n: { body: string }) => {
            const note = document.createElement('section');
            note.style.cssText = 'position:absolute;inset-inline:0';
            setHtml(note, markdown.renderMarkdown(n.body));
            column.append(note);
            return note;
          });
          grid.append(text, column);
          root.append(grid);
          const paragraphs = text.children;
          // One read pass, then one write pass.
          const want = notes.map(
            (_, i) => (paragraphs[Math.floor((i * paragraphs.length) / notes.length)] as HTMLElement).offsetTop,
          );
          const heights = notes.map((n) => n.offsetHeight);
          let bottom = 0;
          notes.forEach((n, i) => {
            const top = Math.max(want[i]!, bottom);
            bottom = top + heights[i]! + 12;
            n.style.top = `${top}px`;
          });
        }
        void document.body.offsetHeight; // layout done
        return performance.now() - t0;
      };
      if (warm) for (let i = 0; i < 3; i++) await once();
      return once();
    },
    { kind, bundle, warm, subject, markdownEngine },
  );
}

/** Five fresh pages each for the floor and the element, alternating; reports cold and warm. */
async function compare(label: string, subject: unknown): Promise<void> {
  for (const warm of [false, true]) {
    const element: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 5; i++) {
      for (const [kind, out] of [
        ['floor', floor],
        ['element', element],
      ] as const) {
        const page = await openPage();
        out.push(await render(page, kind, warm, subject));
        await page.close();
      }
    }
    report(
      `${label}, ${warm ? 'warm' : 'cold (fresh page)'}`,
      element,
      floor,
      'markdown-it + sanitiser + grid + 1 read/1 write',
    );
  }
}

await compare('gk-policy + 200 notes', bundle);
// The same page from a bundle built with --html: no markdown-it, its stored HTML sanitised.
await compare('same, built with --html', builtBundle);

/** Script time and layouts per scroll step, from Chrome's own counters. */
async function scrollCost(kind: 'element' | 'floor'): Promise<{ script: number; layouts: number }> {
  const page = await openPage();
  await render(page, kind, false, bundle);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { script: get('ScriptDuration') * 1000, layouts: get('LayoutCount') };
  };
  await page.mouse.move(400, 400);
  const before = await metrics();
  const steps = 150;
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  const after = await metrics();
  await page.close();
  return { script: (after.script - before.script) / steps, layouts: (after.layouts - before.layouts) / steps };
}

const scroll = {
  element: [] as number[],
  floor: [] as number[],
  layouts: [] as number[],
  floorLayouts: [] as number[],
};
for (let i = 0; i < 3; i++) {
  const f = await scrollCost('floor');
  const e = await scrollCost('element');
  scroll.floor.push(f.script);
  scroll.element.push(e.script);
  scroll.layouts.push(e.layouts);
  scroll.floorLayouts.push(f.layouts);
}
report('scroll: script time per scroll step', scroll.element, scroll.floor, 'same text, no Gongkai');
console.log(
  `scroll: layouts per scroll step ${median(scroll.layouts).toFixed(2)}   baseline (same text, no Gongkai) ${median(scroll.floorLayouts).toFixed(2)}`,
);
/**
 * Milliseconds from navigation to the first frame with the document's text, on a fresh page over
 * DevTools' slow 3G profile ("3G" in current Chrome: 2 s latency, 50 kB/s each way), no cache.
 */
async function timeToText(path: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 2000,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });
  await page.goto(server.url + path, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as { __firstText?: number }).__firstText !== undefined, null, {
    timeout: 120_000,
    polling: 100,
  });
  const time = await page.evaluate(() => (window as { __firstText?: number }).__firstText!);
  await context.close();
  return time;
}

const paint = { bundle: [] as number[], enhance: [] as number[], raw: [] as number[] };
for (let i = 0; i < 3; i++) {
  paint.raw.push(await timeToText('/bench-data/raw.html'));
  paint.bundle.push(await timeToText('/bench-data/bundle.html'));
  paint.enhance.push(await timeToText('/bench-data/enhance.html'));
}
report('first text, slow 3G: gk-policy src=bundle', paint.bundle, paint.raw, 'the same text as raw HTML');
report('first text, slow 3G: the CMS article enhanced', paint.enhance, paint.raw, 'the same text as raw HTML');

await browser.close();
await server.close();

// The reading page: gk-policy rendering ~100 KB of seed text with 200 interpretation notes
// (from the one-file embed), cold and warm, beside a same-run floor that does the unavoidable
// work by hand; then scrolling, beside the same page without Gongkai.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Bundle, type Interpretation, segment, withRenderedHtml } from '@gongkai/format';
import type { Page } from 'playwright-core';
import { serveStatic } from '../../scripts/lib/static-server.js';
import { launchChromium, repoRoot, requireBuild } from '../e2e/browser.js';
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
// As `gongkai build --html` publishes it: the HTML stored beside the markdown (sanitised again).
const builtBundle = withRenderedHtml(bundle as Bundle);
console.log(`document: ${(body.length / 1000).toFixed(0)} k characters, ${interpretations.length} notes`);

const server = await serveStatic({ mounts: { '/': repoRoot } });
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
    async ({ kind, bundle, warm, subject }) => {
      const stage = document.getElementById('stage')!;
      const once = async () => {
        stage.replaceChildren();
        const t0 = performance.now();
        // Loading the libraries is part of the work, as the element's chunks are for it.
        const markdown = (await import('/packages/elements/dist/gongkai-markdown.js' as string)) as {
          renderMarkdown(s: string): string;
        };
        const purify = (await import('/packages/elements/node_modules/dompurify/dist/purify.es.mjs' as string)).default;
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
          text.innerHTML = purify.sanitize(markdown.renderMarkdown(bundle.body));
          const column = document.createElement('div');
          column.style.position = 'relative';
          const notes = bundle.interpretations.map((n: { body: string }) => {
            const note = document.createElement('section');
            note.style.cssText = 'position:absolute;inset-inline:0';
            note.innerHTML = purify.sanitize(markdown.renderMarkdown(n.body));
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
    { kind, bundle, warm, subject },
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
      'markdown-it + DOMPurify + grid + 1 read/1 write',
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
await browser.close();
await server.close();

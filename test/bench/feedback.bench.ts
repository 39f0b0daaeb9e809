// gk-feedback with 10,000 published comments: first render (to layout done) and the renderer's
// memory, beside the same 10,000 comments rendered as plain DOM (one <li> each, text only) in the
// same run, with the number of list nodes each leaves in the page. Then the first search over
// all comments and a page turn. The element is bundled from source with esbuild here, so the
// benchmark needs no build. Printed figures, no timed assertions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { serveStatic } from '../../scripts/lib/static-server.js';
import { launchChromium, repoRoot } from '../e2e/browser.js';
import { manyComments } from '../helpers/feedback-examples.js';
import { median, report } from './stats.js';

const COUNT = 10_000;
const feedback = manyComments(COUNT);
console.log(
  `feedback: ${feedback.summary.received.toLocaleString()} comments received, ${feedback.comments.length.toLocaleString()} published, ${feedback.byClause.length} clauses, ${(JSON.stringify(feedback).length / 1e6).toFixed(1)} MB of JSON`,
);

const dir = mkdtempSync(join(tmpdir(), 'gk-feedback-bench-'));
await build({
  stdin: {
    contents: "import './packages/elements/src/feedback/define.ts';",
    resolveDir: repoRoot,
    loader: 'ts',
    sourcefile: 'feedback-bench-entry.ts',
  },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  conditions: ['source'],
  outfile: join(dir, 'feedback.js'),
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, experimentalDecorators: false } },
  logLevel: 'warning',
});
writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>gk-feedback benchmark</title><script type="module" src="/feedback.js"></script></head>
<body><div id="stage" style="width:1000px"></div></body></html>`,
);

const server = await serveStatic({ mounts: { '/': dir } });
const browser = await launchChromium();

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx compiles page.evaluate callbacks with esbuild's keepNames helper; give the page one.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => customElements.get('gk-feedback') !== undefined);
  // The data is in the page before the clock starts, for both subjects.
  await page.evaluate((data) => {
    (globalThis as unknown as { __feedback: unknown }).__feedback = data;
  }, feedback);
  return page;
}

type Kind = 'element' | 'plain';

/** Milliseconds from start to rendered and laid out; the number of <li> left in the page. */
async function render(page: Page, kind: Kind): Promise<{ ms: number; items: number }> {
  return page.evaluate(async (kind) => {
    const data = (globalThis as unknown as { __feedback: { comments: Array<Record<string, unknown>> } }).__feedback;
    const stage = document.getElementById('stage')!;
    stage.replaceChildren();
    const t0 = performance.now();
    let items: number;
    if (kind === 'element') {
      const el = document.createElement('gk-feedback') as HTMLElement & {
        feedback: unknown;
        updateComplete: Promise<boolean>;
      };
      el.feedback = data;
      stage.append(el);
      await el.updateComplete;
      void document.body.offsetHeight; // layout done
      items = el.shadowRoot!.querySelectorAll('li').length;
    } else {
      // The floor: each comment as one list item of text, nothing else.
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      const list = document.createElement('ol');
      for (const c of data.comments) {
        const li = document.createElement('li');
        const head = document.createElement('p');
        head.textContent = `第 ${c.no} 号意见 ${c.name ?? '匿名'} ${c.decision}`;
        const body = document.createElement('p');
        body.textContent = String(c.body);
        const reason = document.createElement('p');
        reason.textContent = String(c.reason ?? '');
        li.append(head, body, reason);
        list.append(li);
      }
      root.append(list);
      stage.append(host);
      void document.body.offsetHeight;
      items = root.querySelectorAll('li').length;
    }
    return { ms: performance.now() - t0, items };
  }, kind);
}

/**
 * The renderer's heaps after a full garbage collection: V8's (JS objects, strings) plus Blink's
 * own (the DOM nodes, in Oilpan) plus array buffers and external strings; and the DOM nodes.
 */
async function memory(page: Page): Promise<{ heap: number; dom: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return {
    heap: usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0),
    dom: usage.embedderHeapUsedSize ?? 0,
    nodes,
  };
}

const runs = 5;
const times: Record<Kind, number[]> = { element: [], plain: [] };
const heap: Record<Kind, number[]> = { element: [], plain: [] };
const domHeap: Record<Kind, number[]> = { element: [], plain: [] };
const nodes: Record<Kind, number[]> = { element: [], plain: [] };
const items: Record<Kind, number> = { element: 0, plain: 0 };
for (let i = 0; i < runs; i++) {
  for (const kind of ['plain', 'element'] as const) {
    const page = await openPage();
    const before = await memory(page);
    const result = await render(page, kind);
    const after = await memory(page);
    times[kind].push(result.ms);
    heap[kind].push((after.heap - before.heap) / 1e6);
    domHeap[kind].push((after.dom - before.dom) / 1e6);
    nodes[kind].push(after.nodes - before.nodes);
    items[kind] = result.items;
    await page.close();
  }
}

report(
  `gk-feedback first render, ${COUNT.toLocaleString()} comments`,
  times.element,
  times.plain,
  'plain DOM, every comment',
);
report('renderer memory added (JS + DOM heaps)', heap.element, heap.plain, 'plain DOM, every comment', 'MB');
report('  of which the DOM (Blink) heap', domHeap.element, domHeap.plain, 'plain DOM, every comment', 'MB');
report('DOM nodes added by the render', nodes.element, nodes.plain, 'plain DOM, every comment', 'nodes');
console.log(
  `list items in the page: gk-feedback ${items.element} (one page)   plain DOM ${items.plain}   ratio ${(items.element / items.plain).toFixed(3)}×`,
);

// Interaction, on the element alone: the first search folds every comment once; a page turn.
const search: number[] = [];
const again: number[] = [];
const turn: number[] = [];
for (let i = 0; i < runs; i++) {
  const page = await openPage();
  await render(page, 'element');
  const r = await page.evaluate(async () => {
    const el = document.querySelector('gk-feedback') as HTMLElement & { updateComplete: Promise<boolean> };
    const root = el.shadowRoot!;
    const type = async (value: string) => {
      const input = root.querySelector<HTMLInputElement>('#search')!;
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      void document.body.offsetHeight;
      return performance.now() - t0;
    };
    const first = await type('适老化');
    const second = await type('商业秘密');
    await type('');
    const t0 = performance.now();
    root.querySelector<HTMLButtonElement>('[data-step="next"]')!.click();
    await el.updateComplete;
    void document.body.offsetHeight;
    return { first, second, turn: performance.now() - t0 };
  });
  search.push(r.first);
  again.push(r.second);
  turn.push(r.turn);
  await page.close();
}
console.log(
  `search over all ${feedback.comments.length.toLocaleString()} comments: first query ${median(search).toFixed(2)} ms (folds every comment once)   next query ${median(again).toFixed(2)} ms   page turn ${median(turn).toFixed(2)} ms`,
);

await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

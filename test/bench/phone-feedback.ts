// gk-feedback as a citizen's phone opens it (issue 17): 390 px wide, the CPU slowed four times
// (a phone some years old), from navigation to the figures and the first comments laid out, and
// the page's JS heap after a full collection; beside a floor in the same run: a plain page that
// fetches the same answer and writes its first comments as text. The pages are served on the
// API's own origin (intercepted), so no CORS is involved.
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium, repoRoot } from '../e2e/browser.js';

type Kind = 'element' | 'plain';
export interface PhoneRender {
  /** Navigation start to the first comments laid out, ms (median of the runs). */
  ms: number;
  /** JS heap in use after a full collection, MB (median). */
  heapMb: number;
  /** Comments shown. */
  items: number;
}

async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import './packages/elements/src/feedback/define.ts';",
      resolveDir: repoRoot,
      loader: 'ts',
      sourcefile: 'phone-feedback-entry.ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['source'],
    write: false,
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, experimentalDecorators: false } },
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

const page = (kind: Kind, consultation: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="icon" href="data:,"><title>feedback on a phone</title>${kind === 'element' ? '<script type="module" src="/phone/feedback.js"></script>' : ''}</head>
<body>${
    kind === 'element'
      ? `<gk-feedback endpoint="/api/v1" consultation="${consultation}"></gk-feedback>`
      : `<div id="plain"></div><script type="module">
  const data = await (await fetch('/api/v1/consultations/${consultation}/feedback')).json();
  const root = document.getElementById('plain');
  const figures = document.createElement('p');
  figures.textContent = JSON.stringify(data.summary);
  const list = document.createElement('ol');
  for (const c of data.comments) {
    const li = document.createElement('li');
    li.textContent = [c.no, c.clauseLabel ?? '', c.body, c.decision, c.reason ?? ''].join(' ');
    list.append(li);
  }
  root.append(figures, list);
</script>`
  }</body></html>`;

async function open(browser: Browser, api: string, consultation: string, kind: Kind, js: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const tab = await context.newPage();
  await tab.addInitScript('globalThis.__name = (f) => f');
  await tab.route(`${api}/phone/**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: js })
      : route.fulfill({ contentType: 'text/html', body: page(kind, consultation) }),
  );
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await tab.goto(`${api}/phone/index.html`);
  const shown = () => {
    const host = document.querySelector('gk-feedback')?.shadowRoot ?? document;
    const items = host.querySelectorAll('ul.items > li, #plain li').length;
    const g = globalThis as unknown as { __shown?: number };
    if (items && g.__shown === undefined) {
      void document.body.offsetHeight;
      g.__shown = performance.now();
    }
    return items;
  };
  await tab.waitForFunction(shown, null, { polling: 'raf', timeout: 60_000 });
  const { ms, items } = await tab.evaluate(() => ({
    ms: (globalThis as unknown as { __shown: number }).__shown,
    items: (document.querySelector('gk-feedback')?.shadowRoot ?? document).querySelectorAll('ul.items > li, #plain li')
      .length,
  }));
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return { ms, heapMb: heap.usedSize / 1e6, items };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** The element and the floor, `runs` times each, alternating. */
export async function phoneFeedback(api: string, consultation: string, runs = 3): Promise<Record<Kind, PhoneRender>> {
  const js = await bundle();
  const browser = await launchChromium();
  try {
    const seen: Record<Kind, { ms: number; heapMb: number; items: number }[]> = { element: [], plain: [] };
    for (let i = 0; i < runs; i++) {
      for (const kind of ['plain', 'element'] as const)
        seen[kind].push(await open(browser, api, consultation, kind, js));
    }
    const of = (kind: Kind): PhoneRender => ({
      ms: median(seen[kind].map((r) => r.ms)),
      heapMb: median(seen[kind].map((r) => r.heapMb)),
      items: seen[kind][0]!.items,
    });
    return { element: of('element'), plain: of('plain') };
  } finally {
    await browser.close();
  }
}

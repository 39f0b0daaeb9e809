// gk-document rendering ~100 KB of seed text (from the one-file embed), cold and warm, beside a
// same-run floor: raw markdown-it + DOMPurify into one shadow root, then a forced layout.
import { readFileSync } from 'node:fs';
import { serveStatic } from '../../scripts/lib/static-server.js';
import { launchChromium, repoRoot, requireBuild } from '../e2e/browser.js';
import { report } from './stats.js';

requireBuild();
const seeds = ['ezhou-2016-plan.txt', 'guiyang-eco-2017-plan.txt', 'wenshang-epb-2017-pilot.txt'];
const seedText = seeds
  .map((f) => readFileSync(new URL(`../fixtures/seeds/${f}`, import.meta.url), 'utf8'))
  .join('\n\n');
let body = '';
while (body.length < 100_000)
  body += `${seedText
    .split(/\n\s*\n|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n')}\n\n`;
const bundle = { schemaVersion: 1, id: 'bench', meta: { title: '基准测试文件', status: 'valid' }, body };
console.log(`document: ${(body.length / 1000).toFixed(0)} k characters`);

const server = await serveStatic({ mounts: { '/': repoRoot } });
const browser = await launchChromium();

async function measure(kind: 'element' | 'floor', warm: boolean): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx compiles page.evaluate callbacks with esbuild's keepNames helper; give the page one.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${server.url}/test/bench/pages/document.html`);
  const ms = await page.evaluate(
    async ({ kind, bundle, warm }) => {
      const stage = document.getElementById('stage')!;
      const markdown = (await import('/packages/elements/dist/gongkai-markdown.js' as string)) as {
        renderMarkdown(s: string): string;
      };
      const purify = (await import('/packages/elements/node_modules/dompurify/dist/purify.es.mjs' as string)).default;
      const once = async () => {
        stage.replaceChildren();
        const t0 = performance.now();
        if (kind === 'element') {
          const el = document.createElement('gk-document') as HTMLElement & { bundle: unknown };
          const ready = new Promise((resolve) => el.addEventListener('gk-ready', resolve, { once: true }));
          el.bundle = bundle;
          stage.append(el);
          await ready;
        } else {
          const host = document.createElement('div');
          stage.append(host);
          const root = host.attachShadow({ mode: 'open' });
          root.innerHTML = purify.sanitize(markdown.renderMarkdown(bundle.body));
        }
        void stage.offsetHeight; // force layout
        return performance.now() - t0;
      };
      if (warm) for (let i = 0; i < 3; i++) await once();
      return once();
    },
    { kind, bundle, warm },
  );
  await page.close();
  return ms;
}

const runs = 7;
for (const warm of [false, true]) {
  const element: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await measure('floor', warm));
    element.push(await measure('element', warm));
  }
  report(
    `gk-document render, ${warm ? 'warm' : 'cold (fresh page)'}`,
    element,
    floor,
    'markdown-it + DOMPurify + layout',
  );
}
await browser.close();
await server.close();

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFile } from '@gongkai/server';
import { serveStatic } from '/work/main/scripts/lib/static-server.js';
import { launchChromium, repoRoot } from '/work/main/test/e2e/browser.js';
import { startServer } from '/work/main/test/e2e/server.js';
const server = await startServer(mkdtempSync(join(tmpdir(), 'clsx-')));
await seedFile(server.db, join(repoRoot, 'demo/policies/ezhou-2016-40.json'));
for (const f of readdirSync(join(repoRoot, 'demo/consultations')).sort()) await seedFile(server.db, join(repoRoot, 'demo/consultations', f));
const site = await serveStatic({ mounts: { '/': `${repoRoot}demo/`, '/gongkai/': `${repoRoot}packages/elements/dist/` }, proxy: { prefixes: ['/api/'], target: `http://127.0.0.1:${server.port}` } });
const browser = await launchChromium();
const css = process.env.CSS ?? '';
for (const path of (process.env.PAGES ?? '/').split(',')) {
  const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
  await page.addInitScript((css) => {
    const w = window as any; w.__s = [];
    if (css) { const s = document.createElement('style'); s.textContent = css; document.documentElement.append(s); }
    new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) w.__s.push([e.value.toFixed(3), Math.round(e.startTime), (e.sources ?? []).map((s: any) => `${s.node?.nodeName}.${s.node?.className ?? ''} ${JSON.stringify(s.previousRect)}->${JSON.stringify(s.currentRect)}`)]); }).observe({ type: 'layout-shift', buffered: true });
  }, css);
  await page.goto(site.url + path, { waitUntil: 'networkidle' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  console.log(path, JSON.stringify(await page.evaluate(() => (window as any).__s), null, 1));
  await page.close();
}
await browser.close(); await site.close(); await server.stop();

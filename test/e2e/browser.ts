import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { staticGraph } from '../../packages/elements/scripts/chunk-graph.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

/** Debian's Chromium (CHROME_PATH to override); never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const embedPath = 'packages/elements/dist/gongkai.js';

/** A script's file name without its content hash: `/…/gongkai-reading-Ab1_Cd2-.js` → `gongkai-reading.js`. */
export function scriptName(path: string): string {
  return (path.split('/').at(-1) ?? path).replace(/-[\w-]{8}\.js$/, '.js');
}

/** The files `entries` (source paths, `src/internal/engines/markdown.ts`) load, by name, sorted, each once. */
export function scriptsOf(...entries: string[]): string[] {
  const manifest = JSON.parse(readFileSync(`${repoRoot}packages/elements/dist/manifest.json`, 'utf8')) as Record<
    string,
    { file: string; imports?: string[] }
  >;
  return [...new Set(entries.flatMap((entry) => staticGraph(manifest, entry).map(scriptName)))].sort();
}

/** What a reading page loads before anything optional: the loader and its entry's static graph, by name. */
export function readingScripts(): string[] {
  return ['gongkai.js', ...scriptsOf('src/embed.ts')].sort();
}

/** The path, under the repository, of the dist file `name` names without its hash (`gongkai-engine-chart.js`). */
export function distFile(name: string): string {
  const dist = 'packages/elements/dist/';
  const found = readdirSync(repoRoot + dist).filter((file) => scriptName(file) === name);
  if (found.length !== 1) throw new Error(`${dist}${name}: ${found.length} files of that name`);
  return dist + found[0];
}

export function requireBuild(): void {
  if (!existsSync(repoRoot + embedPath)) throw new Error(`${embedPath} is missing: run \`pnpm build\` first.`);
}

/** The CSP a site needs for Gongkai, as given in the README (shared by the e2e tests). */
export const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types gongkai lit-html dompurify";

/**
 * The hostile pages carry the demo's CMS article (demo/enhance.html, made by `pnpm demo-data`)
 * where they say `<!-- ARTICLE -->`, or `<!-- ARTICLE without inline styles -->` for pages under
 * a CSP that forbids style attributes: one copy of the article, not one per page.
 */
export function includeArticle(_path: string, html: string): string {
  if (!html.includes('<!-- ARTICLE')) return html;
  const template = readFileSync(`${repoRoot}demo/enhance.template.html`, 'utf8');
  const page = readFileSync(`${repoRoot}demo/enhance.html`, 'utf8');
  const [before = '', after = ''] = template.split('<!-- ARTICLE -->');
  const article = page.slice(before.length, page.length - after.length);
  return html
    .replace('<!-- ARTICLE without inline styles -->', article.replaceAll(' style="text-indent:2em;"', ''))
    .replace('<!-- ARTICLE -->', article);
}

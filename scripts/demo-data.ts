// `pnpm demo-data`: rebuilds the demo's policy bundle from its authoring sources with the
// gongkai CLI (with pre-rendered HTML), and derives what the "enhance the CMS article" page needs: the article as a
// CMS renders it, and an interpretation file without the body.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const bundlePath = `${root}demo/policies/ezhou-2016-40.json`;
execFileSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    'packages/format/src/cli/main.ts',
    'build',
    'demo/authoring/ezhou-2016-40',
    // HTML beside the markdown: the demo's reading pages never load markdown-it.
    '--html',
    '-o',
    bundlePath,
  ],
  { cwd: root, stdio: 'inherit' },
);
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));

const { body, bodyHtml: _html, clauses: _clauses, searchIndex: _index, ...interpretation } = bundle;
writeFileSync(`${root}demo/policies/ezhou-2016-40-jd.json`, `${JSON.stringify(interpretation, null, 2)}\n`);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const article = (body as string)
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean)
  .map((p) => `<p style="text-indent:2em;">&nbsp;&nbsp;${escapeHtml(p)}</p>`)
  .join('\n');
const template = readFileSync(`${root}demo/enhance.template.html`, 'utf8');
writeFileSync(`${root}demo/enhance.html`, template.replace('<!-- ARTICLE -->', article));
console.log('demo data written: ezhou-2016-40.json, ezhou-2016-40-jd.json, enhance.html');

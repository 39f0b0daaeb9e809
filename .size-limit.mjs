// `pnpm size` budgets (gzip, each file compressed on its own, as browsers fetch them). The embed's
// chunks are content-hashed, so each budget is read from dist/manifest.json: a page's budget is
// its entry's whole static graph, a part's budget what it adds to the reading page.
import { readFileSync } from 'node:fs';
import { staticGraph } from './packages/elements/scripts/chunk-graph.mjs';

const dist = 'packages/elements/dist/';
const manifest = JSON.parse(readFileSync(`${dist}manifest.json`, 'utf8'));
const graph = (entry) => staticGraph(manifest, entry);
const reading = graph('src/embed.ts');
/** The files `entry` loads that the reading page has not already loaded. */
const beyondReading = (entry) => graph(entry).filter((file) => !reading.includes(file));
const paths = (files) => files.map((file) => dist + file);
const engine = (name) => beyondReading(`src/internal/engines/${name}.ts`);

export default [
  {
    name: 'reading page: gongkai.js and every chunk it loads for a plain document with notes',
    path: paths(['gongkai.js', ...reading]),
    limit: '35 KiB',
    gzip: true,
  },
  {
    name: 'gongkai.js (the loader: the only file whose URL stays the same)',
    path: `${dist}gongkai.js`,
    limit: '1 kB',
    gzip: true,
  },
  { name: 'lit (one copy for every chunk)', path: `${dist}gongkai-lit-*.js`, limit: '8.5 kB', gzip: true },
  {
    name: 'gk-consultation (the comment form), beyond the reading page: no lit of its own',
    path: paths(beyondReading('src/consultation/define.ts')),
    limit: '30 kB',
    gzip: true,
  },
  { name: 'gk-feedback (the published feedback)', path: `${dist}gongkai-feedback-*.js`, limit: '21 kB', gzip: true },
  {
    // Renders the changes with the 修改对照 mode's renderRuns and checks them with the format's validateComparison.
    name: 'gk-feedback 修改说明 (feedback or a receipt naming changes), beyond the reading page',
    path: paths(beyondReading('src/feedback/explanation.ts')),
    limit: '11 kB',
    gzip: true,
  },
  {
    // Its text in three languages came with it from the reading page's catalogue (83e311f).
    name: 'gk-qa with its text, beyond the reading page',
    path: paths(beyondReading('src/qa/define.ts')),
    limit: '11 kB',
    gzip: true,
  },
  {
    name: 'gk-graphic with gk-chart (chart.js itself is the chart engine)',
    path: [`${dist}gongkai-graphic-*.js`, `${dist}gongkai-chart-*.js`],
    limit: '7.5 kB',
    gzip: true,
  },
  { name: 'engine: markdown-it', path: paths(engine('markdown')), limit: '45 kB', gzip: true },
  { name: 'engine: note anchoring', path: paths(engine('anchor')), limit: '16 kB', gzip: true },
  {
    name: 'engine: segmentation (text whose clauses the bundle does not list)',
    path: paths(engine('segment')),
    limit: '8 kB',
    gzip: true,
  },
  { name: 'engine: chart.js', path: paths(engine('chart')), limit: '65 kB', gzip: true },
  {
    name: 'engine: DOMPurify (browsers without the Sanitizer API)',
    path: paths(engine('purify')),
    limit: '12 kB',
    gzip: true,
  },
  { name: 'engine: Q&A search', path: paths(engine('search')), limit: '8 kB', gzip: true },
  {
    name: 'engine: validator messages (invalid bundles only)',
    path: paths(engine('validate')),
    limit: '3.5 kB',
    gzip: true,
  },
  {
    name: 'popup (@floating-ui/dom)',
    path: paths(beyondReading('src/internal/popup.ts')),
    limit: '7.5 kB',
    gzip: true,
  },
  {
    name: 'zh-Hant and English text of the reading page',
    path: paths(beyondReading('src/i18n/more.ts')),
    limit: '4 kB',
    gzip: true,
  },
  {
    name: '一图读懂 long image',
    path: paths(beyondReading('src/graphic/export-image.ts')),
    limit: '2.5 kB',
    gzip: true,
  },
  {
    name: '修改对照 (a bundle compared with its previous version), beyond the reading page',
    path: paths(beyondReading('src/changes/changes.ts')),
    limit: '11 kB',
    gzip: true,
  },
  {
    name: '修改对照 computed in the browser (an enhanced article), beyond the mode itself',
    path: paths(
      beyondReading('src/changes/compute.ts').filter((file) => !graph('src/changes/changes.ts').includes(file)),
    ),
    limit: '25 kB',
    gzip: true,
  },
  {
    name: 'staff page: gongkai-staff.js and every chunk it loads (gk-review, gk-workbench, the reading elements)',
    path: paths(['gongkai-staff.js', ...graph('src/staff-embed.ts')]),
    // gk-feedback (20.6 kB) comes with the publish tab, not the first download: 167.4 kB measured
    // with sign-off, channels, attachments, notifications, 因意见修改 and the re-anchoring queue.
    limit: '171 kB',
    gzip: true,
  },
  {
    name: 'Word reader (mammoth), beyond the staff page: only when a drafter chooses a .docx',
    path: paths(graph('src/workbench/docx-engine.ts').filter((file) => !graph('src/staff-embed.ts').includes(file))),
    limit: '105 kB',
    gzip: true,
  },
  {
    name: 'ESM entry and its shared chunks (unminified; lit and libraries external)',
    path: [`${dist}esm/index.js`, `${dist}esm/define-*.js`],
    limit: '77 kB',
    gzip: true,
  },
];

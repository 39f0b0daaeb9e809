// `gongkai reanchor`: carrying the notes written on 北京市优化营商环境条例 (2020) to its 2024
// revision, beside the same-run floor of comparing the two texts (which carrying includes).
import { readFileSync } from 'node:fs';
import { compareTexts, type Interpretation, reanchorNotes, segment } from '@gongkai/format';
import { report } from './stats.js';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const c2020 = segment(read('../fixtures/regulations/beijing-business-environment-2020.md'));
const c2024 = segment(read('../fixtures/regulations/beijing-business-environment-2024.md'));
const fixture = JSON.parse(read('../format/fixtures/anchor/beijing-2020-notes.json')).notes as {
  id: string;
  clause: string;
  quote: string;
}[];
const quoted: Interpretation[] = fixture.map((n) => ({
  id: n.id,
  target: { clause: n.clause, quote: { exact: n.quote } },
  body: '解读',
}));
// A note on every article of the 2020 text, by clause only: each looked for by its whole text.
const everyArticle: Interpretation[] = c2020
  .filter((c) => /^第.+条/.test(c.number))
  .map((c) => ({ target: { clause: c.id }, body: '解读' }));

/** Subject and baseline in turns, so that a busy machine slows both alike. */
function paired(subject: () => void, baseline: () => void, runs = 10, warmup = 2) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    baseline();
    const t1 = performance.now();
    subject();
    const t2 = performance.now();
    if (i >= warmup) {
      b.push(t1 - t0);
      a.push(t2 - t1);
    }
  }
  return [a, b] as const;
}

const compare = () => compareTexts(c2020, c2024);
report(
  `${quoted.length} quoted notes, 2020 → 2024`,
  ...paired(() => reanchorNotes(quoted, c2020, c2024), compare),
  'compare only',
);
report(
  `${everyArticle.length} whole-article notes, 2020 → 2024`,
  ...paired(() => reanchorNotes(everyArticle, c2020, c2024), compare),
  'compare only',
);

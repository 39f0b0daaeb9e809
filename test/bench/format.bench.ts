// Segmentation + anchoring of a ~100 KB document with 200 interpretation notes, beside
// markdown-it rendering the same text in the same run (the budget: no more than its cost).
import { readFileSync } from 'node:fs';
import { anchor, type Interpretation, segment } from '@gongkai/format';
import MarkdownIt from 'markdown-it';
import { report, time } from './stats.js';

const fixtures = new URL('../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures), 'utf8');
const parts = [
  read('regulations/beijing-business-environment-2024.md'),
  read('seeds/ezhou-2016-plan.txt'),
  read('seeds/guiyang-eco-2017-plan.txt'),
  read('seeds/wenshang-epb-2017-pilot.txt'),
];
let body = parts.join('\n\n');
while (body.length < 100_000) body += `\n\n${parts[1]}`;
const md = new MarkdownIt({ html: false });

const clauses = segment(body);
// 200 notes quoting a passage of a clause, as drafters write them; every tenth reworded a little.
const quoted = clauses.filter((c) => c.text.length >= 40);
const notes = (reworded: boolean): Interpretation[] =>
  Array.from({ length: 200 }, (_, i) => {
    const clause = quoted[(i * 7) % quoted.length]!;
    let exact = clause.text.slice(10, 34);
    if (reworded && i % 10 === 0) exact = `${exact.slice(0, 8)}进一步${exact.slice(8)}`;
    return { target: { clause: clause.id, quote: { exact } }, body: '解读' };
  });
const exactNotes = notes(false);
const someReworded = notes(true);
const bundle = (interpretations: Interpretation[]) => ({ body, interpretations });

console.log(`document: ${(body.length / 1000).toFixed(0)} k characters, ${clauses.length} clauses, 200 notes`);
const baseline = time(() => md.render(body));
report(
  'segment',
  time(() => segment(body)),
  baseline,
  'markdown-it render',
);
report(
  'segment + anchor (quotes exact)',
  time(() => anchor(bundle(exactNotes))),
  baseline,
  'markdown-it render',
);
report(
  'segment + anchor (10% reworded)',
  time(() => anchor(bundle(someReworded))),
  baseline,
  'markdown-it render',
);
const check = anchor(bundle(someReworded));
console.log(`anchored ${check.notes.length - check.orphans.length} of 200, orphans ${check.orphans.length}`);

// `gongkai diff`: comparing two versions of a regulation, beside the same-run floor of only
// segmenting both texts (the comparison cannot cost less than reading them). Then a larger
// generated revision, and the readability of the character diff with and without cleanup.
import { readFileSync } from 'node:fs';
import { compareTexts, segment } from '@gongkai/format';
import { report } from './stats.js';

type Work = (a: string, b: string) => void;

/**
 * Subject and baseline timed in turns, so that a machine busy with other work slows both alike
 * and the ratio holds (timed each in its own block, the load of the moment set the ratio).
 */
function paired(subject: Work, baseline: Work, texts: [string, string], runs = 15, warmup = 3) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    baseline(...texts);
    const t1 = performance.now();
    subject(...texts);
    const t2 = performance.now();
    if (i >= warmup) {
      b.push(t1 - t0);
      a.push(t2 - t1);
    }
  }
  return [a, b] as const;
}

const read = (year: number) =>
  readFileSync(new URL(`../fixtures/regulations/beijing-business-environment-${year}.md`, import.meta.url), 'utf8');
const old2020 = read(2020);
const new2024 = read(2024);

const segmentBoth = (a: string, b: string) => {
  segment(a);
  segment(b);
};
const pair: [string, string] = [old2020, new2024];
const bodies: Work = (a, b) => compareTexts({ body: a }, { body: b });
const r = compareTexts({ body: old2020 }, { body: new2024 });
console.log(
  `regulation pair: ${old2020.length + new2024.length} characters, 83 → 94 articles; ` +
    `${r.summary.modified} modified, ${r.summary.added} added, ${r.summary.removed} removed, ${r.summary.renumbered} renumbered`,
);
report('segment both + compare', ...paired(bodies, segmentBoth, pair), 'segment both');
const c2020 = segment(old2020);
const c2024 = segment(new2024);
report('compare only (clauses given)', ...paired(() => compareTexts(c2020, c2024), segmentBoth, pair), 'segment both');

// A larger revision: ~1000 articles of the regulation's sentences (seeded), then 10% reworded,
// 5% removed, 5% inserted and a few moved, as a second reading of a national draft might be.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const sentences = old2020
  .split('\n')
  .filter((l) => /^第.+条/.test(l))
  .flatMap((l) => l.replace(/^第[^条]+条\s*/, '').split(/(?<=。)/))
  .filter((s) => s.length >= 20);
const DIGITS = '零一二三四五六七八九';
const cn = (n: number): string => {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${cn(rest)}` : cn(rest);
    return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  return `${cn(Math.floor(n / 1000)).replace(/^$/, '')}千${n % 1000 ? (n % 1000 < 100 ? '零' : '') + cn(n % 1000) : ''}`;
};
const article = (i: number) => {
  const picked = Array.from(
    { length: 1 + Math.floor(rand() * 3) },
    (_, k) => sentences[(i * 7 + k * 13) % sentences.length],
  );
  return `${picked.join('')}（第${i}项）`;
};
const before = Array.from({ length: 1000 }, (_, i) => article(i));
const after: string[] = [];
for (const [i, text] of before.entries()) {
  const roll = rand();
  if (roll < 0.05) continue;
  if (roll < 0.15) after.push(text.replace(/市场主体/g, '经营主体').replace(/。/, '，并及时公布。'));
  else after.push(text);
  if (rand() < 0.05) after.push(article(5000 + i));
}
for (let k = 0; k < 5; k++)
  after.splice(Math.floor(rand() * after.length), 0, ...after.splice(Math.floor(rand() * after.length), 1));
const render = (list: string[]) => list.map((t, i) => `第${cn(i + 1)}条 ${t}`).join('\n\n');
const bigOld = render(before);
const bigNew = render(after);
const big = compareTexts({ body: bigOld }, { body: bigNew });
console.log(
  `generated pair: ${bigOld.length + bigNew.length} characters, ${before.length} → ${after.length} articles; ` +
    `${big.summary.modified} modified, ${big.summary.added} added, ${big.summary.removed} removed, ${big.summary.renumbered} renumbered`,
);
report('segment both + compare (generated)', ...paired(bodies, segmentBoth, [bigOld, bigNew], 7, 1), 'segment both');

// The character diff inside modified articles: runs a reader must follow, and slivers (kept
// runs of one or two characters between two edits) that make a Chinese redline hard to read.
let runs = 0;
let slivers = 0;
for (const c of r.changes.filter((x) => x.kind === 'modified'))
  c.ops!.forEach(([op, text], i, ops) => {
    if (op !== 0) runs++;
    else if (i > 0 && i < ops.length - 1 && text.length < 3) slivers++;
  });
console.log(`character diff of ${r.summary.modified} modified articles: ${runs} edit runs, ${slivers} slivers`);

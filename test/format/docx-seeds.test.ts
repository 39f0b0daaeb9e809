// The seed documents laid out as 公文 in Word, their numbering automatic wherever Word would
// print the same number: the clauses and meta read from the .docx are the ones the text gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type Clause, parseDocument } from '@gongkai/format';
import { parseDocxFile } from '@gongkai/format/docx/node';
import type { Paragraph } from 'docx';
import { docxOf, gongwen, item, p } from './docx-samples.js';

const SEEDS = ['ezhou-2016-plan.txt', 'guiyang-eco-2017-plan.txt', 'wenshang-epb-2017-pilot.txt'];
const CN = '〇一二三四五六七八九';

function value(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return CN.indexOf(s);
  return (
    (ten === 0 ? 1 : CN.indexOf(s[0] as string)) * 10 + (ten === s.length - 1 ? 0 : CN.indexOf(s.at(-1) as string))
  );
}

/** The Word list (and level) that prints numbers of this style, and the number's value. */
function listOf(number: string): { ref: string; level: number; n: number } | null {
  const n = (re: RegExp) => value((re.exec(number) as RegExpExecArray)[1] as string);
  if (/^第[一二三四五六七八九十]+条/.test(number)) return { ref: 'tiao', level: 0, n: n(/^第(.+)条/) };
  if (/^第[一二三四五六七八九十]+章/.test(number)) return { ref: 'zhang', level: 0, n: n(/^第(.+)章/) };
  if (/^[一二三四五六七八九十]+、/.test(number)) return { ref: 'gongwen', level: 0, n: n(/^(.+)、/) };
  if (/^[（(][一二三四五六七八九十]+[）)]$/.test(number)) return { ref: 'gongwen', level: 1, n: n(/^.(.+).$/) };
  if (/^\d+[.．]$/.test(number)) return { ref: 'gongwen', level: 2, n: n(/^(\d+)/) };
  if (/^[（(]\d+[）)]$/.test(number)) return { ref: 'gongwen', level: 3, n: n(/^.(\d+).$/) };
  return null;
}

/** The clauses as Word paragraphs: automatic where Word would print the written number, else typed. */
function layOut(clauses: readonly Clause[]): { blocks: Paragraph[]; automatic: number } {
  const counters = new Map<string, number[]>();
  const blocks: Paragraph[] = [];
  let automatic = 0;
  for (const c of clauses) {
    const [first = '', ...rest] = c.text.split('\n');
    const list = listOf(c.number);
    const values = list ? (counters.get(list.ref) ?? []) : [];
    if (list && (values[list.level] ?? 0) + 1 === list.n) {
      values[list.level] = list.n;
      values.length = list.level + 1;
      counters.set(list.ref, values);
      blocks.push(item(first.slice(c.number.length).trim(), list.ref, list.level));
      automatic++;
    } else blocks.push(p(first));
    for (const line of rest) blocks.push(p(line));
  }
  return { blocks, automatic };
}

const same = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

for (const seed of SEEDS) {
  test(`${seed} laid out as 公文 in Word gives the clauses and meta of its text`, async () => {
    const text = readFileSync(new URL(`../fixtures/seeds/${seed}`, import.meta.url), 'utf8');
    const expected = parseDocument(text, seed).bundle;
    assert.ok(expected?.clauses && expected.clauses.length > 10);
    const title = expected.meta.title;
    const cut = Math.max(title.indexOf('《'), title.indexOf('关于') + 2, 2);
    const { blocks, automatic } = layOut(expected.clauses);
    // Written defects (`2)` among `(1)`, a list starting at ⑨) stay typed, as a drafter would leave them.
    assert.ok(automatic >= 10, `${automatic} automatic numbers`);
    const issuer = expected.meta.issuer?.endsWith('政府') ? expected.meta.issuer : '某县人民政府';
    const bytes = await docxOf(
      gongwen([p('现将有关事项通知如下，请认真贯彻执行。'), ...blocks], {
        docNumber: expected.meta.docNumber ?? '某政发〔2017〕1号',
        title: [title.slice(0, cut), title.slice(cut)],
        issuer,
        date: '2017年11月10日',
      }),
    );
    const r = await parseDocxFile(bytes, seed.replace('.txt', '.docx'));
    assert.deepEqual(
      r.problems.filter((x) => !x.warning),
      [],
    );
    const got = r.bundle?.clauses ?? [];
    assert.deepEqual(
      got.map((c) => `${c.id} ${same(c.number)}`),
      expected.clauses.map((c) => `${c.id} ${same(c.number)}`),
    );
    for (const [i, c] of got.entries()) assert.equal(same(c.text), same(expected.clauses[i]?.text ?? ''), c.id);
    assert.deepEqual(r.bundle?.meta, {
      title,
      docNumber: expected.meta.docNumber ?? '某政发〔2017〕1号',
      issuer,
      published: '2017-11-10',
    });
    assert.equal(r.bundle?.id, seed.replace('.txt', ''));
  });
}

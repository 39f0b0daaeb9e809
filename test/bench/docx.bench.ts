// Word in (issue 21): reading a ~100-page .docx (a regulation laid out as 公文: 第X章/第X条 and
// （一） items numbered by Word, tables, footnotes), beside the floor of the same run: segmenting
// the same document's printed text with parseDocument. The difference is the price of Word.
import { readFileSync } from 'node:fs';
import { parseDocument } from '@gongkai/format';
import { nodeDocxEnv, parseDocxFile } from '@gongkai/format/docx/node';
import type { Paragraph, Table } from 'docx';
import { cited, docxOf, gongwen, item, NUMBERING, table } from '../format/docx-samples.js';
import { median } from './stats.js';

const CN = '零一二三四五六七八九';
const tens = (n: number) => (n < 10 ? CN[n]! : `${n < 20 ? '' : CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`);
/** 一 … 十九, 二十 …, 一百, 一百零一, 一百一十: as Word's chineseCounting prints them. */
const cn = (n: number) =>
  n < 100
    ? tens(n)
    : `${CN[Math.floor(n / 100)]}百${n % 100 === 0 ? '' : n % 100 < 10 ? `零${CN[n % 100]}` : `${CN[Math.floor((n % 100) / 10)]}十${n % 10 ? CN[n % 10] : ''}`}`;

// Sentences of the seed documents, reused in turn.
const sentences = ['ezhou-2016-plan.txt', 'guiyang-eco-2017-plan.txt', 'wenshang-epb-2017-pilot.txt']
  .flatMap((f) => readFileSync(new URL(`../fixtures/seeds/${f}`, import.meta.url), 'utf8').split(/(?<=。)/))
  .map((s) => s.replace(/\s+/g, '').replace(/^[一二三四五六七八九十（）()\d.、]+/, ''))
  .filter((s) => s.length > 20 && s.length < 200 && s.endsWith('。'));
let next = 0;
const sentence = () => sentences[next++ % sentences.length]!;

const blocks: (Paragraph | Table)[] = [];
const text: string[] = [
  '京政发〔2024〕3号',
  '北京市人民政府关于印发',
  '《北京市政务公开条例实施办法》的通知',
  '各区人民政府：',
];
const footnotes: string[] = [];
let article = 0;
for (let chapter = 1; chapter <= 13; chapter++) {
  blocks.push(item(`第${chapter}章的规定`, 'zhang'));
  text.push(`第${cn(chapter)}章　第${chapter}章的规定`);
  for (let a = 0; a < 12; a++) {
    article++;
    const body = `${sentence()}${sentence()}`;
    blocks.push(item(body, 'tiao'));
    text.push(`第${cn(article)}条　${body}`);
    for (let k = 1; k <= 3; k++) {
      const s = sentence();
      blocks.push(item(s, 'gongwen', 1, article));
      text.push(`（${cn(k)}）${s}`);
    }
    if (article % 10 === 0) {
      const rows = [
        ['事项', '责任单位', '时限'],
        ...Array.from({ length: 6 }, (_, r) => [`事项${r + 1}`, '市政务服务局', `${r + 1}个月`]),
      ];
      blocks.push(table(rows));
      text.push(...rows.map((r) => r.join(' ')));
    }
    if (article % 20 === 0) {
      footnotes.push(sentence());
      const s = sentence();
      blocks.push(cited(s, footnotes.length));
      text.push(s, `注[${footnotes.length}]：${footnotes.at(-1)}`);
    }
  }
}
text.push('北京市人民政府', '2024年1月5日');

const docx = await docxOf(
  gongwen(blocks, { title: ['北京市人民政府关于印发', '《北京市政务公开条例实施办法》的通知'] }),
  footnotes,
);
const plain = text.join('\n');
// GB/T 9704: 22 lines of 28 characters a page.
console.log(
  `document: ${(plain.length / 1000).toFixed(0)} k characters (~${Math.round(plain.length / 616)} pages of 22×28), ` +
    `${article} articles, .docx ${(docx.length / 1024).toFixed(0)} KiB; lists ${NUMBERING.config.length}`,
);

async function timeAsync(work: () => Promise<unknown>, runs = 7, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    out.push(performance.now() - t0);
  }
  return out;
}

const floor = await timeAsync(async () => parseDocument(plain, 'plan.txt'));
const word = await timeAsync(() => parseDocxFile(docx, 'plan.docx'));
const line = (label: string, samples: number[]) =>
  console.log(
    `${label.padEnd(44)} ${median(samples).toFixed(1).padStart(9)} ms   floor (parseDocument of its text) ${median(floor).toFixed(1)} ms   ratio ${(median(samples) / median(floor)).toFixed(1)}×`,
  );
line('.docx import (numbers, mammoth, 公文, segment)', word);
// What mammoth alone costs on the same file (its HTML, nothing else).
const mammothOnly = await timeAsync(() =>
  nodeDocxEnv.mammoth.convertToHtml(nodeDocxEnv.input(docx) as never, { ignoreEmptyParagraphs: true }),
);
line('  of which mammoth.convertToHtml alone', mammothOnly);
const check = await parseDocxFile(docx, 'plan.docx');
const fromWord = (check.bundle?.clauses ?? []).map((c) => `${c.id} ${c.number}`);
const fromText = (parseDocument(plain, 'plan.txt').bundle?.clauses ?? []).map((c) => `${c.id} ${c.number}`);
const same = fromWord.length === fromText.length && fromWord.every((c, i) => c === fromText[i]);
console.log(`clauses: .docx ${fromWord.length}, text ${fromText.length}, ${same ? 'the same' : 'DIFFERENT'}`);
if (!same) process.exitCode = 1;

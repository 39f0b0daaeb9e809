import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type MarkdownPiece, markdownToHtml, splitPlainParagraphs } from '@gongkai/format';

/** What a reader's page shows for the pieces: plain paragraphs as text, the rest through markdown-it. */
function render(pieces: readonly MarkdownPiece[]): string {
  return pieces
    .map((p) => ('plain' in p ? `<p>${p.plain.replaceAll('"', '&quot;')}</p>\n` : markdownToHtml(p.markdown)))
    .join('');
}

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const documents = {
  'ezhou (plain text)': fixture('seeds/ezhou-2016-plan.txt'),
  'guiyang (plain text)': fixture('seeds/guiyang-eco-2017-plan.txt'),
  'wenshang (plain text)': fixture('seeds/wenshang-epb-2017-pilot.txt'),
  'ezhou in traditional Chinese': readFileSync(
    new URL('fixtures/segment/ezhou-2016-plan-zh-hant.txt', import.meta.url),
    'utf8',
  ),
  'regulation 2020 (markdown)': fixture('regulations/beijing-business-environment-2020.md'),
  'regulation 2024 (markdown)': fixture('regulations/beijing-business-environment-2024.md'),
};

/** mulberry32: a small seeded generator, so failures replay. */
function rng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

// Lines that are plain, nearly plain, or markdown that reaches across lines or blank lines.
const LINES = [
  '第一条 为了优化营商环境，制定本条例。',
  '　　（一）总体要求。坚持公开为常态、不公开为例外。',
  '一、工作目标',
  '2016-2020年，全面推进“放管服”改革。',
  '1.明确责任',
  '1. 明确责任',
  '2) 按时公开',
  '3．全角句点',
  '- 一项',
  '+ 一项',
  '* 一项',
  '  缩进两格的续行',
  '   缩进三格',
  '  - 缩进的列表',
  '  1. 缩进的编号',
  '\u00a0不换行空格开头',
  '\u3000\u3000全角空格开头\u3000',
  '    缩进四格：代码',
  '\t制表符缩进',
  '末尾两个空格  ',
  '末尾一个空格 ',
  '末尾制表符\t',
  '> 引用',
  '# 标题',
  '###### 六级标题',
  '===',
  '---',
  '- - -',
  '***',
  '```',
  '~~~',
  '| 甲 | 乙 |',
  '|---|---|',
  '**加粗**与_强调_',
  '[链接](https://www.gov.cn/)',
  '[定义]: https://www.gov.cn/',
  '[定义]',
  '&amp; &copy; &#x4E00;',
  '<b>标签</b>',
  '\\*转义\\*',
  '100%完成，“引号”和"直引号"',
  '中文全角！～＃＊',
  '',
  '',
  '',
  '  ',
  '\t',
  '　',
];

describe('splitPlainParagraphs', () => {
  for (const [name, source] of Object.entries(documents)) {
    test(`renders ${name} exactly as markdown-it does`, () => {
      assert.equal(render(splitPlainParagraphs(source)), markdownToHtml(source));
    });
  }

  test('a plain-text document needs no markdown renderer at all', () => {
    const pieces = splitPlainParagraphs(documents['ezhou (plain text)']);
    assert.ok(pieces.length > 50);
    assert.deepEqual(
      pieces.filter((p) => 'markdown' in p),
      [],
    );
  });

  test('keeps markdown for what needs it: lists, emphasis, indented lines, hard breaks', () => {
    const pieces = splitPlainParagraphs(
      '　　第一段。\n\n1. 一项\n2. 两项\n\n**加粗**\n\n第二段\n续行\n\n末尾两空格  \n下一行',
    );
    assert.deepEqual(pieces, [
      { plain: '　　第一段。' },
      { markdown: '1. 一项\n2. 两项\n\n**加粗**' },
      { plain: '第二段\n续行' },
      { markdown: '末尾两空格  \n下一行' },
    ]);
  });

  test('leaves a document with fenced code or link definitions wholly to markdown-it', () => {
    const fenced = '前言\n\n```\n代码\n\n仍是代码\n```\n\n后记';
    assert.deepEqual(splitPlainParagraphs(fenced), [{ markdown: fenced }]);
    const refs = '见[条例]。\n\n后文\n\n[条例]: https://www.gov.cn/';
    assert.deepEqual(splitPlainParagraphs(refs), [{ markdown: refs }]);
  });

  test('renders exactly as markdown-it does, on 3000 generated documents full of near-syntax', () => {
    const random = rng(20261204);
    for (let n = 0; n < 3000; n++) {
      const lines = Array.from({ length: 1 + random(14) }, () => LINES[random(LINES.length)]!);
      const source = lines.join(random(8) === 0 ? '\r\n' : '\n');
      assert.equal(render(splitPlainParagraphs(source)), markdownToHtml(source), JSON.stringify(source));
    }
  });
});

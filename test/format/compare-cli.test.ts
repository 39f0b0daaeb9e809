import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { applyOps, type Comparison, comparisonUnits, segment, validateComparison } from '@gongkai/format';
import { docxOf, p } from './docx-samples.js';
import { gongkai } from './run-cli.js';

const fixture = (year: number) =>
  fileURLToPath(new URL(`../fixtures/regulations/beijing-business-environment-${year}.md`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-diff-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const md2020 = fixture(2020);
const md2024 = fixture(2024);
const text2024 = readFileSync(md2024, 'utf8');
/** The 2024 text as pasted plain text, and as a CMS page with its chrome. */
const lines = text2024.split('\n').filter((l) => l.trim() && !l.startsWith('<!--'));
const txt2024 = write('2024.txt', lines.map((l) => l.replace(/^#+\s*/, '')).join('\n'));
const html2024 = write(
  '2024.html',
  `<html><body><div class="nav">首页 &gt; 法规</div><div class="TRS_Editor">${lines
    .map((l) => `<p>&nbsp;&nbsp;${l.replace(/^#+\s*/, '')}</p>`)
    .join('\n')}</div><div>【打印本页】【关闭窗口】</div></body></html>`,
);

const json = (r: ReturnType<typeof gongkai>) => JSON.parse(r.stdout) as Comparison;
const changeOf = (c: Comparison, from: string) => c.changes.find((x) => x.from?.number === from);

describe('gongkai diff --json', () => {
  const r = gongkai(['diff', md2020, md2024, '--json']);
  const c = json(r);

  test('the regulation pair: exit 0, { summary, changes } with printed numbers, valid', () => {
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(validateComparison(c).ok);
    assert.deepEqual(Object.keys(c.summary).sort(), ['added', 'modified', 'removed', 'renumbered', 'unchanged']);
    assert.deepEqual(changeOf(c, '第六条'), {
      kind: 'renumbered',
      from: { id: 'a6', number: '第六条' },
      to: { id: 'a7', number: '第七条' },
    });
    const added = c.changes.find((x) => x.kind === 'added')!;
    assert.equal(added.from, undefined);
    assert.match(added.to!.number, /^第.+条$/);
    const removed = changeOf(c, '第二十四条')!;
    assert.equal(removed.kind, 'removed');
    assert.equal(removed.to, undefined);
  });

  test('applying the ops of each modified article to its 2020 text gives its 2024 text', () => {
    const from = new Map(comparisonUnits(segment(readFileSync(md2020, 'utf8'))).map((u) => [u.id, u.text]));
    const to = new Map(comparisonUnits(segment(text2024)).map((u) => [u.id, u.text]));
    const modified = c.changes.filter((x) => x.kind === 'modified');
    assert.equal(modified.length, c.summary.modified);
    for (const x of modified) assert.equal(applyOps(from.get(x.from!.id)!, x.ops!), to.get(x.to!.id));
  });

  test('the new text as plain text, as a CMS page, and the old one as a bundle: the same changes', () => {
    const bundle = gongkai(['parse', md2020, '-o', join(tmp, '2020.json')]);
    assert.equal(bundle.status, 0, bundle.stderr);
    const shape = (x: Comparison) => x.changes.map((ch) => [ch.kind, ch.from?.number, ch.to?.number]);
    for (const [old, now] of [
      [md2020, txt2024],
      [md2020, html2024],
      [join(tmp, '2020.json'), md2024],
    ] as const) {
      const other = gongkai(['diff', old, now, '--json']);
      assert.equal(other.status, 0, other.stderr);
      assert.deepEqual(shape(json(other)), shape(c), `${old} → ${now}`);
    }
  });

  test('the new text as a Word file (.docx) is read as `parse` reads it', async () => {
    const docx = join(tmp, '2024.docx');
    writeFileSync(docx, await docxOf(lines.map((l) => p(l.replace(/^#+\s*/, '')))));
    const r = gongkai(['diff', md2020, docx, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const shape = (x: Comparison) => x.changes.map((ch) => [ch.kind, ch.from?.number, ch.to?.number]);
    assert.deepEqual(shape(json(r)), shape(c));
  });

  test('-o writes the comparison to a file', () => {
    const out = join(tmp, 'changes.json');
    const w = gongkai(['diff', md2020, md2024, '--json', '-o', out]);
    assert.equal(w.status, 0);
    assert.equal(w.stdout, '');
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), c);
  });

  test('a text against itself: every article unchanged', () => {
    const self = json(gongkai(['diff', md2024, txt2024, '--json']));
    assert.deepEqual(self.summary, { added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 94 });
  });
});

describe('gongkai diff, for people', () => {
  test('plain output: the summary and one line per changed article, in the user’s language', () => {
    const zh = gongkai(['diff', md2020, md2024], { LANG: 'zh_CN.UTF-8' });
    assert.equal(zh.status, 0);
    assert.match(zh.stdout, /^修改 \d+ 条，新增 \d+ 条，删除 \d+ 条，仅调整序号或位置 \d+ 条，未修改 0 条\n/);
    assert.match(zh.stdout, /\n {2}序号调整 {2}第六条 → 第七条\n/);
    assert.match(zh.stdout, /\n {2}删除 {6}第二十四条\n/);
    const en = gongkai(['diff', md2020, md2024]);
    assert.match(en.stdout, /^\d+ modified, \d+ added, \d+ removed, \d+ renumbered or moved, 0 unchanged\n/);
    assert.match(en.stdout, /\n {2}added +第六条\n/);
  });

  test('--html: a standalone redline page, insertions and deletions named in words', () => {
    const r = gongkai(['diff', md2020, md2024, '--html', '--lang', 'zh-Hans']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^<!doctype html>\n<html lang="zh-Hans">/);
    assert.match(r.stdout, /<title>北京市优化营商环境条例 · 修改对照<\/title>/);
    assert.match(r.stdout, /<del><span class="sr">删除：<\/span>开展营商环境评价，/);
    assert.match(r.stdout, /<ins><span class="sr">新增：<\/span>/);
    assert.doesNotMatch(r.stdout, /<script/);
  });
});

describe('gongkai diff, wrong usage and bad input', () => {
  test('one file, or both --json and --html: usage, exit 2', () => {
    const one = gongkai(['diff', md2020]);
    assert.equal(one.status, 2);
    assert.match(one.stderr, /"diff" needs two files: OLD NEW/);
    assert.equal(gongkai(['diff']).status, 2);
    const both = gongkai(['diff', md2020, md2024, '--json', '--html']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /choose one of --json and --html/);
    assert.match(gongkai(['diff', md2020, md2024, 'third.md']).stderr, /unknown option "third\.md"/);
    // Options of one command are refused by the others, not ignored.
    const json = gongkai(['validate', md2020, '--json']);
    assert.equal(json.status, 2);
    assert.match(json.stderr, /unknown option "--json"/);
    assert.match(gongkai(['diff', md2020, md2024, '--previous', md2020]).stderr, /unknown option "--previous"/);
  });

  test('a missing file: exit 1 naming it', () => {
    const r = gongkai(['diff', md2020, 'no/such/2024.md']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no\/such\/2024\.md: no such file or directory/);
    assert.equal(r.stdout, '');
  });

  test('broken JSON, an invalid bundle, a text with no clauses: exit 1 naming the file', () => {
    const broken = gongkai(['diff', write('broken.json', '{"schemaVersion": 1,'), md2024]);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /broken\.json/);
    const invalid = gongkai(['diff', md2020, write('invalid.json', '{"schemaVersion": 1, "id": "x"}')]);
    assert.equal(invalid.status, 1);
    assert.match(invalid.stderr, /invalid\.json: \d+ problem\(s\)[\s\S]*\$\.meta/);
    const prose = gongkai(['diff', write('prose.txt', '这是一段没有条款编号的文字。\n'), md2024], {
      LANG: 'zh_CN.UTF-8',
    });
    assert.equal(prose.status, 1);
    assert.match(prose.stderr, /prose\.txt：没有可比较的条款/);
    assert.equal(prose.stdout, '');
  });
});

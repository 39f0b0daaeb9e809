import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validate } from '@gongkai/format';
import { gongkai } from './run-cli.js';

const wenshang = fileURLToPath(new URL('fixtures/authoring/wenshang', import.meta.url));
const ezhouSeed = new URL('../fixtures/seeds/ezhou-2016-plan.txt', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const goodBundle = () => ({
  schemaVersion: 1,
  id: 'p1',
  meta: { title: '方案', status: 'valid', published: '2017-06-01', effective: '2017-06-01' },
  body: '一、总体要求\n\n（一）指导思想\n\n坚持公开。',
  interpretations: [{ target: { clause: '1.1' }, body: '解读' }],
});

describe('gongkai usage', () => {
  test('--help prints usage and exits 0', () => {
    const r = gongkai(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /gongkai parse FILE/);
    assert.match(r.stdout, /gongkai build DIR\|policy\.md/);
  });

  test('an unknown command, no command, a missing file or option: usage and exit 2', () => {
    const unknown = gongkai(['publish', 'x.json']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "publish"[\s\S]*usage:/);
    assert.equal(gongkai([]).status, 2);
    assert.match(gongkai(['validate']).stderr, /"validate" needs a file/);
    assert.match(gongkai(['validate', 'x.json', '--frobnicate']).stderr, /unknown option "--frobnicate"/);
    assert.equal(gongkai(['--lang', 'fr', 'validate', 'x.json']).status, 2);
  });

  test('messages follow --lang, else LANG', () => {
    assert.match(gongkai(['--help'], { LANG: 'zh_CN.UTF-8' }).stdout, /用法：/);
    assert.match(gongkai(['--help', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).stdout, /usage:/);
    assert.match(gongkai(['nope', '--lang', 'zh-Hans']).stderr, /未知命令“nope”/);
  });
});

describe('gongkai parse', () => {
  test('a text page → a bundle with clauses and meta', () => {
    const r = gongkai(['parse', ezhouSeed]);
    assert.equal(r.status, 0, r.stderr);
    const bundle = JSON.parse(r.stdout);
    assert.equal(validate(bundle).ok, true);
    assert.equal(bundle.id, 'ezhou-2016-plan');
    assert.equal(bundle.meta.indexNumber, '011217651/2016-17811');
    assert.equal(bundle.clauses.length, 42);
  });

  test('a missing file: exit 1 naming it', () => {
    const r = gongkai(['parse', 'no/such/file.txt']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no\/such\/file\.txt: no such file or directory/);
  });
});

describe('gongkai build', () => {
  test('the Wenshang folder → a valid bundle, anchoring summary on stderr', () => {
    const out = join(tmp, 'wenshang.json');
    const r = gongkai(['build', wenshang, '-o', out, '--verbose']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /anchored: 8 interpretation\(s\), 8 Q&A link\(s\), 1 graphic link\(s\)/);
    assert.match(r.stderr, /orphans: 0/);
    assert.match(r.stderr, /meta\.title taken from the document text/);
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(validate(bundle).ok, true);
    assert.deepEqual(
      bundle.interpretations.map((n: { target: { clause: string } }) => n.target.clause),
      ['1.1', '1.2', '2.2', '2.3', '3.2', '3.3', '3.3', '4.3'],
    );
    assert.equal(bundle.searchIndex.format, 'gongkai-search');
  });

  test('policy.md given directly, bundle on stdout', () => {
    const r = gongkai(['build', join(wenshang, 'policy.md'), '--no-search-index']);
    assert.equal(r.status, 0, r.stderr);
    const bundle = JSON.parse(r.stdout);
    assert.equal(bundle.id, 'wenshang-epb-2017-pilot');
    assert.equal(bundle.searchIndex, undefined);
  });

  test('--html stores the HTML of every markdown field beside it', () => {
    const r = gongkai(['build', wenshang, '--html', '--no-search-index']);
    assert.equal(r.status, 0, r.stderr);
    const bundle = JSON.parse(r.stdout);
    assert.equal(validate(bundle).ok, true);
    assert.match(bundle.bodyHtml, /^<p>/);
    assert.ok(bundle.body, 'the markdown stays: it is the source');
    assert.ok(bundle.interpretations.every((n: { html?: string }) => n.html?.startsWith('<')));
    assert.ok(bundle.qa.every((q: { answerHtml?: string }) => q.answerHtml?.startsWith('<')));
    assert.equal(JSON.parse(gongkai(['build', wenshang]).stdout).bodyHtml, undefined, 'only when asked');
  });

  test('every problem, each with its file and line, exit 1', () => {
    const dir = join(tmp, 'broken');
    write('broken/policy.md', '---\nid: b1\ntitle: 方案\nstatus: 未知状态\n---\n一、总体要求\n\n（一）指导思想\n');
    write('broken/interpretation.md', '## 一、（一）\n好。\n\n## 九、\n没有第九部分。\n');
    write('broken/graphics.json', '[\n  {"id": "g1",\n]');
    const r = gongkai(['build', dir]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /broken\/interpretation\.md:4: "## 九、": no clause with the number or id "九、"/);
    assert.match(r.stderr, /broken\/graphics\.json:3:1: broken JSON/);
    assert.equal(r.stdout, '');
  });

  test('a bundle value refused: the front matter line, in both languages', () => {
    write('refused/policy.md', '---\nid: r1\ntitle: 方案\nstatus: 未知状态\n---\n一、总体要求\n');
    const r = gongkai(['build', join(tmp, 'refused')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /refused\/policy\.md:4: \$\.meta\.status: must be one of: valid, repealed, amended, draft/);
    assert.match(r.stderr, /取值应为以下之一/);
  });

  test('a GBK-encoded policy.md: says so and how to convert', () => {
    // 政务公开 in GBK, after an ASCII front matter line.
    const gbk = new Uint8Array([
      ...Buffer.from('---\nid: g1\ntitle: '),
      0xd5,
      0xfe,
      0xce,
      0xf1,
      0xb9,
      0xab,
      0xbf,
      0xaa,
    ]);
    write('gbk/policy.md', gbk);
    const r = gongkai(['build', join(tmp, 'gbk')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /gbk\/policy\.md:3:8: not UTF-8 \(byte 0xD5\); the file looks GBK\/GB18030-encoded/);
    assert.match(r.stderr, /iconv -f GBK -t UTF-8/);
  });

  test('a folder without policy.md: exit 1', () => {
    mkdirSync(join(tmp, 'empty'), { recursive: true });
    const r = gongkai(['build', join(tmp, 'empty')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no policy\.md in this folder/);
  });
});

describe('gongkai validate', () => {
  test('a valid bundle: exit 0', () => {
    const r = gongkai(['validate', write('good.json', JSON.stringify(goodBundle()))]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /good\.json: valid/);
  });

  test('every problem with its path, in both languages: exit 1', () => {
    const bad = { ...goodBundle(), meta: { title: '', status: '有效', titel: 'x' } };
    const r = gongkai(['validate', write('bad.json', JSON.stringify(bad))]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.json: 3 problem\(s\)/);
    assert.match(r.stderr, /\$\.meta\.status: must be one of/);
    assert.match(r.stderr, /取值应为以下之一/);
    assert.match(r.stderr, /\$\.meta\.titel: unknown field "titel"/);
    assert.match(r.stderr, /\$\.meta\.title/);
  });

  test('one graphic without a caption fails, though pages still show the rest (issue 18)', () => {
    const graphic = { id: 'g1', kind: 'steps', description: '办理流程', items: [{ title: '申请' }] };
    const r = gongkai(['validate', write('no-caption.json', JSON.stringify({ ...goodBundle(), graphics: [graphic] }))]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\$\.graphics\[0\]\.caption/);
  });

  test('broken JSON: file, line and column', () => {
    const r = gongkai(['validate', write('broken.json', '{\n  "id": "x",\n  "meta": }\n')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /broken\.json:3:11: broken JSON/);
  });
});

describe('gongkai check', () => {
  test('a bundle that passes every rule: ✓ lines, exit 0', () => {
    const r = gongkai(['check', write('check-good.json', JSON.stringify(goodBundle()))]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /✓ interpretations-anchored: every interpretation is anchored/);
    assert.match(r.stdout, /✓ validity/);
  });

  test('an orphan note and a missing effective date: ✗ lines, exit 1', () => {
    const b = goodBundle();
    const bad = {
      ...b,
      meta: { title: '方案', status: 'valid', published: '2017-06-01' },
      interpretations: [{ target: { quote: { exact: '文中没有的一句话而且相当长' } }, body: '解读' }],
    };
    const r = gongkai(['check', write('check-bad.json', JSON.stringify(bad)), '--lang', 'zh-Hans']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /✗ interpretations-anchored: 1 条解读无法关联到原文/);
    assert.match(r.stdout, /✗ validity: 缺少：施行日期/);
    assert.match(r.stdout, /不通过 2 项/);
  });

  test('an invalid bundle is not checked: its problems, exit 1', () => {
    const r = gongkai(['check', write('check-invalid.json', '{"schemaVersion": 2}')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /unsupported schemaVersion 2; supported versions: 1/);
  });
});

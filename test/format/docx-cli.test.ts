// `gongkai parse` and `gongkai build` with Word files.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type Bundle, validate } from '@gongkai/format';
import { docxOf, gongwen, image, item, PNG, p } from './docx-samples.js';
import { gongkai } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'gongkai-docx-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: Uint8Array): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const notice = () =>
  docxOf(
    gongwen([
      p('现将有关事项通知如下。'),
      item('总体要求', 'gongwen', 0),
      item('指导思想', 'gongwen', 1),
      item('主要任务', 'gongwen', 0),
      image('全市政务服务中心分布图'),
    ]),
  );

test('parse a .docx: the bundle with clauses and meta, its image written beside it', async () => {
  const file = write('notice.docx', await notice());
  const r = gongkai(['parse', file, '-o', join(tmp, 'out/notice.json'), '-v']);
  assert.equal(r.status, 0, r.stderr);
  const bundle = JSON.parse(readFileSync(join(tmp, 'out/notice.json'), 'utf8')) as Bundle;
  assert.ok(validate(bundle).ok);
  assert.deepEqual(
    bundle.clauses?.map((c) => `${c.id} ${c.number}`),
    ['1 一、', '1.1 （一）', '2 二、'],
  );
  assert.equal(bundle.meta.docNumber, '京政发〔2024〕3号');
  assert.equal(bundle.meta.issuer, '北京市人民政府');
  assert.equal(bundle.meta.published, '2024-01-05');
  assert.match(bundle.body ?? '', /!\[全市政务服务中心分布图\]\(images\/image1\.png\)/);
  assert.deepEqual([...readFileSync(join(tmp, 'out/images/image1.png'))], [...PNG]);
  assert.match(r.stderr, /wrote .*out\/images\/image1\.png/);
  assert.match(r.stderr, /3 automatic Word number/);
});

test('parse refuses a .docx whose image has no text alternative, writing nothing', async () => {
  const file = write('noalt.docx', await docxOf([item('办理流程', 'gongwen'), image(undefined, '流程如下：')]));
  const r = gongkai(['parse', file, '-o', join(tmp, 'noalt/out.json')], { LANG: 'zh_CN.UTF-8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /noalt\.docx: 图片 image1\.png（位于“流程如下：”之后）缺少替代文字/);
  assert.match(r.stderr, /Edit Alt Text/); // the other language below it
  assert.equal(existsSync(join(tmp, 'noalt')), false);
});

test('parse says to save a .doc or .wps as .docx (detected by content), and a damaged .docx is named', () => {
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (const name of ['old.doc', 'old.wps', 'renamed.txt']) {
    const r = gongkai(['parse', write(name, ole)], { LANG: 'zh_CN.UTF-8' });
    assert.equal(r.status, 1, name);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`${name}: 该文件是 Word 97–2003（\\.doc）或 WPS（\\.wps）格式`));
    assert.match(r.stderr, /Save As → Word Document \(\*\.docx\)/);
  }
  const r = gongkai(['parse', write('broken.docx', new TextEncoder().encode('PK\u0003\u0004 not really'))]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /broken\.docx: not a readable \.docx .*save it again as \.docx/);
});

test('build reads policy.docx in a folder', async () => {
  const dir = join(tmp, 'site');
  write('site/policy.docx', await notice());
  const r = gongkai(['build', dir, '-o', join(dir, 'bundle.json')]);
  assert.equal(r.status, 0, r.stderr);
  const bundle = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')) as Bundle;
  assert.equal(bundle.meta.title, '北京市人民政府关于印发《优化营商环境若干措施》的通知');
  assert.deepEqual(
    bundle.clauses?.map((c) => c.number),
    ['一、', '（一）', '二、'],
  );
  assert.ok(bundle.searchIndex);
  assert.ok(existsSync(join(dir, 'images/image1.png')));
});

test('build takes a .docx named directly, and a .doc there gets the same message as parse', async () => {
  const file = write('direct/通知.docx', await notice());
  const r = gongkai(['build', file, '-o', join(tmp, 'direct/bundle.json'), '--no-search-index']);
  assert.equal(r.status, 0, r.stderr);
  const bundle = JSON.parse(readFileSync(join(tmp, 'direct/bundle.json'), 'utf8')) as Bundle;
  assert.equal(bundle.meta.docNumber, '京政发〔2024〕3号');
  assert.equal(bundle.searchIndex, undefined);
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const old = gongkai(['build', write('old/policy.doc', ole)]);
  assert.equal(old.status, 1);
  assert.match(old.stderr, /policy\.doc: this is a Word 97–2003 \(\.doc\) or WPS \(\.wps\) file/);
});

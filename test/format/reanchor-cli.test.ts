import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { anchor, type Bundle, type Interpretation, isOrphan, parseDocument, validate } from '@gongkai/format';
import { gongkai } from './run-cli.js';

const fixture = (year: number) =>
  fileURLToPath(new URL(`../fixtures/regulations/beijing-business-environment-${year}.md`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-reanchor-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** The 2020 regulation as a bundle, with the notes of the anchoring fixture written on it. */
const notes = (
  JSON.parse(readFileSync(new URL('./fixtures/anchor/beijing-2020-notes.json', import.meta.url), 'utf8')).notes as {
    id: string;
    clause: string;
    quote: string;
  }[]
).map(
  (n): Interpretation => ({ id: n.id, target: { clause: n.clause, quote: { exact: n.quote } }, body: `${n.id} 解读` }),
);
const parsed = parseDocument(readFileSync(fixture(2020)), 'beijing-2020.md').bundle as Bundle;
const prev = write(
  'prev.json',
  JSON.stringify({
    ...parsed,
    id: 'bj-2020',
    meta: { ...parsed.meta, published: '2020-03-27' },
    interpretations: notes,
  }),
);

describe('gongkai reanchor PREV NEW', () => {
  const out = join(tmp, 'out.json');
  const r = gongkai(['reanchor', prev, fixture(2024), '-o', out]);

  test('carries the notes onto the 2024 text: sure places made, the others pending, a valid bundle', () => {
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /carried over: 13 placed, 7 awaiting confirmation, 1 not found/);
    assert.match(r.stderr, /\? n21 第四十二条 → 第四十九条 \(39% similar\): awaiting confirmation/);
    assert.match(r.stderr, /✗ n16 第二十四条: not found in the new text/);
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    const valid = validate(bundle);
    assert.ok(valid.ok, JSON.stringify(!valid.ok && valid.problems));
    const byId = new Map<string, Interpretation>(bundle.interpretations.map((n: Interpretation) => [n.id, n]));
    // 第六条 became 第七条: the note says so, and readers place it there.
    assert.deepEqual(byId.get('n02')!.target, { clause: 'a7', quote: notes[1]!.target.quote });
    assert.deepEqual(bundle.revisionOf, { id: 'bj-2020', date: '2020-03-27' });
    // Not one pending note is shown as placed by the readers' anchoring.
    const a = anchor(valid.ok ? valid.value : bundle);
    for (const [i, n] of (bundle.interpretations as Interpretation[]).entries())
      assert.equal(isOrphan(a.notes[i]!), n.target.pending !== undefined, n.id);
    assert.equal(byId.get('n21')!.target.pending?.candidate?.clause, 'a49');
  });

  test('gongkai check on the result warns, naming each note awaiting confirmation', () => {
    const c = gongkai(['check', out]);
    const line = c.stdout.split('\n').find((l) => l.startsWith('! interpretations-pending'));
    assert.ok(line, c.stdout);
    for (const id of ['n09', 'n11', 'n16', 'n21']) assert.match(line, new RegExp(`${id} \\(第`));
    assert.match(c.stdout, /✓ interpretations-anchored/);
  });

  test('a note the new version already has (same id) is the new version’s', () => {
    const own = parseDocument(readFileSync(fixture(2024)), '2024.md').bundle as Bundle;
    const mine = { id: 'n02', target: { clause: 'a7' }, body: '新版本中重写的解读' };
    const next = write('next.json', JSON.stringify({ ...own, interpretations: [mine] }));
    const k = gongkai(['reanchor', prev, next, '--lang', 'zh-Hans']);
    assert.equal(k.status, 0, k.stderr);
    assert.match(k.stderr, /1 条以新版本中的同名解读为准/);
    const result = JSON.parse(k.stdout);
    assert.equal(result.interpretations.length, notes.length);
    assert.deepEqual(
      result.interpretations.filter((n: Interpretation) => n.id === 'n02'),
      [mine],
    );
  });

  test('build --previous never carries notes unasked, and says how when the previous version has some', () => {
    const dir = join(tmp, 'folder');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'policy.md'),
      `---\nid: bj-2024\ntitle: 北京市优化营商环境条例\n---\n\n${readFileSync(fixture(2024), 'utf8')}`,
    );
    const b = gongkai(['build', dir, '--previous', prev, '--no-search-index']);
    assert.equal(b.status, 0, b.stderr);
    assert.equal(JSON.parse(b.stdout).interpretations, undefined);
    const hint = `note: ${prev} has 21 interpretation note(s) and this version none; to carry them over: gongkai reanchor ${prev}`;
    assert.ok(b.stderr.includes(hint), b.stderr);
    // A text as the previous version has no notes: nothing to say.
    const t = gongkai(['build', dir, '--previous', fixture(2020), '--no-search-index']);
    assert.doesNotMatch(t.stderr, /gongkai reanchor/);
  });

  test('wrong usage and a previous version without notes are refused, saying why', () => {
    const one = gongkai(['reanchor', prev]);
    assert.equal(one.status, 2);
    assert.match(one.stderr, /"reanchor" needs two files: PREV.json NEW/);
    const bare = write('bare.json', JSON.stringify({ ...parsed, id: 'bj-2020' }));
    const none = gongkai(['reanchor', bare, fixture(2024)]);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /bare\.json: no interpretation notes to carry over/);
    assert.equal(none.stdout, '');
  });
});

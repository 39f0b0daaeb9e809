import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  buildBundle,
  bundleJsonSchema,
  check,
  compareTexts,
  comparisonUnits,
  segment,
  validate,
} from '@gongkai/format';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (year: number) =>
  fileURLToPath(new URL(`../fixtures/regulations/beijing-business-environment-${year}.md`, import.meta.url));
const text = (year: number) => readFileSync(fixture(year), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-revision-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const body2020 = '第一条 为了优化营商环境，制定本条例。\n\n第二条 本条例自2020年4月28日起施行。';
const body2024 =
  '第一条 为了持续优化营商环境，制定本条例。\n\n第二条 本市建立监测评价制度。\n\n第三条 本条例自公布之日起施行。';
const revised = () => {
  const clauses = segment(body2024);
  return {
    schemaVersion: 1 as const,
    id: 'regulation-2024',
    meta: { title: '条例' },
    body: body2024,
    clauses,
    revisionOf: { label: '征求意见稿', date: '2024-01-05', id: 'regulation-draft' },
    comparison: compareTexts(segment(body2020), clauses),
  };
};
const paths = (r: ReturnType<typeof validate>) => (r.ok ? [] : r.problems.map((p) => p.path));

describe('a bundle that names its previous version and carries the comparison', () => {
  test('is valid, and the JSON Schema states both fields', () => {
    const r = validate(revised());
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const schema = bundleJsonSchema() as { properties: Record<string, unknown> };
    assert.ok(schema.properties.revisionOf);
    assert.ok(schema.properties.comparison);
  });

  test('a comparison with no revisionOf says what it lacks, in both languages', () => {
    const { revisionOf: _, ...bundle } = revised();
    const r = validate(bundle);
    assert.equal(r.ok, false);
    const p = !r.ok && r.problems.find((x) => x.path === '$.comparison');
    assert.ok(p);
    assert.match(p.message.en, /needs revisionOf/);
    assert.match(p.message['zh-Hans'], /上一版本/);
  });

  test('a change naming a clause the text lacks, or with the wrong sides for its kind, is refused', () => {
    const bundle = revised();
    bundle.comparison.changes[0]!.to = { id: 'a99', number: '第九十九条' };
    const added = bundle.comparison.changes.find((c) => c.kind === 'added')!;
    added.from = { id: 'a1', number: '第一条' };
    const r = validate(bundle);
    assert.ok(paths(r).includes('$.comparison.changes[0].to.id'));
    assert.ok(paths(r).includes(`$.comparison.changes[${bundle.comparison.changes.indexOf(added)}]`));
  });

  test('revisionOf needs an id or url, a real date and a safe link', () => {
    const r = validate({ ...revised(), revisionOf: { label: '征求意见稿' } });
    assert.deepEqual(paths(r), ['$.revisionOf']);
    assert.match(!r.ok ? r.problems[0]!.message['zh-Hans'] : '', /revisionOf 需要上一版本的 id 或 url/);
    const bad = validate({ ...revised(), revisionOf: { url: 'javascript:alert(1)', date: '2024-02-30' } });
    assert.deepEqual(paths(bad).sort(), ['$.revisionOf.date', '$.revisionOf.url']);
    const op = validate({
      ...revised(),
      comparison: { ...revised().comparison, changes: [{ kind: 'added', ops: [[2, 'x']] }] },
    });
    assert.ok(paths(op).some((p) => p.startsWith('$.comparison.changes[0].ops[0]')));
  });
});

describe('the publication self-check of a stored comparison', () => {
  const rule = (b: ReturnType<typeof revised>, withUnits = true) =>
    check(b, withUnits ? { comparisonUnits } : {}).find((r) => r.id === 'comparison-current');

  test('passes while the comparison matches the text', () => {
    assert.equal(rule(revised())?.level, 'pass');
  });

  test('fails, naming the change, when the text was edited after the comparison was made', () => {
    const bundle = revised();
    bundle.clauses[0]!.text = '第一条 为了全面优化营商环境，制定本条例。';
    const r = rule(bundle)!;
    assert.equal(r.level, 'fail');
    assert.match(r.message.en, /\$\.comparison\.changes\[0\]; run gongkai build --previous again/);
    assert.match(r.message['zh-Hans'], /修改对照与正文不一致/);
  });

  test('fails when the text gained a clause the comparison does not list, or a number changed', () => {
    const grown = revised();
    grown.clauses.push({ id: 'a4', number: '第四条', level: 1, parent: null, title: '', text: '第四条 新增。' });
    assert.match(rule(grown)!.message.en, /第四条/);
    const renumbered = revised();
    renumbered.comparison.changes[0]!.to!.number = '第九条';
    assert.equal(rule(renumbered)!.level, 'fail');
  });

  test('is not run without comparisonUnits (a page that does not carry it)', () => {
    assert.equal(rule(revised(), false), undefined);
  });
});

describe('building a revision: gongkai build --previous', () => {
  const policy = `---\nid: beijing-2024\nrevisionOf:\n  label: 2020年版\n  date: 2020年3月27日\n  url: https://example.gov.cn/beijing-2020.json\n---\n${text(2024)}`;

  test('buildBundle compares with the previous clauses and stores the result; revisionOf from the front matter', () => {
    const clauses2020 = segment(text(2020));
    const r = buildBundle({ 'policy.md': policy }, { searchIndex: false, previous: { clauses: clauses2020 } });
    assert.ok(r.bundle, JSON.stringify(r.problems));
    assert.deepEqual(r.bundle.revisionOf, {
      label: '2020年版',
      date: '2020-03-27',
      url: 'https://example.gov.cn/beijing-2020.json',
    });
    assert.deepEqual(r.bundle.comparison, compareTexts(clauses2020, r.bundle.clauses!));
    assert.ok(r.notes.some((n) => /compared with the previous version: \d+ modified/.test(n.en)));
    // The key as a drafter may type it in Chinese.
    const zh = buildBundle(
      { 'policy.md': policy.replace('revisionOf:', '上一版本：') },
      { searchIndex: false, previous: { clauses: clauses2020 } },
    );
    assert.deepEqual(zh.bundle?.revisionOf, r.bundle.revisionOf);
  });

  test('the CLI: --previous takes a bundle or a text; the result validates; without revisionOf, the previous bundle’s id', () => {
    const dir = join(tmp, 'beijing');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'policy.md'), `---\nid: beijing-2024\n---\n${text(2024)}`);
    const out = join(tmp, 'beijing-2024.json');
    const cli = (args: string[]) =>
      spawnSync(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', join(root, 'packages/format/src/cli/main.ts'), ...args],
        { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } },
      );
    const r = cli(['build', dir, '--previous', fixture(2020), '--no-search-index', '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(bundle.revisionOf, { id: 'beijing-business-environment-2020' });
    assert.equal(bundle.comparison.changes.find((c: { from?: { id: string } }) => c.from?.id === 'a6').to.id, 'a7');
    assert.equal(cli(['validate', out]).status, 0);
    assert.match(cli(['check', out]).stdout, /✓ comparison-current: the stored comparison matches the text/);
    const missing = cli(['build', dir, '--previous', join(tmp, 'nope.md')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.md: no such file or directory/);
  });
});

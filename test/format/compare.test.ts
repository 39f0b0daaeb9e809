import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  applyOps,
  type Change,
  type Clause,
  type Comparison,
  compareTexts,
  comparisonHtml,
  comparisonUnits,
  segment,
  validateComparison,
} from '@gongkai/format';
import { chinese, rng } from './seeded.js';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const regulation = (year: number) => read(`../fixtures/regulations/beijing-business-environment-${year}.md`);
const notes: Array<{ id: string; kind: string; clause: string; expect2024: string | null }> = JSON.parse(
  read('./fixtures/anchor/beijing-2020-notes.json'),
).notes;

const old2020 = segment(regulation(2020));
const new2024 = segment(regulation(2024));
const result = compareTexts(old2020, new2024);
const fromId = (id: string) => result.changes.find((c) => c.from?.id === id);
const toId = (id: string) => result.changes.find((c) => c.to?.id === id);

/** Every property a comparison must have, whatever the texts. */
function assertWellFormed(c: Comparison, from: ReturnType<typeof comparisonUnits>, to: typeof from) {
  assert.ok(validateComparison(c).ok, 'matches the schema');
  assert.deepEqual(JSON.parse(JSON.stringify(c)), c, 'plain data');
  const kinds = ['added', 'removed', 'modified', 'renumbered', 'unchanged'] as const;
  for (const k of kinds) assert.equal(c.summary[k], c.changes.filter((x) => x.kind === k).length, k);
  // Each clause of each text appears exactly once.
  assert.deepEqual(
    c.changes
      .filter((x) => x.from)
      .map((x) => x.from!.id)
      .sort(),
    from.map((u) => u.id).sort(),
  );
  assert.deepEqual(
    c.changes.filter((x) => x.to).map((x) => x.to!.id),
    to.map((u) => u.id),
    'in the new text order',
  );
  const oldText = new Map(from.map((u) => [u.id, u]));
  const newText = new Map(to.map((u) => [u.id, u]));
  for (const x of c.changes) {
    assert.equal(x.kind === 'added', x.from === undefined);
    assert.equal(x.kind === 'removed', x.to === undefined);
    if (x.from) assert.equal(x.from.number, oldText.get(x.from.id)!.number);
    if (x.to) assert.equal(x.to.number, newText.get(x.to.id)!.number);
    const before = x.from ? oldText.get(x.from.id)!.text : '';
    const after = x.to ? newText.get(x.to.id)!.text : '';
    if (x.kind === 'modified' || x.kind === 'added' || x.kind === 'removed') {
      assert.equal(applyOps(before, x.ops!), after, `ops of ${x.from?.number} → ${x.to?.number}`);
    } else {
      assert.equal(x.ops, undefined);
      // The same text after the clause's own number (第五条, 3., （二）), spaces aside.
      const marker = /^\s*(第[^条]+条|[一二三四五六七八九十]+、|[（(][^）)]+[）)]|\d+[.．、])|\s/g;
      assert.equal(before.replace(marker, ''), after.replace(marker, ''));
    }
    if (x.kind === 'unchanged') assert.equal(x.from!.number, x.to!.number);
  }
}

describe('comparing 北京市优化营商环境条例 2020 with its 2024 revision', () => {
  test('83 articles become 94: every article of each text is accounted for once, ops rebuild the new text', () => {
    const from = comparisonUnits(old2020);
    const to = comparisonUnits(new2024);
    assert.equal(from.length, 83);
    assert.equal(to.length, 94);
    assertWellFormed(result, from, to);
    assert.equal(from.length, result.summary.removed + result.summary.modified + result.summary.renumbered);
  });

  test('第六条 (annual report to the 人大常委会) is 第七条 now, word for word: renumbered', () => {
    const c = fromId('a6')!;
    assert.equal(c.kind, 'renumbered');
    assert.deepEqual(c.from, { id: 'a6', number: '第六条' });
    assert.deepEqual(c.to, { id: 'a7', number: '第七条' });
    assert.equal(c.moved, undefined, 'pushed down by an insertion, not moved');
  });

  test('the new 第六条 (营商环境监测评价制度) was inserted: added, its text as one insert run', () => {
    const c = toId('a6')!;
    assert.equal(c.kind, 'added');
    assert.equal(c.from, undefined);
    assert.equal(c.ops!.length, 1);
    assert.match(c.ops![0]![1], /^第六条 本市完善营商环境监测评价制度/);
    // It stands before the article it pushed down.
    assert.equal(result.changes.indexOf(c) + 1, result.changes.indexOf(fromId('a6')!));
  });

  test('第二十四条 (中小股东权益保护) was dropped: removed, shown where it stood', () => {
    const c = fromId('a24')!;
    assert.equal(c.kind, 'removed');
    assert.equal(c.to, undefined);
    assert.match(c.ops![0]![1], /中小股东权益保护/);
    assert.deepEqual(
      c.ops!.map(([op]) => op),
      [-1],
    );
    const at = result.changes.indexOf(c);
    assert.equal(result.changes[at - 1]!.from?.id, 'a23', 'after the old 第二十三条 (now 第二十六条)');
    assert.equal(result.changes[at + 1]!.from?.id, 'a25');
  });

  test('第四条 keeps its number and loses 开展营商环境评价 (moved to the new 第六条); 领导 → 组织协调', () => {
    const c = fromId('a4')!;
    assert.equal(c.kind, 'modified');
    assert.equal(c.to!.number, '第四条');
    const changed = c.ops!.filter(([op]) => op !== 0);
    assert.deepEqual(changed, [
      [-1, '开展营商环境评价，'],
      [-1, '领导'],
      [1, '组织协调'],
    ]);
  });

  test('第五十条 (好差评) is reworded and renumbered 第五十八条: modified, with both numbers', () => {
    const c = fromId('a50')!;
    assert.equal(c.kind, 'modified');
    assert.equal(c.from!.number, '第五十条');
    assert.equal(c.to!.number, '第五十八条');
    assert.ok(c.ops!.some(([op, t]) => op === 1 && t.includes('有关政府部门应当对差评快速响应、及时反馈')));
    assert.ok(
      c.ops!.some(([op, t]) => op === -1 && t === '市场'),
      '市场主体 → 经营主体',
    );
  });

  test('the last article, 本条例自2020年4月28日起施行 → 本条例自公布之日起施行, is one article modified', () => {
    const c = fromId('a83')!;
    assert.equal(c.kind, 'modified');
    assert.equal(c.to!.number, '第九十四条');
  });

  test('an article split in two is found by its paragraphs: 第六十四条 → 第七十六条 (and 第七十五条 new)', () => {
    // 2020 第六十四条: 公平竞争审查 of policy measures, then the right to report to 市场监督管理部门;
    // 2024 第七十五条 reworks the review, 第七十六条 keeps the right to report after a new paragraph.
    const c = fromId('a64')!;
    assert.equal(c.kind, 'modified');
    assert.equal(c.to!.number, '第七十六条');
    assert.equal(c.moved, true, 'it now follows what became of 第六十五条');
    assert.equal(toId('a75')!.kind, 'added');
    // 第三十九条 (低风险工程建设项目, 差别化管理) is rewritten as 第四十三条 with the same two points.
    assert.equal(fromId('a39')!.kind, 'modified');
    assert.equal(fromId('a39')!.to!.number, '第四十三条');
  });

  test('the articles the anchoring fixture traces by hand land where it says (not by number)', () => {
    // n13 is the second of three articles merged into one: only the first is paired with it.
    const traced = notes.filter((n) => n.expect2024 && n.id !== 'n13');
    assert.ok(traced.length >= 12);
    for (const n of traced) {
      const article = n.clause.replace(/\..*$/, '');
      const want = n.expect2024!.replace(/\..*$/, '');
      assert.equal(fromId(article)?.to?.id, want, `${n.id} (${n.kind}): ${article} → ${want}`);
    }
    assert.equal(fromId('a66')!.kind, 'removed', 'merged into 第七十四条 with 第六十五条');
  });

  test('the same text as markdown and as a CMS page gives the same comparison', () => {
    const html = regulation(2024)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('<!--'))
      .map(
        (l) =>
          `<p>&nbsp;&nbsp;${l
            .replace(/^#+\s*/, '')
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')}</p>`,
      )
      .join('\n');
    const fromHtml = compareTexts(old2020, segment(html, { format: 'html' }));
    assert.deepEqual(fromHtml.summary, result.summary);
    assert.deepEqual(
      fromHtml.changes.map((c) => [c.kind, c.from?.number, c.to?.number]),
      result.changes.map((c) => [c.kind, c.from?.number, c.to?.number]),
    );
  });

  test('the same inputs give the same comparison, and a text against itself is all unchanged', () => {
    assert.deepEqual(compareTexts(old2020, new2024), result);
    const self = compareTexts({ body: regulation(2024) }, new2024);
    assert.deepEqual(self.summary, { added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 94 });
  });

  test('the redline page names insertions and deletions in words and escapes the text', () => {
    const html = comparisonHtml(result, { lang: 'zh-Hans', title: '北京市优化营商环境条例' });
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<del><span class="sr">删除：<\/span>开展营商环境评价，/);
    assert.match(html, /<ins><span class="sr">新增：<\/span>组织协调/);
    assert.match(html, new RegExp(`修改 ${result.summary.modified} 条，新增 ${result.summary.added} 条`));
    const hant = comparisonHtml(result, { lang: 'zh-Hant' });
    assert.match(hant, /<html lang="zh-Hant">/);
    // The page's words in traditional characters; the document's text as it is written.
    assert.match(hant, /<title>修改對照<\/title>/);
    assert.match(hant, /<del><span class="sr">刪除：<\/span>开展营商环境评价，/);
    const hostile: Comparison = {
      summary: { added: 1, removed: 0, modified: 0, renumbered: 0, unchanged: 0 },
      changes: [{ kind: 'added', to: { id: 'x', number: '<b>' }, ops: [[1, '<script>alert(1)</script>']] }],
    };
    const page = comparisonHtml(hostile, { lang: 'en', title: '"><img src=x>' });
    assert.doesNotMatch(page, /<script>alert|<img src|<b>/);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('comparing a notice (一、（一）1.): every clause, named by its numbers from the top', () => {
  const before = read('../fixtures/seeds/ezhou-2016-plan.txt');
  const item2 = /\n[ \t]*2\.推进市场监管信息公开[^\n]*\n/.exec(before)![0];
  const after = before
    .replace('以公开促落实,', '以公开促落实、促规范,')
    .replace(item2, '\n')
    .replace('3.推进政务服务公开', '2.推进政务服务公开');
  const c = compareTexts({ body: before }, { body: after });

  test('an item dropped, the next renumbered into its place, a principle reworded', () => {
    assertWellFormed(c, comparisonUnits({ body: before }), comparisonUnits({ body: after }));
    assert.deepEqual(
      c.changes.filter((x) => x.kind !== 'unchanged').map((x) => [x.kind, x.from?.number, x.to?.number]),
      [
        ['modified', '一、(二)', '一、(二)'],
        ['removed', '二、(一)2.', undefined],
        ['renumbered', '二、(一)3.', '二、(一)2.'],
      ],
    );
    const reworded = c.changes.find((x) => x.kind === 'modified')!;
    assert.deepEqual(
      reworded.ops!.filter(([op]) => op !== 0),
      [[1, '、促规范']],
    );
  });
});

describe('comparing generated revisions of a notice (seeded)', () => {
  // The notice rebuilt from its clauses, so that each edit below touches exactly one clause.
  const source = segment(read('../fixtures/seeds/guiyang-eco-2017-plan.txt'));
  const render = (list: readonly Clause[]) => list.map((c) => c.text).join('\n\n');
  const before = render(source);
  const leaves = source.filter((c) => c.text.length > 30 && !source.some((o) => o.parent === c.id));

  test('the rebuilt notice segments into the same clauses', () => {
    assert.deepEqual(
      segment(before).map((c) => c.id),
      source.map((c) => c.id),
    );
  });

  for (const seed of [11, 12, 13, 14]) {
    test(`seed ${seed}: an item reworded, another dropped; exactly those two found`, () => {
      const r = rng(seed);
      const reworded = leaves[r.int(leaves.length)]!;
      let dropped = leaves[r.int(leaves.length)]!;
      while (dropped === reworded) dropped = leaves[r.int(leaves.length)]!;
      const edited = source
        .filter((c) => c !== dropped)
        .map((c) =>
          c === reworded ? { ...c, text: `${c.text.slice(0, 12)}${reword(c.text.slice(12), r)}并及时公布` } : c,
        );
      const after = render(edited);
      const c = compareTexts({ body: before }, { body: after });
      assertWellFormed(c, comparisonUnits({ body: before }), comparisonUnits({ body: after }));
      assert.equal(c.changes.find((x) => x.from?.id === dropped.id)?.kind, 'removed', `${dropped.id} removed`);
      const changed = c.changes.find((x) => x.from?.id === reworded.id)!;
      assert.equal(changed.kind, 'modified', `${reworded.id} modified`);
      assert.equal(changed.to?.id, reworded.id);
      assert.deepEqual(
        { ...c.summary, unchanged: 0 },
        { added: 0, removed: 1, modified: 1, renumbered: 0, unchanged: 0 },
        'nothing else changed',
      );
    });
  }
});

// Real sentences of the regulation, each used once, so generated articles read like law and differ.
const SENTENCES = [
  ...new Set(
    regulation(2020)
      .split('\n')
      .filter((l) => /^第.+条/.test(l))
      .flatMap((l) => l.replace(/^第[^条]+条\s*/, '').split(/(?<=。)/))
      .filter((s) => s.length >= 20),
  ),
];

interface Article {
  /** Identity across revisions, to check what the comparison found. */
  origin: number;
  text: string;
}

const render = (articles: readonly Article[]) => articles.map((a, i) => `第${chinese(i + 1)}条 ${a.text}`).join('\n\n');

/** A few small edits: a phrase replaced, inserted or deleted. */
function reword(text: string, r: ReturnType<typeof rng>): string {
  let t = text;
  for (let k = 1 + r.int(3); k > 0; k--) {
    const at = r.int(t.length - 4);
    const len = 1 + r.int(4);
    const phrase = ['经营主体', '有关部门', '依法', '及时', '数字化'][r.int(5)]!;
    const edit = r.int(3);
    t =
      edit === 0
        ? t.slice(0, at) + phrase + t.slice(at + len)
        : edit === 1
          ? t.slice(0, at) + phrase + t.slice(at)
          : t.slice(0, at) + t.slice(at + len);
  }
  return t;
}

describe('comparing generated revisions (seeded)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    test(`seed ${seed}: insert, delete, move and reword articles; the comparison finds each`, () => {
      const r = rng(seed);
      const pool = [...SENTENCES];
      const take = () => pool.splice(r.int(pool.length), 1)[0]!;
      const size = 20 + r.int(30);
      const old: Article[] = Array.from({ length: size }, (_, i) => ({
        origin: i,
        text: Array.from({ length: 1 + r.int(2) }, take).join(''),
      }));
      const fate = new Map<number, 'removed' | 'reworded' | 'moved' | 'kept'>();
      let next: Article[] = [];
      for (const a of old) {
        const roll = r.next();
        if (roll < 0.12) fate.set(a.origin, 'removed');
        else if (roll < 0.35) {
          fate.set(a.origin, 'reworded');
          next.push({ origin: a.origin, text: reword(a.text, r) });
        } else {
          fate.set(a.origin, 'kept');
          next.push(a);
        }
        if (r.next() < 0.12) next.push({ origin: -1, text: take() });
      }
      // Move one kept article far away.
      const kept = next.filter((a) => fate.get(a.origin) === 'kept');
      const mover = kept[r.int(kept.length)]!;
      next = next.filter((a) => a !== mover);
      next.splice(r.int(next.length + 1), 0, mover);
      const oldText = render(old);
      const newText = render(next);
      const c = compareTexts({ body: oldText }, { body: newText });
      assertWellFormed(c, comparisonUnits({ body: oldText }), comparisonUnits({ body: newText }));

      const id = (i: number) => `a${i + 1}`;
      for (const a of old) {
        const change = c.changes.find((x) => x.from?.id === id(a.origin)) as Change;
        const at = next.findIndex((b) => b.origin === a.origin);
        const f = fate.get(a.origin)!;
        if (f === 'removed') {
          assert.equal(change.kind, 'removed', `${id(a.origin)} removed`);
          continue;
        }
        assert.equal(change.to?.id, id(at), `${id(a.origin)} → ${id(at)} (${f})`);
        const want =
          f === 'reworded' && next[at]!.text !== a.text
            ? 'modified'
            : at === a.origin && a !== mover
              ? 'unchanged'
              : 'renumbered';
        assert.equal(change.kind, want, `${id(a.origin)} (${f})`);
      }
      for (const [j, b] of next.entries())
        if (b.origin === -1) assert.equal(c.changes.find((x) => x.to?.id === id(j))!.kind, 'added', id(j));
      assert.ok(
        c.changes.find((x) => x.from?.id === id(mover.origin))!.kind !== 'unchanged' ||
          next.indexOf(mover) === mover.origin,
      );
      // Against itself: all unchanged.
      const self = compareTexts({ body: newText }, { body: newText });
      assert.equal(self.summary.unchanged, next.length);
      assert.equal(self.changes.length, next.length);
    });
  }
});

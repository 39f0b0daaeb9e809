import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  anchor,
  anchorOnNamedClauses,
  type Clause,
  createAnchorIndex,
  FUZZY_MIN_SCORE,
  type Interpretation,
  isOrphan,
  type Landed,
  type Resolution,
  segment,
} from '@gongkai/format';

const clause = (id: string, text: string, parent: string | null = null, title = ''): Clause => ({
  id,
  number: id,
  level: parent ? 2 : 1,
  parent,
  title,
  text,
});

const clauses: Clause[] = [
  clause('1', '一、总体要求', null, '总体要求'),
  clause('1.1', '（一）指导思想。坚持“以公开为常态、不公开为例外”，推进决策、执行、管理、服务、结果公开。', '1'),
  clause('1.2', '（二）工作目标。到2018年底，政务公开制度体系基本完善。', '1'),
  clause('2', '二、主要任务', null, '主要任务'),
  clause('2.1', '（一）推进政务公开标准化。市政府办公厅负责统筹推进，各区县人民政府抓好落实。', '2'),
  clause('2.2', '（二）加强政策解读。各区县人民政府抓好落实，做到文件与解读同步发布、相互关联。', '2'),
  clause('2.3', '（三）回应社会关切。对涉及群众切身利益的重大政策，及时发布权威信息，\u3000正面回应。', '2'),
];

const note = (target: Interpretation['target']): Interpretation => ({ target, body: '解读' });
const one = (target: Interpretation['target'], cs = clauses): Resolution =>
  anchor({ interpretations: [note(target)] }, cs).notes[0]!;
const landed = (r: Resolution): Landed => {
  assert.ok(!isOrphan(r), `expected a placement, got ${JSON.stringify(r)}`);
  return r;
};
const textOf = (r: Landed, cs = clauses) => cs.find((c) => c.id === r.clause)!.text.slice(r.range!.start, r.range!.end);

describe('anchor: by clause id and exact quote', () => {
  test('a clause id alone lands on that clause', () => {
    assert.deepEqual(one({ clause: '2.2' }), { index: 0, clause: '2.2', score: 1, method: 'id' });
  });

  test('a quote in its clause gives the range of the passage in the original text', () => {
    const r = landed(one({ clause: '2.2', quote: { exact: '文件与解读同步发布' } }));
    assert.equal(r.method, 'id');
    assert.equal(textOf(r), '文件与解读同步发布');
  });

  test('half-width punctuation, spaces and traditional characters in the quote still match', () => {
    const r = landed(one({ clause: '1.1', quote: { exact: '堅持 "以公開為常態,不公開為例外"' } }));
    assert.equal(r.clause, '1.1');
    assert.equal(textOf(r), '坚持“以公开为常态、不公开为例外');
    const r2 = landed(one({ quote: { exact: '及时发布权威信息, 正面回应' } }));
    assert.equal(textOf(r2), '及时发布权威信息，\u3000正面回应');
  });

  test('a quote found in another clause wins over the id, and says where it moved from', () => {
    const r = landed(one({ clause: '1.2', quote: { exact: '及时发布权威信息' } }));
    assert.equal(r.clause, '2.3');
    assert.equal(r.method, 'quote');
    assert.equal(r.movedFrom, '1.2');
  });

  test('a quote in an item of the named clause lands on the item, without a move', () => {
    const r = landed(one({ clause: '2', quote: { exact: '回应社会关切' } }));
    assert.equal(r.clause, '2.3');
    assert.equal(r.movedFrom, undefined);
  });
});

describe('anchor: ambiguity', () => {
  const target = { quote: { exact: '各区县人民政府抓好落实' } };

  test('a quote found in two clauses, with nothing to tell them apart, is an orphan naming both', () => {
    const r = one(target);
    assert.ok(isOrphan(r));
    assert.equal(r.orphan.reason, 'quote-ambiguous');
    assert.deepEqual(r.orphan.candidates, ['2.1', '2.2']);
    assert.match(r.orphan.message['zh-Hans'], /多处/);
  });

  test('the prefix or suffix picks the right one; the clause id does too', () => {
    assert.equal(landed(one({ quote: { ...target.quote, prefix: '统筹推进，' } })).clause, '2.1');
    assert.equal(landed(one({ quote: { ...target.quote, suffix: '，做到文件' } })).clause, '2.2');
    assert.equal(landed(one({ clause: '2.2', ...target })).clause, '2.2');
  });
});

describe('anchor: approximate matches and orphans', () => {
  test('a reworded passage lands with method fuzzy and a score at or above the threshold', () => {
    const r = landed(one({ clause: '9.9', quote: { exact: '对关系群众切身利益的重大政策，要及时发布权威信息' } }));
    assert.equal(r.clause, '2.3');
    assert.equal(r.method, 'fuzzy');
    assert.ok(r.score >= FUZZY_MIN_SCORE && r.score < 1);
    assert.equal(r.movedFrom, '9.9');
    assert.match(textOf(r), /切身利益的重大政策.*及时发布权威信息/);
  });

  test('a removed passage is an orphan even when its clause id still exists', () => {
    const r = one({ clause: '2.3', quote: { exact: '建立政务公开考核评估制度，纳入绩效考核' } });
    assert.ok(isOrphan(r));
    assert.ok(['quote-not-found', 'low-score'].includes(r.orphan.reason));
    assert.match(r.orphan.message.en, /not in the document|below/);
  });

  test('a passage sharing only a stock phrase with the text is not attached to it', () => {
    // “各区县人民政府抓好落实” is in 2.1 and 2.2, but the rest of this sentence is nowhere.
    const r = one({ quote: { exact: '各区县人民政府抓好落实，每季度报送工作台账和考核结果' } });
    assert.ok(isOrphan(r), JSON.stringify(r));
  });

  test('a low score names the nearest clause so an editor can check it', () => {
    const r = one({ quote: { exact: '到2020年底政务公开制度体系全面建成并运行' } });
    assert.ok(isOrphan(r));
    assert.equal(r.orphan.reason, 'low-score');
    assert.equal(r.orphan.nearest, '1.2');
    assert.ok(r.orphan.score! > 0.35 && r.orphan.score! < FUZZY_MIN_SCORE);
    assert.match(r.orphan.message['zh-Hans'], /1\.2.*相似度/);
  });

  test('options.minScore raises or lowers the bar', () => {
    const target = { quote: { exact: '对关系群众切身利益的重大政策，要及时发布权威信息' } };
    const strict = anchor({ interpretations: [note(target)] }, clauses, { minScore: 0.99 }).notes[0]!;
    assert.ok(isOrphan(strict) && strict.orphan.reason === 'low-score');
  });

  test('an unknown clause id without a quote is a clause-not-found orphan', () => {
    const r = one({ clause: '7' });
    assert.ok(isOrphan(r));
    assert.equal(r.orphan.reason, 'clause-not-found');
    assert.match(r.orphan.message['zh-Hans'], /7/);
  });
});

describe('anchor: Q&A, graphics, clauses from the body', () => {
  test('Q&A and graphic clause links resolve, and broken ones are listed as orphans', () => {
    const result = anchor(
      {
        interpretations: [note({ clause: 'x' })],
        qa: [{ id: 'q1', question: '问？', answer: '答。', clauses: ['2.1', '3.1'] }],
        graphics: [
          { id: 'g1', kind: 'steps', caption: '图', description: '说明', items: [{ title: 'a' }], clauses: ['1'] },
        ],
      },
      clauses,
    );
    assert.deepEqual(
      result.qa.map((r) => [r.id, r.target, isOrphan(r) ? r.orphan.reason : r.clause]),
      [
        ['q1', '2.1', '2.1'],
        ['q1', '3.1', 'clause-not-found'],
      ],
    );
    assert.equal(result.graphics[0] && !isOrphan(result.graphics[0]) && result.graphics[0].clause, '1');
    assert.deepEqual(
      result.orphans.map((o) => [o.kind, o.index, o.link ?? null, o.orphan.reason]),
      [
        ['note', 0, null, 'clause-not-found'],
        ['qa', 0, 1, 'clause-not-found'],
      ],
    );
  });

  test('without clauses, the bundle body is segmented', () => {
    const body = '一、总体要求\n（一）指导思想。坚持以公开为常态。\n二、主要任务\n（一）加强政策解读。做到同步发布。';
    const result = anchor({ body, interpretations: [note({ clause: '1.1', quote: { exact: '同步发布' } })] });
    const r = landed(result.notes[0]!);
    assert.equal(r.clause, '2.1');
    assert.equal(r.movedFrom, '1.1');
  });

  test('a prepared index gives the same result as the clause list', () => {
    const bundle = { interpretations: [note({ clause: '1.2', quote: { exact: '政务公开制度体系' } })] };
    assert.deepEqual(anchor(bundle, createAnchorIndex(clauses)), anchor(bundle, clauses));
  });
});

describe('anchor: messages name clauses as readers do', () => {
  // The same text with the numbers as written, and a regulation's 第…条 ids.
  const numbered = clauses.map((c) => ({
    ...c,
    number:
      { '1': '一、', '1.1': '（一）', '1.2': '（二）', '2': '二、', '2.1': '（一）', '2.2': '（二）', '2.3': '（三）' }[
        c.id
      ] ?? c.id,
  }));
  const orphanOf = (target: object, list: Clause[]) => {
    const r = anchor({ interpretations: [note(target)] }, list).notes[0]!;
    assert.ok(isOrphan(r));
    return r.orphan;
  };

  test('a low score names the nearest clause by its numbers, not its id', () => {
    const orphan = orphanOf({ quote: { exact: '到2020年底政务公开制度体系全面建成并运行' } }, numbered);
    assert.equal(orphan.nearest, '1.2');
    assert.match(orphan.message['zh-Hans'], /最接近的段落在一、（二），相似度/);
    assert.match(orphan.message.en, /is in 一、（二）,/);
  });

  test('an ambiguous quote lists its clauses by their numbers', () => {
    const orphan = orphanOf({ quote: { exact: '各区县人民政府抓好落实' } }, numbered);
    assert.deepEqual(orphan.candidates, ['2.1', '2.2']);
    assert.match(orphan.message['zh-Hans'], /二、（一）、二、（二）/);
  });

  test('a 第…条 clause is named on its own, without its chapter', () => {
    const articles: Clause[] = [
      { id: 'c10', number: '第十章', level: 1, parent: null, title: '附则', text: '' },
      { id: 'a95', number: '第九十五条', level: 2, parent: 'c10', title: '', text: '本条例自2020年4月28日起施行。' },
    ];
    const orphan = orphanOf({ quote: { exact: '本条例自2024年5月1日起施行并公布实施细则' } }, articles);
    assert.match(orphan.message['zh-Hans'], /第九十五条/);
    assert.doesNotMatch(orphan.message['zh-Hans'], /a95|第十章/);
  });
});

const nested: Clause[] = [
  clause('1', '一、总体要求', null, '总体要求'),
  clause('1.1', '（一）指导思想。坚持“以公开为常态、不公开为例外”。', '1'),
  clause('2', '二、主要任务。推进政务公开标准化。', null, '主要任务'),
  clause('2.1', '（一）推进政务公开标准化。市政府办公厅负责统筹推进。', '2'),
];

describe('anchorOnNamedClauses (notes placed without the anchoring engine)', () => {
  test('places notes whose named clause holds the quote, or that name a clause and quote nothing', () => {
    const notes = [note({ clause: '1.1', quote: { exact: '以公开为常态' } }), note({ clause: '2' })];
    const result = anchorOnNamedClauses(notes, nested);
    assert.deepEqual(
      result?.notes.map((n) => ('clause' in n ? n.clause : null)),
      ['1.1', '2'],
    );
    assert.deepEqual(result?.orphans, []);
  });

  test('gives up (null) whenever anchor() has more to decide', () => {
    // The quote is in another clause, the clause does not exist, no clause is named, or a
    // clause nested in the named one holds the quote too (anchor() picks the innermost).
    for (const target of [
      { clause: '1.1', quote: { exact: '统筹推进' } },
      { clause: '9.9', quote: { exact: '统筹推进' } },
      { quote: { exact: '统筹推进' } },
      { clause: '2', quote: { exact: '推进政务公开标准化' } },
    ]) {
      assert.equal(anchorOnNamedClauses([note(target)], nested), null, JSON.stringify(target));
    }
  });

  test('agrees with anchor() on every note it places in a real document', () => {
    const text = readFileSync(new URL('../fixtures/seeds/ezhou-2016-plan.txt', import.meta.url), 'utf8');
    const real = segment(text);
    const notes = real
      .filter((c) => c.text.length > 12)
      .map((c) => note({ clause: c.id, quote: { exact: c.text.slice(2, 12) } }));
    const fast = anchorOnNamedClauses(notes, real);
    assert.ok(fast, 'every note names its clause and quotes it');
    const full = anchor({ interpretations: notes }, real);
    assert.deepEqual(
      fast.notes.map((n) => ('clause' in n ? n.clause : null)),
      full.notes.map((n) => ('clause' in n ? n.clause : null)),
    );
  });
});

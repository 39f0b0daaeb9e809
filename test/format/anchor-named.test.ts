import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { anchor, anchorOnNamedClauses, type Clause, type Interpretation, segment } from '@gongkai/format';

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
  clause('1.1', '（一）指导思想。坚持“以公开为常态、不公开为例外”。', '1'),
  clause('2', '二、主要任务。推进政务公开标准化。', null, '主要任务'),
  clause('2.1', '（一）推进政务公开标准化。市政府办公厅负责统筹推进。', '2'),
];
const note = (target: Interpretation['target']): Interpretation => ({ target, body: '解读' });

describe('anchorOnNamedClauses (notes placed without the anchoring engine)', () => {
  test('places notes whose named clause holds the quote, or that name a clause and quote nothing', () => {
    const notes = [note({ clause: '1.1', quote: { exact: '以公开为常态' } }), note({ clause: '2' })];
    const result = anchorOnNamedClauses(notes, clauses);
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
      assert.equal(anchorOnNamedClauses([note(target)], clauses), null, JSON.stringify(target));
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

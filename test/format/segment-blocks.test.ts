import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { segment, segmentBlocks, toParagraphs } from '@gongkai/format';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('segmentBlocks (paragraphs already split, e.g. the blocks of a rendered page)', () => {
  test('gives the same clauses as segmenting the text', () => {
    const text = fixture('seeds/ezhou-2016-plan.txt');
    const blocks = toParagraphs(text, { format: 'text' }).map((t) => ({ text: t }));
    assert.deepEqual(
      segmentBlocks(blocks).clauses.map((c) => [c.id, c.title]),
      segment(text, { format: 'text' }).map((c) => [c.id, c.title]),
    );
  });

  test('maps every piece back to the index of its block, run-in clauses included', () => {
    const result = segmentBlocks([
      { text: '实施方案', heading: true },
      { text: '一、 总体要求 (一)指导思想 全面贯彻党的十九大精神。' },
      { text: '(二)工作目标' },
    ]);
    assert.deepEqual(
      result.clauses.map((c) => c.id),
      ['1', '1.1', '1.2'],
    );
    const starts = result.parts.filter((p) => p.start).map((p) => [p.clause, p.paragraph]);
    assert.deepEqual(starts, [
      ['1', 1],
      ['1.1', 1],
      ['1.2', 2],
    ]);
  });

  test('collapses whitespace inside a block (a <br> or a newline is not a paragraph)', () => {
    const result = segmentBlocks([{ text: '第一条\u00a0为了规范\n政务公开，制定本办法。' }]);
    assert.equal(result.clauses[0]?.id, 'a1');
    assert.equal(result.paragraphs[0], '第一条 为了规范 政务公开，制定本办法。');
  });
});

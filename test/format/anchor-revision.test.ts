import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { anchor, type Clause, isOrphan, segment } from '@gongkai/format';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const shared = (p: string) => read(`../fixtures/${p}`);
const regulation = (year: number) => shared(`regulations/beijing-business-environment-${year}.md`);

interface FixtureNote {
  id: string;
  clause: string;
  quote: string;
  kind?: string;
  expect2024?: string | null;
  expect?: string | null;
  method?: string;
}
const load = (p: string): FixtureNote[] => JSON.parse(read(p)).notes;
const asBundle = (notes: FixtureNote[]) => ({
  interpretations: notes.map((n) => ({
    id: n.id,
    target: { clause: n.clause, quote: { exact: n.quote } },
    body: '解读',
  })),
});
/** A note "lands on" an article when it lands on it or on one of its items (a13 or a13.3). */
const landsOn = (clause: string, expected: string) => clause === expected || clause.startsWith(`${expected}.`);

describe('re-anchoring 北京市优化营商环境条例 2020 notes on the 2024 revision', () => {
  const notes = load('./fixtures/anchor/beijing-2020-notes.json');
  const clauses2020 = segment(regulation(2020));
  const clauses2024 = segment(regulation(2024));

  test('on the text they were written for, every note lands by its clause id', () => {
    const result = anchor(asBundle(notes), clauses2020);
    for (const [i, r] of result.notes.entries()) {
      assert.ok(!isOrphan(r), `${notes[i]!.id} orphaned`);
      assert.equal(r.method, 'id', notes[i]!.id);
      assert.ok(landsOn(r.clause, notes[i]!.clause), `${notes[i]!.id} on ${r.clause}`);
    }
  });

  test('survivors land on the 2024 article that now holds the passage; removed passages are orphans', () => {
    const result = anchor(asBundle(notes), clauses2024);
    const byId = new Map(clauses2024.map((c) => [c.id, c]));
    let landed = 0;
    for (const [i, r] of result.notes.entries()) {
      const note = notes[i]!;
      if (note.expect2024 === null) {
        assert.ok(isOrphan(r), `${note.id} (${note.kind}) must be an orphan, got ${JSON.stringify(r)}`);
        assert.ok(['quote-not-found', 'low-score'].includes(r.orphan.reason), `${note.id}: ${r.orphan.reason}`);
        assert.ok(r.orphan.message['zh-Hans'] && r.orphan.message.en);
        continue;
      }
      assert.ok(!isOrphan(r), `${note.id} (${note.kind}) orphaned: ${isOrphan(r) && r.orphan.message.en}`);
      assert.ok(
        landsOn(r.clause, note.expect2024!),
        `${note.id} (${note.kind}) → ${r.clause}, want ${note.expect2024}`,
      );
      // The range points at the passage in the 2024 text, not somewhere in the article.
      const text = byId.get(r.clause)!.text.slice(r.range!.start, r.range!.end);
      if (r.method === 'fuzzy') assert.ok(text.length >= note.quote.length / 2, `${note.id}: range "${text}"`);
      else assert.equal(text, note.quote);
      if (!landsOn(r.clause, note.clause)) assert.equal(r.movedFrom, note.clause, `${note.id} says it moved`);
      landed++;
    }
    assert.equal(landed, notes.filter((n) => n.expect2024).length);
    assert.equal(result.orphans.length, notes.filter((n) => n.expect2024 === null).length);
  });

  test('the 2024 text as a CMS page (HTML, &nbsp; indents, page chrome) gives the same placements', () => {
    const paragraphs = regulation(2024)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('<!--'))
      .map((l) => `<p style="text-indent:2em">&nbsp;&nbsp;${l.replace(/^#+\s*/, '')}</p>`);
    const html = `<div class="nav">首页 &gt; 法规</div><div class="TRS_Editor">${paragraphs.join('\n')}</div><div>【打印本页】【关闭窗口】</div>`;
    const fromHtml = anchor(asBundle(notes), segment(html, { format: 'html' }));
    const fromMd = anchor(asBundle(notes), clauses2024);
    const place = (r: (typeof fromMd.notes)[number]) => (isOrphan(r) ? r.orphan.reason : r.clause);
    assert.deepEqual(fromHtml.notes.map(place), fromMd.notes.map(place));
  });
});

describe('re-anchoring on a revised seed document', () => {
  const notes = load('./fixtures/anchor/wenshang-notes.json');
  const original = segment(shared('seeds/wenshang-epb-2017-pilot.txt'));
  const revised: Clause[] = segment(read('./fixtures/anchor/wenshang-revised.txt'));

  test('the notes are placed by id on the original', () => {
    const result = anchor(asBundle(notes), original);
    assert.deepEqual(
      result.notes.map((r) => (isOrphan(r) ? r.orphan.reason : `${r.clause}/${r.method}`)),
      notes.map((n) => `${n.clause}/id`),
    );
  });

  test('inserted, reworded, moved and removed clauses: each note follows its passage', () => {
    const result = anchor(asBundle(notes), revised);
    for (const [i, r] of result.notes.entries()) {
      const note = notes[i]!;
      if (note.expect === null) {
        assert.ok(isOrphan(r), `${note.id} must be an orphan`);
        continue;
      }
      assert.ok(!isOrphan(r), `${note.id} orphaned: ${isOrphan(r) && r.orphan.message.en}`);
      assert.equal(r.clause, note.expect, note.id);
      assert.equal(r.method, note.method, note.id);
      assert.equal(r.movedFrom, r.clause === note.clause ? undefined : note.clause, note.id);
    }
  });
});

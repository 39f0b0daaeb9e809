import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  anchor,
  carryNotes,
  check,
  compareTexts,
  foldText,
  type Interpretation,
  isOrphan,
  REANCHOR_MIN_CONFIDENCE,
  reanchorNotes,
  segment,
  validate,
} from '@gongkai/format';
import { type Fate, generateRevision, rng } from './reanchor-revisions.js';

const regulation = (year: number) =>
  readFileSync(new URL(`../fixtures/regulations/beijing-business-environment-${year}.md`, import.meta.url), 'utf8');
const text2020 = regulation(2020);
const clauses2020 = segment(text2020);
const clauses2024 = segment(regulation(2024));
const note = (id: string, clause: string, exact?: string): Interpretation => ({
  id,
  target: { clause, ...(exact ? { quote: { exact } } : {}) },
  body: `${id} 的解读`,
});

// 第四十六条: the noted passage (无纸化通关) rewritten by the drafter, the rest of the article kept.
const NOTED = '实现无纸化通关，涉及国家秘密的特殊情况除外';
const rewritten = segment(text2020.replace(NOTED, '报关单证一律以电子方式提交，海关不再另行收取纸质材料'));

describe('carrying notes to a revised text', () => {
  test('a rewritten noted passage goes to confirmation, never placed; its candidate is the article that held it', () => {
    const p = reanchorNotes([note('n1', 'a46', NOTED)], clauses2020, rewritten)[0]!;
    assert.equal(p.status, 'pending', JSON.stringify(p));
    if (p.status !== 'pending') return;
    assert.equal(p.reason, 'quote-not-found');
    assert.equal(p.confidence, 0);
    assert.equal(p.candidate.clause, 'a46');
    assert.equal(p.candidate.number, '第四十六条');
    assert.deepEqual(p.previous, { clause: 'a46', number: '第四十六条', text: NOTED });
    // As the new version carries it: no placement at all, so every reader lists it as not placed.
    const [carried] = carryNotes([note('n1', 'a46', NOTED)], [p]);
    assert.deepEqual(Object.keys(carried!.target), ['pending']);
    const bundle = {
      schemaVersion: 1,
      id: 'p',
      meta: { title: '条例' },
      clauses: rewritten,
      interpretations: [carried],
    };
    const valid = validate(bundle);
    assert.ok(valid.ok, JSON.stringify(!valid.ok && valid.problems));
    const a = anchor(valid.value);
    assert.ok(isOrphan(a.notes[0]!));
    assert.equal(a.orphans[0]!.orphan.reason, 'pending');
    assert.match(a.orphans[0]!.orphan.message['zh-Hans'], /原第四十六条.*待起草部门确认/);
    const results = check(valid.value, { anchoring: a });
    const pending = results.find((r) => r.id === 'interpretations-pending');
    assert.equal(pending?.level, 'warn');
    assert.match(pending!.message.en, /\$\.interpretations\[0\] n1 \(第四十六条\)/);
    // Not also a failure of anchoring: it is said once, as what it is.
    assert.equal(results.find((r) => r.id === 'interpretations-anchored')?.level, 'pass');
  });

  test('a renumbered article: placed on its new number, the quote as it was', () => {
    const n = note('n2', 'a6', '人大常委会可以采取听取专项工作报告、执法检查、质询、询问或者代表视察等方式');
    const p = reanchorNotes([n], clauses2020, clauses2024)[0]!;
    assert.equal(p.status, 'placed');
    if (p.status !== 'placed') return;
    assert.deepEqual([p.how, p.clause, p.number, p.confidence], ['renumbered', 'a7', '第七条', 1]);
    assert.deepEqual(p.target, { clause: 'a7', quote: n.target.quote });
    // A note on the whole article (no quote) follows it too.
    const whole = reanchorNotes([note('n3', 'a6')], clauses2020, clauses2024)[0]!;
    assert.equal(whole!.status === 'placed' && `${whole.how} ${whole.clause}`, 'renumbered a7');
  });

  test('an unchanged article: placed where it was', () => {
    // The 2024 revision changed every article; the rewrite above leaves all but 第四十六条 alone.
    const comparison = compareTexts(clauses2020, rewritten);
    assert.equal(comparison.summary.unchanged, comparison.changes.length - 1);
    const notes = [note('n4', 'a47', '能够退出口岸验核的，全部退出'), note('n5', 'a47')];
    for (const p of reanchorNotes(notes, clauses2020, rewritten, { comparison }))
      assert.equal(p.status === 'placed' && `${p.how} ${p.clause} ${p.confidence}`, 'unchanged a47 1');
  });

  test('a removed article: lost, with its reason, whether the note quotes it or not', () => {
    const placements = reanchorNotes(
      [note('n5', 'a24', '公司董事对公司负有忠实义务和勤勉义务'), note('n6', 'a24')],
      clauses2020,
      clauses2024,
    );
    for (const p of placements) assert.equal(p.status === 'lost' && p.reason, 'clause-removed', JSON.stringify(p));
    const carried = carryNotes([note('n5', 'a24', 'x'), note('n6', 'a24')], placements);
    assert.deepEqual(carried[1]!.target, {
      pending: { reason: 'clause-removed', previous: { number: '第二十四条', text: placements[1]!.previous.text } },
    });
  });

  test('a few words found only in another article than the one the clause became: a candidate, not a place', () => {
    // 第三十五条's 经济和信息化部门 is gone from what became of it; the phrase recurs in 第六十二条.
    const p = reanchorNotes([note('n7', 'a35', '经济和信息化部门')], clauses2020, clauses2024)[0]!;
    assert.equal(p.status === 'pending' && `${p.reason} ${p.candidate.clause} ${p.confidence}`, 'moved a62 0.5');
    // A whole sentence found word for word elsewhere is the passage moved: placed.
    const merged = reanchorNotes(
      [note('n8', 'a80', '破产管理人协会应当加强行业自律，加大对破产管理人的培训力度')],
      clauses2020,
      clauses2024,
    )[0]!;
    assert.equal(merged.status === 'placed' && `${merged.how} ${merged.clause}`, 'exact a84');
  });

  test('the notes written on the 2020 text: survivors placed or queued on the right article, none placed wrong', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('./fixtures/anchor/beijing-2020-notes.json', import.meta.url), 'utf8'),
    ).notes as Array<{ id: string; clause: string; quote: string; expect2024: string | null }>;
    const placements = reanchorNotes(
      fixture.map((n) => note(n.id, n.clause, n.quote)),
      clauses2020,
      clauses2024,
    );
    const on = (clause: string, want: string) => clause === want || clause.startsWith(`${want}.`);
    for (const [i, p] of placements.entries()) {
      const want = fixture[i]!.expect2024;
      if (p.status === 'placed') assert.ok(want && on(p.clause, want), `${fixture[i]!.id} placed on ${p.clause}`);
      if (p.status === 'pending' && want) assert.ok(on(p.candidate.clause, want), `${fixture[i]!.id}`);
      if (want === null) assert.notEqual(p.status, 'placed', fixture[i]!.id);
    }
    // The removed sentence of 第四十二条 has a look-alike in 第四十九条 (0.39): a candidate, not a place.
    const n21 = placements[20]!;
    assert.equal(n21.status === 'pending' && n21.candidate.clause, 'a49');
  });

  test('a bundle cannot state a pending target beside a placement, nor a candidate that is not a clause', () => {
    const base = { schemaVersion: 1, id: 'p', meta: { title: 't' }, clauses: clauses2020.slice(0, 3) };
    const pending = { reason: 'low-confidence', previous: { text: '原文' }, candidate: { clause: 'nope', score: 0.5 } };
    const both = validate({ ...base, interpretations: [{ target: { clause: 'a1', pending }, body: 'x' }] });
    assert.ok(!both.ok && both.problems.some((p) => p.path === '$.interpretations[0].target'));
    const stray = validate({ ...base, interpretations: [{ target: { pending }, body: 'x' }] });
    assert.ok(!stray.ok);
    assert.deepEqual(
      stray.problems.map((p) => p.path),
      ['$.interpretations[0].target.pending.candidate.clause'],
    );
  });
});

describe('short phrases cut from the articles the 2024 revision modified or removed (seeded)', () => {
  test('none is placed on another article than the one its own became', () => {
    const comparison = compareTexts(clauses2020, clauses2024);
    const r = rng(7);
    const notes: Interpretation[] = [];
    const became: string[] = [];
    for (const c of comparison.changes) {
      if (c.kind !== 'modified' && c.kind !== 'removed') continue;
      const old = clauses2020.find((x) => x.id === c.from!.id)!;
      for (let k = 0; k < 30; k++) {
        const len = 6 + r.int(10);
        const at = r.int(Math.max(1, old.text.length - len));
        notes.push(note(`s${notes.length}`, old.id, old.text.slice(at, at + len)));
        became.push(c.to?.id ?? '');
      }
    }
    let placed = 0;
    for (const [i, p] of reanchorNotes(notes, clauses2020, clauses2024, { comparison }).entries()) {
      if (p.status !== 'placed') continue;
      placed++;
      const want = became[i]!;
      // A removed article's phrase found word for word elsewhere may be where the article went
      // (第六十八条 split into 第七十四条 and 第七十六条) or a phrase that recurs: never placed unasked.
      if (!want) {
        assert.equal(p.how, 'fuzzy', `${JSON.stringify(notes[i]!.target)} → ${p.clause}`);
        continue;
      }
      assert.ok(
        p.clause === want || p.clause.startsWith(`${want}.`),
        `${JSON.stringify(notes[i]!.target)} → ${p.clause}`,
      );
    }
    assert.ok(placed > notes.length / 2, `${placed} of ${notes.length} placed`);
  });
});

describe('carrying notes over generated revisions (seeded)', () => {
  const fates: Fate[] = ['kept', 'reworded', 'heavy', 'rewritten', 'removed'];
  for (let seed = 1; seed <= 40; seed++) {
    test(`seed ${seed}: no note is placed on text that does not hold its passage`, () => {
      const g = generateRevision(seed, fates);
      const after = segment(g.newText);
      const byId = new Map(after.map((c) => [c.id, c]));
      const placements = reanchorNotes(
        g.notes.map((n) => n.note),
        segment(g.oldText),
        after,
      );
      for (const [i, p] of placements.entries()) {
        const { fate, holder, note } = g.notes[i]!;
        const what = `${note.id} (${fate}): ${JSON.stringify(p)}`;
        if (fate === 'kept') assert.equal(p.status, 'placed', what);
        if (p.status !== 'placed') continue;
        assert.ok(fate !== 'rewritten' && fate !== 'removed', what);
        assert.ok(holder && (p.clause === holder || p.clause.startsWith(`${holder}.`)), what);
        const text = foldText(byId.get(p.clause)!.text);
        if (p.how === 'fuzzy') assert.ok(p.confidence >= REANCHOR_MIN_CONFIDENCE, what);
        else assert.ok(text.includes(foldText(note.target.quote!.exact)), what);
        // The new target is found where it was placed, word for word.
        assert.ok(text.includes(foldText(p.target.quote!.exact)), what);
      }
    });
  }
});

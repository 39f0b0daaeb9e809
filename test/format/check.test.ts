import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type Bundle,
  type CheckResult,
  check,
  consultationDays,
  markdownToHtml,
  validate,
  withRenderedHtml,
} from '@gongkai/format';

/** A policy that meets every rule; each test breaks one thing. */
const good = (): Bundle => {
  const result = validate({
    schemaVersion: 1,
    id: 'wenshang-epb-2017',
    meta: {
      title: '汶上县环保局2017年政务公开工作试点方案',
      status: 'valid',
      published: '2017-05-02',
      effective: '2017-05-02',
    },
    clauses: [
      { id: '1', number: '一、', level: 1, parent: null, title: '指导思想', text: '' },
      { id: '1.1', number: '（一）', level: 2, parent: '1', title: '', text: '推进决策公开' },
    ],
    interpretations: [{ target: { clause: '1.1', quote: { exact: '推进决策公开' } }, body: '解读' }],
    graphics: [
      { id: 'g1', kind: 'steps', caption: '公开流程', description: '申请、受理、答复三步', items: [{ title: '申请' }] },
    ],
    consultation: {
      id: 'c1',
      endpoint: 'https://example.gov.cn/api/v1',
      opens: '2024-06-01',
      closes: '2024-06-30',
      contact: '0537-7212345',
      draftingNotes: '起草说明……',
      basis: [{ title: '重大行政决策程序暂行条例' }],
    },
  });
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  return result.ok ? result.value : (undefined as never);
};

function rule(results: CheckResult[], id: string): CheckResult {
  const found = results.find((r) => r.id === id);
  assert.ok(found, `no result for ${id}; got ${results.map((r) => r.id).join(', ')}`);
  return found;
}

describe('check', () => {
  test('a complete policy passes every rule', () => {
    const results = check(good());
    assert.deepEqual(
      results.map((r) => [r.id, r.level]),
      [
        ['interpretation-published', 'pass'],
        ['interpretations-anchored', 'pass'],
        ['validity', 'pass'],
        ['validity-dates', 'pass'],
        ['graphics-described', 'pass'],
        ['consultation-window', 'pass'],
        ['consultation-contact', 'pass'],
        ['consultation-drafting-notes', 'pass'],
        ['consultation-basis', 'pass'],
      ],
    );
    for (const r of results) assert.ok(r.message.en && r.message['zh-Hans'], r.id);
  });

  test('consultation rules do not apply without a consultation', () => {
    const b = { ...good(), consultation: undefined };
    assert.deepEqual(
      check(b).filter((r) => r.id.startsWith('consultation')),
      [],
    );
  });
});

describe('check: interpretations anchored', () => {
  test('without an anchoring result, a target clause that does not exist fails', () => {
    const b = good();
    b.interpretations = [...(b.interpretations ?? []), { target: { clause: '9' }, body: '解读' }];
    const r = rule(check(b), 'interpretations-anchored');
    assert.equal(r.level, 'fail');
    assert.match(r.message.en, /\$\.interpretations\[1\] → "9"/);
  });

  test('target clauses without any clauses in the bundle warn', () => {
    const r = rule(check({ ...good(), clauses: undefined }), 'interpretations-anchored');
    assert.equal(r.level, 'warn');
  });

  test('the anchoring result decides when given', () => {
    const b = good();
    assert.equal(rule(check(b, { anchoring: { orphans: [] } }), 'interpretations-anchored').level, 'pass');
    const orphans = [
      {
        kind: 'note' as const,
        index: 0,
        orphan: { reason: 'quote-not-found' as const, message: { 'zh-Hans': '', en: '' } },
      },
      {
        kind: 'qa' as const,
        index: 0,
        orphan: { reason: 'clause-not-found' as const, message: { 'zh-Hans': '', en: '' } },
      },
    ];
    const r = rule(check(b, { anchoring: { orphans } }), 'interpretations-anchored');
    assert.equal(r.level, 'fail');
    assert.match(r.message.en, /^1 interpretation\(s\) .*\$\.interpretations\[0\] \(quote-not-found\)$/);
    assert.match(r.message['zh-Hans'], /1 条解读无法关联到原文/);
  });
});

describe('check: consultation window', () => {
  const withWindow = (opens: string, closes: string, shortWindowReason?: string) => {
    const b = good();
    b.consultation = { ...b.consultation!, opens, closes, shortWindowReason };
    return rule(check(b), 'consultation-window');
  };

  test('30 calendar days pass, 29 fail', () => {
    assert.equal(withWindow('2024-06-01', '2024-06-30').level, 'pass');
    const r = withWindow('2024-06-01', '2024-06-29');
    assert.equal(r.level, 'fail');
    assert.equal(r.message['zh-Hans'], '征求意见期为 29 天，少于 30 天，且未说明理由（shortWindowReason）');
  });

  test('timestamps count exact days', () => {
    assert.equal(consultationDays('2024-06-01T09:00:00+08:00', '2024-07-01T09:00:00+08:00'), 30);
    assert.equal(withWindow('2024-06-01T09:00:00+08:00', '2024-07-01T08:59:00+08:00').level, 'fail');
  });

  test('a short window with a stated reason warns', () => {
    const r = withWindow('2024-06-01', '2024-06-10', '防汛应急需要');
    assert.equal(r.level, 'warn');
    assert.match(r.message['zh-Hans'], /已说明理由：防汛应急需要/);
  });
});

describe('check: consultation materials', () => {
  for (const [id, key] of [
    ['consultation-contact', 'contact'],
    ['consultation-drafting-notes', 'draftingNotes'],
    ['consultation-basis', 'basis'],
  ] as const) {
    test(`${id} fails when ${key} is missing or empty`, () => {
      for (const value of [undefined, key === 'basis' ? [] : '  ']) {
        const b = good();
        b.consultation = { ...b.consultation!, [key]: value };
        const r = rule(check(b), id);
        assert.equal(r.level, 'fail', String(value));
        assert.match(r.message.en, new RegExp(`\\(${key}\\)`));
      }
    });
  }
});

describe('check: validity and dates', () => {
  test('a missing status or published date fails, naming what is missing', () => {
    const b = good();
    b.meta = { title: b.meta.title };
    const r = rule(check(b), 'validity');
    assert.equal(r.level, 'fail');
    assert.equal(r.message['zh-Hans'], '缺少：有效性（status）、发布日期（published）');
  });

  test('a valid document needs an effective date; a repealed one does not', () => {
    const b = good();
    b.meta = { ...b.meta, effective: undefined };
    assert.equal(rule(check(b), 'validity').level, 'fail');
    b.meta = { ...b.meta, status: 'repealed' };
    assert.equal(rule(check(b), 'validity').level, 'pass');
  });

  test('an interpretation file without metadata warns to check the page', () => {
    const { meta: _meta, ...partial } = good();
    assert.equal(rule(check(partial), 'validity').level, 'warn');
  });
});

describe('check: interpretation published with the document', () => {
  test('no interpretation, Q&A or graphic warns', () => {
    const b = { ...good(), interpretations: [], graphics: undefined };
    const r = rule(check(b), 'interpretation-published');
    assert.equal(r.level, 'warn');
    assert.match(r.message['zh-Hans'], /文件与解读应同步发布/);
  });

  test('Q&A alone counts as an interpretation', () => {
    const b = { ...good(), interpretations: [], graphics: [], qa: [{ id: 'q1', question: '问', answer: '答' }] };
    assert.equal(rule(check(b), 'interpretation-published').level, 'pass');
  });
});

describe('check: graphics described', () => {
  test('a graphic without a description fails with its path', () => {
    const b = good();
    b.graphics = [...b.graphics!, { ...b.graphics![0]!, id: 'g2', description: ' ' }];
    const r = rule(check(b), 'graphics-described');
    assert.equal(r.level, 'fail');
    assert.match(r.message.en, /\$\.graphics\[1\]/);
  });
});

describe('check: pre-rendered HTML current', () => {
  test('says nothing without stored HTML, passes when it matches, warns with the paths when stale', () => {
    assert.equal(
      check(good()).find((r) => r.id === 'html-current'),
      undefined,
    );
    const built = withRenderedHtml({ ...good(), body: '一、指导思想\n\n（一）推进决策公开' });
    assert.equal(
      check(built).find((r) => r.id === 'html-current'),
      undefined,
      'only with a renderer to compare with',
    );
    const opts = { renderMarkdown: markdownToHtml };
    assert.equal(rule(check(built, opts), 'html-current').level, 'pass');
    const edited = { ...built, interpretations: [{ ...built.interpretations![0]!, body: '改过的解读' }] };
    const stale = rule(check(edited, opts), 'html-current');
    assert.equal(stale.level, 'warn');
    assert.match(stale.message.en, /\$\.interpretations\[0\]\.html/);
    assert.match(stale.message['zh-Hans'], /gongkai build --html/);
  });
});

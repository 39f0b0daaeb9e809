import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  readDocument,
  readDocumentPartial,
  validate,
  validateDocumentForReading,
  validateForReading,
  validatePartial,
  validatePartialForReading,
} from '@gongkai/format';

const minimal = {
  schemaVersion: 1,
  id: 'gy-sthj-2017-plan',
  meta: { title: '贵阳市生态文明建设委员会2017年政务公开工作实施方案' },
  body: '一、指导思想',
};

const clause = (id: string, parent: string | null = null) => ({
  id,
  number: `${id}.`,
  level: parent ? 2 : 1,
  parent,
  title: '',
  text: '坚持以公开为常态、不公开为例外',
});

/** The one problem at `path`, failing the test when there is none. */
function problemAt(input: unknown, path: string) {
  const result = validate(input);
  assert.equal(result.ok, false, 'expected the bundle to be refused');
  const found = result.problems.find((p) => p.path === path);
  assert.ok(found, `no problem at ${path}; got ${result.problems.map((p) => p.path).join(', ')}`);
  return found.message;
}

describe('validate', () => {
  test('accepts a minimal bundle', () => {
    const result = validate(minimal);
    assert.equal(result.ok, true);
  });

  test('names the path of every problem', () => {
    const result = validate({ ...minimal, meta: { title: '' }, qa: [{ id: 'q1', question: '?', answer: 1 }] });
    assert.equal(result.ok, false);
    const paths = result.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ['$.meta.title', '$.qa[0].answer']);
  });

  test('an unknown schemaVersion says which versions are supported', () => {
    const result = validate({ ...minimal, schemaVersion: 2 });
    assert.equal(result.ok, false);
    assert.match(result.problems[0]?.message.en ?? '', /supported versions: 1/);
    assert.match(result.problems[0]?.message['zh-Hans'] ?? '', /支持的版本/);
  });
});

describe('validate: messages an editor can act on', () => {
  test('a missing required field is named', () => {
    const m = problemAt({ ...minimal, meta: {} }, '$.meta.title');
    assert.equal(m.en, 'required field "title" is missing');
    assert.equal(m['zh-Hans'], '缺少必填字段“title”');
  });

  test('a wrong type says what was expected and what was found', () => {
    const m = problemAt({ ...minimal, qa: [{ id: 'q1', question: '?', answer: 42 }] }, '$.qa[0].answer');
    assert.equal(m.en, 'expected text, found 42');
    assert.equal(m['zh-Hans'], '应为文本，实际为 42');
  });

  test('blank text counts as empty', () => {
    const m = problemAt({ ...minimal, meta: { title: '   ' } }, '$.meta.title');
    assert.equal(m.en, 'must not be empty');
    assert.equal(m['zh-Hans'], '不能为空');
  });

  test('a value outside a list names every allowed value', () => {
    const m = problemAt({ ...minimal, meta: { ...minimal.meta, status: '有效' } }, '$.meta.status');
    assert.equal(m.en, 'must be one of: valid, repealed, amended, draft; found text "有效"');
    assert.match(m['zh-Hans'], /取值应为以下之一：valid, repealed, amended, draft/);
  });

  test('a date in another form shows the expected form', () => {
    for (const published of ['2017/4/28', '2017-4-28', '2017年4月28日', '2017-02-30']) {
      const m = problemAt({ ...minimal, meta: { ...minimal.meta, published } }, '$.meta.published');
      assert.match(m.en, /2017-06-01/, published);
      assert.match(m['zh-Hans'], /格式如 2017-06-01/, published);
    }
    assert.equal(validate({ ...minimal, meta: { ...minimal.meta, published: '2017-04-28T09:30:00+08:00' } }).ok, true);
  });

  test('a bad id explains what an id may contain', () => {
    const m = problemAt({ ...minimal, id: '贵阳 2017' }, '$.id');
    assert.match(m.en, /letters, digits and \. _ : -/);
    assert.match(m['zh-Hans'], /由字母、数字及/);
  });

  test('an unsafe link says which links are allowed', () => {
    const meta = { ...minimal.meta, amends: { title: '原方案', url: 'javascript:alert(1)' } };
    const m = problemAt({ ...minimal, meta }, '$.meta.amends.url');
    assert.equal(m.en, 'must be a safe link: only http(s), mailto, tel or relative links are allowed');
    assert.match(m['zh-Hans'], /只允许 http\(s\)、mailto、tel 或相对链接/);
    for (const url of ['https://www.gov.cn/x', 'HTTP://WWW.GOV.CN', '/policies/a.html', 'a.html', 'tel:12345']) {
      assert.equal(validate({ ...minimal, meta: { ...minimal.meta, amends: { title: 't', url } } }).ok, true, url);
    }
  });

  test('an interpretation needs a clause or a quote to point at', () => {
    const m = problemAt({ ...minimal, interpretations: [{ target: {}, body: '解读' }] }, '$.interpretations[0].target');
    assert.match(m.en, /needs a clause id \(clause\) or a quoted passage \(quote\)/);
    assert.match(m['zh-Hans'], /条款编号（clause）或引用原文（quote）/);
  });

  test('a video or interview needs a transcript', () => {
    for (const kind of ['video', 'interview']) {
      const notes = [{ target: { quote: { exact: '指导思想' } }, body: '访谈', kind }];
      const m = problemAt({ ...minimal, interpretations: notes }, '$.interpretations[0].media');
      assert.match(m.en, /transcript/);
      assert.match(m['zh-Hans'], /文字实录/);
    }
  });

  test('an unknown graphic kind lists the allowed kinds', () => {
    const graphics = [{ id: 'g1', kind: 'map', caption: '图', description: '说明' }];
    const m = problemAt({ ...minimal, graphics }, '$.graphics[0].kind');
    assert.equal(m.en, 'unknown kind "map"; allowed kinds: chart, figures, steps, timeline, compare');
    assert.match(m['zh-Hans'], /允许的类型：chart, figures, steps, timeline, compare/);
  });

  test('problems deep inside a graphic have the full path', () => {
    const items = [
      { value: 12, label: '公开事项' },
      { value: 3, label: '' },
    ];
    const graphics = [
      { id: 'g0', kind: 'steps', caption: '流程', description: '三步', items: [{ title: '申请' }] },
      { id: 'g1', kind: 'figures', caption: '数读', description: '两个数字', items },
    ];
    const m = problemAt({ ...minimal, graphics }, '$.graphics[1].items[1].label');
    assert.equal(m.en, 'must not be empty');
  });

  test('an empty list that needs items says so', () => {
    const graphics = [{ id: 'g1', kind: 'steps', caption: '流程', description: '说明', items: [] }];
    assert.equal(problemAt({ ...minimal, graphics }, '$.graphics[0].items').en, 'needs at least one item');
  });

  test('every unknown field is reported by name, with a suggestion for a typo', () => {
    const result = validate({ ...minimal, meta: { titel: '方案', colour: 'red' }, extra: 1 });
    assert.equal(result.ok, false);
    const byPath = new Map(result.problems.map((p) => [p.path, p.message]));
    assert.match(
      byPath.get('$.meta.titel')?.en ?? '',
      /^unknown field "titel" \(did you mean "title"\?\); allowed here: title,/,
    );
    assert.match(byPath.get('$.meta.titel')?.['zh-Hans'] ?? '', /未知字段“titel”（是否应为“title”？）/);
    assert.match(byPath.get('$.meta.colour')?.en ?? '', /^unknown field "colour"; allowed here/);
    assert.match(byPath.get('$.extra')?.en ?? '', /unknown field "extra"/);
    assert.ok(byPath.has('$.meta.title'), 'the missing title is still reported');
  });

  test('derived HTML fields are allowed', () => {
    const bundle = {
      ...minimal,
      bodyHtml: '<p>一、指导思想</p>',
      interpretations: [{ target: { clause: '1' }, body: '解读', html: '<p>解读</p>' }],
      qa: [{ id: 'q1', question: '问', answer: '答', answerHtml: '<p>答</p>' }],
    };
    assert.deepEqual(validate(bundle).problems, []);
  });
});

describe('validate: rules across fields', () => {
  test('duplicate ids are reported where the second one is', () => {
    const result = validate({
      ...minimal,
      clauses: [clause('1'), clause('1')],
      qa: [
        { id: 'q1', question: '问', answer: '答' },
        { id: 'q1', question: '问二', answer: '答二' },
      ],
      graphics: [
        { id: 'g1', kind: 'steps', caption: '流程', description: '说明', items: [{ title: '申请' }] },
        { id: 'g1', kind: 'steps', caption: '流程', description: '说明', items: [{ title: '受理' }] },
      ],
      interpretations: [
        { id: 'n1', target: { clause: '1' }, body: '解读' },
        { id: 'n1', target: { clause: '1' }, body: '解读' },
      ],
    });
    assert.equal(result.ok, false);
    const paths = result.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ['$.clauses[1].id', '$.graphics[1].id', '$.interpretations[1].id', '$.qa[1].id']);
    assert.equal(result.problems[0]?.message.en, 'duplicate id "1": already used by $.clauses[0]');
  });

  test('references to clauses that do not exist are reported', () => {
    const result = validate({
      ...minimal,
      clauses: [clause('1'), clause('1.1', '1'), clause('2.1', '2')],
      qa: [{ id: 'q1', question: '问', answer: '答', clauses: ['1', '3'] }],
      graphics: [
        { id: 'g1', kind: 'steps', caption: '流程', description: '说明', items: [{ title: 't' }], clauses: ['9'] },
      ],
      interpretations: [{ target: { clause: '4' }, body: '解读' }],
    });
    assert.equal(result.ok, false);
    const paths = result.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, [
      '$.clauses[2].parent',
      '$.graphics[0].clauses[0]',
      '$.interpretations[0].target.clause',
      '$.qa[0].clauses[1]',
    ]);
    const m = result.problems.find((p) => p.path === '$.qa[0].clauses[1]')?.message;
    assert.equal(m?.en, 'clause "3" is not a clause id in clauses');
    assert.equal(m?.['zh-Hans'], '条款“3”不是 clauses 中的条款编号');
  });

  test('clause references are not checked when the bundle has no clauses', () => {
    const qa = [{ id: 'q1', question: '问', answer: '答', clauses: ['3'] }];
    assert.equal(validate({ ...minimal, qa }).ok, true);
    assert.equal(validatePartial({ schemaVersion: 1, qa }).ok, true);
  });

  test('a consultation that closes before it opens is refused', () => {
    const consultation = { id: 'c1', endpoint: '/api/v1', opens: '2024-06-30', closes: '2024-06-01' };
    const m = problemAt({ ...minimal, consultation }, '$.consultation.closes');
    assert.equal(m['zh-Hans'], '征求意见截止时间早于开始时间');
  });

  test('a date-only close means the end of that day', () => {
    const consultation = { id: 'c1', endpoint: '/api/v1', opens: '2024-06-30T09:00:00+08:00', closes: '2024-06-30' };
    assert.deepEqual(validate({ ...minimal, consultation }).problems, []);
    const early = { ...consultation, closes: '2024-06-30T08:00:00+08:00' };
    assert.equal(
      problemAt({ ...minimal, consultation: early }, '$.consultation.closes').en,
      'the consultation closes before it opens',
    );
  });

  test('schema and cross-field problems come back together', () => {
    const result = validate({ ...minimal, meta: { title: '' }, clauses: [clause('1'), clause('1')] });
    assert.deepEqual(result.problems.map((p) => p.path).sort(), ['$.clauses[1].id', '$.meta.title']);
  });
});

describe('validate: on a page that extends Object.prototype', () => {
  test('a valid bundle stays valid, a typo is still caught, and the output is ordinary objects', () => {
    const proto = Object.prototype as unknown as Record<string, unknown>;
    proto.extend = function extend() {};
    try {
      const bundle = { ...minimal, clauses: [clause('1')] };
      const result = validate(bundle);
      assert.equal(result.ok, true, JSON.stringify(result.problems));
      assert.equal(Object.getPrototypeOf(result.value), Object.prototype);
      assert.equal(Object.getPrototypeOf(result.value!.meta), Object.prototype);
      assert.equal(problemAt({ ...minimal, titel: 'x' }, '$.titel').en.includes('titel'), true);
    } finally {
      delete proto.extend;
    }
  });
});

describe('validate: never throws', () => {
  for (const [name, input] of [
    ['null', null],
    ['undefined', undefined],
    ['an array', [minimal]],
    ['a string', '{"schemaVersion":1}'],
    ['a number', 1],
  ] as const) {
    test(`refuses ${name} with one clear problem at $`, () => {
      const result = validate(input);
      assert.equal(result.ok, false);
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0]?.path, '$');
      assert.match(result.problems[0]?.message.en ?? '', /^a bundle must be a JSON object/);
      assert.equal(validatePartial(input).ok, false);
    });
  }

  test('handles a huge bundle', () => {
    const n = 20_000;
    const clauses = Array.from({ length: n }, (_, i) => clause(String(i + 1)));
    const qa = Array.from({ length: n }, (_, i) => ({
      id: `q${i}`,
      question: '问',
      answer: '答',
      clauses: [String(i + 1)],
    }));
    const body = '坚持以公开为常态'.repeat(500_000);
    assert.equal(validate({ ...minimal, body, clauses, qa }).ok, true);
    const broken = validate({ ...minimal, body: 1, clauses: clauses.map((c) => ({ ...c, level: 0 })) });
    assert.equal(broken.ok, false);
    assert.equal(broken.problems.length, n + 1);
  });

  test('deeply nested unknown values are refused, not walked', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { deep };
    const result = validate({ ...minimal, meta: { ...minimal.meta, deep } });
    assert.equal(result.ok, false);
    assert.equal(result.problems[0]?.path, '$.meta.deep');
  });

  test('a long wrong value is shortened in the message', () => {
    const m = problemAt({ ...minimal, meta: { ...minimal.meta, status: 'x'.repeat(10_000) } }, '$.meta.status');
    assert.ok(m.en.length < 200, `message is ${m.en.length} characters`);
  });
});

describe('validatePartial', () => {
  test('accepts an interpretation file without id, meta or body', () => {
    const result = validatePartial({
      schemaVersion: 1,
      interpretations: [{ target: { quote: { exact: '指导思想' } }, body: '解读' }],
    });
    assert.deepEqual(result.problems, []);
  });

  test('still reports unknown fields and bad values', () => {
    const result = validatePartial({ schemaVersion: 1, interpretation: [] });
    assert.equal(result.ok, false);
    assert.match(
      result.problems[0]?.message.en ?? '',
      /unknown field "interpretation" \(did you mean "interpretations"\?\)/,
    );
  });
});

describe('validateForReading (issue 18: one bad part does not blank the page)', () => {
  const figures = (id: string, caption?: string) => ({
    id,
    kind: 'figures',
    ...(caption === undefined ? {} : { caption }),
    description: '全年主动公开信息 1200 条',
    items: [{ value: 1200, unit: '条', label: '主动公开' }],
  });
  const withParts = {
    ...minimal,
    interpretations: [
      { target: { quote: { exact: '指导思想' } }, body: '解读' },
      { target: {}, body: '无对象' },
    ],
    qa: [
      { id: 'q1', question: '何时公开？', answer: '二十个工作日内。' },
      { id: 'q2', question: '', answer: '缺少问题' },
    ],
    graphics: [figures('g1', '公开数量'), figures('g2'), figures('g3', '办理时限')],
  };

  test('publishing still refuses a bundle with one invalid graphic', () => {
    const result = validate({ ...minimal, graphics: [figures('g1', '公开数量'), figures('g2')] });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => p.path),
      ['$.graphics[1].caption'],
    );
  });

  test('a reader gets the valid rest, and which items were left out and why', () => {
    const result = validateForReading(withParts);
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.value.body, minimal.body);
    assert.deepEqual(
      result.value.graphics?.map((g) => g.id),
      ['g1', 'g3'],
    );
    assert.deepEqual(
      result.value.qa?.map((q) => q.id),
      ['q1'],
    );
    assert.equal(result.value.interpretations?.length, 1);
    assert.deepEqual(
      result.skipped.map((s) => [s.part, s.index, s.problems.map((p) => p.path)]),
      [
        ['interpretations', 1, ['$.interpretations[1].target']],
        ['qa', 1, ['$.qa[1].question']],
        ['graphics', 1, ['$.graphics[1].caption']],
      ],
    );
  });

  test('an item named twice, or linked to a clause that is not there, is left out', () => {
    const result = validateForReading({
      ...minimal,
      clauses: [clause('1')],
      qa: [
        { id: 'q1', question: '问', answer: '答', clauses: ['1'] },
        { id: 'q1', question: '问', answer: '答' },
        { id: 'q3', question: '问', answer: '答', clauses: ['9'] },
      ],
    });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(
      result.value.qa?.map((q) => q.id),
      ['q1'],
    );
    assert.deepEqual(
      result.skipped.map((s) => s.index),
      [1, 2],
    );
  });

  test('a document that cannot be read fails as in validate, with every problem', () => {
    const result = validateForReading({ ...withParts, meta: {} });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems.map((p) => p.path).sort(), [
      '$.graphics[1].caption',
      '$.interpretations[1].target',
      '$.meta.title',
      '$.qa[1].question',
    ]);
  });

  test('an interpretation file is read the same way', () => {
    const result = validatePartialForReading({ schemaVersion: 1, graphics: [figures('g2')] });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.value.graphics, []);
    assert.equal(result.skipped.length, 1);
    assert.equal(validatePartialForReading({ schemaVersion: 2 }).ok, false);
  });

  test('the reading page’s check reads the document and notes, and leaves the parts to their elements', () => {
    // An invalid graphic or question does not stop the document: gk-graphic and gk-qa check their own.
    const parts = { ...minimal, qa: withParts.qa, graphics: withParts.graphics };
    assert.equal(readDocument(parts)?.body, minimal.body);
    const checked = validateDocumentForReading(parts);
    assert.equal(checked.ok && checked.skipped.length, 0);
    // An invalid note is the document's to report: no quick answer, and the validator says which and why.
    assert.equal(readDocument(withParts), null);
    const notes = validateDocumentForReading(withParts);
    assert.equal(notes.ok, true);
    if (!notes.ok) return;
    assert.equal(notes.value.interpretations?.length, 1);
    assert.deepEqual(
      notes.skipped.map((s) => [s.part, s.index, s.problems.map((p) => p.path)]),
      [['interpretations', 1, ['$.interpretations[1].target']]],
    );
    // A document that cannot be read fails both ways.
    assert.equal(readDocument({ ...minimal, meta: {} }), null);
    assert.equal(validateDocumentForReading({ ...minimal, meta: {} }).ok, false);
    assert.equal(readDocumentPartial({ schemaVersion: 1, graphics: [figures('g2')] })?.graphics?.length, 1);
    assert.equal(readDocumentPartial({ schemaVersion: 2 }), null);
  });
});

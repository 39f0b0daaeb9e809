import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  buildBundle,
  createClauseResolver,
  decodeText,
  findJsonError,
  formatProblem,
  loadSearchIndex,
  parseDocument,
  parseFrontMatter,
  parseNumbers,
  searchIndex,
  segment,
  validate,
} from '@gongkai/format';

const fixture = (name: string) => new URL(`fixtures/authoring/${name}`, import.meta.url);
const wenshang = (file: string) => readFileSync(fixture(`wenshang/${file}`));
const seed = (name: string) => readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8');
/** 政务公开 in GBK. */
const GBK = [0xd5, 0xfe, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa];

/** The AuthoringError a parser throws, as the problem it carries. */
function thrown(run: () => unknown) {
  try {
    run();
  } catch (e) {
    return (e as { problem: { file: string; line?: number; message: { en: string } } }).problem;
  }
  assert.fail('expected an error');
}

describe('front matter', () => {
  const plain = (src: string) => {
    const node = parseFrontMatter(src, 'policy.md', 2);
    assert.equal(node.type, 'map');
    return node.type === 'map' ? node : (undefined as never);
  };

  test('reads keys, quoted text, nested maps, lists of maps, blocks and flow lists, with lines', () => {
    const node = plain(
      [
        'id: ezhou-zbf-2016-40',
        '标题："关于\\"五公开\\"的方案"',
        "issuer: '市政府''办公室' # comment",
        'consultation:',
        '  id: c1',
        '  basis:',
        '    - title: 重大行政决策程序暂行条例',
        '      url: https://www.gov.cn/',
        '    - 鄂办发〔2016〕35号',
        '  draftingNotes: |',
        '    一、起草背景',
        '',
        '    二、主要内容',
        'tags: [a, b]',
      ].join('\n'),
    );
    const keys = node.entries.map((e) => [e.key, e.line]);
    assert.deepEqual(keys, [
      ['id', 2],
      ['标题', 3],
      ['issuer', 4],
      ['consultation', 5],
      ['tags', 15],
    ]);
    assert.deepEqual(node.entries[1]?.value, { type: 'text', value: '关于"五公开"的方案', line: 3 });
    assert.deepEqual(node.entries[2]?.value, { type: 'text', value: "市政府'办公室", line: 4 });
    const c = node.entries[3]?.value;
    assert.ok(c?.type === 'map');
    const basis = c.entries[1]?.value;
    assert.ok(basis?.type === 'list');
    assert.equal(basis.items.length, 2);
    assert.ok(basis.items[0]?.type === 'map');
    assert.deepEqual(
      basis.items[0].entries.map((e) => [e.key, e.line]),
      [
        ['title', 8],
        ['url', 9],
      ],
    );
    assert.deepEqual(c.entries[2]?.value, { type: 'text', value: '一、起草背景\n\n二、主要内容\n', line: 11 });
    assert.equal(node.entries[4]?.value.type, 'list');
  });

  for (const [what, src, line, says] of [
    ['a tab', 'id: x\n\ttitle: y', 3, /tabs/],
    ['a line without a colon', 'id: x\n这是一行正文', 3, /expected "key: value"/],
    ['bad indentation', 'id: x\n  title: y', 3, /indentation/],
    ['a duplicate key', 'id: x\nid: y', 3, /duplicate key "id"/],
    ['an unterminated quote', 'title: "abc', 2, /unterminated/],
  ] as const) {
    test(`names the line of ${what}`, () => {
      const p = thrown(() => parseFrontMatter(src, 'policy.md', 2));
      assert.equal(p.file, 'policy.md');
      assert.equal(p.line, line);
      assert.match(p.message.en, says);
    });
  }
});

describe('clause references', () => {
  const ezhou = createClauseResolver(segment(seed('ezhou-2016-plan.txt')));
  const id = (r: ReturnType<typeof ezhou.resolve>) => (r.ok ? r.clause.id : r.message.en);

  test('reads the numbers as written', () => {
    assert.deepEqual(
      parseNumbers('二、（二）4. 推进经济社会政策信息公开').steps.map((s) => [s.style, s.n]),
      [
        ['cn-dun', 2],
        ['cn-paren', 2],
        ['ar-dot', 4],
      ],
    );
    assert.equal(parseNumbers('二、（二）4. 推进经济社会政策信息公开').rest, '推进经济社会政策信息公开');
    assert.deepEqual(
      parseNumbers('第五条之一').steps.map((s) => [s.style, s.n, s.sub]),
      [['article', 5, 1]],
    );
  });

  test('maps number paths, skipped levels, ids and titles to clause ids', () => {
    assert.equal(id(ezhou.resolve('二、4.')), '2.2.4');
    assert.equal(id(ezhou.resolve('二、（二）4.')), '2.2.4');
    assert.equal(id(ezhou.resolve('18.')), '2.5.18');
    assert.equal(id(ezhou.resolve('四、(三)')), '4.3');
    assert.equal(id(ezhou.resolve('一（一）')), '1.1');
    assert.equal(id(ezhou.resolve('2.2.4')), '2.2.4');
    assert.equal(id(ezhou.resolve('（二） 明确工作责任')), '4.2');
  });

  test('refuses to guess: ambiguous and missing numbers say so', () => {
    assert.match(id(ezhou.resolve('（二）')), /matches several clauses: 1\.2.*2\.2.*3\.2.*4\.2/);
    assert.match(id(ezhou.resolve('五、')), /no clause with the number or id "五、" .*did you mean 2\.5「二、\(五\)/);
    assert.match(id(ezhou.resolve('政务公开')), /neither a clause id nor a clause number/);
  });

  test('第五条 in a law-like text, and 三、4. in a list', () => {
    const law = createClauseResolver(
      segment(
        '第一章 总则\n\n第一条 为了规范政务公开，制定本办法。\n\n第二章 公开\n\n第五条 行政机关应当主动公开政府信息。',
      ),
    );
    assert.equal(id(law.resolve('第五条')), 'a5');
    assert.equal(id(law.resolve('第二章第五条')), 'a5');
    // Drafters who write the number in Arabic digits mean the same article.
    assert.equal(id(law.resolve('第5条')), 'a5');
    const list = createClauseResolver(
      segment('一、总则\n\n二、任务\n\n三、要求\n\n1.甲。\n\n2.乙。\n\n3.丙。\n\n4.丁。'),
    );
    assert.equal(id(list.resolve('三、4.')), '3.4');
    assert.equal(id(list.resolve('3.4')), '3.4');
  });
});

describe('decodeText', () => {
  test('UTF-8 with or without a BOM', () => {
    assert.equal(decodeText('a.md', new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), 'A');
    assert.equal(decodeText('a.md', new TextEncoder().encode('政务公开')), '政务公开');
  });

  test('GBK bytes: names the file, line and column, and how to convert', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id: x\ntitle: '), ...GBK]);
    const p = thrown(() => decodeText('policy.md', bytes));
    assert.equal(p.file, 'policy.md');
    assert.equal(p.line, 2);
    assert.match(p.message.en, /looks GBK\/GB18030-encoded.*iconv -f GBK -t UTF-8 policy\.md/);
  });

  test('UTF-16 and other bytes', () => {
    assert.match(thrown(() => decodeText('qa.md', new Uint8Array([0xff, 0xfe, 0x41, 0]))).message.en, /UTF-16/);
    const p = thrown(() => decodeText('qa.md', new Uint8Array([0x41, 0xff, 0x41])));
    assert.doesNotMatch(p.message.en, /GBK/);
    assert.match(p.message.en, /not UTF-8/);
  });
});

describe('buildBundle on the Wenshang authoring folder', () => {
  const files = {
    'policy.md': wenshang('policy.md'),
    'interpretation.md': wenshang('interpretation.md'),
    'qa.md': wenshang('qa.md'),
    'graphics.json': wenshang('graphics.json'),
  };
  const result = buildBundle(files, { dir: 'wenshang' });
  const bundle = result.bundle;

  test('gives a bundle that validates, with clauses and no problems', () => {
    assert.deepEqual(
      result.problems.map((p) => formatProblem(p)),
      [],
    );
    assert.ok(bundle);
    assert.equal(validate(JSON.parse(JSON.stringify(bundle))).ok, true);
    assert.equal(bundle.clauses?.length, 17);
    assert.deepEqual(
      bundle.clauses?.slice(0, 3).map((c) => [c.id, c.number]),
      [
        ['1', '一、'],
        ['1.1', '(一)'],
        ['1.2', '(二)'],
      ],
    );
  });

  test('fills meta from the text and normalises Chinese dates and status, saying so', () => {
    assert.equal(bundle?.meta.title, '汶上县环境保护局关于印发《开展基层政务公开标准化规范化试点工作实施方案》的通知');
    assert.equal(bundle?.meta.issuer, '汶上县环境保护局');
    assert.equal(bundle?.meta.status, 'valid');
    assert.equal(bundle?.meta.published, '2017-11-10');
    const notes = result.notes.map((n) => n.en).join('\n');
    assert.match(notes, /meta\.title taken from the document text/);
    assert.match(notes, /meta\.issuer taken from the document text/);
    assert.match(notes, /read "有效" as valid/);
  });

  test('anchors each note to the intended clause, with role, date and media', () => {
    const notes = bundle?.interpretations ?? [];
    assert.deepEqual(
      notes.map((n) => [n.target.clause, n.role, n.date]),
      [
        ['1.1', 'department', '2017-11-10'],
        ['1.2', 'principal', '2017-11-10'],
        ['2.2', 'expert', '2017-11-20'],
        ['2.3', 'principal', '2017-11-24'],
        ['3.2', 'department', '2017-11-10'],
        ['3.3', 'department', '2017-11-10'],
        ['3.3', 'department', '2018-09-28'],
        ['4.3', 'department', '2017-11-10'],
      ],
    );
    assert.equal(notes[3]?.kind, 'interview');
    assert.match(notes[3]?.media?.transcript ?? '', /^主持人：/);
    assert.equal(notes[3]?.media?.url, '/media/wenshang-epb-2017-interview.mp4');
    assert.doesNotMatch(notes[3]?.body ?? '', /文字实录/);
    assert.equal(notes[4]?.target.quote?.exact, '确保2018年8月底前全面完成试点各项任务');
    // A note named by number carries a quote of its clause, so it re-anchors after a revision.
    assert.ok(notes.every((n) => n.target.quote?.exact));
    assert.deepEqual(new Set(notes.map((n) => n.id)).size, notes.length);
    assert.deepEqual(result.anchoring?.orphans, []);
    assert.deepEqual(
      result.anchoring?.notes.map((n) => ('clause' in n ? n.clause : '')),
      notes.map((n) => n.target.clause),
    );
  });

  test('Q&A with clauses by number (English or Chinese keys) and graphics by number', () => {
    assert.deepEqual(
      bundle?.qa?.map((q) => [q.id, q.clauses, q.category]),
      [
        ['q1', ['1.3'], '工作目标'],
        ['q2', ['2.2'], '事项标准'],
        ['q3', ['2.4'], '公开方式'],
        ['q4', ['3.1', '3.2', '3.3'], '实施步骤'],
        ['q5', ['4.3'], '考核'],
        ['q6', ['4.1'], '公众参与'],
      ],
    );
    assert.deepEqual(bundle?.graphics?.[0]?.clauses, ['3']);
  });

  test('stores a search index that loads and finds', () => {
    assert.ok(bundle?.searchIndex);
    const index = loadSearchIndex(bundle.searchIndex);
    const hits = searchIndex(index, '事项标准');
    assert.ok(hits.some((h) => h.id === 'qa:q2'));
    const bare = buildBundle(files, { searchIndex: false });
    assert.equal(bare.bundle?.searchIndex, undefined);
  });
});

describe('buildBundle problems name the file and line', () => {
  const policy =
    '---\nid: p1\ntitle: 测试方案\nstatus: valid\n---\n\n一、总体要求\n\n（一）指导思想\n\n坚持公开。\n\n二、工作任务\n';
  const build = (files: Record<string, string>) => buildBundle({ 'policy.md': policy, ...files }, { dir: 'x' });
  const lines = (files: Record<string, string>) => build(files).problems.map((p) => formatProblem(p));

  test('an interpretation section whose clause cannot be found', () => {
    const out = lines({
      'interpretation.md': '## 一、（一）\n好。\n\n## 三、\n没有这一条。\n\n## > “不存在的句子内容”\n无。\n',
    });
    assert.equal(out.length, 2);
    assert.match(out[0] ?? '', /^x\/interpretation\.md:4: "## 三、": no clause with the number or id "三、"/);
    assert.match(out[1] ?? '', /^x\/interpretation\.md:7: .*not in the document/);
  });

  test('a Q&A clause that cannot be found, and an unknown attribute', () => {
    const out = lines({ 'qa.md': '## 问？\nclauses: 二、, 九、\ncatgory: x\n答。\n' });
    assert.deepEqual(out.length, 2);
    assert.ok(
      out.some((l) => /^x\/qa\.md:2: no clause with the number or id "九、"/.test(l)),
      out.join('\n'),
    );
    assert.ok(out.some((l) => /^x\/qa\.md:3: unknown attribute "catgory"; known: id, clauses, category/.test(l)));
  });

  test('broken JSON in graphics.json: line and column', () => {
    const out = lines({ 'graphics.json': '[\n  { "id": "g1", }\n]' });
    assert.equal(out.length, 1);
    assert.match(out[0] ?? '', /^x\/graphics\.json:2:17: broken JSON/);
  });

  test('broken front matter, and a front matter that is never closed', () => {
    const bad = buildBundle({ 'policy.md': '---\nid: p1\ntitle 测试\n---\n正文' }).problems;
    assert.equal(formatProblem(bad[0]!).startsWith('policy.md:3: front matter: expected "key: value"'), true);
    const open = buildBundle({ 'policy.md': '---\nid: p1\n正文' }).problems;
    assert.match(formatProblem(open[0]!), /^policy\.md:1: .*never closed/);
  });

  test('a value the bundle refuses points at its front matter line, in both languages', () => {
    const p = buildBundle({
      'policy.md': '---\nid: p1\ntitle: 方案\nstatus: maybe\ntitel: x\n---\n一、总则\n',
    }).problems;
    const out = p.map((x) => formatProblem(x));
    assert.ok(
      out.some((l) => /^policy\.md:4: \$\.meta\.status: must be one of/.test(l)),
      out.join('\n'),
    );
    assert.ok(
      out.some((l) => /^policy\.md:5: \$\.meta\.titel: unknown field "titel" \(did you mean "title"\?\)/.test(l)),
    );
    assert.ok(p.every((x) => x.message['zh-Hans'].length > 0));
  });

  test('text before the first section, and text text before any heading in qa.md', () => {
    const out = lines({ 'qa.md': '随便写点什么\n## 问？\n答。' });
    assert.match(out[0] ?? '', /^x\/qa\.md:1: text before the first "## " heading/);
  });

  test('a quote that is in another clause than the one named', () => {
    const out = lines({ 'interpretation.md': '## 二、 > “坚持公开”\n不对。' });
    assert.match(out[0] ?? '', /^x\/interpretation\.md:1: .*the quote is in clause 1\.1/);
  });

  test('GBK-encoded qa.md', () => {
    const out = buildBundle({ 'policy.md': policy, 'qa.md': new Uint8Array([0x23, 0x23, 0x20, ...GBK]) }).problems;
    assert.match(formatProblem(out[0]!), /^qa\.md:1:4: not UTF-8 .*GBK.*iconv -f GBK -t UTF-8 qa\.md/);
  });
});

describe('findJsonError', () => {
  test('finds the first mistake, or nothing in valid JSON', () => {
    assert.equal(findJsonError('{"a": [1, 2.5e3, "x\\n", true, null, {}]}'), undefined);
    assert.deepEqual(
      [findJsonError('{"a": 1,}')?.at, findJsonError('[1 2]')?.at, findJsonError('{"a": "tab\there"}')?.at],
      [8, 3, 10],
    );
    assert.match(findJsonError('[1,')?.en ?? '', /expected a value, found the end of the file/);
    assert.match(findJsonError('{"a" 1}')?.en ?? '', /expected ":"/);
  });
});

describe('policy.md with a consultation', () => {
  test('basis as titles or maps, text blocks, comments after keys, Chinese keys', () => {
    const policy = [
      '---',
      'id: c1',
      '标题：某某办法（征求意见稿）',
      '有效性: 征求意见稿',
      'consultation:   # a draft open for comments',
      '  id: c-1',
      '  endpoint: /api/v1',
      '  opens: 2024年6月1日',
      '  closes: 2024-07-01',
      '  contact: 0537-7212345',
      '  basis:',
      '    - title: 重大行政决策程序暂行条例',
      '      url: https://www.gov.cn/',
      '    - 汶政办发〔2017〕96号',
      '  draftingNotes: |',
      '    一、起草背景',
      '---',
      '第一条 为了规范……，制定本办法。',
    ].join('\n');
    const r = buildBundle({ 'policy.md': policy });
    assert.deepEqual(r.problems, []);
    assert.equal(r.bundle?.meta.title, '某某办法（征求意见稿）');
    assert.equal(r.bundle?.meta.status, 'draft');
    assert.deepEqual(r.bundle?.consultation, {
      id: 'c-1',
      endpoint: '/api/v1',
      opens: '2024-06-01',
      closes: '2024-07-01',
      contact: '0537-7212345',
      basis: [{ title: '重大行政决策程序暂行条例', url: 'https://www.gov.cn/' }, { title: '汶政办发〔2017〕96号' }],
      draftingNotes: '一、起草背景\n',
    });
    assert.deepEqual(
      r.bundle?.clauses?.map((c) => c.id),
      ['a1'],
    );
  });
});

describe('parseDocument', () => {
  test('a text page: clauses, meta, id from the file name', () => {
    const r = parseDocument(seed('ezhou-2016-plan.txt'), 'seeds/ezhou-2016-plan.txt');
    assert.deepEqual(r.problems, []);
    assert.equal(r.bundle?.id, 'ezhou-2016-plan');
    assert.equal(r.bundle?.meta.docNumber, '鄂州政办发〔2016〕40号');
    assert.equal(r.bundle?.clauses?.length, 42);
    assert.equal(r.bundle?.clauses?.find((c) => c.id === '2.2.4')?.number, '4.');
  });

  test('CMS HTML, and an id from the 文号 when the file name cannot be one', () => {
    const html =
      '<div class="TRS_Editor"><p>青发改办〔2017〕455号</p><p>关于做好政务公开工作的通知</p><p>一、总体要求</p><p>（一）指导思想</p><p>坚持公开。</p></div>';
    const r = parseDocument(html, '通知.html');
    assert.equal(r.bundle?.id, 'doc-2017-455');
    assert.deepEqual(
      r.bundle?.clauses?.map((c) => c.id),
      ['1', '1.1'],
    );
    assert.doesNotMatch(r.bundle?.body ?? '', /<p>/);
  });
});

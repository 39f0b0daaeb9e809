import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Clause, segment, segmentDocument } from '@gongkai/format';

const rows = (cs: Clause[]) => cs.map((c) => `${c.id} ${c.number} L${c.level} ${c.parent ?? '-'}`);
const ids = (cs: Clause[]) => cs.map((c) => c.id);
const byId = (cs: Clause[], id: string) => {
  const c = cs.find((x) => x.id === id);
  assert.ok(c, `no clause ${id} in ${ids(cs).join(' ')}`);
  return c;
};
const lines = (...ls: string[]) => ls.join('\n');

describe('segment: defects of real pages', () => {
  test('a missing opening bracket: 2) and 二) among (1) and (一)', () => {
    const cs = segment(lines('(一)甲', '(1)a。', '2)b。', '（3）c。', '二)乙', '(1)d。'));
    assert.deepEqual(rows(cs), [
      '1 (一) L1 -',
      '1.1 (1) L2 1',
      '1.2 2) L2 1',
      '1.3 （3） L2 1',
      '2 二) L1 -',
      '2.1 (1) L2 2',
    ]);
  });

  test('a dot number written for a bracket number continues the deeper list', () => {
    // Guiyang: 2. … 1) (2) 3) 4.提升回应效果 3.提升政民互动水平
    const cs = segment(
      lines('（二）提升', '1.甲', '2.乙', '1)a。', '(2)b。', '3)c。', '4.提升回应效果。对…', '3.丙', '1)d。'),
    );
    assert.deepEqual(rows(cs), [
      '2 （二） L1 -',
      '2.1 1. L2 2',
      '2.2 2. L2 2',
      '2.2.1 1) L3 2.2',
      '2.2.2 (2) L3 2.2',
      '2.2.3 3) L3 2.2',
      '2.2.4 4. L3 2.2',
      '2.3 3. L2 2',
      '2.3.1 1) L3 2.3',
    ]);
  });

  test('items whose markers were lost stay in the clause above; later markers still nest', () => {
    const cs = segment(
      lines(
        '4.民生',
        '1)环境信息公开',
        '强化空气质量信息公开。',
        '责任单位:规科处',
        '⑨公开执法情况。',
        '⑩更新监管信息。',
        '(2)林业信息公开',
      ),
    );
    assert.deepEqual(rows(cs), ['4 4. L1 -', '4.1 1) L2 4', '4.1.9 ⑨ L3 4.1', '4.1.10 ⑩ L3 4.1', '4.2 (2) L2 4']);
    assert.equal(byId(cs, '4.1').text, '1)环境信息公开\n强化空气质量信息公开。\n责任单位:规科处');
  });

  test('headings run together in one paragraph are split at real clause starts only', () => {
    const para =
      '根据《通知》(汶政办发〔2017〕96号,以下简称《方案》),制定本方案。 一、 总体要求 (一)指导思想 全面贯彻各县(市、区)的要求。' +
      ' (二) 基本原则 坚持需求导向。一是开展自评。二是总结提升。 二、工作任务 (一)鼓励探索创新。结合实际。';
    const doc = segmentDocument(para);
    assert.deepEqual(rows(doc.clauses), [
      '1 一、 L1 -',
      '1.1 (一) L2 1',
      '1.2 (二) L2 1',
      '2 二、 L1 -',
      '2.1 (一) L2 2',
    ]);
    assert.deepEqual(
      doc.clauses.map((c) => c.title),
      ['总体要求', '指导思想', '基本原则', '工作任务', '鼓励探索创新'],
    );
    assert.equal(byId(doc.clauses, '1.2').text, '(二) 基本原则 坚持需求导向。一是开展自评。二是总结提升。');
    assert.equal(doc.parts[0]?.clause, null);
    assert.equal(doc.parts[0]?.text, '根据《通知》(汶政办发〔2017〕96号,以下简称《方案》),制定本方案。');
  });

  test('a heading run together without a space is split at a bracketed marker', () => {
    const cs = segment('一、总体要求（一）指导思想 全面贯彻落实。（二）基本原则 依法公开。');
    assert.deepEqual(rows(cs), ['1 一、 L1 -', '1.1 （一） L2 1', '1.2 （二） L2 1']);
    assert.equal(byId(cs, '1').text, '一、总体要求');
    assert.equal(byId(cs, '1.1').title, '指导思想');
  });

  test('run-in candidates that do not fit the numbering are not split', () => {
    const cs = segment(lines('一、甲', '（一）乙。比例达到 3、5 和 (4) 项之一。 5.成效明显。'));
    assert.deepEqual(ids(cs), ['1', '1.1']);
  });

  test('page chrome, preamble and the signature are not clause text', () => {
    const doc = segmentDocument(
      lines(
        '当前位置 : 首页 >> 公告栏 >> 正文',
        '关于印发某某方案的通知 |',
        '|||',
        '各科室:',
        '一、总体要求',
        '全面推进。',
        '二、工作任务',
        '做好公开。 |',
        '某某县环境保护局',
        '2017年11月10日',
        '(此件公开发布)',
        '【打印本页】 【关闭窗口】',
        '扫一扫在手机上查看当前页面',
      ),
    );
    assert.deepEqual(ids(doc.clauses), ['1', '2']);
    assert.equal(byId(doc.clauses, '2').text, '二、工作任务\n做好公开。');
    const outside = doc.parts.filter((p) => p.clause === null).map((p) => p.text);
    assert.deepEqual(outside, [
      '当前位置 : 首页 >> 公告栏 >> 正文',
      '关于印发某某方案的通知',
      '|',
      '|||',
      '各科室:',
      '|',
      '某某县环境保护局',
      '2017年11月10日',
      '(此件公开发布)',
      '【打印本页】 【关闭窗口】',
      '扫一扫在手机上查看当前页面',
    ]);
  });

  test('two documents in one notice: the second gets d2. ids, its title lines are no clause text', () => {
    const doc = segmentDocument(
      lines(
        '关于印发两个方案的通知',
        '一、总体要求',
        '二、工作任务',
        '（一）梳理事项。',
        '附件2',
        '某某市政务公开考核办法',
        '一、考核对象',
        '（一）各区政府。',
        '（二）市政府各部门。',
        '二、考核内容',
      ),
    );
    assert.deepEqual(rows(doc.clauses), [
      '1 一、 L1 -',
      '2 二、 L1 -',
      '2.1 （一） L2 2',
      'd2.1 一、 L1 -',
      'd2.1.1 （一） L2 d2.1',
      'd2.1.2 （二） L2 d2.1',
      'd2.2 二、 L1 -',
    ]);
    assert.equal(byId(doc.clauses, '2.1').text, '（一）梳理事项。');
    assert.deepEqual(
      doc.parts.filter((p) => p.clause === null).map((p) => p.text),
      ['关于印发两个方案的通知', '附件2', '某某市政务公开考核办法'],
    );
  });
});

describe('segment: what is not a clause start', () => {
  test('parenthesised remarks and parenthesised place names', () => {
    const cs = segment(
      lines(
        '一、工作任务',
        '(此件公开发布)',
        '各县(市、区)要按要求落实。',
        '(责任单位:市政府各部门)',
        '（以下简称《方案》）',
        '（2021年起执行）',
      ),
    );
    assert.deepEqual(ids(cs), ['1']);
    assert.equal(byId(cs, '1').text.split('\n').length, 6);
  });

  test('in-sentence references to articles are not articles', () => {
    const cs = segment(
      lines(
        '第一条 为了规范管理，制定本办法。',
        '第二条 依照本条例第十条的规定执行。第三条规定的情形除外。',
        '第三条规定的期限内，应当办结。',
        '第十条的规定同样适用。',
        '第三条 违反本办法第二条规定的，依法处理。',
      ),
    );
    assert.deepEqual(rows(cs), ['a1 第一条 L1 -', 'a2 第二条 L1 -', 'a3 第三条 L1 -']);
    assert.match(byId(cs, 'a2').text, /第三条规定的期限内/);
  });

  test('continuation paragraphs that start with numbers belong to the clause above', () => {
    const cs = segment(
      lines(
        '一、工作目标',
        '2021年,全面完成试点任务。',
        '1.5亿元专项资金用于平台建设。',
        '3、4月份完成梳理。',
        '一、二级响应按预案执行。',
        '一是开展自评。二是总结提升。',
        '100%按时回复。',
      ),
    );
    assert.deepEqual(ids(cs), ['1']);
    assert.equal(byId(cs, '1').text.split('\n').length, 7);
  });

  test('an article reference right after a sentence end is not split off', () => {
    const cs = segment('第一条 为了规范管理。第三条规定的除外。第二条 本办法适用于本市。');
    assert.deepEqual(ids(cs), ['a1', 'a2']);
  });
});

describe('segment: titles and texts', () => {
  test('heading lines, run-in clauses and colons', () => {
    const cs = segment(
      lines(
        '一、总体要求',
        '（一）工作安排和明确任务阶段(7月20日-8月20日):',
        '各级、各部门要按照该方案要求。',
        '1.将“五公开”要求落实到公文办理程序。拟制公文时，要明确主动公开。',
        '2.推进决策公开；扩大公众参与。',
        '(1)建立重大决策预公开制度,广泛征求公众意见',
      ),
    );
    assert.deepEqual(
      cs.map((c) => c.title),
      [
        '总体要求',
        '工作安排和明确任务阶段(7月20日-8月20日)',
        '将“五公开”要求落实到公文办理程序',
        '推进决策公开',
        '建立重大决策预公开制度,广泛征求公众意见',
      ],
    );
  });

  test('a marker on a line of its own takes its title from the next line', () => {
    const cs = segment(lines('第一章', '总　　则', '第一条', '为了规范管理，制定本办法。'));
    assert.deepEqual(
      cs.map((c) => [c.id, c.title]),
      [
        ['c1', '总则'],
        ['a1', '为了规范管理，制定本办法'],
      ],
    );
  });

  test('a clause text holds its continuation paragraphs but not its children', () => {
    const cs = segment(
      lines('一、总体要求', '全面推进政务公开。', '（一）指导思想', '坚持公开。', '第二段。', '二、工作任务'),
    );
    assert.equal(byId(cs, '1').text, '一、总体要求\n全面推进政务公开。');
    assert.equal(byId(cs, '1.1').text, '（一）指导思想\n坚持公开。\n第二段。');
    assert.equal(byId(cs, '2').text, '二、工作任务');
  });

  test('no clauses in text without numbering; empty and odd inputs', () => {
    assert.deepEqual(segment('这是一段没有编号的文字。\n第二段。'), []);
    assert.deepEqual(segment(''), []);
    assert.deepEqual(segment('   \n\n\t'), []);
    assert.deepEqual(segment(undefined as unknown as string), []);
  });
});

describe('segment: tables of contents and article headings', () => {
  test('a 目录 of bare chapter headings before the body is not a first document', () => {
    const doc = segmentDocument(
      lines(
        '某某条例',
        '目　　录',
        '第一章　总　　则',
        '第二章　管　　理',
        '第三章　附　　则',
        '第一章　总　　则',
        '第一条　为了规范管理，制定本条例。',
        '第二章　管　　理',
        '第二条　有关部门应当加强管理。',
        '第三章　附　　则',
        '第三条　本条例自公布之日起施行。',
      ),
    );
    assert.deepEqual(rows(doc.clauses), [
      'c1 第一章 L1 -',
      'a1 第一条 L2 c1',
      'c2 第二章 L1 -',
      'a2 第二条 L2 c2',
      'c3 第三章 L1 -',
      'a3 第三条 L2 c3',
    ]);
    assert.equal(doc.parts.filter((p) => p.clause === null).length, 5);
  });

  test('a bracketed article heading is the title', () => {
    const cs = segment('第一条【立法目的】为了规范管理，制定本条例。\n第二条［适用范围］本条例适用于本市。');
    assert.deepEqual(
      cs.map((c) => c.title),
      ['立法目的', '适用范围'],
    );
  });
});

test('one-line clauses before a second document are a document, not a 目录', () => {
  const cs = segment(
    lines('一、各单位要高度重视。', '二、请于5月底前报送。', '附件', '某某市考核办法', '一、考核对象', '二、考核内容'),
  );
  assert.deepEqual(
    cs.map((c) => c.id),
    ['1', '2', 'd2.1', 'd2.2'],
  );
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Clause, segment } from '@gongkai/format';

const rows = (cs: Clause[]) => cs.map((c) => `${c.id} ${c.number} L${c.level} ${c.parent ?? '-'}`);
const ids = (cs: Clause[]) => cs.map((c) => c.id);
const byId = (cs: Clause[], id: string) => {
  const c = cs.find((x) => x.id === id);
  assert.ok(c, `no clause ${id} in ${ids(cs).join(' ')}`);
  return c;
};
const lines = (...ls: string[]) => ls.join('\n');

describe('segment: numbering styles', () => {
  test('一、 （一） 1. (1) ① nest in the order they appear', () => {
    const cs = segment(
      lines(
        '一、总体要求',
        '（一）指导思想',
        '1.坚持公开为常态。全面推进。',
        '(1)细化公开内容。',
        '①第一项。',
        '②第二项。',
        '(2)拓宽公开渠道。',
        '2.坚持问题导向。',
        '（二）基本原则',
        '二、工作任务',
      ),
    );
    assert.deepEqual(rows(cs), [
      '1 一、 L1 -',
      '1.1 （一） L2 1',
      '1.1.1 1. L3 1.1',
      '1.1.1.1 (1) L4 1.1.1',
      '1.1.1.1.1 ① L5 1.1.1.1',
      '1.1.1.1.2 ② L5 1.1.1.1',
      '1.1.1.2 (2) L4 1.1.1',
      '1.1.2 2. L3 1.1',
      '1.2 （二） L2 1',
      '2 二、 L1 -',
    ]);
  });

  test('full-width and half-width forms of one style are one level', () => {
    const cs = segment(
      lines(
        '一、甲',
        '(一)乙',
        '（二）丙',
        '三）丁',
        '1.a',
        '2．b',
        '3、c',
        '４．d',
        '⒌e',
        '（1）f',
        '(2)g',
        '3)h',
        '4）i',
        '⑸j',
        '二.戊',
      ),
    );
    assert.deepEqual(rows(cs), [
      '1 一、 L1 -',
      '1.1 (一) L2 1',
      '1.2 （二） L2 1',
      '1.3 三） L2 1',
      '1.3.1 1. L3 1.3',
      '1.3.2 2． L3 1.3',
      '1.3.3 3、 L3 1.3',
      '1.3.4 ４． L3 1.3',
      '1.3.5 ⒌ L3 1.3',
      '1.3.5.1 （1） L4 1.3.5',
      '1.3.5.2 (2) L4 1.3.5',
      '1.3.5.3 3) L4 1.3.5',
      '1.3.5.4 4） L4 1.3.5',
      '1.3.5.5 ⑸ L4 1.3.5',
      '2 二. L1 -',
    ]);
  });

  test('circled numbers ① … ⑳ and beyond give their number', () => {
    const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑';
    const cs = segment(['一、清单', ...[...circled].map((c) => `${c}事项。`)].join('\n'));
    assert.deepEqual(ids(cs), ['1', ...Array.from({ length: 21 }, (_, i) => `1.${i + 1}`)]);
    assert.equal(byId(cs, '1.20').number, '⑳');
    assert.equal(byId(cs, '1.21').number, '㉑');
  });

  test('第X章 第X节 第X条: chapters c, sections cX.sY, articles a by their own number', () => {
    const cs = segment(
      lines(
        '第一章 总则',
        '第一条 为了规范管理，制定本办法。',
        '第二条 本办法适用于本市。',
        '第二章 管理',
        '第一节 一般规定',
        '第三条 有关部门应当采取下列措施：',
        '（一）公开清单；',
        '（二）简化手续。',
        '第二节 特别规定',
        '第四条 特别规定如下。',
        '第三章 附则',
        '第五条 本办法自公布之日起施行。',
      ),
    );
    assert.deepEqual(rows(cs), [
      'c1 第一章 L1 -',
      'a1 第一条 L2 c1',
      'a2 第二条 L2 c1',
      'c2 第二章 L1 -',
      'c2.s1 第一节 L2 c2',
      'a3 第三条 L3 c2.s1',
      'a3.1 （一） L4 a3',
      'a3.2 （二） L4 a3',
      'c2.s2 第二节 L2 c2',
      'a4 第四条 L3 c2.s2',
      'c3 第三章 L1 -',
      'a5 第五条 L2 c3',
    ]);
  });

  test('large article numbers and inserted articles: 第十二条, 第一百零三条, 第二十条之一', () => {
    const cs = segment(
      lines(
        '第十二条 甲。',
        '第二十条 乙。',
        '第二十条之一 丙。',
        '第九十九条 丁。',
        '第一百条 戊。',
        '第一百零三条 己。',
        '第一百一十条 庚。',
      ),
    );
    assert.deepEqual(ids(cs), ['a12', 'a20', 'a20-1', 'a99', 'a100', 'a103', 'a110']);
    assert.equal(byId(cs, 'a103').number, '第一百零三条');
  });

  test('Arabic-numbered articles (第1条, 第12条之1, full-width 第３条) are articles like 第一条', () => {
    const cs = segment(
      lines(
        '第1章 总则',
        '第1条 为了规范管理，制定本办法。',
        '第2条 本办法适用于本市。有关部门应当：',
        '（一）公开清单；',
        '（二）简化手续。',
        '第12条 依照第2条规定执行。',
        '第12条之1 新增条款。',
        '第2章 附则',
        '第３条 本办法自公布之日起施行。',
      ),
    );
    assert.deepEqual(rows(cs), [
      'c1 第1章 L1 -',
      'a1 第1条 L2 c1',
      'a2 第2条 L2 c1',
      'a2.1 （一） L3 a2',
      'a2.2 （二） L3 a2',
      'a12 第12条 L2 c1',
      'a12-1 第12条之1 L2 c1',
      'c2 第2章 L1 -',
      'a3 第３条 L2 c2',
    ]);
    // The reference inside an article stays text.
    assert.match(byId(cs, 'a12').text, /依照第2条规定执行/);
  });

  test('articles written as an ordered list (1. 第1条 …) are articles, the list numbers no level', () => {
    const cs = segment(
      lines(
        '1. 第1条 为了规范管理，制定本办法。',
        '2. 第2条 本办法适用于本市：',
        '（一）公开清单；',
        '3. 第3条 施行。',
      ),
    );
    assert.deepEqual(rows(cs), ['a1 第1条 L1 -', 'a2 第2条 L1 -', 'a2.1 （一） L2 a2', 'a3 第3条 L1 -']);
    assert.equal(byId(cs, 'a1').title, '为了规范管理，制定本办法');
  });

  test('traditional characters: 第一章 第一節 第十條', () => {
    const cs = segment(
      lines(
        '第一章　總則',
        '第九條　為了規範管理，制定本辦法。',
        '第二章　管理',
        '第一節　一般規定',
        '第十條　有關部門應當採取下列措施：',
        '（一）公開清單；',
        '（二）簡化手續。',
      ),
    );
    assert.deepEqual(rows(cs), [
      'c1 第一章 L1 -',
      'a9 第九條 L2 c1',
      'c2 第二章 L1 -',
      'c2.s1 第一節 L2 c2',
      'a10 第十條 L3 c2.s1',
      'a10.1 （一） L4 a10',
      'a10.2 （二） L4 a10',
    ]);
    assert.equal(byId(cs, 'c1').title, '總則');
    assert.equal(byId(cs, 'a10').title, '有關部門應當採取下列措施');
  });
});

describe('segment: nesting follows the order of appearance', () => {
  test('一、 directly followed by 1.', () => {
    const cs = segment(lines('一、甲', '1.子一。', '2.子二。', '二、乙', '1.子三。'));
    assert.deepEqual(rows(cs), ['1 一、 L1 -', '1.1 1. L2 1', '1.2 2. L2 1', '2 二、 L1 -', '2.1 1. L2 2']);
  });

  test('a style first seen deeper takes the depth where it appears', () => {
    const cs = segment(
      lines('一、甲', '1.子。', '二、乙', '（一）丙', '1.丁。', '2.戊。', '（二）己', '三、庚', '1.辛。'),
    );
    assert.deepEqual(rows(cs), [
      '1 一、 L1 -',
      '1.1 1. L2 1',
      '2 二、 L1 -',
      '2.1 （一） L2 2',
      '2.1.1 1. L3 2.1',
      '2.1.2 2. L3 2.1',
      '2.2 （二） L2 2',
      '3 三、 L1 -',
      '3.1 1. L2 3',
    ]);
  });

  test('a document may start with 1. and later use (1)', () => {
    const cs = segment(lines('1.甲。', '(1)乙。', '(2)丙。', '2.丁。'));
    assert.deepEqual(rows(cs), ['1 1. L1 -', '1.1 (1) L2 1', '1.2 (2) L2 1', '2 2. L1 -']);
  });

  test('numbering continued across sections stays under its section', () => {
    const cs = segment(lines('一、甲', '1.a。', '2.b。', '二、乙', '3.c。', '4.d。', '三、丙', '5.e。'));
    assert.deepEqual(rows(cs), [
      '1 一、 L1 -',
      '1.1 1. L2 1',
      '1.2 2. L2 1',
      '2 二、 L1 -',
      '2.3 3. L2 2',
      '2.4 4. L2 2',
      '3 三、 L1 -',
      '3.5 5. L2 3',
    ]);
  });

  test('第一节 first seen in a later chapter sits between chapter and article', () => {
    const cs = segment(
      lines('第一章 甲', '第一条 a。', '第二章 乙', '第一节 丙', '第二条 b。', '第三章 丁', '第三条 c。'),
    );
    assert.deepEqual(rows(cs), [
      'c1 第一章 L1 -',
      'a1 第一条 L2 c1',
      'c2 第二章 L1 -',
      'c2.s1 第一节 L2 c2',
      'a2 第二条 L3 c2.s1',
      'c3 第三章 L1 -',
      'a3 第三条 L2 c3',
    ]);
  });
});

describe('segment: ids', () => {
  test('ids come from the written numbers along the path: 三、 then 4. gives 3.4', () => {
    const cs = segment(lines('一、甲', '1.a。', '二、乙', '2.b。', '3.c。', '三、丙', '4.d。', '（二）e'));
    assert.equal(byId(cs, '3.4').number, '4.');
    assert.equal(byId(cs, '3.4').parent, '3');
  });

  test('an article keeps its id whatever chapter it is in', () => {
    const a = segment(lines('第一章 甲', '第四条 a。', '第五条 b。'));
    const b = segment(lines('第一章 甲', '第四条 a。', '第二章 乙', '第五条 b。'));
    assert.equal(byId(a, 'a5').parent, 'c1');
    assert.equal(byId(b, 'a5').parent, 'c2');
  });

  test('items inside an article: （一） in 第五条 is a5.1', () => {
    const cs = segment(lines('第五条 应当采取下列措施：', '（一）公开；', '1.主动公开；', '（二）解读。'));
    assert.deepEqual(ids(cs), ['a5', 'a5.1', 'a5.1.1', 'a5.2']);
  });

  test('ids do not change when unrelated text changes', () => {
    const base = [
      '关于印发方案的通知',
      '一、总体要求',
      '（一）指导思想',
      '全面推进。',
      '（二）基本原则',
      '二、工作任务',
      '1.推进公开。',
    ];
    const edited = [...base];
    edited.splice(0, 1, '某某市人民政府办公室关于印发方案的通知', '各区人民政府:', '现印发给你们。');
    edited.splice(5, 1, '全面推进，逐步扩大公开范围。', '2021年,完成试点。');
    const a = segment(base.join('\n'));
    const b = segment(edited.join('\n'));
    assert.deepEqual(rows(b), rows(a));
  });

  test('a number written twice under one parent gets a suffix', () => {
    const cs = segment(lines('一、甲', '1.a。', '1.b。', '2.c。'));
    assert.deepEqual(ids(cs), ['1', '1.1', '1.1-2', '1.2']);
  });
});

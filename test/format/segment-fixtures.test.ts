import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type Clause, extractMeta, segment, segmentDocument } from '@gongkai/format';

const shared = new URL('../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, shared), 'utf8');
const local = (path: string) => readFileSync(new URL(`fixtures/segment/${path}`, import.meta.url), 'utf8');

const pairs = (cs: Clause[]) => cs.map((c) => `${c.id} ${c.number}`);
const rows = (cs: Clause[]) => cs.map((c) => `${c.id} ${c.number} L${c.level} ${c.parent ?? '-'}`);
const byId = (cs: Clause[], id: string) => {
  const c = cs.find((x) => x.id === id);
  assert.ok(c, `no clause ${id}`);
  return c;
};
const noSpace = (s: string) => s.replace(/\s+/g, '');
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

function assertWellFormed(cs: Clause[]) {
  const seen = new Map<string, Clause>();
  for (const c of cs) {
    assert.match(c.id, ID);
    assert.ok(!seen.has(c.id), `duplicate id ${c.id}`);
    if (c.parent === null) assert.equal(c.level, 1, c.id);
    else assert.equal(c.level, (seen.get(c.parent) as Clause).level + 1, c.id);
    assert.ok(c.text.startsWith(c.number), c.id);
    seen.set(c.id, c);
  }
}

describe('seed: wenshang-epb-2017-pilot (headings run together on one line)', () => {
  const doc = segmentDocument(read('seeds/wenshang-epb-2017-pilot.txt'));
  test('every clause, with its number as written', () => {
    assert.deepEqual(pairs(doc.clauses), [
      '1 一、',
      '1.1 (一)',
      '1.2 (二)',
      '1.3 (三)',
      '2 二、',
      '2.1 (一)',
      '2.2 (二)',
      '2.3 (三)',
      '2.4 (四)',
      '3 三、',
      '3.1 (一)',
      '3.2 (二)',
      '3.3 (三)',
      '4 四、',
      '4.1 (一)',
      '4.2 (二)',
      '4.3 (三)',
    ]);
    assertWellFormed(doc.clauses);
    assert.deepEqual(
      doc.clauses.map((c) => c.title),
      [
        '总体要求',
        '指导思想',
        '基本原则',
        '工作目标',
        '工作任务',
        '梳理政务公开事项',
        '编制政务公开事项标准',
        '规范政务公开工作流程',
        '完善政务公开方式',
        '实施步骤',
        '制定实施方案',
        '组织实施',
        '开展总结验收',
        '试点工作要求',
        '鼓励探索创新',
        '注重工作交流',
        '做好考核评估',
      ],
    );
  });

  test('the preamble, the 《方案》 reference and the chrome are not clauses', () => {
    assert.equal(byId(doc.clauses, '1').text, '一、 总体要求');
    assert.ok(byId(doc.clauses, '3.3').text.includes('一是开展自评。'));
    const last = byId(doc.clauses, '4.3').text;
    assert.ok(last.endsWith('严肃问责。'), last.slice(-20));
    const outside = doc.parts.filter((p) => p.clause === null).map((p) => p.text);
    assert.ok(outside.some((t) => t.endsWith('(汶政办发〔2017〕96号,以下简称《方案》),结合我局实际,制定本实施方案。')));
    assert.ok(outside.includes('【打印本页】'));
  });
});

describe('seed: ezhou-2016-plan (items 1–23 continued across six sections)', () => {
  const doc = segmentDocument(read('seeds/ezhou-2016-plan.txt'));
  test('every clause, with its number as written', () => {
    const items = (section: number, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `2.${section}.${from + i} ${from + i}.`);
    assert.deepEqual(pairs(doc.clauses), [
      '1 一、',
      '1.1 (一)',
      '1.2 (二)',
      '1.3 (三)',
      '2 二、',
      '2.1 (一)',
      ...items(1, 1, 3),
      '2.2 (二)',
      ...items(2, 4, 8),
      '2.3 (三)',
      ...items(3, 9, 14),
      '2.4 (四)',
      ...items(4, 15, 17),
      '2.5 (五)',
      ...items(5, 18, 20),
      '2.6 (六)',
      ...items(6, 21, 23),
      '3 三、',
      '3.1 (一)',
      '3.2 (二)',
      '3.3 (三)',
      '4 四、',
      '4.1 (一)',
      '4.2 (二)',
      '4.3 (三)',
    ]);
    assertWellFormed(doc.clauses);
    assert.equal(byId(doc.clauses, '2.2.4').parent, '2.2');
    assert.equal(byId(doc.clauses, '2.2.4').level, 3);
  });

  test('titles, remarks in brackets, continuation paragraphs', () => {
    assert.equal(byId(doc.clauses, '2.1.1').title, '推进权力清单和责任清单公开');
    assert.equal(byId(doc.clauses, '3.1').title, '工作安排和明确任务阶段(7月20日-8月20日)');
    assert.equal(byId(doc.clauses, '3.1').text.split('\n').length, 2);
    assert.match(
      byId(doc.clauses, '2.1.2').text,
      /\(责任单位:市发改委、市人行、市工商局,市政府各部门,各区政府、开发区,各街办\)。$/,
    );
    assert.ok(!byId(doc.clauses, '4.3').text.includes('扫一扫'));
    const outside = doc.parts.filter((p) => p.clause === null).map((p) => p.text);
    assert.ok(outside.includes('鄂州市人民政府办公室'));
    assert.ok(outside.includes('关于全面推进政务公开工作实施方案'));
  });
});

describe('seed: guiyang-eco-2017-plan (missing brackets, lost markers, slipped styles)', () => {
  const doc = segmentDocument(read('seeds/guiyang-eco-2017-plan.txt'));
  const cs = doc.clauses;
  test('shape', () => {
    assert.equal(cs.length, 83);
    assertWellFormed(cs);
    assert.deepEqual(
      cs.filter((c) => c.level === 1).map((c) => `${c.id} ${c.number} ${c.title}`),
      ['1 一、 指导思想', '2 二、 基本原则', '3 三、 组织保障', '4 四、 公开内容和责任分工'],
    );
    assert.deepEqual(
      cs.filter((c) => c.level === 2).map((c) => `${c.id} ${c.number}`),
      ['4.1 (一)', '4.2 (二)', '4.3 (三)', '4.4 (四)', '4.5 (五)'],
    );
  });

  test('(1) 2) (3) 4) 5): a missing opening bracket is the same style', () => {
    assert.deepEqual(rows(cs.filter((c) => c.parent === '4.1.1')), [
      '4.1.1.1 (1) L4 4.1.1',
      '4.1.1.2 2) L4 4.1.1',
      '4.1.1.3 (3) L4 4.1.1',
      '4.1.1.4 4) L4 4.1.1',
      '4.1.1.5 5) L4 4.1.1',
    ]);
  });

  test('4.提升回应效果 after 3) is item 4 of the list, not a fourth 1.-level heading', () => {
    assert.deepEqual(rows(cs.filter((c) => c.parent === '4.2.2' || c.parent === '4.2')), [
      '4.2.1 1. L3 4.2',
      '4.2.2 2. L3 4.2',
      '4.2.2.1 1) L4 4.2.2',
      '4.2.2.2 (2) L4 4.2.2',
      '4.2.2.3 3) L4 4.2.2',
      '4.2.2.4 4. L4 4.2.2',
      '4.2.3 3. L3 4.2',
      '4.2.4 4. L3 4.2',
      '4.2.5 5. L3 4.2',
    ]);
    assert.equal(byId(cs, '4.2.2.4').title, '提升回应效果');
    assert.deepEqual(rows(cs.filter((c) => c.parent === '4.4.3')), [
      '4.4.3.1 1) L4 4.4.3',
      '4.4.3.2 2. L4 4.4.3',
      '4.4.3.3 3. L4 4.4.3',
    ]);
  });

  test('①–⑧ lost: their paragraphs stay in 1); ⑨ ⑩ nest under it', () => {
    assert.deepEqual(rows(cs.filter((c) => c.id.startsWith('4.2.4.'))), [
      '4.2.4.1 1) L4 4.2.4',
      '4.2.4.1.9 ⑨ L5 4.2.4.1',
      '4.2.4.1.10 ⑩ L5 4.2.4.1',
      '4.2.4.2 (2) L4 4.2.4',
    ]);
    const item = byId(cs, '4.2.4.1').text;
    assert.ok(item.startsWith('1)围绕民生改善推进环境保护信息公开\n进一步强化空气质量预测预报信息公开'));
    assert.ok(item.endsWith('责任单位:环评处、污防处(市辐射站)'));
  });

  test('(牵头单位…) and 责任单位 lines are continuation; the footer is not clause text', () => {
    assert.ok(byId(cs, '4.4.1.1').text.endsWith('(牵头单位:委办公室;责任单位:机关各处室、委属各单位)'));
    assert.ok(byId(cs, '4.5.2.2').text.endsWith('责任单位:委办公室、人事处'));
    const outside = doc.parts.filter((p) => p.clause === null).map((p) => p.text);
    assert.deepEqual(outside.slice(-2), ['分享到: 更多', '请稍候...']);
  });
});

const REGULATIONS = [
  { year: 2020, articles: 83, items: { a12: 6, a22: 5, a26: 3, a30: 5, a44: 5, a45: 4, a71: 3 } },
  { year: 2024, articles: 94, items: { a13: 6, a25: 5, a28: 3, a32: 5, a48: 5, a49: 4 } },
];
const CHAPTERS = ['c1 总则', 'c2 市场环境', 'c3 政务服务', 'c4 监管执法', 'c5 法治保障', 'c6 附则'];

/** The markdown as a CMS would show it: <p> with &nbsp; indents, entities, page chrome around. */
function asCmsHtml(md: string): string {
  const esc = (s: string) =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/“/g, '&ldquo;')
      .replace(/”/g, '&rdquo;')
      .replace(/、/g, '&#12289;');
  const body = md
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('<!--'))
    .map((l) => {
      if (l.startsWith('# ')) return `<h1 class="title">${esc(l.slice(2))}</h1>`;
      if (l.startsWith('## '))
        return `<p align="center"><strong><span style="font-family:黑体">${esc(l.slice(3)).replace(/[\u3000 ]/g, '&nbsp;&nbsp;')}</span></strong></p>`;
      return `<p style="text-indent: 2em; line-height: 2;">&nbsp;&nbsp;&nbsp;&nbsp;${esc(l).replace(/^(第\S+条) /, '<strong>$1</strong>&nbsp;&nbsp;')}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>北京市优化营商环境条例_首都之窗</title>
<style>.TRS_Editor p { margin: 0 }</style>
<script type="text/javascript">var tpl = "<p>第九十九条 不是条文</p>"; if (a < b && c > d) {}</script></head>
<body><div class="crumb">首页 &gt; 政策文件 &gt; 地方性法规</div>
<table class="info"><tr><td>索&nbsp;引&nbsp;号：</td><td>000014349/2020-00017</td><td>发文机关：</td><td>北京市人民代表大会常务委员会</td></tr>
<tr><td>发布日期：</td><td>2020年04月01日</td><td>有&nbsp;效&nbsp;性：</td><td>有效</td></tr></table>
<div class="TRS_Editor"><style>p{}</style>
${body}
</div>
<div class="bottom"><p>【打印本页】&nbsp;&nbsp;【关闭窗口】</p><p>主办：北京市人民政府办公厅&nbsp;&nbsp;承办：北京市政务服务管理局</p><p>京ICP备05060933号</p></div>
<footer><p>网站标识码：1100000088</p></footer><script>track()</script></body></html>`;
}

/** The markdown as pasted from a page: full-width indents, blank lines, chrome lines. */
function asPastedText(md: string): string {
  const body = md
    .split('\n')
    .filter((l) => !l.startsWith('<!--'))
    .map((l) => (l.startsWith('#') ? l.replace(/^#+ /, '') : l ? `　　${l.replace(/^(第\S+条) /, '$1　')}` : ''))
    .join('\n');
  return `首页 > 政策文件 > 地方性法规\n索引号：000014349/2020-00017    发文机关：北京市人民代表大会常务委员会\n\n${body}\n\n【打印本页】 【关闭窗口】\n`;
}

for (const { year, articles, items } of REGULATIONS) {
  describe(`regulation: beijing-business-environment-${year}`, () => {
    const md = read(`regulations/beijing-business-environment-${year}.md`);
    const cs = segment(md);
    test(`${articles} articles in 6 chapters, items under their articles`, () => {
      assertWellFormed(cs);
      const arts = cs.filter((c) => c.number.endsWith('条'));
      assert.equal(arts.length, articles);
      assert.deepEqual(
        arts.map((c) => c.id),
        Array.from({ length: articles }, (_, i) => `a${i + 1}`),
      );
      assert.ok(arts.every((c) => c.level === 2 && c.parent?.startsWith('c')));
      assert.deepEqual(
        cs.filter((c) => c.level === 1).map((c) => `${c.id} ${c.title}`),
        CHAPTERS,
      );
      const counts: Record<string, number> = {};
      for (const c of cs.filter((x) => x.level === 3))
        counts[c.parent as string] = (counts[c.parent as string] ?? 0) + 1;
      assert.deepEqual(counts, items);
      assert.equal(cs.length, 6 + articles + Object.values(items).reduce((a, b) => a + b, 0));
    });

    test('representative slice: chapter 1 and the first list of items', () => {
      assert.deepEqual(rows(cs.slice(0, 4)), [
        'c1 第一章 L1 -',
        'a1 第一条 L2 c1',
        'a2 第二条 L2 c1',
        'a3 第三条 L2 c1',
      ]);
      const [first] = Object.keys(items);
      const list = cs.filter((c) => c.parent === first);
      assert.deepEqual(
        list.map((c) => c.number),
        ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'],
      );
      assert.equal(byId(cs, 'a3').text.split('\n').length, 2);
      assert.equal(byId(cs, 'a1').parent, 'c1');
      assert.equal(byId(cs, `a${articles}`).parent, 'c6');
    });

    test('the same clauses from CMS HTML and from pasted text', () => {
      for (const [label, input] of [
        ['html', asCmsHtml(md)],
        ['pasted', asPastedText(md)],
      ] as const) {
        const other = segment(input);
        assert.deepEqual(rows(other), rows(cs), label);
        assert.deepEqual(
          other.map((c) => c.title),
          cs.map((c) => c.title),
          label,
        );
        assert.deepEqual(
          other.map((c) => noSpace(c.text)),
          cs.map((c) => noSpace(c.text)),
          label,
        );
      }
    });

    test('metadata from the CMS page', () => {
      assert.deepEqual(extractMeta(asCmsHtml(md)), {
        title: '北京市优化营商环境条例',
        issuer: '北京市人民代表大会常务委员会',
        indexNumber: '000014349/2020-00017',
        published: '2020-04-01',
        status: 'valid',
        ...(year === 2020 ? { effective: '2020-04-28' } : {}),
      });
    });
  });
}

describe('zh-Hant: a part of the ezhou seed in traditional characters', () => {
  const text = local('ezhou-2016-plan-zh-hant.txt');
  test('clauses', () => {
    const cs = segment(text);
    assert.deepEqual(rows(cs), [
      '1 一、 L1 -',
      '1.1 (一) L2 1',
      '1.2 (二) L2 1',
      '2 二、 L1 -',
      '2.1 (一) L2 2',
      '2.1.1 1. L3 2.1',
      '2.1.2 2. L3 2.1',
      '2.2 (二) L2 2',
      '2.2.3 3. L3 2.2',
      '3 三、 L1 -',
      '3.1 (一) L2 3',
    ]);
    assert.equal(byId(cs, '1.1').title, '指導思想');
    assert.equal(byId(cs, '2.1.1').title, '推進權力清單和責任清單公開');
    assert.ok(!byId(cs, '3.1').text.includes('掃一掃'));
  });

  test('metadata', () => {
    assert.deepEqual(extractMeta(text), {
      title: '市人民政府辦公室印發《關於全面推進政務公開工作實施方案》的通知',
      docNumber: '鄂州政辦發〔2016〕40號',
      issuer: '鄂州市政府',
      indexNumber: '011217651/2016-17811',
      published: '2016-07-21',
      status: 'valid',
      category: '鄂州政辦發',
    });
  });
});

describe('seed as old-CMS HTML: one <td>, lines separated by <br>', () => {
  test('ezhou gives the same clauses as the text', () => {
    const text = read('seeds/ezhou-2016-plan.txt');
    const html = `<table><tr><td class="bt_content">${text
      .split('\n')
      .map((l) => l.replace(/&/g, '&amp;').replace(/ /g, '&nbsp;'))
      .join('<br>\n')}</td></tr></table>`;
    assert.deepEqual(rows(segment(html)), rows(segment(text)));
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type Clause, extractMeta, segment, segmentDocument } from '@gongkai/format';

const page = (path: string) => readFileSync(new URL(`../fixtures/pages/${path}`, import.meta.url), 'utf8');
const byId = (cs: Clause[], id: string) => {
  const c = cs.find((x) => x.id === id);
  assert.ok(c, `no clause ${id}`);
  return c;
};

/** What the page shows around the document: none of it is text of a clause. */
const CHROME = [
  '当前位置',
  '首页',
  '字体',
  '大 中 小',
  '浏览次数',
  '我要纠错',
  '责任编辑',
  '张三',
  '打印本页',
  '关闭窗口',
  '分享到：',
  '扫一扫在手机',
  '上一篇',
  '下一篇',
  '春节期间安全生产',
  '相关链接',
  '政策解读',
  '一图读懂',
  '主办单位',
  'ICP备',
  '公网安备',
  '联系电话',
  '人民路1号',
  '技术支持',
  '不是条文',
];

for (const file of ['cms-page-chrome.html', 'cms-page-chrome.txt']) {
  describe(`a CMS page with chrome before and after the body: ${file} (issue 18)`, () => {
    const input = page(file);
    const doc = segmentDocument(input);
    const cs = doc.clauses;

    test('ten articles, nothing else', () => {
      assert.equal(doc.format, file.endsWith('.html') ? 'html' : 'text');
      assert.deepEqual(
        cs.map((c) => c.id),
        Array.from({ length: 10 }, (_, i) => `a${i + 1}`),
      );
    });

    test('the last clause ends with the article’s own text, its second paragraph kept', () => {
      const last = byId(cs, 'a10');
      assert.deepEqual(
        last.text.split('\n').map((l) => l.replace(/\s+/g, ' ')),
        ['第十条 本办法自2024年3月1日起施行，有效期5年。', '2019年印发的《江州市政府信息公开管理办法》同时废止。'],
      );
    });

    test('no clause holds page chrome', () => {
      for (const c of cs) for (const s of CHROME) assert.ok(!c.text.includes(s), `${c.id} has ${s}: ${c.text}`);
    });

    test('the chrome is kept outside the clauses, not lost', () => {
      const outside = doc.parts
        .filter((p) => p.clause === null)
        .map((p) => p.text)
        .join('\n');
      for (const s of ['我要纠错', '责任编辑：张三', '打印本页', '扫一扫在手机打开当前页', '技术支持']) {
        assert.ok(outside.includes(s), s);
      }
    });

    test('打印, 分享到 and 扫一扫 inside the articles’ sentences stay', () => {
      assert.ok(byId(cs, 'a5').text.endsWith('行政机关工作人员不得将尚未公开的政府信息分享到个人社交账号。'));
      assert.ok(byId(cs, 'a6').text.includes('下载和打印服务'));
      assert.ok(byId(cs, 'a7').text.includes('通过扫一扫政务服务二维码查询办理进度。'));
      assert.ok(byId(cs, 'a8').text.endsWith('打印、复制政府信息的，行政机关不收取费用。'));
    });

    test('the metadata of the page is read as before', () => {
      assert.deepEqual(extractMeta(input), {
        title: '江州市人民政府办公室关于印发《江州市政务公开工作办法》的通知',
        docNumber: '江政办发〔2024〕5号',
        issuer: '江州市人民政府办公室',
        indexNumber: '113307000025792416/2024-00012',
        published: '2024-02-20',
        effective: '2024-03-01',
        status: 'valid',
        category: '综合政务\\政务公开',
      });
    });
  });
}

describe('page chrome: whole lines and marked links only, never words of a sentence', () => {
  test('chrome glued to the last article is cut off at a sentence end', () => {
    const cs = segment('第一条 甲。\n第二条 本办法自印发之日起施行。【打印本页】【关闭窗口】');
    assert.equal(byId(cs, 'a2').text, '第二条 本办法自印发之日起施行。');
  });

  test('after the page’s tools, no text joins the last clause', () => {
    const cs = segment('第一条 甲。\n第二条 乙。\n丙。\n打印本页 关闭窗口\n联系电话：0579-12345678\n地址：人民路1号');
    assert.equal(byId(cs, 'a2').text, '第二条 乙。\n丙。');
  });

  test('the same words inside sentences, or at the start of a sentence of the document, stay', () => {
    const text = [
      '第一条 公众可以在政府网站上浏览、下载、打印本页所列表格。',
      '第二条 政务新媒体应当分享到：微信、微博等平台的信息负责。扫一扫二维码即可办理。',
      '【附则】',
      '本办法由市政府办公室负责解释。',
    ].join('\n');
    const cs = segment(text);
    assert.equal(byId(cs, 'a1').text, '第一条 公众可以在政府网站上浏览、下载、打印本页所列表格。');
    const a2 = byId(cs, 'a2').text;
    assert.ok(a2.startsWith('第二条 政务新媒体应当分享到：微信、微博等平台的信息负责。扫一扫二维码即可办理。'), a2);
    assert.ok(a2.endsWith('\n本办法由市政府办公室负责解释。'), a2);
  });

  test('a clause that continues the numbering after the page’s tools is still a clause', () => {
    assert.deepEqual(
      segment('第一条 甲。\n【打印本页】\n乙。\n第二条 丙。').map((c) => c.text),
      ['第一条 甲。', '第二条 丙。'],
    );
  });

  test('a breadcrumb that ends with the title is not the title', () => {
    for (const page of [
      '当前位置：首页 > 政策文件 > 关于印发某某办法的通知\n关于印发某某办法的通知\n第一条 甲。',
      '<div>首页 &gt; 政策文件 &gt; 关于印发某某办法的通知</div><div>字号：大 中 小</div><p>关于印发某某办法的通知</p><p>第一条 甲。</p>',
    ])
      assert.equal(extractMeta(page).title, '关于印发某某办法的通知');
  });

  test('chrome between the title and the body does not stop the clauses', () => {
    const cs = segment('某某办法\n【打印本页】【关闭窗口】\n责任编辑：张三\n第一条 甲。\n第二条 乙。');
    assert.deepEqual(
      cs.map((c) => c.text),
      ['第一条 甲。', '第二条 乙。'],
    );
  });
});

describe('a top-level 1. 2. list with no 第X条 is the clauses (issue 18)', () => {
  const expected = ['1 1. 加强组织领导，明确责任分工', '2 2. 做好信息公开', '3 3. 本通知自印发之日起施行'];
  const rows = (cs: Clause[]) => cs.map((c) => `${c.id} ${c.number.replace('．', '.')} ${c.title}`);

  test('plain text', () => {
    const cs = segment(
      '关于做好某项工作的通知\n各单位：\n1. 加强组织领导，明确责任分工。\n2. 做好信息公开。\n3. 本通知自印发之日起施行。',
    );
    assert.deepEqual(rows(cs), expected);
  });

  test('HTML paragraphs with written numbers', () => {
    const cs = segment(
      '<h1>关于做好某项工作的通知</h1><p>1．加强组织领导，明确责任分工。</p><p>2．做好信息公开。</p><p>3．本通知自印发之日起施行。</p>',
    );
    assert.deepEqual(rows(cs), expected);
  });

  test('an HTML <ol> whose items carry no written number: the numbers the page shows', () => {
    const html = `<h1>关于做好某项工作的通知</h1><p>各单位：</p>
      <ol><li>加强组织领导，明确责任分工。<ul><li>成立工作专班。</li></ul></li>
      <li><p>做好信息公开。</p><p>及时更新网站。</p></li><li>本通知自印发之日起施行。</li></ol>`;
    const doc = segmentDocument(html);
    assert.deepEqual(rows(doc.clauses), expected);
    // The unordered list inside is continuation text, not a clause.
    assert.equal(byId(doc.clauses, '1').text, '1. 加强组织领导，明确责任分工。\n成立工作专班。');
    assert.equal(byId(doc.clauses, '2').text, '2. 做好信息公开。\n及时更新网站。');
  });

  test('an <ol start> continues its number; items written with numbers are not numbered twice', () => {
    assert.deepEqual(
      segment('<ol><li>甲。</li><li>乙。</li></ol><p>说明。</p><ol start="3"><li>丙。</li></ol>').map((c) => c.text),
      ['1. 甲。', '2. 乙。\n说明。', '3. 丙。'],
    );
    assert.deepEqual(
      segment('<ol><li>一、总体要求</li><li>二、工作任务</li></ol>').map((c) => c.number),
      ['一、', '二、'],
    );
  });
});

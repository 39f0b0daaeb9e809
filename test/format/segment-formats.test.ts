import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectFormat, segment, segmentDocument, toParagraphs } from '@gongkai/format';

describe('detectFormat', () => {
  test('html, markdown, text', () => {
    assert.equal(detectFormat('<p>一、总体要求</p>'), 'html');
    assert.equal(detectFormat('前言<br/>一、总体要求'), 'html');
    assert.equal(detectFormat('# 标题\n\n一、总体要求'), 'markdown');
    assert.equal(detectFormat('<!-- INFO END -->\n第一条 内容'), 'markdown');
    assert.equal(detectFormat('一、总体要求\n（一）指导思想'), 'text');
    // `<关于…>` in sloppy text is not a tag.
    assert.equal(detectFormat('印发<关于全面推进政务公开工作的实施意见>的通知'), 'text');
  });
});

describe('toParagraphs: HTML', () => {
  test('blocks, <br>, entities, &nbsp; indents, tables; scripts, styles and comments dropped', () => {
    const html = `<html><head><title>页面标题</title><style>p{color:red}</style></head><body>
      <div class="nav">首页 &gt; 政策</div>
      <table><tr><td>索引号：</td><td>000014349/2020-00017</td></tr></table>
      <!-- 注释 <p>不是正文</p> -->
      <script>document.write('<p>一、假条款</p>')</script>
      <p style="text-indent:2em">&nbsp;&nbsp;一、总体要求<br>（一）指导思想</p>
      <p>坚持&ldquo;以公开为常态&rdquo;&#12289;&#x4E0D;公开为例外&amp;c&nbsp;&lt;b&gt; &unknown; &copy</p>
      <P ALIGN=center><FONT face="宋体">二、</FONT><span>工作任务</span></P>
      <div>A&nbsp;&nbsp;B
        C</div>
      </body></html>`;
    assert.deepEqual(toParagraphs(html), [
      '首页 > 政策',
      '索引号： 000014349/2020-00017',
      '一、总体要求',
      '（一）指导思想',
      '坚持“以公开为常态”、不公开为例外&c <b> &unknown; ©',
      '二、工作任务',
      'A  B C',
    ]);
  });

  test('attributes with > inside quotes, a stray < and unclosed tags do not break it', () => {
    assert.deepEqual(toParagraphs('<p title="a>b" data-x=\'>\'>一、甲</p><p>印发<关于x>的通知</p><p>二、乙'), [
      '一、甲',
      '印发<关于x>的通知',
      '二、乙',
    ]);
    assert.deepEqual(toParagraphs('<p>一、甲</p><script>var x = "<p>二、乙</p>"'), ['一、甲']);
    assert.deepEqual(toParagraphs('<p>正文</p><!-- unterminated'), ['正文']);
  });

  test('text in <nav>, <header>, <footer> and <aside> is chrome, never clause text', () => {
    const doc = segmentDocument(
      '<header>一、网站导航</header><p>一、总体要求</p><p>全面推进。</p><footer><p>二、联系我们</p></footer><aside>三、相关链接</aside>',
    );
    assert.deepEqual(
      doc.clauses.map((c) => [c.id, c.text]),
      [['1', '一、总体要求\n全面推进。']],
    );
    assert.equal(doc.parts.filter((p) => p.clause === null).length, 3);
  });

  test('a whole notice in CMS HTML', () => {
    const html = `<div class="TRS_Editor"><p align="center"><b>关于印发某某方案的通知</b></p>
      <p>各区人民政府:</p><p>&nbsp;&nbsp;&nbsp;&nbsp;一、总体要求</p><p>&nbsp;&nbsp;（一）指导思想</p>
      <p>&nbsp;&nbsp;全面推进政务公开。</p><p>&nbsp;&nbsp;1.推进决策公开。扩大参与。</p>
      <p style="text-align:right">某某市人民政府办公室</p><p style="text-align:right">2016年7月17日</p></div>`;
    const cs = segment(html);
    assert.deepEqual(
      cs.map((c) => `${c.id} ${c.number} ${c.title}`),
      ['1 一、 总体要求', '1.1 （一） 指导思想', '1.1.1 1. 推进决策公开'],
    );
    assert.equal(cs[2]?.text, '1.推进决策公开。扩大参与。');
  });
});

describe('toParagraphs: markdown and text', () => {
  test('markdown syntax is removed, one paragraph per line', () => {
    const md =
      '# 某某条例\n\n<!-- INFO END -->\n\n## 第一章　总　　则\n\n第一条 **为了**规范\\.管理。\n> 引用\n- 列表项\n[链接](https://x.cn)\n<!--\n多行\n注释\n-->\n1. 第一项';
    assert.deepEqual(toParagraphs(md), [
      '某某条例',
      '第一章　总　　则',
      '第一条 为了规范.管理。',
      '引用',
      '列表项',
      '链接',
      '1. 第一项',
    ]);
    const cs = segment(md);
    assert.deepEqual(
      cs.map((c) => `${c.id} ${c.title}`),
      ['c1 总则', 'a1 为了规范.管理', 'a1.1 第一项'],
    );
  });

  test('text: every non-blank line is a paragraph, trimmed; CRLF and full-width indents', () => {
    assert.deepEqual(toParagraphs('  标题 \r\n\r\n\u3000\u3000一、甲\r（一）乙\n\t\n'), ['标题', '一、甲', '（一）乙']);
  });

  test('the format option overrides detection', () => {
    assert.deepEqual(toParagraphs('<p>一、甲</p>', { format: 'text' }), ['<p>一、甲</p>']);
    assert.deepEqual(toParagraphs('# 一、甲', { format: 'text' }), ['# 一、甲']);
    assert.deepEqual(
      segment('# 一、甲', { format: 'markdown' }).map((c) => c.id),
      ['1'],
    );
  });
});

// Word in (issue 21): .docx files built here with the `docx` package, read as a drafter's
// would be — Word's automatic numbers as printed, typed numbers as typed, tables, footnotes,
// images and their text alternatives, the 公文 layout as meta.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Clause, formatProblem, markdownToHtml } from '@gongkai/format';
import { type DocxBlock, dateOf, formatNumber, readGongwen } from '@gongkai/format/docx';
import { parseDocxFile } from '@gongkai/format/docx/node';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cited, docxOf, gongwen, heading, image, item, NUMBERING, PNG, p, styled, table } from './docx-samples.js';

const rows = (cs: readonly Clause[] | undefined) => (cs ?? []).map((c) => `${c.id} ${c.number} ${c.text}`);
const errors = (r: { problems: { warning?: true }[] }) => r.problems.filter((x) => !x.warning);

describe('Word numbering as printed', () => {
  test('automatic 一、（一）1.（1） lists become the clauses the segmenter finds in printed text', async () => {
    const bytes = await docxOf(
      gongwen([
        p('为进一步优化营商环境，现将有关事项通知如下。'),
        item('总体要求', 'gongwen', 0),
        item('指导思想', 'gongwen', 1),
        item('坚持问题导向。', 'gongwen', 2),
        item('聚焦企业反映的难点。', 'gongwen', 3),
        item('坚持系统观念。', 'gongwen', 2),
        item('基本原则', 'gongwen', 1),
        item('主要措施', 'gongwen', 0),
        item('深化审批改革', 'gongwen', 1),
      ]),
    );
    const r = await parseDocxFile(bytes, 'notice.docx');
    assert.deepEqual(errors(r), []);
    assert.deepEqual(rows(r.bundle?.clauses), [
      '1 一、 一、总体要求',
      '1.1 （一） （一）指导思想',
      '1.1.1 1. 1. 坚持问题导向。',
      '1.1.1.1 （1） （1）聚焦企业反映的难点。',
      '1.1.2 2. 2. 坚持系统观念。',
      '1.2 （二） （二）基本原则',
      '2 二、 二、主要措施',
      '2.1 （一） （一）深化审批改革',
    ]);
    assert.ok(r.notes.some((n) => n['zh-Hans'].includes('8 处 Word 自动编号')));
  });

  test('automatic 第X章 and 第X条 (articles numbered across chapters)', async () => {
    const bytes = await docxOf([
      p('北京市优化营商环境条例', 'center'),
      item('总则', 'zhang'),
      item('为了持续优化营商环境，制定本条例。', 'tiao'),
      item('本条例适用于本市行政区域内。', 'tiao'),
      item('市场主体保护', 'zhang'),
      item('市场主体依法享有经营自主权。', 'tiao'),
    ]);
    const r = await parseDocxFile(bytes, 'law.docx');
    assert.deepEqual(errors(r), []);
    assert.deepEqual(rows(r.bundle?.clauses), [
      'c1 第一章 第一章　总则',
      'a1 第一条 第一条　为了持续优化营商环境，制定本条例。',
      'a2 第二条 第二条　本条例适用于本市行政区域内。',
      'c2 第二章 第二章　市场主体保护',
      'a3 第三条 第三条　市场主体依法享有经营自主权。',
    ]);
    assert.equal(r.bundle?.meta.title, '北京市优化营商环境条例');
  });

  test('Word headings numbered 第X章 are chapters, not part of the title above them', async () => {
    const chapter = (text: string) =>
      new Paragraph({
        children: [new TextRun(text)],
        heading: HeadingLevel.HEADING_1,
        numbering: { reference: 'zhang', level: 0 },
      });
    const bytes = await docxOf([
      p('北京市政务公开条例', 'center'),
      chapter('总则'),
      item('为了规范政务公开，制定本条例。', 'tiao'),
      chapter('附则'),
      item('本条例自公布之日起施行。', 'tiao'),
    ]);
    const r = await parseDocxFile(bytes, 'chapters.docx');
    assert.equal(r.bundle?.meta.title, '北京市政务公开条例');
    assert.deepEqual(
      (r.bundle?.clauses ?? []).map((c) => `${c.id} ${c.number} ${c.title}`),
      [
        'c1 第一章 总则',
        'a1 第一条 为了规范政务公开，制定本条例',
        'c2 第二章 附则',
        'a2 第二条 本条例自公布之日起施行',
      ],
    );
    assert.match(r.bundle?.body ?? '', /^# 第一章　总则$/m);
  });

  test('a paragraph style that carries the numbering (the 条文 style of a house template)', async () => {
    const bytes = await docxOf([
      styled('为了规范政务公开工作，制定本办法。'),
      styled('本办法适用于本市各级行政机关。'),
      p('（本条为说明，不编号。）'),
      styled('本办法自2024年3月1日起施行。'),
    ]);
    const r = await parseDocxFile(bytes, 'styled.docx');
    assert.deepEqual(
      (r.bundle?.clauses ?? []).map((c) => `${c.id} ${c.number}`),
      ['a1 第一条', 'a2 第二条', 'a3 第三条'],
    );
    assert.equal(r.bundle?.meta.effective, '2024-03-01');
  });

  test('a list instance restarts its numbers; ⒈ and ① print as Word shows them', async () => {
    const bytes = await docxOf([
      item('工作任务', 'gongwen', 0),
      item('梳理事项。', 'fullstop', 0, 1),
      item('编制标准。', 'fullstop', 0, 1),
      item('保障措施', 'gongwen', 0),
      item('加强领导。', 'fullstop', 0, 2),
      item('强化考核。', 'circle', 0, 3),
      item('严格问责。', 'circle', 0, 3),
    ]);
    const r = await parseDocxFile(bytes, 'restart.docx');
    assert.deepEqual(
      (r.bundle?.clauses ?? []).map((c) => `${c.id} ${c.number}`),
      ['1 一、', '1.1 ⒈', '1.2 ⒉', '2 二、', '2.1 ⒈', '2.1.1 ①', '2.1.2 ②'],
    );
  });

  test('typed numbers stay as typed, beside automatic ones; bullets stay a list', async () => {
    const bytes = await docxOf([
      p('一、总体要求'),
      p('（一）指导思想'),
      item('基本原则', 'gongwen', 1),
      item('公开透明', 'bullet'),
      item('便民高效', 'bullet'),
      p('二、工作任务'),
    ]);
    const r = await parseDocxFile(bytes, 'typed.docx');
    // The automatic （一） counts its own list: Word prints （一） here too, as the segmenter reads it.
    assert.deepEqual(
      (r.bundle?.clauses ?? []).map((c) => `${c.id} ${c.number}`),
      ['1 一、', '1.1 （一）', '1.1-2 （一）', '2 二、'],
    );
    assert.match(r.bundle?.body ?? '', /^- 公开透明\n- 便民高效$/m);
    assert.ok(r.bundle?.clauses?.[2]?.text.includes('公开透明'));
  });

  test('a numbered paragraph in a text box (written twice, for Word and for older readers) is counted once', async () => {
    const files = unzipSync(await docxOf([item('总体要求', 'gongwen'), p('TEXTBOX'), item('主要任务', 'gongwen')]));
    let xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const numbered = (/<w:p>(?:(?!<w:p>).)*?总体要求.*?<\/w:p>/.exec(xml) as RegExpExecArray)[0].replace(
      '总体要求',
      '框内条目',
    );
    const box =
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${numbered}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${numbered}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    xml = xml.replace(/<w:p>(?:(?!<w:p>).)*?TEXTBOX.*?<\/w:p>/, box);
    files['word/document.xml'] = strToU8(xml);
    const r = await parseDocxFile(zipSync(files), 'textbox.docx');
    assert.deepEqual(
      (r.bundle?.clauses ?? []).map((c) => c.text),
      ['一、总体要求', '二、框内条目', '三、主要任务'],
    );
  });

  test('number formats: Chinese counting, legal, 天干, enclosed, letters and roman', () => {
    const cn = [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1001, 10000].map((n) =>
      formatNumber(n, 'chineseCounting'),
    );
    assert.deepEqual(cn, [
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一千',
      '一千零一',
      '一万',
    ]);
    assert.equal(formatNumber(12, 'chineseLegalSimplified'), '壹拾贰');
    assert.equal(formatNumber(3, 'ideographTraditional'), '丙');
    assert.equal(formatNumber(2024, 'ideographDigital'), '二〇二四');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(3, 'decimalEnclosedParen'), '⑶');
    assert.equal(formatNumber(21, 'decimalEnclosedFullstop'), '21.');
    assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
    assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
    assert.equal(formatNumber(14, 'upperRoman'), 'XIV');
    assert.equal(formatNumber(5, 'none'), '');
  });
});

describe('tables, footnotes, headings', () => {
  test('a table is a table in the page and its text in the clause; a footnote follows the sentence citing it', async () => {
    const bytes = await docxOf(
      [
        item('工作任务', 'gongwen', 0),
        cited('各项任务见下表', 1, '。'),
        table([
          ['任务', '牵头单位', '完成时限'],
          ['梳理公开事项', '县政务公开办', '2018年8月'],
          ['编制标准目录', '县环保局 | 各科室', '2018年9月'],
        ]),
        item('保障措施', 'gongwen', 0),
      ],
      ['依据《政府信息公开条例》第十九条。'],
    );
    const r = await parseDocxFile(bytes, 'table.docx');
    assert.deepEqual(errors(r), []);
    const first = r.bundle?.clauses?.[0];
    assert.equal(first?.id, '1');
    assert.match(first?.text ?? '', /各项任务见下表\[1\]。\n注\[1\]：依据《政府信息公开条例》第十九条。/);
    assert.match(first?.text ?? '', /梳理公开事项/);
    assert.equal(r.bundle?.clauses?.[1]?.number, '二、');
    const page = markdownToHtml(r.bundle?.body ?? '');
    assert.match(page, /<th>牵头单位<\/th>/);
    assert.match(page, /<td>县环保局 \| 各科室<\/td>/);
  });

  test('a Word heading is a heading; with no 公文 layout it is the title', async () => {
    const bytes = await docxOf([heading('关于加强政务公开的意见'), p('现提出如下意见。'), p('一、总体要求')]);
    const r = await parseDocxFile(bytes, 'heading.docx');
    assert.match(r.bundle?.body ?? '', /^# 关于加强政务公开的意见$/m);
    assert.equal(r.bundle?.meta.title, '关于加强政务公开的意见');
    assert.deepEqual(
      (r.bundle?.clauses ?? []).map((c) => c.number),
      ['一、'],
    );
  });

  test('a draft with tracked changes reads as accepted; comments, headers and footers are not its text', async () => {
    const when = '2024-01-01T00:00:00Z';
    const doc = new Document({
      comments: {
        children: [{ id: 0, author: '审核人', date: new Date(when), children: [new Paragraph('此处再斟酌')] }],
      },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('北京市人民政府文件')] }) },
          footers: { default: new Footer({ children: [new Paragraph('— 1 —')] }) },
          children: [
            p('一、总体要求'),
            new Paragraph({
              children: [
                new TextRun('坚持'),
                new DeletedTextRun({ text: '旧的表述', id: 1, author: '起草人', date: when }),
                new InsertedTextRun({ text: '新的表述', id: 2, author: '起草人', date: when }),
                new TextRun('。'),
              ],
            }),
            new Paragraph({
              children: [
                new CommentRangeStart(0),
                new TextRun('二、主要任务'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
            new Paragraph({
              children: [
                new TextRun('详见'),
                new ExternalHyperlink({ children: [new TextRun('政府网站')], link: 'https://www.beijing.gov.cn/' }),
                new TextRun('。'),
              ],
            }),
          ],
        },
      ],
    });
    const r = await parseDocxFile(new Uint8Array(await Packer.toBuffer(doc)), 'tracked.docx');
    assert.deepEqual(
      (r.bundle?.clauses ?? []).map((c) => c.text),
      ['一、总体要求\n坚持新的表述。', '二、主要任务\n详见政府网站。'],
    );
    assert.doesNotMatch(r.bundle?.body ?? '', /旧的表述|此处再斟酌|北京市人民政府文件|— 1 —/);
    assert.match(markdownToHtml(r.bundle?.body ?? ''), /<a href="https:\/\/www\.beijing\.gov\.cn\/">政府网站<\/a>/);
  });

  test('markdown characters in Word text stay text', async () => {
    const bytes = await docxOf([p('一、符合*条件*的_企业_'), p('# 不是标题'), p('- 不是列表')]);
    const r = await parseDocxFile(bytes, 'chars.docx');
    const html = markdownToHtml(r.bundle?.body ?? '');
    assert.match(html, /符合\*条件\*的_企业_/);
    assert.match(html, /<p># 不是标题<\/p>/);
    assert.match(html, /<p>- 不是列表<\/p>/);
  });
});

describe('images', () => {
  test('an image with Word alt text is kept as a figure with its alternative and its bytes', async () => {
    const bytes = await docxOf([item('办理流程', 'gongwen'), image('政务服务办理流程图：受理、审查、决定、送达')]);
    const r = await parseDocxFile(bytes, 'figure.docx');
    assert.deepEqual(errors(r), []);
    assert.equal(r.images.length, 1);
    assert.equal(r.images[0]?.alt, '政务服务办理流程图：受理、审查、决定、送达');
    assert.equal(r.images[0]?.contentType, 'image/png');
    assert.deepEqual([...(r.images[0]?.bytes ?? [])], [...PNG]);
    assert.match(r.bundle?.body ?? '', /!\[政务服务办理流程图：受理、审查、决定、送达\]\(images\/image1\.png\)/);
    assert.match(markdownToHtml(r.bundle?.body ?? ''), /<img src="images\/image1\.png" alt="政务服务办理流程图/);
  });

  test('an image without alt text is never dropped: a problem asks for one, and one given is used', async () => {
    const bytes = await docxOf([item('办理流程', 'gongwen'), image(undefined, '流程如下：'), image('印章')]);
    const r = await parseDocxFile(bytes, 'noalt.docx');
    assert.equal(r.images.length, 2);
    const problems = errors(r).map((x) => formatProblem(x as never, 'zh-Hans'));
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^noalt\.docx: 图片 image1\.png（位于“流程如下：”之后）缺少替代文字/);
    assert.match(formatProblem(errors(r)[0] as never, 'en'), /Edit Alt Text/);
    assert.match(r.bundle?.body ?? '', /!\[\]\(images\/image1\.png\)/);
    const fixed = await parseDocxFile(bytes, 'noalt.docx', { alts: { 'image1.png': '办理流程图' } });
    assert.deepEqual(errors(fixed), []);
    assert.match(fixed.bundle?.body ?? '', /!\[办理流程图\]\(images\/image1\.png\)/);
  });
});

describe('files that are not a readable .docx', () => {
  const zh = (r: { problems: { message: { 'zh-Hans': string; en: string } }[] }) =>
    r.problems.map((x) => x.message['zh-Hans']).join('\n');
  const en = (r: { problems: { message: { 'zh-Hans': string; en: string } }[] }) =>
    r.problems.map((x) => x.message.en).join('\n');

  test('a .doc or .wps (OLE compound file) is told to be saved as .docx, whatever its name', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const name of ['通知.doc', '通知.wps', '通知.docx']) {
      const r = await parseDocxFile(ole, name);
      assert.equal(r.bundle, undefined);
      assert.match(zh(r), /另存为 → Word 文档（\*\.docx）/);
      assert.match(en(r), /Save As → Word Document \(\*\.docx\)/);
      assert.equal(r.problems[0]?.file, name);
    }
  });

  test('a damaged .docx says so, in both languages', async () => {
    const good = await docxOf([p('一、总体要求')]);
    const cases: [string, Uint8Array][] = [
      ['text', strToU8('一、总体要求')],
      ['truncated', good.slice(0, good.length / 2)],
      ['no document', zipSync({ 'word/other.xml': strToU8('<x/>') })],
      ['bad xml', zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') })],
    ];
    for (const [what, bytes] of cases) {
      const r = await parseDocxFile(bytes, 'broken.docx');
      assert.equal(r.bundle, undefined, what);
      assert.match(zh(r), /重新另存为 \.docx/, what);
      assert.match(en(r), /save it again as \.docx/, what);
    }
  });
});

describe('the 公文 layout', () => {
  test('文号, a title over two lines, 主送机关 and the 落款 become the meta a drafter sees', async () => {
    const bytes = await docxOf(
      gongwen([p('现将有关事项通知如下。'), item('总体要求', 'gongwen'), p('附件：重点任务分工表')], {
        docNumber: '京政发〔2024〕3号',
        issuer: '北京市人民政府',
        date: '二〇二四年一月五日',
      }),
    );
    const r = await parseDocxFile(bytes, 'gongwen.docx');
    assert.deepEqual(errors(r), []);
    assert.deepEqual(r.bundle?.meta, {
      title: '北京市人民政府关于印发《优化营商环境若干措施》的通知',
      docNumber: '京政发〔2024〕3号',
      issuer: '北京市人民政府',
      published: '2024-01-05',
    });
    assert.ok(r.notes.some((n) => n['zh-Hans'] === '主送机关：各区人民政府，市政府各委、办、局，各市属机构'));
    assert.equal(r.bundle?.id, 'gongwen');
    // The 落款 is not clause text.
    assert.doesNotMatch(r.bundle?.clauses?.at(-1)?.text ?? '', /二〇二四年/);
  });

  test('the whole 版头 and 版记: 份号, 密级, 紧急程度, 签发人, 附注, attachments and 印发 lines are not meta', () => {
    const b = (text: string, align?: 'center' | 'right'): DocxBlock => ({
      text,
      markdown: text,
      kind: 'paragraph',
      images: [],
      ...(align ? { align } : {}),
    });
    const meta = readGongwen([
      b('000123'),
      b('机密★1年'),
      b('特急'),
      b('北京市人民政府文件', 'center'),
      b('京政文〔2024〕12号　　签发人：张三', 'right'),
      b('北京市人民政府', 'center'),
      b('关于报送2023年政务公开工作情况的报告', 'center'),
      b('国务院办公厅：'),
      b('现将我市2023年政务公开工作情况报告如下。'),
      b('一、主要做法'),
      b('附件：1. 政务公开工作统计表'),
      b('北京市人民政府', 'right'),
      b('二〇二四年一月十五日', 'right'),
      b('（联系人：李四；联系电话：12345678）'),
      b('附件1'),
      b('政务公开工作统计表', 'center'),
      b('北京市人民政府办公厅', 'right'),
      b('2024年1月20日', 'right'),
      b('抄送：市委办公厅，市人大常委会办公厅。'),
      b('北京市人民政府办公厅　　2024年1月16日印发'),
    ]);
    assert.deepEqual(meta, {
      docNumber: '京政文〔2024〕12号',
      title: '北京市人民政府关于报送2023年政务公开工作情况的报告',
      addressee: '国务院办公厅',
      issuer: '北京市人民政府',
      published: '2024-01-15',
    });
    assert.equal(dateOf('二〇二四年十二月三十一日'), '2024-12-31');
    assert.equal(dateOf('2024年2月30日'), undefined);
  });

  test('joint issuers (联合行文) stand one above the other', async () => {
    const bytes = await docxOf([
      p('京财预〔2023〕12号', 'center'),
      p('关于做好预算公开工作的通知', 'center'),
      p('各区财政局：'),
      item('总体要求', 'gongwen'),
      p('北京市财政局', 'right'),
      p('北京市审计局', 'right'),
      p('2023年3月1日', 'right'),
    ]);
    const r = await parseDocxFile(bytes, 'joint.docx');
    assert.equal(r.bundle?.meta.issuer, '北京市财政局、北京市审计局');
    assert.equal(r.bundle?.meta.published, '2023-03-01');
    assert.equal(r.bundle?.meta.docNumber, '京财预〔2023〕12号');
    assert.equal(r.bundle?.meta.title, '关于做好预算公开工作的通知');
  });
});

test('the sample lists are the ones the tests say', () => {
  assert.deepEqual(
    NUMBERING.config.map((c) => c.reference),
    ['gongwen', 'tiao', 'zhang', 'fullstop', 'circle', 'bullet'],
  );
});

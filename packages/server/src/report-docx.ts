// The 意见采纳情况说明 as a Word document, laid out as a 公文 attachment (GB/T 9704—2012): A4,
// 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 三号 仿宋 a page, 页码 "— 1 —" in 四号
// 宋体 at the outer bottom. Its content is `reportContent`, which report.html prints too; the
// comments themselves are listed only for a consultation small enough to read that way, the
// rest are in the CSV the document points to.

import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Queryable } from './db/database.js';
import { escapeHtml } from './lib/html.js';
import {
  CHANGE_HEAD,
  campaignsCaption,
  campaignsSentence,
  changeRows,
  changesSentence,
  type ListedRow,
  listedChars,
  listedRows,
  type ReportContent,
  reasonRows,
  reasonsCaption,
  reportContent,
} from './report.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * At most this many comments, holding at most this many characters, are listed in the document
 * itself. Beyond either the document is the 说明 (figures, clauses, campaigns, reasons) and points
 * to the CSV: a Word table of 500,000 comments neither opens nor prints, building it would hold
 * them all in memory, and the package is deflated on the event loop (docx's bundled fflate):
 * 1,000 comments of 5,000 characters took about a second of it.
 */
export const DOCX_LIST_LIMIT = { comments: 1000, chars: 200_000 };

// Sizes in twentieths of a point (twips); font sizes in half-points (三号 16 pt, 二号 22 pt…).
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24 } as const;
/** 225 mm of 版心 over 22 lines (rounded down, or the 22nd would not fit). */
const LINE = Math.floor(mm(225) / 22);

/**
 * The fonts offices expect, each named in every slot (the east-Asian one is what Word and WPS
 * use for Chinese text). Where a font is missing, fontTable.xml names the one to use instead.
 */
const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  second: '楷体_GB2312',
  page: '宋体',
} as const;
const fonts = (name: string): IRunOptions['font'] => ({
  ascii: name,
  hAnsi: name,
  eastAsia: name,
  cs: name,
  hint: 'eastAsia',
});

/** Each font and what stands in for it: Windows' own (仿宋, 楷体, 宋体) under their names in both scripts. */
const FALLBACKS: [name: string, alt: string][] = [
  ['方正小标宋简体', '宋体'],
  ['仿宋_GB2312', '仿宋'],
  ['楷体_GB2312', '楷体'],
  ['仿宋', 'FangSong'],
  ['楷体', 'KaiTi'],
  ['黑体', 'SimHei'],
  ['宋体', 'SimSun'],
];
/** charset 86 is GB2312: a substitute is sought among Chinese fonts. */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${FALLBACKS.map(
  ([name, alt]) =>
    `<w:font w:name="${escapeHtml(name)}"><w:altName w:val="${escapeHtml(alt)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
).join(
  '',
)}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;

export const body = (text: string, run: IRunOptions = {}) =>
  new Paragraph({ style: 'GkBody', children: [new TextRun({ text, ...run })] });

/** 表N　caption, above its table and kept with it. */
const caption = (no: number, text: string) =>
  new Paragraph({ style: 'GkCaption', keepNext: true, children: [new TextRun(`表${no}　${text}`)] });

const cell = (text: unknown, head: boolean, width?: number) =>
  new TableCell({
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
    children: String(text ?? '')
      .split('\n')
      .map((line) => new Paragraph({ style: head ? 'GkTableHead' : 'GkTableText', children: [new TextRun(line)] })),
  });

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** A full-width table with a repeated head row; `widths` in percent. */
function table(head: string[], rows: unknown[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, true, widths[i])) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, false, widths[i])) })),
    ],
  });
}

export const heading1 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
export const heading2 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });

const NUMBERS = '一二三四五六七八九十';

/** The document's paragraphs and tables, from the report's content and (when few) its listed comments. */
function documentBody(r: ReportContent, listed: ListedRow[] | null, csvName: string) {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ style: 'GkAttachment', children: [new TextRun('附件')] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${r.draft ? '【草稿】' : ''}${r.heading}`)] }),
  ];
  if (r.notice) out.push(body(`草稿：${r.notice}`, { bold: true }));
  out.push(body(r.intro));
  if (r.byChannel) out.push(body(r.byChannel));
  let tables = 0;
  let level1 = 0;
  let campaignsTable = 0;
  if (r.figures[0]![1] > 0) {
    out.push(heading1(`${NUMBERS[level1++]}、总体情况`));
    out.push(heading2('（一）意见处理情况'));
    out.push(caption(++tables, '意见处理情况'), table(['项目', '条数'], r.figures, [75, 25]));
    out.push(heading2('（二）按条款统计'));
    out.push(
      caption(++tables, '各条款意见情况'),
      table(
        ['条款', '收到', '列出', '经审核删除', '尚未处理'],
        r.clauses.map((c) => [c.name, c.received, c.listed, c.removed, c.pending]),
        [44, 14, 14, 14, 14],
      ),
    );
    if (r.campaigns.groups > 0) {
      out.push(heading2('（三）联名及内容相近的意见'));
      out.push(body(campaignsSentence(r)));
      campaignsTable = ++tables;
      out.push(
        caption(campaignsTable, campaignsCaption(r)),
        table(
          ['序号', '份数', '首份意见编号'],
          r.campaigns.largest.map((g, i) => [i + 1, g.size, g.first]),
          [20, 30, 50],
        ),
      );
    }
  }
  if (r.reasons.items.length > 0) {
    out.push(heading1(`${NUMBERS[level1++]}、处理理由`));
    out.push(
      caption(++tables, reasonsCaption(r)),
      table(['序号', '处理结果', '理由', '条数'], reasonRows(r), [10, 22, 56, 12]),
    );
  }
  if (r.changes) {
    out.push(heading1(`${NUMBERS[level1++]}、修改说明`));
    out.push(body(changesSentence(r)));
    if (r.changes.items.length)
      out.push(
        caption(++tables, '根据公众意见修改的条款'),
        table(CHANGE_HEAD, changeRows(r), [6, 14, 8, 36, 8, 10, 18]),
      );
  }
  if (r.listed > 0) {
    out.push(heading1(`${NUMBERS[level1++]}、逐条说明`));
    if (listed) {
      out.push(
        caption(++tables, '逐条说明'),
        table(
          ['序号', '条款', '意见内容', '提出人', '处理结果', '理由'],
          listed.map((x) => [x.no, x.clause, x.body, x.name, x.decision, x.reason]),
          [8, 14, 38, 10, 12, 18],
        ),
      );
    } else {
      const see = campaignsTable ? `，表${campaignsTable}中的“首份意见编号”即清单中的“编号”` : '';
      out.push(
        body(
          `本次列出意见${r.listed}条，篇幅所限，不在本说明中逐条列出。各条意见的内容、处理结果和理由见同时导出的意见清单（${csvName}）${see}。`,
        ),
      );
    }
  }
  return out;
}

/** "— 1 —" in 四号 宋体, one character in from the outer edge: right on odd pages, left on even. */
const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [
      new Paragraph({
        style: 'GkPageNumber',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });

/** The paragraph styles: body, headings, title, tables, page number. */
function styles() {
  const exact = (lineTwips: number) => ({ line: lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
  return {
    default: {
      document: {
        run: { font: fonts(FONT.body), size: SIZE.三号, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        paragraph: { spacing: exact(LINE) },
      },
      // Word's own Title style (the navigation pane and WPS know it), one blank line above and below.
      title: {
        run: { font: fonts(FONT.title), size: SIZE.二号, bold: false, color: '000000' },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT, before: LINE, after: LINE },
        },
      },
      // 一、 in 黑体, （一） in 楷体, both 三号, indented two characters like the body.
      heading1: {
        run: { font: fonts(FONT.heading), size: SIZE.三号, bold: false, color: '000000' },
        paragraph: { spacing: exact(LINE), indent: { firstLine: 2 * 320 }, keepNext: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: fonts(FONT.second), size: SIZE.三号, bold: false, color: '000000' },
        paragraph: { spacing: exact(LINE), indent: { firstLine: 2 * 320 }, keepNext: true, outlineLevel: 1 },
      },
    },
    paragraphStyles: [
      {
        id: 'GkBody',
        name: 'Gongkai Body',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * 320 }, spacing: exact(LINE) },
      },
      {
        id: 'GkAttachment',
        name: 'Gongkai Attachment Mark',
        basedOn: 'Normal',
        run: { font: fonts(FONT.heading), size: SIZE.三号 },
        paragraph: { spacing: exact(LINE) },
      },
      {
        id: 'GkCaption',
        name: 'Gongkai Table Caption',
        basedOn: 'Normal',
        run: { font: fonts(FONT.heading), size: SIZE.四号 },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 120 },
        },
      },
      {
        id: 'GkTableHead',
        name: 'Gongkai Table Head',
        basedOn: 'Normal',
        run: { font: fonts(FONT.heading), size: SIZE.小四 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'GkTableText',
        name: 'Gongkai Table Text',
        basedOn: 'Normal',
        run: { font: fonts(FONT.body), size: SIZE.小四 },
        paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'GkPageNumber',
        name: 'Gongkai Page Number',
        basedOn: 'Normal',
        run: { font: fonts(FONT.page), size: SIZE.四号 },
        paragraph: { spacing: { line: 280, lineRule: LineRuleType.EXACT } },
      },
    ],
  };
}

/**
 * A Word document laid out as a 公文 attachment (A4, GB/T 9704 版心 and 页码, the styles above)
 * with `children` as its content, packed with the font table naming each font's stand-in.
 */
export async function gongwenDocx(
  meta: { title: string; description: string },
  children: (Paragraph | Table)[],
): Promise<Buffer> {
  const doc = new Document({
    ...meta,
    creator: 'Gongkai',
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            // 版心 156 × 225 mm: 28 mm 订口 and 26 mm outside, 37 mm 天头 and 35 mm below.
            // The page number's line sits 7 mm under the 版心: its 14 pt line ends 23 mm above the edge.
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(23) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

/** A file name for Content-Disposition: a title, without what file systems refuse. */
export const safeFileName = (title: string, suffix: string) =>
  `${title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '').slice(0, 80)}${suffix}.docx`;

/** A file name for Content-Disposition: the draft's title, without what file systems refuse. */
export const docxFileName = (r: ReportContent) => safeFileName(r.draftTitle, '意见采纳情况说明');

/**
 * The 意见采纳情况说明 as a .docx: counted as report.html counts it (and audited as it is, with
 * `format: 'docx'`), the comments listed only within DOCX_LIST_LIMIT. Bounded in size and memory
 * whatever the number of comments.
 */
export async function reportDocx(
  db: Queryable,
  consultationId: string,
  actor: string,
): Promise<{ bytes: Buffer; fileName: string }> {
  let inline = false;
  const r = await reportContent(db, consultationId, actor, async (c) => {
    inline = c.listed <= DOCX_LIST_LIMIT.comments && (await listedChars(db, consultationId)) <= DOCX_LIST_LIMIT.chars;
    return { comments: inline ? c.listed : 0, format: 'docx' };
  });
  let listed: ListedRow[] | null = null;
  if (inline) {
    listed = [];
    for await (const rows of listedRows(db, consultationId, r.listed)) listed.push(...rows);
  }
  const bytes = await gongwenDocx(
    { title: `${r.draft ? '【草稿】' : ''}${r.heading}`, description: '意见采纳情况说明' },
    documentBody(r, listed, `${consultationId}-comments.csv`),
  );
  return { bytes, fileName: docxFileName(r) };
}

// Word documents built in the tests with the `docx` package: each numbering style, typed
// numbers, a table, a footnote, images with and without alt text, and the 公文 layout.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** A 1×1 PNG (red). */
export const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const GONGWEN_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
  { level: 3, format: LevelFormat.DECIMAL, text: '（%4）' },
];

export const NUMBERING = {
  config: [
    { reference: 'gongwen', levels: GONGWEN_LEVELS },
    { reference: 'tiao', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1条' }] },
    { reference: 'zhang', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1章' }] },
    { reference: 'fullstop', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_FULLSTOP, text: '%1' }] },
    { reference: 'circle', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' }] },
    { reference: 'bullet', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] },
  ],
};

type Block = Paragraph | Table;

/** A paragraph in a numbered list (`ref` level `level`). */
export const item = (text: string, ref: string, level = 0, instance?: number) =>
  new Paragraph({
    children: [new TextRun(text)],
    numbering: { reference: ref, level, ...(instance === undefined ? {} : { instance }) },
  });

export const p = (text: string, align?: 'center' | 'right') =>
  new Paragraph({
    children: [new TextRun(text)],
    ...(align ? { alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT } : {}),
  });

/** A paragraph of the 条文 style: numbered by its style, not by itself. */
export const styled = (text: string) => new Paragraph({ children: [new TextRun(text)], style: 'Tiao' });

export const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });

export const image = (alt?: string, before = '') =>
  new Paragraph({
    children: [
      ...(before ? [new TextRun(before)] : []),
      new ImageRun({
        type: 'png',
        data: PNG,
        transformation: { width: 40, height: 40 },
        ...(alt === undefined ? {} : { altText: { name: 'picture', description: alt, title: alt } }),
      }),
    ],
  });

export const table = (rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
    ),
  });

export const cited = (text: string, note: number, after = '') =>
  new Paragraph({ children: [new TextRun(text), new FootnoteReferenceRun(note), new TextRun(after)] });

/** A .docx holding `blocks`, with the lists above and `footnotes` (1-based ids). */
export async function docxOf(blocks: Block[], footnotes: string[] = []): Promise<Uint8Array> {
  const doc = new Document({
    numbering: NUMBERING,
    // 条文: a paragraph style numbered 第X条 by the style itself, as house templates do.
    styles: {
      paragraphStyles: [
        { id: 'Tiao', name: '条文', basedOn: 'Normal', paragraph: { numbering: { reference: 'tiao', level: 0 } } },
      ],
    },
    footnotes: Object.fromEntries(footnotes.map((text, i) => [i + 1, { children: [new Paragraph(text)] }])),
    sections: [{ children: blocks }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A 公文 head (文号, two-line title, 主送机关) and 落款 around `body`. */
export function gongwen(
  body: Block[],
  opts: { docNumber?: string; title?: string[]; issuer?: string; date?: string } = {},
) {
  const title = opts.title ?? ['北京市人民政府关于印发', '《优化营商环境若干措施》的通知'];
  return [
    p('北京市人民政府文件', 'center'),
    p(opts.docNumber ?? '京政发〔2024〕3号', 'center'),
    ...title.map((t) => p(t, 'center')),
    p('各区人民政府，市政府各委、办、局，各市属机构：'),
    ...body,
    p(opts.issuer ?? '北京市人民政府', 'right'),
    p(opts.date ?? '2024年1月5日', 'right'),
    p('（此件公开发布）'),
  ];
}

// Word files as drafting offices send them, built in the browser with the `docx` package: a 公文
// (文号, a title over two lines, 主送机关, 落款) with Word's automatic 一、（一）1. numbering and,
// optionally, an image with or without a text alternative. Used by the stories and the tests.
import { AlignmentType, Document, ImageRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const p = (text: string, align?: 'center' | 'right') =>
  new Paragraph({
    children: [new TextRun(text)],
    ...(align ? { alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT } : {}),
  });
const item = (text: string, level: number) =>
  new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'gongwen', level } });
const picture = (alt?: string) =>
  new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: PNG,
        transformation: { width: 40, height: 40 },
        ...(alt ? { altText: { name: 'picture', description: alt, title: alt } } : {}),
      }),
    ],
  });

/** 京政发〔2024〕3号: five clauses numbered by Word, optionally an image after 办理流程如下：. */
export async function wordNotice(image?: { alt?: string }): Promise<File> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'gongwen',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          p('京政发〔2024〕3号', 'center'),
          p('北京市人民政府关于印发', 'center'),
          p('《优化营商环境若干措施》的通知', 'center'),
          p('各区人民政府，市政府各委、办、局：'),
          p('现将有关事项通知如下。'),
          item('总体要求', 0),
          item('指导思想', 1),
          item('坚持问题导向。', 2),
          item('坚持系统观念。', 2),
          item('主要措施', 0),
          p('办理流程如下：'),
          ...(image ? [picture(image.alt)] : []),
          p('北京市人民政府', 'right'),
          p('2024年1月5日', 'right'),
        ],
      },
    ],
  });
  return new File([await Packer.toBlob(doc)], '营商环境通知.docx', { type: DOCX });
}

/** A Word 97–2003 or WPS file: only its OLE signature matters. */
export function oldWordFile(name = '旧文件.wps'): File {
  const bytes = new Uint8Array(512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return new File([bytes], name);
}

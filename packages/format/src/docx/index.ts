/**
 * Word documents (.docx) → a bundle, by way of mammoth's HTML and our own authoring path:
 * Word's automatic numbers are written into the text as printed (prepare.ts), mammoth makes
 * HTML, the HTML becomes markdown blocks (markdown.ts), the 公文 layout gives the meta Word
 * keeps only as position (gongwen.ts), and `parseDocument` segments it like any other text.
 *
 * mammoth, the XML parser and the zip reader differ between Node and the browser, so they
 * are handed in (`DocxEnv`): `./node.ts` binds Node's; the workbench's chunk binds the browser's.
 */
import { type ParseResult, parseDocument } from '../authoring/parse.js';
import { AuthoringError, type AuthoringProblem, type Message, msg } from '../authoring/problems.js';
import { validate } from '../schema/validate.js';
import { segment } from '../segment/index.js';
import { type GongwenMeta, readGongwen } from './gongwen.js';
import { type DocxBlock, htmlToDocxBlocks } from './markdown.js';
import { prepareDocx } from './prepare.js';
import type { XmlEnv } from './xml.js';

export { dateOf, type GongwenMeta, readGongwen } from './gongwen.js';
export type { DocxBlock } from './markdown.js';
export { formatNumber } from './number-format.js';
export { isOleFile, isZipFile, oleMessage } from './prepare.js';
export type { XmlEnv } from './xml.js';

/** The parts of mammoth's API used here (mammoth ships no types for its image element). */
export interface MammothImage {
  contentType: string;
  altText?: string;
  readAsArrayBuffer?: () => Promise<ArrayBuffer>;
  read: () => Promise<Uint8Array>;
}
export interface MammothParagraph {
  styleName?: string | null;
  alignment?: string | null;
}
export interface MammothLike {
  convertToHtml(
    input: never,
    options: object,
  ): Promise<{ value: string; messages: { type: string; message: string }[] }>;
  images: { imgElement(f: (image: MammothImage) => Promise<{ src: string }>): unknown };
  transforms: { paragraph(f: (p: MammothParagraph) => MammothParagraph): unknown };
}

export interface DocxEnv {
  mammoth: MammothLike;
  xml: XmlEnv;
  /** What mammoth takes: `{ buffer }` in Node, `{ arrayBuffer }` in the browser. */
  input(bytes: Uint8Array): unknown;
}

export interface DocxImage {
  /** `image1.png`. */
  name: string;
  /** As the body refers to it: `images/image1.png`. */
  src: string;
  contentType: string;
  bytes: Uint8Array;
  /** Word's text alternative, or the one given in `alts`; empty when there is none (a problem). */
  alt: string;
  /** The end of the text before it, to say where it is. */
  after: string;
}

export interface DocxOptions {
  /** Text alternatives for images Word has none for, by image name (`image2.png`). */
  alts?: Record<string, string>;
  /** Folder the body's image links point into; `images/` by default. */
  imageDir?: string;
}

export interface DocxMarkdown {
  /** policy.md: front matter with the meta of the 公文 layout, then the body. */
  markdown: string;
  images: DocxImage[];
  meta: GongwenMeta;
  problems: AuthoringProblem[];
  notes: Message[];
}

export interface DocxResult extends ParseResult {
  images: DocxImage[];
  /** The markdown the bundle was read from (policy.md), when the file could be read. */
  markdown?: string;
}

const EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
};
// Styles Word shows as headings keep their own mapping; a centred or right-aligned ordinary
// paragraph is marked with a class, which is how the 公文 layout is seen in the HTML.
const HEADING_STYLE = /^(?:heading\s*\d|title|subtitle|标题)/i;
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='gk-center'] => p.gk-center:fresh",
  "p[style-name='gk-right'] => p.gk-right:fresh",
];

const FRONT_KEYS = ['title', 'docNumber', 'issuer', 'published'] as const;
const NOT_RENDERED = /^image\/(?:x-emf|x-wmf|tiff)$/;

function near(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 20 ? `…${t.slice(-20)}` : t;
}

/** Word → policy.md and its images. Never throws: a .doc/.wps or a damaged file is a problem. */
export async function docxToMarkdown(
  bytes: Uint8Array,
  file: string,
  env: DocxEnv,
  options: DocxOptions = {},
): Promise<DocxMarkdown> {
  const problems: AuthoringProblem[] = [];
  const notes: Message[] = [];
  const dir = options.imageDir ?? 'images/';
  const images: DocxImage[] = [];
  let html: string;
  let numbered = 0;
  try {
    const prepared = prepareDocx(bytes, file, env.xml);
    numbered = prepared.numbered;
    const result = await env.mammoth.convertToHtml(env.input(prepared.bytes) as never, {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: true,
      transformDocument: env.mammoth.transforms.paragraph((p) => {
        if (p.styleName && HEADING_STYLE.test(p.styleName)) return p;
        if (p.alignment === 'center' || p.alignment === 'both-center')
          return { ...p, styleName: 'gk-center', styleId: null } as MammothParagraph;
        if (p.alignment === 'right' || p.alignment === 'end')
          return { ...p, styleName: 'gk-right', styleId: null } as MammothParagraph;
        return p;
      }),
      convertImage: env.mammoth.images.imgElement(async (image) => {
        const ext = EXT[image.contentType] ?? 'bin';
        const name = `image${images.length + 1}.${ext}`;
        const data = image.readAsArrayBuffer ? new Uint8Array(await image.readAsArrayBuffer()) : await image.read();
        const alt = (image.altText ?? '').trim() || (options.alts?.[name] ?? '').trim();
        images.push({
          name,
          src: `${dir}${name}`,
          contentType: image.contentType,
          bytes: new Uint8Array(data),
          alt,
          after: '',
        });
        // An alternative given here goes into the HTML as Word's would.
        return alt ? { src: `${dir}${name}`, alt } : { src: `${dir}${name}` };
      }),
    });
    html = result.value;
    for (const m of result.messages) {
      // Word's own style names (正文, 列表段落) have no HTML mapping: that is expected.
      if (/^Unrecognised (?:paragraph|run|table) style/.test(m.message)) continue;
      problems.push({
        file,
        warning: true,
        message: msg(`Word reader: ${m.message}`, `Word 读取提示：${m.message}`),
      });
    }
  } catch (e) {
    if (e instanceof AuthoringError) return { markdown: '', images, meta: {}, problems: [e.problem], notes };
    return {
      markdown: '',
      images,
      meta: {},
      problems: [
        {
          file,
          message: msg(
            `cannot be read as a Word document (${(e as Error).message}): the file may be damaged. Open it in Word or WPS and save it again as .docx`,
            `无法作为 Word 文档读取：文件可能已损坏。请用 Word 或 WPS 打开后重新另存为 .docx`,
          ),
        },
      ],
      notes,
    };
  }
  const { blocks, images: tags } = htmlToDocxBlocks(html, env.xml);
  // Images with their text alternatives as the HTML has them (the same order as read).
  for (const image of images) {
    const tag = tags.find((t) => t.src === image.src);
    const where = tag?.after ? near(tag.after) : '';
    image.after = where;
    if (!image.alt) {
      problems.push({
        file,
        message: msg(
          `the image ${image.name}${where ? ` (after “${where}”)` : ''} has no text alternative, which people who cannot see it need: describe it in Word (right-click the image → Edit Alt Text) and read the file again`,
          `图片 ${image.name}${where ? `（位于“${where}”之后）` : ''}缺少替代文字（视障读者需要它了解图片内容）：请在 Word 中右键单击图片 →“编辑替换文字”，写明图片内容后重新读取`,
        ),
      });
    }
    if (NOT_RENDERED.test(image.contentType)) {
      problems.push({
        file,
        warning: true,
        message: msg(
          `the image ${image.name} is ${image.contentType.split('/')[1]?.toUpperCase()}, which web browsers do not show: save it from Word as PNG and replace it`,
          `图片 ${image.name} 为 ${image.contentType.split('/')[1]?.toUpperCase()} 格式，网页浏览器无法显示：请在 Word 中将其另存为 PNG 后替换`,
        ),
      });
    }
  }
  const body = blocks.map((b: DocxBlock) => b.markdown).join('\n\n');
  const meta = readGongwen(blocks);
  const front = FRONT_KEYS.filter((k) => meta[k] !== undefined).map((k) => `${k}: ${JSON.stringify(meta[k])}`);
  for (const k of FRONT_KEYS) {
    const value = meta[k];
    if (value !== undefined)
      notes.push(msg(`meta.${k} taken from the document text: ${value}`, `meta.${k} 取自正文：${value}`));
  }
  if (meta.addressee) notes.push(msg(`addressed to (主送机关): ${meta.addressee}`, `主送机关：${meta.addressee}`));
  if (numbered)
    notes.push(
      msg(
        `${numbered} automatic Word number(s) written as printed (一、（一）1. …)`,
        `已按打印效果写出 ${numbered} 处 Word 自动编号（一、（一）1. 等）`,
      ),
    );
  const markdown = `${front.length ? `---\n${front.join('\n')}\n---\n\n` : ''}${body}\n`;
  return { markdown, images, meta, problems, notes };
}

/**
 * `gongkai parse file.docx`: the bundle, its images and every problem. An image without a
 * text alternative is a problem (not a warning): the bundle is still returned for the
 * workbench to show, but the command line writes nothing until one is given.
 */
export async function parseDocx(
  bytes: Uint8Array,
  file: string,
  env: DocxEnv,
  options: DocxOptions = {},
): Promise<DocxResult> {
  const read = await docxToMarkdown(bytes, file, env, options);
  if (!read.markdown) return { problems: read.problems, notes: read.notes, images: read.images };
  const base = file.split(/[\\/]/).pop() ?? file;
  const mdName = `${file.replace(/\.[^./\\]*$/, '')}.md`;
  const result = parseDocument(read.markdown, mdName);
  const problems = [...read.problems, ...result.problems.map(({ line: _l, column: _c, ...p }) => ({ ...p, file }))];
  const notes = [...read.notes, ...result.notes];
  let bundle = result.bundle;
  // The body is markdown (tables, images): segmented as markdown, as the workbench does,
  // whatever blocks it happens to contain.
  if (bundle?.body !== undefined) {
    const checked = validate({ ...bundle, clauses: segment(bundle.body, { format: 'markdown' }) });
    if (checked.ok) bundle = checked.value;
  }
  // No title anywhere: the file's own name, as for any document.
  if (bundle && bundle.meta.title === mdName.split(/[\\/]/).pop()) {
    const checked = validate({ ...bundle, meta: { ...bundle.meta, title: base } });
    if (checked.ok) bundle = checked.value;
  }
  return {
    ...(bundle ? { bundle } : {}),
    problems,
    notes,
    images: read.images,
    markdown: read.markdown,
  };
}

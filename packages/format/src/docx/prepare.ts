// Opens a .docx and writes Word's automatic numbers into the text as Word prints them (一、,
// （一）, 第一条, 1.), so that the HTML made from it carries them and the segmenter sees the
// document's structure. Bullets stay lists. Nothing else in the package changes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fail, msg } from '../authoring/problems.js';
import { Counter, type Label, readNumbering } from './numbering.js';
import { child, W, type XDocument, type XElement, type XmlEnv, type XNode } from './xml.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A Word 97–2003 .doc, a WPS .wps or an encrypted .docx: all are OLE compound files. */
export function isOleFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE);
}

/** A zip archive: what a .docx is. */
export function isZipFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

export const oleMessage = () =>
  msg(
    `this is a Word 97–2003 (.doc) or WPS (.wps) file, or a password-protected document, which cannot be read: open it in Word or WPS, remove any password, choose File → Save As → Word Document (*.docx) and read the .docx`,
    `该文件是 Word 97–2003（.doc）或 WPS（.wps）格式，或是设置了密码的文档，无法直接读取：请用 Word 或 WPS 打开，取消密码，选择“文件 → 另存为 → Word 文档（*.docx）”，再导入另存的 .docx 文件`,
  );

const corrupt = (file: string, why: { en: string; zh: string }) =>
  fail(
    file,
    undefined,
    msg(
      `not a readable .docx (${why.en}): the file may be damaged or not a Word document. Open it in Word or WPS and save it again as .docx`,
      `不是可读取的 .docx 文件（${why.zh}）：文件可能已损坏，或并非 Word 文档。请用 Word 或 WPS 打开后重新另存为 .docx`,
    ),
  );

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The targets of a part's relationships, by type name (`officeDocument`, `styles`, `numbering`). */
function relationships(files: Record<string, Uint8Array>, xml: XmlEnv, part: string): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, string>();
  const bytes = files[relsPath];
  if (!bytes) return out;
  const doc = xml.parse(strFromU8(bytes));
  const list = doc.getElementsByTagName('Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as XElement;
    const type = (r.getAttribute('Type') ?? '').split('/').pop() ?? '';
    const target = r.getAttribute('Target');
    if (target && r.getAttribute('TargetMode') !== 'External' && !out.has(type))
      out.set(type, resolveTarget(part, target));
  }
  return out;
}

export interface Prepared {
  /** The package with the numbers written into the text. */
  bytes: Uint8Array;
  /** How many paragraphs got their printed number. */
  numbered: number;
}

/** The mc:AlternateContent a paragraph sits in, and in which of its branches. */
function alternateOf(p: XNode): { content: XNode; branch: string } | null {
  for (let n = p.parentNode; n; n = n.parentNode) {
    if ((n.nodeName === 'mc:Choice' || n.nodeName === 'mc:Fallback') && n.parentNode)
      return { content: n.parentNode, branch: n.nodeName };
  }
  return null;
}

/** Throws AuthoringError (naming the file) for a .doc/.wps or a damaged file. */
export function prepareDocx(bytes: Uint8Array, file: string, xml: XmlEnv): Prepared {
  if (isOleFile(bytes)) fail(file, undefined, oleMessage());
  if (!isZipFile(bytes)) corrupt(file, { en: 'it is not a zip package', zh: '不是 zip 压缩包' });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return corrupt(file, { en: `the package cannot be unpacked: ${(e as Error).message}`, zh: '压缩包无法解开' });
  }
  const parse = (path: string): XDocument | undefined => {
    const part = files[path];
    if (!part) return undefined;
    try {
      return xml.parse(strFromU8(part));
    } catch (e) {
      return corrupt(file, {
        en: `${path} is not well-formed XML: ${(e as Error).message}`,
        zh: `${path} 不是格式正确的 XML`,
      });
    }
  };
  let root: Map<string, string>;
  try {
    root = relationships(files, xml, '');
  } catch {
    root = new Map();
  }
  const mainPath = root.get('officeDocument') ?? 'word/document.xml';
  const rels = relationships(files, xml, mainPath);
  const numberingPath = rels.get('numbering') ?? 'word/numbering.xml';
  // No numbering part: no automatic numbers to write, and mammoth reads the package as it is.
  if (!files[numberingPath]) {
    if (!files[mainPath])
      corrupt(file, { en: `no Word document body (${mainPath})`, zh: `缺少 Word 正文（${mainPath}）` });
    return { bytes, numbered: 0 };
  }
  const document = parse(mainPath);
  if (!document?.documentElement || !child(document.documentElement, 'w:body'))
    corrupt(file, { en: `no Word document body (${mainPath})`, zh: `缺少 Word 正文（${mainPath}）` });
  const model = readNumbering(parse(numberingPath), parse(rels.get('styles') ?? 'word/styles.xml'));
  const doc = document as XDocument;
  const counter = new Counter(model);
  // A copy: the list is live, and walking it again after each insertion would be quadratic.
  const paragraphs = Array.from(doc.getElementsByTagName('w:p'));
  let numbered = 0;
  // A text box is written twice (mc:Choice for Word, mc:Fallback for older readers, which
  // mammoth reads): Word counts the first copy; the second gets the same labels in turn.
  const choiceLabels = new Map<XNode, (Label | null)[]>();
  for (const p of paragraphs) {
    let pPr = child(p, 'w:pPr');
    const alternate = alternateOf(p);
    let label: Label | null;
    if (alternate?.branch === 'mc:Fallback') label = choiceLabels.get(alternate.content)?.shift() ?? null;
    else {
      label = counter.next(pPr);
      if (alternate) choiceLabels.set(alternate.content, [...(choiceLabels.get(alternate.content) ?? []), label]);
    }
    if (!label) continue;
    numbered++;
    // The number becomes text; numId 0 then turns the list off for this paragraph.
    if (!pPr) pPr = p.insertBefore(doc.createElementNS(W, 'w:pPr'), p.childNodes[0] ?? null) as XElement;
    const old = child(pPr, 'w:numPr');
    if (old) pPr.removeChild(old);
    const numPr = doc.createElementNS(W, 'w:numPr');
    for (const [name, value] of [
      ['w:ilvl', '0'],
      ['w:numId', '0'],
    ] as const) {
      const el = doc.createElementNS(W, name);
      el.setAttribute('w:val', value);
      numPr.appendChild(el);
    }
    // After w:pStyle, where the schema puts it.
    const style = child(pPr, 'w:pStyle');
    pPr.insertBefore(numPr, style ? style.nextSibling : (pPr.childNodes[0] ?? null));
    const run = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(label.text + label.separator));
    run.appendChild(t);
    p.insertBefore(run, pPr.nextSibling ?? null);
  }
  if (numbered === 0) return { bytes, numbered };
  files[mainPath] = strToU8(xml.serialize(doc));
  // Stored, not deflated: the package is read once, straight away.
  return { bytes: zipSync(files, { level: 0 }), numbered };
}

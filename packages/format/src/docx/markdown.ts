// The HTML mammoth makes of a Word document → the markdown body of a bundle, block by block:
// paragraphs and headings as text, tables as GFM tables (markdown-it renders them), bullets
// as lists, footnotes as text after the paragraph that cites them, images as `![alt](src)`.
// Alignment (a `gk-center`/`gk-right` class) is kept beside each block for the 公文 layout.
import { SAFE_LINK } from '../schema/links.js';
import { children, ELEMENT, isElement, TEXT, type XElement, type XmlEnv, type XNode } from './xml.js';

export interface DocxBlock {
  /** The block as text (what a reader sees), for recognising the layout. */
  text: string;
  markdown: string;
  kind: 'paragraph' | 'heading' | 'table' | 'list' | 'note';
  align?: 'center' | 'right';
  /** Images in the block, as `src` values. */
  images: string[];
}

export interface ImageTag {
  src: string;
  alt: string;
  /** The text before it, to say where an image without a text alternative is. */
  after: string;
}

// Escaped only where markdown would change what is shown: emphasis, code, escapes, links, and
// line starts that open a heading, quote, bullet or rule. Text mode (the segmenter reads the
// body as text unless it finds markdown blocks) then sees the document as written; `1.` and
// `[1]` stay as they are (an ordered list shows the same number; `[1]` is no link).
const INLINE = /[\\`*_]|\](?=\()/g;
const BLOCK_START = /^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|[-=]+\s*$)/;

const escapeText = (s: string) => s.replace(INLINE, '\\$&');

const escapeLine = (line: string) => (BLOCK_START.test(line) ? `\\${line}` : line);

interface Inline {
  md: string;
  text: string;
  images: string[];
  notes: string[];
}

const NOTE_REF = /^#((?:footnote|endnote)-\d+)$/;
const NOTE_BACK = /^#(?:footnote|endnote)-ref-\d+$/;

function inline(node: XNode, out: Inline, images: ImageTag[]): void {
  if (node.nodeType === TEXT) {
    const t = (node.textContent ?? '').replace(/[\r\n]+/g, ' ');
    out.md += escapeText(t);
    out.text += t;
    return;
  }
  if (!isElement(node)) return;
  const name = node.nodeName.toLowerCase();
  if (name === 'br') {
    out.md += '\n';
    out.text += '\n';
    return;
  }
  if (name === 'img') {
    const src = node.getAttribute('src') ?? '';
    const alt = node.getAttribute('alt') ?? '';
    images.push({ src, alt, after: out.text.trim() });
    out.md += `![${escapeText(alt.replace(/\s+/g, ' ').trim())}](${src})`;
    out.images.push(src);
    return;
  }
  if (name === 'a') {
    const href = node.getAttribute('href') ?? '';
    if (NOTE_BACK.test(href)) return; // the ↑ back to the citation
    const note = NOTE_REF.exec(href);
    if (note) out.notes.push(note[1] as string);
    const inner: Inline = { md: '', text: '', images: out.images, notes: out.notes };
    for (const c of Array.from(node.childNodes)) inline(c, inner, images);
    out.text += inner.text;
    // Links a reader may follow stay links; anything else is its text.
    out.md +=
      !note && /^(?:https?:|mailto:)/i.test(href) && SAFE_LINK.test(href) && inner.text.trim()
        ? `[${inner.md}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`
        : inner.md;
    return;
  }
  for (const c of Array.from(node.childNodes)) inline(c, out, images);
}

function inlineOf(el: XNode, images: ImageTag[]): Inline {
  const out: Inline = { md: '', text: '', images: [], notes: [] };
  for (const c of Array.from(el.childNodes)) inline(c, out, images);
  return out;
}

/** Lines trimmed of ASCII space (an indent of four is code), each escaped as a block start. */
function paragraphMarkdown(md: string): string {
  return md
    .split('\n')
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((l) => l !== '')
    .map(escapeLine)
    .join('\n');
}

function alignOf(el: XElement): DocxBlock['align'] {
  const cls = el.getAttribute('class') ?? '';
  return /\bgk-center\b/.test(cls) ? 'center' : /\bgk-right\b/.test(cls) ? 'right' : undefined;
}

function rowsOf(table: XElement): XElement[] {
  const rows: XElement[] = [];
  for (const c of children(table)) {
    const name = c.nodeName.toLowerCase();
    if (name === 'tr') rows.push(c);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') rows.push(...rowsOf(c));
  }
  return rows;
}

/** A cell's paragraphs on one line; `|` escaped by the text escaping. */
function cellOf(cell: XElement, images: ImageTag[], notes: string[]): { md: string; text: string } {
  const md: string[] = [];
  const text: string[] = [];
  const blocks = children(cell);
  const parts = blocks.length ? blocks : [cell];
  for (const b of parts) {
    const i = inlineOf(b, images);
    notes.push(...i.notes);
    if (i.text.trim() || i.images.length) {
      md.push(
        i.md
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\|/g, '\\|')
          .trim(),
      );
      text.push(i.text.replace(/\s+/g, ' ').trim());
    }
  }
  return { md: md.join(' '), text: text.join(' ') };
}

/** A GFM table; merged cells are spread over the columns and rows they cover (left empty). */
function tableBlock(table: XElement, images: ImageTag[]): { block: DocxBlock; notes: string[] } {
  const notes: string[] = [];
  const grid: { md: string; text: string }[][] = [];
  const carried: number[] = []; // rows a rowspan still covers, per column
  for (const tr of rowsOf(table)) {
    const row: { md: string; text: string }[] = [];
    let col = 0;
    const skipCarried = () => {
      while ((carried[col] ?? 0) > 0) {
        carried[col] = (carried[col] as number) - 1;
        row.push({ md: '', text: '' });
        col++;
      }
    };
    for (const cell of children(tr)) {
      const name = cell.nodeName.toLowerCase();
      if (name !== 'td' && name !== 'th') continue;
      skipCarried();
      const span = Math.max(1, Number(cell.getAttribute('colspan') ?? 1) || 1);
      const down = Math.max(1, Number(cell.getAttribute('rowspan') ?? 1) || 1);
      row.push(cellOf(cell, images, notes));
      for (let k = 0; k < span; k++) {
        if (k > 0) row.push({ md: '', text: '' });
        if (down > 1) carried[col] = down - 1;
        col++;
      }
    }
    skipCarried();
    grid.push(row);
  }
  const width = Math.max(1, ...grid.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  const [head = [], ...body] = grid;
  const md = [
    line(head.map((c) => c.md)),
    line(Array.from({ length: width }, () => '---')),
    ...body.map((r) => line(r.map((c) => c.md))),
  ].join('\n');
  const text = grid.map((r) => r.map((c) => c.text).join(' ')).join('\n');
  const tableImages = images.filter((im) => md.includes(`](${im.src})`)).map((im) => im.src);
  return { block: { text, markdown: md, kind: 'table', images: tableImages }, notes };
}

function listBlock(list: XElement, images: ImageTag[], depth: number, notes: string[]): { md: string; text: string } {
  const ordered = list.nodeName.toLowerCase() === 'ol';
  const md: string[] = [];
  const text: string[] = [];
  let n = 1;
  for (const li of children(list)) {
    if (li.nodeName.toLowerCase() !== 'li') continue;
    const marker = ordered ? `${n++}. ` : '- ';
    const pad = '  '.repeat(depth);
    const own: Inline = { md: '', text: '', images: [], notes: [] };
    const nested: string[] = [];
    for (const c of Array.from(li.childNodes)) {
      const name = isElement(c) ? c.nodeName.toLowerCase() : '';
      if (name === 'ul' || name === 'ol') {
        const sub = listBlock(c as XElement, images, depth + 1, notes);
        nested.push(sub.md);
        text.push(sub.text);
      } else inline(c, own, images);
    }
    notes.push(...own.notes);
    md.push(`${pad}${marker}${own.md.replace(/\s*\n\s*/g, ' ').trim()}`, ...nested);
    text.push(own.text.trim());
  }
  return { md: md.join('\n'), text: text.filter(Boolean).join('\n') };
}

/** Footnotes and endnotes by id (`footnote-1`), from the list mammoth puts at the end. */
function notesOf(root: XElement, images: ImageTag[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const list of children(root)) {
    if (list.nodeName.toLowerCase() !== 'ol') continue;
    for (const li of children(list)) {
      const id = li.getAttribute('id') ?? '';
      if (!/^(?:footnote|endnote)-\d+$/.test(id)) continue;
      const parts: string[] = [];
      for (const c of children(li))
        parts.push(
          inlineOf(c, images)
            .md.replace(/\s*\n\s*/g, ' ')
            .trim(),
        );
      if (!children(li).length) parts.push(inlineOf(li, images).md.trim());
      notes.set(id, parts.filter(Boolean).join(' '));
    }
  }
  return notes;
}

const isNoteList = (el: XElement) =>
  el.nodeName.toLowerCase() === 'ol' &&
  children(el).some((li) => /^(?:footnote|endnote)-\d+$/.test(li.getAttribute('id') ?? ''));

/** Blocks of the document and its images, in order. */
export function htmlToDocxBlocks(html: string, xml: XmlEnv): { blocks: DocxBlock[]; images: ImageTag[] } {
  const root = xml.parse(`<div>${html}</div>`).documentElement as XElement;
  const images: ImageTag[] = [];
  const noteImages: ImageTag[] = [];
  const notes = notesOf(root, noteImages);
  const blocks: DocxBlock[] = [];
  const placed = new Set<string>();
  const placeNotes = (ids: string[]) => {
    for (const id of ids) {
      const body = notes.get(id);
      if (body === undefined || placed.has(id)) continue;
      placed.add(id);
      const n = id.split('-')[1];
      // Printed at the foot of the page in Word; here after the paragraph that cites it.
      const md = `注[${n}]：${body}`;
      blocks.push({ text: md, markdown: md, kind: 'note', images: [] });
    }
  };
  for (const el of children(root)) {
    if (el.nodeType !== ELEMENT) continue;
    const name = el.nodeName.toLowerCase();
    if (isNoteList(el)) continue;
    // An image alone in its paragraph is found by the text before it.
    const seen = images.length;
    const previous = blocks.at(-1)?.text ?? '';
    addBlock(el, name);
    for (const tag of images.slice(seen)) if (!tag.after) tag.after = previous;
  }
  // Notes no paragraph cites (e.g. cited from a text box) are kept at the end.
  placeNotes([...notes.keys()]);
  return { blocks, images: [...images, ...noteImages] };

  function addBlock(el: XElement, name: string): void {
    if (/^h[1-6]$/.test(name)) {
      const i = inlineOf(el, images);
      const text = i.text.replace(/\s+/g, ' ').trim();
      if (text || i.images.length) {
        const md = `${'#'.repeat(Number(name[1]))} ${i.md.replace(/\s*\n\s*/g, ' ').trim()}`;
        const align = alignOf(el);
        blocks.push({ text, markdown: md, kind: 'heading', images: i.images, ...(align ? { align } : {}) });
      }
      placeNotes(i.notes);
    } else if (name === 'table') {
      const t = tableBlock(el, images);
      blocks.push(t.block);
      placeNotes(t.notes);
    } else if (name === 'ul' || name === 'ol') {
      const ids: string[] = [];
      const l = listBlock(el, images, 0, ids);
      if (l.md.trim()) blocks.push({ text: l.text, markdown: l.md, kind: 'list', images: [] });
      placeNotes(ids);
    } else {
      const i = inlineOf(el, images);
      const md = paragraphMarkdown(i.md);
      if (md) {
        const align = alignOf(el);
        blocks.push({
          text: i.text.trim(),
          markdown: md,
          kind: 'paragraph',
          images: i.images,
          ...(align ? { align } : {}),
        });
      }
      placeNotes(i.notes);
    }
  }
}

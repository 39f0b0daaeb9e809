// Finds the clauses of a rendered document in its DOM (shadow or the page's own article) and
// marks where each starts, so the elements can link, highlight and align notes with them.
import { type Clause, segmentBlocks } from '@gongkai/format';

const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'TD',
  'TH',
  'DD',
  'DT',
  'BLOCKQUOTE',
  'PRE',
  'DIV',
  'SECTION',
  'ARTICLE',
  'CAPTION',
  'FIGCAPTION',
  'ADDRESS',
  'CENTER',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'BUTTON']);
const HEADING = /^H[1-6]$/;

/** A run of text in one block element, with a way back from a character offset to the DOM. */
interface Block {
  element: Element;
  text: string;
  /** For each character of `text`, its text node and offset. */
  positions: { node: Text; offset: number }[];
}

export interface ClauseDom {
  clauses: Clause[];
  /** The marker inserted where each clause starts. */
  markers: Map<string, HTMLElement>;
  /** The block elements of each clause, in order (a block shared by run-in clauses is in each). */
  blocks: Map<string, Element[]>;
}

function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/** Leaf blocks in document order: text directly inside a block that holds other blocks is its own run. */
function collectBlocks(roots: readonly Node[], skip: (el: Element) => boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current?.text.trim()) blocks.push(current);
    current = null;
  };
  const visit = (node: Node, owner: Element) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (!current) current = { element: owner, text: '', positions: [] };
      for (let i = 0; i < data.length; i++) {
        current.text += data[i];
        current.positions.push({ node: node as Text, offset: i });
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName) || skip(el)) return;
    if (el.tagName === 'BR' && current) {
      // A line break separates words the way a space does.
      const last = current.positions[current.positions.length - 1];
      if (last) {
        current.text += ' ';
        current.positions.push(last);
      }
      return;
    }
    const block = isBlock(el);
    if (block) close();
    for (const child of el.childNodes) visit(child, block ? el : owner);
    if (block) close();
  };
  for (const root of roots) {
    if (root instanceof Element) visit(root, root);
    else for (const child of root.childNodes) visit(child, (root as ShadowRoot).host);
    close();
  }
  return blocks;
}

/** Index into `text` where `piece` begins, ignoring whitespace differences; -1 if absent. */
function findPiece(text: string, piece: string, from: number): number {
  const head = piece.replace(/\s+/g, '').slice(0, 16);
  if (!head) return -1;
  for (let i = from; i < text.length; i++) {
    let j = i;
    let k = 0;
    while (j < text.length && k < head.length) {
      if (/\s/.test(text[j]!)) {
        j++;
        continue;
      }
      if (text[j] !== head[k]) break;
      j++;
      k++;
    }
    if (k === head.length) return i;
  }
  return -1;
}

function insertMarker(block: Block, index: number, marker: HTMLElement): void {
  let at = index;
  while (at < block.text.length && /\s/.test(block.text[at]!)) at++;
  const position = block.positions[at];
  if (!position || at === 0 || index <= 0) {
    block.element.insertBefore(marker, block.element.firstChild);
    return;
  }
  const rest = position.node.splitText(position.offset);
  rest.parentNode?.insertBefore(marker, rest);
  // Later positions in the split node now live in `rest`.
  for (let i = at; i < block.positions.length; i++) {
    const p = block.positions[i]!;
    if (p.node !== position.node) break;
    block.positions[i] = { node: rest, offset: p.offset - position.offset };
  }
}

/**
 * Segments the text under `roots` into clauses and inserts `makeMarker(clause)` where each one
 * starts. Elements for which `skip` is true (e.g. markers from an earlier pass) are ignored.
 */
export function annotateClauses(
  roots: readonly Node[],
  makeMarker: (clause: Clause) => HTMLElement,
  skip: (el: Element) => boolean = () => false,
): ClauseDom {
  const blocks = collectBlocks(roots, skip);
  const segmentation = segmentBlocks(blocks.map((b) => ({ text: b.text, heading: HEADING.test(b.element.tagName) })));
  const byId = new Map(segmentation.clauses.map((c) => [c.id, c]));
  const markers = new Map<string, HTMLElement>();
  const blocksOf = new Map<string, Element[]>();
  const cursor = new Map<number, number>();
  for (const part of segmentation.parts) {
    const block = blocks[part.paragraph];
    if (!block || !part.clause) continue;
    const list = blocksOf.get(part.clause) ?? [];
    if (list[list.length - 1] !== block.element) list.push(block.element);
    blocksOf.set(part.clause, list);
    const from = cursor.get(part.paragraph) ?? 0;
    const index = findPiece(block.text, part.text, from);
    if (index >= 0) cursor.set(part.paragraph, index + 1);
    const clause = byId.get(part.clause);
    if (part.start && clause && !markers.has(clause.id)) {
      const marker = makeMarker(clause);
      insertMarker(block, Math.max(index, 0), marker);
      markers.set(clause.id, marker);
    }
  }
  return { clauses: segmentation.clauses, markers, blocks: blocksOf };
}

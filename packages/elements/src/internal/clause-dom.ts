// Finds the clauses of a rendered document in its DOM (shadow or the page's own article) and
// marks where each starts, so the elements can link, highlight and align notes with them.
import type { Clause, Segmentation } from '@gongkai/format';

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

/**
 * Where a stretch of a block's text lives: characters `start`… map to `node` from offset
 * `base` on (a line break's space, `fixed`, maps to one character). One entry per text node
 * rather than per character: a long document has 100,000 characters and a few thousand nodes.
 */
interface Segment {
  start: number;
  node: Text;
  base: number;
  fixed: boolean;
}

/** A run of text in one block element, with a way back from a character offset to the DOM. */
interface Block {
  element: Element;
  text: string;
  segments: Segment[];
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
  let current: { element: Element; pieces: string[]; length: number; segments: Segment[] } | null = null;
  const close = () => {
    if (current) {
      const text = current.pieces.join('');
      if (text.trim()) blocks.push({ element: current.element, text, segments: current.segments });
    }
    current = null;
  };
  const visit = (node: Node, owner: Element) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (!data) return;
      current ??= { element: owner, pieces: [], length: 0, segments: [] };
      current.segments.push({ start: current.length, node: node as Text, base: 0, fixed: false });
      current.pieces.push(data);
      current.length += data.length;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName) || skip(el)) return;
    if (el.tagName === 'BR' && current) {
      // A line break separates words the way a space does (it maps to the character before it).
      const last = current.segments[current.segments.length - 1];
      if (last) {
        const offset = last.fixed ? last.base : last.base + current.length - 1 - last.start;
        current.segments.push({ start: current.length, node: last.node, base: offset, fixed: true });
        current.pieces.push(' ');
        current.length += 1;
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

/** The segment holding character `index` of a block (binary search). */
function segmentAt(block: Block, index: number): number {
  const { segments } = block;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
  if (at >= block.text.length || at === 0 || index <= 0) {
    block.element.insertBefore(marker, block.element.firstChild);
    return;
  }
  const i = segmentAt(block, at);
  const segment = block.segments[i]!;
  const offset = segment.fixed ? segment.base : segment.base + at - segment.start;
  const original = segment.node;
  const rest = original.splitText(offset);
  rest.parentNode?.insertBefore(marker, rest);
  // Characters from the split point on now live in `rest`.
  if (!segment.fixed && at > segment.start) {
    block.segments.splice(i + 1, 0, { start: at, node: rest, base: 0, fixed: false });
  } else {
    segment.node = rest;
    segment.base -= offset;
  }
  for (let k = i + 1; k < block.segments.length; k++) {
    const later = block.segments[k]!;
    if (later.node === original && later.base >= offset) {
      later.node = rest;
      later.base -= offset;
    }
  }
}

type SegmentBlocks = (paragraphs: readonly { text: string; heading?: boolean }[]) => Segmentation;

/**
 * Finds the clauses a bundle lists (`gongkai build` writes them) in the text under `roots`, in
 * order, by the start of each one's text, and inserts `makeMarker(clause)` where each starts:
 * no segmentation needed. Null when one is not found where the one before it left off (a body
 * edited by hand after its clauses were derived): the text is then segmented instead.
 */
export function placeKnownClauses(
  roots: readonly Node[],
  clauses: readonly Clause[],
  makeMarker: (clause: Clause) => HTMLElement,
  skip: (el: Element) => boolean = () => false,
): ClauseDom | null {
  const blocks = collectBlocks(roots, skip);
  const starts: { block: number; index: number }[] = [];
  const blocksOf = new Map<string, Element[]>();
  let block = 0;
  let from = 0;
  for (const clause of clauses) {
    const lines = clause.text.split('\n');
    const start = findFrom(blocks, lines[0]!, block, from);
    if (!start) return null;
    starts.push(start);
    // Its blocks: where each line of its text is, up to where the next clause starts.
    const own = [blocks[start.block]!.element];
    let at = start;
    for (const line of lines.slice(1)) {
      const next = findFrom(blocks, line, at.block, at.index + 1);
      if (!next) break;
      const element = blocks[next.block]!.element;
      if (own.at(-1) !== element) own.push(element);
      at = next;
    }
    blocksOf.set(clause.id, own);
    block = start.block;
    from = start.index + 1;
  }
  const markers = new Map<string, HTMLElement>();
  clauses.forEach((clause, i) => {
    const marker = makeMarker(clause);
    insertMarker(blocks[starts[i]!.block]!, starts[i]!.index, marker);
    markers.set(clause.id, marker);
  });
  return { clauses: [...clauses], markers, blocks: blocksOf };
}

/** The first block (from `block`, character `from` on) where `piece` begins. */
function findFrom(
  blocks: Block[],
  piece: string,
  block: number,
  from: number,
): { block: number; index: number } | null {
  for (let b = block; b < blocks.length; b++) {
    const index = findPiece(blocks[b]!.text, piece, b === block ? from : 0);
    if (index >= 0) return { block: b, index };
  }
  return null;
}

/**
 * Segments the text under `roots` into clauses and inserts `makeMarker(clause)` where each one
 * starts. Elements for which `skip` is true (e.g. markers from an earlier pass) are ignored.
 * The segmenter is passed in: a chunk of its own, loaded only for text without known clauses.
 */
export function annotateClauses(
  roots: readonly Node[],
  segmentBlocks: SegmentBlocks,
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

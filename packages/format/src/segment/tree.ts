// Builds the clause tree from paragraph blocks: one linear pass, a stack of open clauses.
import type { Clause } from '../schema/bundle.js';
import type { Block } from './html.js';
import { KIND, LAW_RANK, type Marker, matchMarker, type Style } from './numbering.js';
import { pageEnd } from './paragraphs.js';
import { isTitleLike, titleOf, trailerKind } from './title.js';

/** A piece of a paragraph: a whole paragraph, or part of one split at a run-in clause start. */
export interface TextPart {
  /** Index into `toParagraphs(input)`. */
  paragraph: number;
  /** The piece, trimmed. */
  text: string;
  /** The clause it belongs to; null for preamble, chrome and signature lines. */
  clause: string | null;
  /** True for the piece that starts its clause (it begins with `number`). */
  start: boolean;
}

interface Open {
  style: Style;
  n: number;
  id: string;
  clause: number;
}

interface Placement {
  keep: number;
  style: Style;
}

// A run-in clause starts after whitespace or a sentence/clause end; a bracketed one may also
// follow a short heading directly (`一、总体要求（一）指导思想`), checked in `paragraph`.
// One table lookup per character: much faster than a regex with lookahead.
const START = 1;
const AFTER = 2;
const BRACKET = 4;
const CHARS = new Uint8Array(0x10000);
const mark = (flag: number, chars: string, ranges: Array<[number, number]> = []) => {
  const set = (c: number) => {
    CHARS[c] = (CHARS[c] as number) | flag;
  };
  for (let i = 0; i < chars.length; i++) set(chars.charCodeAt(i));
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) set(c);
};
const CIRCLED: Array<[number, number]> = [
  [0x2460, 0x2487],
  [0x3251, 0x325f],
  [0x32b1, 0x32bf],
];
mark(START, '(（〇零一二两兩三四五六七八九十百0123456789０１２３４５６７８９第', [...CIRCLED, [0x2488, 0x249b]]);
mark(BRACKET, '(（', CIRCLED);
mark(AFTER, '。；;：:！!？?\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff', [[0x2000, 0x200a]]);
const DI = 0x7b2c; // 第: `第（三）项` is a reference
const HEADING_PUNCT = /[，,、。；;：:！!？?]/;
const HAS_TEXT = /\s*\S/y;
const WS_CHAR = /\s/;
const LEADING_SPACE = /^[\s\u3000]*/;
const TOC_PUNCT = /[。；;，,]/;

/** Where a trailing ` |||` (page chrome glued to the text) starts, or -1. */
function trailingPipes(text: string): number {
  let i = text.length;
  while (i > 0 && (text[i - 1] === '|' || text[i - 1] === '｜')) i--;
  return i > 1 && i < text.length && WS_CHAR.test(text[i - 1] as string) ? i : -1;
}

class Builder {
  readonly clauses: Clause[] = [];
  readonly parts: RawPart[] = [];
  private stack: Open[] = [];
  /** Styles in first-seen depth order; a new style is ranked just below its parent's. */
  private order: Style[] = [];
  private last = new Map<Style, number>();
  private ids = new Set<string>();
  private dups = new Map<string, number>();
  private doc = 1;
  /** First clause of the current document, and how many continuation pieces it has. */
  private docStart = 0;
  private docBody = 0;
  /** Clause whose title comes from its next paragraph (the marker stood alone). */
  private pendingTitle = -1;

  /** Where a marker goes, or null when it does not fit (strict: run-in candidates). */
  private place(m: Marker, strict: boolean): Placement | null | 'restart' {
    const st = this.stack;
    const topIdx = st.length - 1;
    const top = st[topIdx];
    let idx = topIdx;
    while (idx >= 0 && st[idx]?.style !== m.style) idx--;
    if (idx >= 0) {
      const e = st[idx] as Open;
      if (m.n === e.n + 1 || (m.sub > 0 && m.n === e.n)) return { keep: idx, style: m.style };
      // `4.` written where `4)` was meant: continue the deeper list of the same kind.
      if (top && idx < topIdx && KIND[m.style] && KIND[top.style] === KIND[m.style] && m.n === top.n + 1)
        return { keep: topIdx, style: top.style };
      if (strict) return null;
      if (idx === 0 && m.n === 1 && m.sub === 0) return 'restart';
      return { keep: idx, style: m.style };
    }
    let keep = st.length;
    const lawRank = LAW_RANK[m.style];
    if (lawRank >= 0) {
      // 编 > 章 > 节 > 条 whatever order they first appear in.
      let firstLaw = -1;
      let above = -1;
      for (let i = 0; i < st.length; i++) {
        const r = LAW_RANK[(st[i] as Open).style];
        if (r < 0) continue;
        if (firstLaw < 0) firstLaw = i;
        if (r < lawRank) above = i;
      }
      if (firstLaw >= 0) keep = above >= 0 ? above + 1 : firstLaw;
    } else {
      const r = this.order.indexOf(m.style);
      if (r >= 0) while (keep > 0 && this.order.indexOf((st[keep - 1] as Open).style) >= r) keep--;
    }
    if (strict) {
      const last = this.last.get(m.style);
      if (m.n !== 1 && (last === undefined || m.n !== last + 1)) return null;
    }
    return { keep, style: m.style };
  }

  /** Only bare, short top-level headings so far (`第一章　总　　则` …): a 目录. */
  private isContents(): boolean {
    if (this.docBody > 0 || this.clauses.length - this.docStart < 2) return false;
    for (let i = this.docStart; i < this.clauses.length; i++) {
      const c = this.clauses[i] as Clause;
      if (c.level !== 1 || c.text.length > 40 || TOC_PUNCT.test(c.text)) return false;
    }
    return true;
  }

  private newDocument(): void {
    if (this.isContents()) {
      // Only bare top-level headings so far: a table of contents (目录), not a document.
      for (let i = this.parts.length - 1; i >= 0; i--) {
        const p = this.parts[i] as RawPart;
        if (p.clause >= 0 && p.clause < this.docStart) break;
        p.clause = -1;
      }
      for (const c of this.clauses.splice(this.docStart)) this.ids.delete(c.id);
      this.pendingTitle = -1;
    } else {
      // Lines just before the restart (a second title, a signature, 附件) open the new document.
      releaseTrailing(this.parts, true);
      this.doc++;
    }
    this.docStart = this.clauses.length;
    this.docBody = 0;
    this.stack = [];
    this.order = [];
    this.last.clear();
  }

  private makeId(style: Style, m: Marker, parent: Open | undefined): string {
    const prefix = this.doc > 1 ? `d${this.doc}.` : '';
    let id: string;
    if (style === 'article') id = `${prefix}a${m.n}${m.sub ? `-${m.sub}` : ''}`;
    else if (style === 'chapter') id = `${prefix}c${m.n}`;
    else if (style === 'part') id = `${prefix}b${m.n}`;
    else if (style === 'section') id = parent?.style === 'chapter' ? `${parent.id}.s${m.n}` : `${prefix}s${m.n}`;
    else id = parent ? `${parent.id}.${m.n}` : `${prefix}${m.n}`;
    if (!this.ids.has(id)) return id;
    // Only defective numbering gets here (the same number twice under one parent).
    let k = this.dups.get(id) ?? 2;
    while (this.ids.has(`${id}-${k}`)) k++;
    this.dups.set(id, k + 1);
    return `${id}-${k}`;
  }

  /** Opens a clause for marker `m` if it fits; returns false when a strict candidate is rejected. */
  open(m: Marker, strict: boolean): boolean {
    let p = this.place(m, strict);
    if (p === null) return false;
    if (p === 'restart') {
      this.newDocument();
      p = this.place(m, false) as Placement;
    }
    const st = this.stack;
    st.length = p.keep;
    const parent = st[st.length - 1];
    if (this.order.indexOf(p.style) < 0) {
      const at = parent ? this.order.indexOf(parent.style) + 1 : 0;
      this.order.splice(at, 0, p.style);
    }
    const id = this.makeId(m.style, m, parent);
    this.ids.add(id);
    st.push({ style: p.style, n: m.n, id, clause: this.clauses.length });
    this.last.set(m.style, m.n);
    this.clauses.push({ id, number: m.number, level: st.length, parent: parent?.id ?? null, title: '', text: '' });
    return true;
  }

  /** Whether `text` starts with the next number of an open clause's style. */
  continues(text: string): boolean {
    const m = matchMarker(text, 0);
    return !!m && this.stack.some((e) => e.style === m.style && m.n - e.n === (m.sub ? 0 : 1));
  }

  get current(): number {
    const top = this.stack[this.stack.length - 1];
    return top ? top.clause : -1;
  }

  /** Adds a piece to clause `clause`; `markerEnd` is where its marker ends in `text`, or -1. */
  add(clause: number, paragraph: number, text: string, markerEnd: number): void {
    this.parts.push({ paragraph, text, clause, start: markerEnd >= 0 });
    const c = this.clauses[clause];
    if (!c) return;
    if (markerEnd < 0) this.docBody++;
    if (markerEnd >= 0) {
      c.text = text; // the start piece, until buildClauses joins all pieces
      c.title = titleOf(text.slice(markerEnd));
      this.pendingTitle = c.title ? -1 : clause;
    } else if (this.pendingTitle === clause) {
      c.title = titleOf(text);
      this.pendingTitle = -1;
    }
  }

  paragraph(index: number, whole: string): void {
    // `1. 第1条 …` (articles written as an ordered list): the list's number is no level, and
    // text of no clause.
    const listed = listedArticle(whole);
    if (listed > 0)
      this.parts.push({ paragraph: index, text: whole.slice(0, listed).trim(), clause: -1, start: false });
    const text = whole.slice(listed);
    let marker = matchMarker(text, 0);
    if (marker && !this.open(marker, false)) marker = null;
    let pieceStart = 0;
    let pieceMarkerEnd = marker ? marker.end : -1;
    let owner = this.current;
    for (let at = (marker ? marker.end : 0) + 1; at < text.length; at++) {
      const flags = CHARS[text.charCodeAt(at)] as number;
      if (!(flags & START)) continue;
      const prev = text.charCodeAt(at - 1);
      const boundary = ((CHARS[prev] as number) & AFTER) !== 0;
      if (!boundary && (!(flags & BRACKET) || prev === DI)) continue;
      const m = matchMarker(text, at);
      if (!m) continue;
      if (!boundary) {
        // No separator: only right after a short heading that itself starts with a marker.
        const head = pieceMarkerEnd < 0 ? '' : text.slice(pieceStart + pieceMarkerEnd, at);
        if (!head || head.length > 30 || HEADING_PUNCT.test(head)) continue;
      }
      // A run-in start needs text after it and must fit the numbering so far.
      HAS_TEXT.lastIndex = m.end;
      if (!HAS_TEXT.test(text) || !this.open(m, true)) continue;
      const before = text.slice(pieceStart, at).trim();
      if (before) this.add(owner, index, before, pieceMarkerEnd);
      owner = this.current;
      pieceStart = at;
      pieceMarkerEnd = m.end - at;
      at = m.end - 1;
    }
    const rest = text.slice(pieceStart).trim();
    if (rest) this.add(owner, index, rest, pieceMarkerEnd);
  }
}

/** Where the article starts in `1. 第1条 …` (a list number before a 第…条/章/节/编 marker), else 0. */
function listedArticle(text: string): number {
  const list = matchMarker(text, 0);
  if (!list || LAW_RANK[list.style] >= 0) return 0;
  const at = list.end + (LEADING_SPACE.exec(text.slice(list.end))?.[0].length ?? 0);
  const law = matchMarker(text, at);
  return law && LAW_RANK[law.style] >= 0 ? at : 0;
}

type RawPart = { paragraph: number; text: string; clause: number; start: boolean };

/** Detaches trailing date, signature (and with `titles`, title) lines from the last clause. */
function releaseTrailing(parts: RawPart[], titles: boolean): void {
  let sawDate = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i] as RawPart;
    if (p.clause < 0) continue;
    if (p.start) break;
    const kind = trailerKind(p.text);
    if (kind === 'date') sawDate = true;
    else if (!(kind === 'signature' && sawDate) && !(titles && isTitleLike(p.text))) break;
    p.clause = -1;
  }
}

/** Segments paragraph blocks into clauses and text parts; the page's tools (`pageEnd`) end the document. */
export function buildClauses(blocks: Block[]): { clauses: Clause[]; parts: TextPart[] } {
  const b = new Builder();
  // After the page's own tools (打印本页, 责任编辑：…) comes no more document text, unless a
  // clause continues the numbering (such a page has chrome between its documents).
  let ended = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const text = block.text;
    const end: number = ended && !b.continues(text) ? 0 : b.clauses.length > 0 ? pageEnd(text) : -1;
    ended = end >= 0;
    if (block.chrome || end === 0) {
      b.parts.push({ paragraph: i, text, clause: -1, start: false });
      continue;
    }
    const cut = end > 0 ? end : trailingPipes(text);
    if (cut > 0) {
      b.paragraph(i, text.slice(0, cut).trimEnd());
      b.parts.push({ paragraph: i, text: text.slice(cut), clause: -1, start: false });
    } else {
      b.paragraph(i, text);
    }
  }
  const { clauses, parts } = b;
  releaseTrailing(parts, false);
  const texts: string[][] = clauses.map(() => []);
  const out: TextPart[] = [];
  for (const p of parts) {
    const c = p.clause >= 0 ? (clauses[p.clause] as Clause) : undefined;
    if (c) (texts[p.clause] as string[]).push(p.text);
    out.push({ paragraph: p.paragraph, text: p.text, clause: c ? c.id : null, start: p.start });
  }
  for (let i = 0; i < clauses.length; i++) (clauses[i] as Clause).text = (texts[i] as string[]).join('\n');
  return { clauses, parts: out };
}

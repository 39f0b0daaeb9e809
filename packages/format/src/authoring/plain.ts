// Most official documents are plain paragraphs with no markdown syntax at all. Those need no
// markdown parser and no sanitiser (their text goes into the page as text), so a reader's page
// renders them directly and loads markdown-it only for the rest. The rules below are deliberately
// narrow: a paragraph is "plain" only where markdown-it (our configuration: no HTML, no linkify,
// no typographer) provably renders it as `<p>` + its text; everything else goes to markdown-it,
// in runs, unchanged. test/format/plain.test.ts checks the equivalence on every seed document
// and on generated documents full of near-syntax.

/** A plain paragraph's text, exactly as markdown-it would render it; or markdown to render. */
export type MarkdownPiece = { plain: string } | { markdown: string };

/** Characters with inline or block meaning anywhere in a line (and NUL, which is replaced). */
const SYNTAX = /[\\`*_[\]<>&!~|#\0]/;
/** Lines that start or underline a block: list items, setext underlines. */
const BLOCK_LINE = /^(?:[-+]|\d{1,9}[.)])(?:[ \t]|$)|^[=-]+$/;
/** A blank line, as markdown defines it (only spaces and tabs; U+3000 is text). */
const BLANK = /^[ \t]*$/;
/** Constructs whose reach crosses blank lines: fenced code, link reference definitions. */
const CROSSES_BLANKS = /^[ \t]*(?:`{3}|~{3})|\]:/m;

/** Leading spaces and tabs, which markdown-it drops from paragraph lines. */
const INDENT = /^[ \t]*/;

/**
 * A paragraph line markdown-it renders as its text: no syntax, no block start, no trailing
 * spaces or tabs (hard breaks). Continuation lines may be indented by any amount; the first
 * line by at most `maxIndent` spaces (four is code; after a list, any indent continues it).
 */
function isPlainLine(line: string, maxIndent: number): boolean {
  const last = line.charCodeAt(line.length - 1);
  if (last === 32 || last === 9) return false;
  const indent = INDENT.exec(line)![0];
  if (maxIndent >= 0 && (indent.length > maxIndent || indent.includes('\t'))) return false;
  const rest = line.slice(indent.length);
  return !SYNTAX.test(rest) && !BLOCK_LINE.test(rest);
}

/**
 * The text cut at blank lines into plain paragraphs and runs of markdown (consecutive non-plain
 * blocks, with the blank lines between them). Rendering each plain piece as `<p>` + its text
 * and each markdown run with `markdownToHtml` gives exactly `markdownToHtml(source)`.
 */
export function splitPlainParagraphs(source: string): MarkdownPiece[] {
  const text = source.replace(/\r\n?/g, '\n');
  if (CROSSES_BLANKS.test(text)) return text.trim() ? [{ markdown: text }] : [];
  const lines = text.split('\n');
  const pieces: MarkdownPiece[] = [];
  let run: string[] = [];
  const flushRun = () => {
    // Blank lines at either end of a run mean nothing to markdown.
    while (run.length && BLANK.test(run[run.length - 1]!)) run.pop();
    if (run.length) pieces.push({ markdown: run.join('\n') });
    run = [];
  };
  let i = 0;
  // After a plain paragraph (or at the start) no list or quote is open that could take in an
  // indented paragraph.
  let afterPlain = true;
  while (i < lines.length) {
    if (BLANK.test(lines[i]!)) {
      if (run.length) run.push(lines[i]!);
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && !BLANK.test(lines[end]!)) end++;
    const block = lines.slice(i, end);
    const firstIndent: number = afterPlain ? 3 : 0;
    afterPlain = block.every((line, k) => isPlainLine(line, k === 0 ? firstIndent : -1));
    if (afterPlain) {
      flushRun();
      // Only ASCII spaces and tabs are dropped: an indent of U+3000 is text and stays.
      pieces.push({ plain: block.map((line) => line.replace(INDENT, '')).join('\n') });
    } else {
      run.push(...block);
    }
    i = end;
  }
  flushRun();
  return pieces;
}

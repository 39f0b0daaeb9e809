import { splitPlainParagraphs } from '@gongkai/format';
import { loadMarkdownEngine } from '../lazy.js';
import { sanitizeToFragment } from '../sanitize.js';

/**
 * Markdown → sanitised nodes. Plain paragraphs (most of an official document) become `<p>` with
 * their text, as markdown-it would render them; the rest goes through markdown-it, loaded only
 * then, and the sanitiser.
 */
export async function renderSafeMarkdownFragment(source: string): Promise<DocumentFragment> {
  const pieces = splitPlainParagraphs(source);
  const runs = pieces.filter((p): p is { markdown: string } => 'markdown' in p);
  const rendered = runs.length ? await renderSafeBodies(runs, 'gk-run') : [];
  const fragment = document.createDocumentFragment();
  let run = 0;
  for (const piece of pieces) {
    if ('plain' in piece) {
      const paragraph = document.createElement('p');
      paragraph.textContent = piece.plain;
      fragment.append(paragraph);
    } else {
      fragment.append(...rendered[run++]!.childNodes);
    }
  }
  return fragment;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The HTML of markdown that is plain paragraphs only (no markdown-it needed); else undefined. */
function plainHtml(markdown: string): string | undefined {
  const pieces = splitPlainParagraphs(markdown);
  if (pieces.some((p) => 'markdown' in p)) return undefined;
  return pieces.map((p) => `<p>${(p as { plain: string }).plain.replace(/[&<>"]/g, (c) => ESCAPES[c]!)}</p>`).join('');
}

/** A markdown field, with the HTML `gongkai build` rendered from it when the bundle carries it. */
export interface MarkdownField {
  markdown: string;
  html?: string | undefined;
}

/**
 * Many short markdown texts (200 notes, 50 answers) → one sanitised `<div class=…>` each.
 * Sanitised in one pass, not one per text: each pass costs a parsed document of its own.
 * Pre-rendered HTML is used when given (and sanitised all the same); markdown-it is loaded
 * only when some text has none and is not plain paragraphs.
 */
export async function renderSafeBodies(fields: readonly MarkdownField[], className: string): Promise<HTMLElement[]> {
  const ready = fields.map((f) => f.html ?? plainHtml(f.markdown));
  const engine = ready.some((html) => html === undefined) ? await loadMarkdownEngine() : null;
  const inner = ready.map((html, i) => html ?? engine!.renderMarkdown(fields[i]!.markdown));
  const wrapped = inner.map((one) => `<div class="${className}">${one}</div>`).join('');
  const bodies = [...(await sanitizeToFragment(wrapped)).children] as HTMLElement[];
  // Hostile pre-rendered HTML could close our wrapper early: then each text is sanitised alone.
  if (bodies.length === fields.length && bodies.every((b) => b.className === className)) return bodies;
  return Promise.all(
    inner.map(async (one) => {
      const body = document.createElement('div');
      body.className = className;
      body.append(await sanitizeToFragment(one));
      return body;
    }),
  );
}

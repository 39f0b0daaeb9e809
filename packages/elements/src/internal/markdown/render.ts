import { loadMarkdownEngine } from '../lazy.js';
import { sanitizeToFragment } from '../sanitize.js';

/** Markdown → sanitised nodes. The engine is loaded on first use. */
export async function renderSafeMarkdownFragment(source: string): Promise<DocumentFragment> {
  const { renderMarkdown } = await loadMarkdownEngine();
  return sanitizeToFragment(renderMarkdown(source));
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
 * only when some text has none.
 */
export async function renderSafeBodies(fields: readonly MarkdownField[], className: string): Promise<HTMLElement[]> {
  const engine = fields.some((f) => f.html === undefined) ? await loadMarkdownEngine() : null;
  const inner = fields.map((f) => f.html ?? engine!.renderMarkdown(f.markdown));
  const wrapped = inner.map((one) => `<div class="${className}">${one}</div>`).join('');
  const bodies = [...sanitizeToFragment(wrapped).children] as HTMLElement[];
  // Hostile pre-rendered HTML could close our wrapper early: then each text is sanitised alone.
  if (bodies.length === fields.length && bodies.every((b) => b.className === className)) return bodies;
  return inner.map((one) => {
    const body = document.createElement('div');
    body.className = className;
    body.append(sanitizeToFragment(one));
    return body;
  });
}

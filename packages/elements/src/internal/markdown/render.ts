import { loadMarkdownEngine } from '../lazy.js';
import { sanitizeToFragment } from '../sanitize.js';

/** Markdown → sanitised nodes. The engine is loaded on first use. */
export async function renderSafeMarkdownFragment(source: string): Promise<DocumentFragment> {
  const { renderMarkdown } = await loadMarkdownEngine();
  return sanitizeToFragment(renderMarkdown(source));
}

import { sanitizeToFragment } from '../sanitize.js';
import { loadMarkdownEngine } from './load.js';

/** Markdown → sanitised nodes. The engine is loaded on first use. */
export async function renderSafeMarkdownFragment(source: string): Promise<DocumentFragment> {
  const { renderMarkdown } = await loadMarkdownEngine();
  return sanitizeToFragment(renderMarkdown(source));
}

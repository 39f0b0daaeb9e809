import { sanitizeHtml } from '../sanitize.js';
import { loadMarkdownEngine } from './load.js';

/** Markdown → sanitised HTML. The engine is loaded on first use. */
export async function renderSafeMarkdown(source: string): Promise<string> {
  const { renderMarkdown } = await loadMarkdownEngine();
  return sanitizeHtml(renderMarkdown(source));
}

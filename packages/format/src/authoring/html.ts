// Markdown → HTML, the one configuration used everywhere: by `gongkai build --html` (HTML stored
// beside each markdown field, so reading pages need no markdown-it) and by the reading page's
// markdown chunk (for bundles built without it). Raw HTML is off and links may only be http(s),
// mailto, tel or relative; the elements sanitise the result again before it reaches the page.
import MarkdownIt from 'markdown-it';
import type { Bundle } from '../schema/bundle.js';
import { SAFE_LINK } from '../schema/links.js';

// Made on first use, so that importing this module costs nothing (the package has no side effects).
let renderer: ReturnType<typeof MarkdownIt> | null = null;

export function markdownToHtml(source: string): string {
  if (!renderer) {
    renderer = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
    renderer.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  }
  return renderer.render(source);
}

/**
 * The bundle with HTML beside each markdown field: `bodyHtml` for the text, `html` for every
 * interpretation note, `answerHtml` for every answer. The markdown stays: it is the source.
 */
export function withRenderedHtml(bundle: Bundle): Bundle {
  return {
    ...bundle,
    ...(bundle.body === undefined ? {} : { bodyHtml: markdownToHtml(bundle.body) }),
    ...(bundle.interpretations
      ? { interpretations: bundle.interpretations.map((n) => ({ ...n, html: markdownToHtml(n.body) })) }
      : {}),
    ...(bundle.qa ? { qa: bundle.qa.map((q) => ({ ...q, answerHtml: markdownToHtml(q.answer) })) } : {}),
  };
}

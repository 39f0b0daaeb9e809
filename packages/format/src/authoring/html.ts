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

/**
 * Markdown as plain paragraphs, for documents that are not HTML (the interpretation as .docx):
 * one string per paragraph, heading or list item (items marked 1. or ·), emphasis dropped, a
 * link as its text with its address after it in brackets, line breaks kept inside a paragraph.
 */
export function markdownToParagraphs(source: string): string[] {
  markdownToHtml('');
  const out: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let mark = '';
  for (const token of renderer!.parse(source, {})) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open')
      lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
    else if (token.type === 'list_item_open') {
      const list = lists.at(-1)!;
      mark = list.ordered ? `${list.next++}. ` : '· ';
    } else if (token.type === 'inline') {
      let text = '';
      let href: string | null = null;
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') text += child.content;
        else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
        else if (child.type === 'link_open') href = String(child.attrGet('href') ?? '') || null;
        else if (child.type === 'link_close' && href) {
          text += `（${href}）`;
          href = null;
        }
      }
      out.push(mark + text);
      mark = '';
    } else if (token.type === 'fence' || token.type === 'code_block') out.push(token.content.replace(/\n$/, ''));
  }
  return out;
}

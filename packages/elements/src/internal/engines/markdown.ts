// The markdown chunk: markdown-it with raw HTML off. Its output is sanitised by the caller.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

export function renderMarkdown(source: string): string {
  return md.render(source);
}

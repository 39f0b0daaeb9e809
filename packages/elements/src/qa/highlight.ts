import { html, type TemplateResult } from 'lit';
import type { Range, Snippet } from '../internal/engines/search.js';

/** `text` with each range wrapped in `<mark>` (text only: nothing here is parsed as HTML). */
export function marked(text: string, ranges: readonly Range[]): Array<string | TemplateResult> {
  const out: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function renderSnippet(s: Snippet) {
  return html`${s.before ? '…' : ''}${marked(s.text, s.ranges)}${s.after ? '…' : ''}`;
}

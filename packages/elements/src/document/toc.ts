import type { Clause } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { Messages } from '../i18n/zh-Hans.js';

type Msg = (key: keyof Messages) => string;
/** More entries than this and only the top level is listed (a regulation's 100 articles). */
const MAX_ENTRIES = 40;
const MAX_TITLE = 28;

const short = (title: string) => (title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE)}…` : title);

/**
 * Table of contents of the top two levels; a native disclosure, closed on phones (`open` false),
 * where it would push the text off screen. The reader's own toggle stays until the width changes.
 */
export function renderToc(clauses: readonly Clause[], t: Msg, go: (id: string) => void, open = true) {
  const two = clauses.filter((c) => c.level <= 2);
  const entries = two.length > MAX_ENTRIES ? clauses.filter((c) => c.level === 1) : two;
  if (entries.length < 2) return nothing;
  const link = (c: Clause) =>
    html`<a
      href="#clause=${c.id}"
      @click=${(e: Event) => {
        e.preventDefault();
        history.replaceState(history.state, '', `#clause=${c.id}`);
        go(c.id);
      }}
      >${c.number} ${short(c.title)}</a
    >`;
  // Top-level entries hold their children, so a column break never separates them.
  const tops = entries.filter((c) => c.level === 1 || c.parent === null);
  const childrenOf = (id: string) => entries.filter((c) => c.parent === id);
  return html`<nav part="toc" aria-label=${t('toc')}>
    <details ?open=${open}>
      <summary>${t('toc')}</summary>
      <ol>
        ${tops.map((c) => {
          const children = childrenOf(c.id);
          return html`<li>
            ${link(c)} ${children.length ? html`<ol>${children.map((child) => html`<li>${link(child)}</li>`)}</ol>` : nothing}
          </li>`;
        })}
      </ol>
    </details>
  </nav>`;
}

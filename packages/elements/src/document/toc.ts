import type { Clause } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { Messages } from '../i18n/zh-Hans.js';

type Msg = (key: keyof Messages) => string;
const TOC_DEPTH = 2;

/** Table of contents of the top two levels; a native disclosure, so it collapses on phones. */
export function renderToc(clauses: readonly Clause[], t: Msg, go: (id: string) => void) {
  const entries = clauses.filter((c) => c.level <= TOC_DEPTH);
  if (entries.length < 2) return nothing;
  return html`<nav part="toc" aria-label=${t('toc')}>
    <details open>
      <summary>${t('toc')}</summary>
      <ol>
        ${entries.map(
          (c) => html`<li class="level-${c.level}">
            <a
              href="#clause=${c.id}"
              @click=${(e: Event) => {
                e.preventDefault();
                history.replaceState(history.state, '', `#clause=${c.id}`);
                go(c.id);
              }}
              >${c.number} ${c.title}</a
            >
          </li>`,
        )}
      </ol>
    </details>
  </nav>`;
}

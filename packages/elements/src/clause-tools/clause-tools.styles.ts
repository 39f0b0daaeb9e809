import { type CSSResult, css, unsafeCSS } from 'lit';

/**
 * The clause tools' styles, for their own shadow root (`:host`) or, when they render into
 * the light DOM of gk-document's shadow root (600 clauses need no 600 shadow roots), for
 * `.gk-clause-tools` there.
 */
export function clauseToolsStyles(hostSelector: string): CSSResult {
  const host = unsafeCSS(hostSelector);
  const scope = unsafeCSS(hostSelector === ':host' ? '' : hostSelector);
  // Only a tool with its own shadow root, in the page's article, needs `all: initial` against
  // what the page's elements pass down; inside gk-document the few inherited properties that
  // matter are set here. `all` on 600 tools and their buttons was most of the style work.
  const shield = unsafeCSS(hostSelector === ':host' ? 'all: initial;' : '');
  const numbered = unsafeCSS(
    hostSelector === ':host' ? ':host([data-print-label])' : `${hostSelector}[data-print-label]`,
  );
  return css`
    ${host} {
      ${shield}
      display: inline-flex;
      gap: 0.25em;
      vertical-align: 0.1em;
      margin-inline-end: 0.35em;
      font: inherit;
      font-size: 0.8125em !important;
      line-height: 1.4 !important;
      text-indent: 0;
      font-weight: normal;
      font-style: normal;
      letter-spacing: normal;
      text-decoration: none;
    }
    ${scope} button {
      appearance: none;
      margin: 0;
      box-sizing: border-box;
      cursor: pointer;
      border: 1px solid var(--gk-color-border, #8c959f);
      border-radius: var(--gk-radius, 6px);
      padding: 0 0.45em;
      min-block-size: 1.6em;
      color: var(--gk-color-link, #0b57d0);
      background: var(--gk-color-surface, #fff);
      font: inherit;
      white-space: nowrap;
    }
    ${scope} button:hover {
      background: var(--gk-color-hover, #eef4ff);
    }
    ${scope} button:focus-visible {
      outline: 3px solid var(--gk-color-focus, #c2410c);
      outline-offset: 1px;
    }
    ${scope} [part='copy'] {
      color: var(--gk-color-muted, #57606a);
      border-color: transparent;
    }
    ${scope} .done {
      color: var(--gk-color-success, #1a7f37);
    }
    @media print {
      ${scope} button {
        display: none;
      }
      ${numbered}::after {
        content: attr(data-print-label);
      }
    }
  `;
}

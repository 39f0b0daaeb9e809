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
  const notesBeside = unsafeCSS(hostSelector === ':host' ? ':host([notes-beside])' : `${hostSelector}[notes-beside]`);
  return css`
    ${host} {
      ${shield}
      display: inline-flex;
      align-items: center;
      gap: 0.125em;
      vertical-align: middle;
      /* The 44 px targets reach into the half-leading above and below: the line keeps its height. */
      margin-block: -10px;
      margin-inline-end: 0.25em;
      font: inherit;
      font-size: max(1em, 16px) !important;
      line-height: 1.5 !important;
      text-indent: 0;
      font-weight: normal;
      font-style: normal;
      letter-spacing: normal;
      text-decoration: none;
    }
    /* The button is the 44 × 44 px touch area; its face (the visible pill) keeps to one line. */
    ${scope} button {
      appearance: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      margin: 0;
      box-sizing: border-box;
      min-block-size: 44px;
      min-inline-size: 44px;
      padding: 0;
      border: 0;
      background: none;
      cursor: pointer;
      color: var(--gk-color-link, #0b57d0);
      font: inherit;
      white-space: nowrap;
    }
    ${scope} .face {
      border: 1px solid var(--gk-color-border, #8c959f);
      border-radius: var(--gk-radius, 6px);
      padding: 0 0.45em;
      background: var(--gk-color-surface, #fff);
    }
    ${scope} button:hover .face {
      background: var(--gk-color-hover, #eef4ff);
    }
    ${scope} button:focus-visible {
      outline: 3px solid var(--gk-color-focus, #c2410c);
      outline-offset: -3px;
    }
    ${scope} [part='copy'] .face {
      color: var(--gk-color-muted, #57606a);
      border-color: transparent;
      background: none;
    }
    /* Beside a column of notes, the clause's notes are already in view: no button for them. */
    ${notesBeside} [part='notes'] {
      display: none;
    }
    ${scope} .done,
    ${scope} .done .face {
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

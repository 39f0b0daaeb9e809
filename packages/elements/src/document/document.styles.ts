import { css } from 'lit';

export const documentStyles = css`
  /* About 38 characters a line at any text size: longer lines are hard to follow back. */
  article.doc {
    max-inline-size: 40em;
    margin-inline: auto;
  }
  [part='header'] {
    border-block-end: 2px solid var(--gk-color-accent, #b42318);
    padding-block-end: 0.75em;
    margin-block-end: 1.25em;
  }
  h2.title {
    font-size: 1.5em;
    line-height: 1.4;
    margin: 0 0 0.5em;
    text-align: center;
    font-weight: 700;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
    gap: 0.25em 1.5em;
    margin: 0;
  }
  dl > div {
    display: flex;
    gap: 0.5em;
  }
  dt {
    color: var(--gk-color-muted, #57606a);
    flex: none;
  }
  dt::after {
    content: '：';
  }
  dd {
    margin: 0;
  }
  [part='badge'] {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: var(--gk-radius, 6px);
    padding: 0 0.5em;
    font-weight: 700;
  }
  .status-valid [part='badge'] {
    color: var(--gk-color-success, #1a7f37);
  }
  .status-expired [part='badge'],
  .status-repealed [part='badge'],
  .status-amended [part='badge'] {
    color: var(--gk-color-danger, #b42318);
  }
  .status-not-yet-effective [part='badge'],
  .status-draft [part='badge'] {
    color: var(--gk-color-warning, #9a6700);
  }
  [part='notice'] {
    margin-block: 1em 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--gk-color-danger, #b42318);
    background: var(--gk-color-notice-bg, #fff8f0);
    font-weight: 700;
  }
  [part='body'] {
    font-size: 1em;
  }
  [part='body'] p {
    margin: 0 0 1em;
    text-indent: 2em;
  }
  [part='body'] h1,
  [part='body'] h2,
  [part='body'] h3 {
    font-size: 1.125em;
    text-indent: 0;
    margin: 1.5em 0 0.75em;
  }
  [part='body'] table {
    border-collapse: collapse;
    max-inline-size: 100%;
    display: block;
    overflow-x: auto;
  }
  [part='body'] th,
  [part='body'] td {
    border: 1px solid var(--gk-color-border, #d0d7de);
    padding: 0.25em 0.5em;
  }
  /* The page below stays where it will be once the text is in (no jump as it loads). */
  .loading {
    min-block-size: 100vh;
    margin: 0;
    color: var(--gk-color-muted, #57606a);
  }
`;

/** Table of contents, reader controls, clause highlight, text sizes, contrast and print. */
export const readingStyles = css`
  article.scale-1 {
    font-size: 1.125em;
  }
  article.scale-2 {
    font-size: 1.25em;
  }
  article.scale-3 {
    font-size: 1.5em;
  }
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-end: 1em;
  }
  [part='controls'] .label {
    color: var(--gk-color-muted, #57606a);
  }
  [part='controls'] button {
    min-inline-size: 44px;
    min-block-size: 44px;
  }
  [part='controls'] button[aria-pressed='true'] {
    background: var(--gk-color-text, #1f2328);
    color: var(--gk-color-surface, #fff);
  }
  [part='controls'] button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  [part='toc'] {
    margin-block-end: 1.25em;
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 6px);
    padding: 0.5em 1em;
    background: var(--gk-color-subtle, #f6f8fa);
  }
  [part='toc'] summary {
    cursor: pointer;
    font-weight: 700;
    min-block-size: 44px;
    padding-block: 8px;
    display: list-item;
  }
  [part='toc'] ol {
    list-style: none;
    margin: 0.25em 0 0;
    padding: 0;
    columns: 2 18em;
  }
  [part='toc'] li {
    break-inside: avoid;
  }
  [part='toc'] a {
    display: inline-block;
    min-inline-size: 44px;
    padding-block: 8px;
  }
  [part='toc'] ol ol {
    columns: auto;
    margin: 0;
  }
  [part='toc'] li li {
    padding-inline-start: 1.25em;
  }
  /* The clause whose note is current: a rule at its start as well as the colour. */
  [data-gk-current] {
    background: var(--gk-color-current, #fff4ce);
    box-shadow:
      -0.5em 0 0 var(--gk-color-current, #fff4ce),
      calc(-0.5em - 4px) 0 0 var(--gk-color-focus, #c2410c);
  }
  [data-gk-flash] {
    outline: 3px solid var(--gk-color-focus, #c2410c);
    outline-offset: 2px;
  }
  gk-clause-tools {
    scroll-margin-block-start: 4em;
  }
  :host([narrow]) [part='toc'] ol {
    columns: 1;
  }
  :host([narrow]) [part='body'] p {
    text-indent: 0;
  }
  @media print {
    [part='controls'],
    [part='toc'] {
      display: none;
    }
    [data-gk-current] {
      background: none;
      box-shadow: none;
    }
    :host {
      color: #000 !important;
    }
  }
`;

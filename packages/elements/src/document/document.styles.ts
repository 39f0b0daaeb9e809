import { css } from 'lit';

export const documentStyles = css`
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
    font-size: 0.9375em;
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
  .status-repealed [part='badge'],
  .status-amended [part='badge'] {
    color: var(--gk-color-danger, #b42318);
  }
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
  .loading {
    color: var(--gk-color-muted, #57606a);
  }
`;

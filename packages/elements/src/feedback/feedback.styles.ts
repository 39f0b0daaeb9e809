import { css } from 'lit';
import { listStyles } from './list.styles.js';

/** Outcome colours (one level of override), the marks beside them, and the layout of the figures. */
const figureStyles = css`
  :host {
    container-type: inline-size;
    --_adopted: var(--gk-color-adopted, #1a7f37);
    --_partly: var(--gk-color-partly, #9a6700);
    --_not-adopted: var(--gk-color-not-adopted, #b42318);
    --_out-of-scope: var(--gk-color-out-of-scope, #57606a);
    --_removed: var(--gk-color-removed, #8250df);
  }
  :host([theme='dark']) {
    --_adopted: var(--gk-color-adopted, #4ac26b);
    --_partly: var(--gk-color-partly, #d4a72c);
    --_not-adopted: var(--gk-color-not-adopted, #ff8182);
    --_out-of-scope: var(--gk-color-out-of-scope, #9da7b3);
    --_removed: var(--gk-color-removed, #c297ff);
  }
  :host([text-size='1']) {
    font-size: calc(var(--gk-font-size, 16px) * 1.125) !important;
  }
  :host([text-size='2']) {
    font-size: calc(var(--gk-font-size, 16px) * 1.25) !important;
  }
  :host([text-size='3']) {
    font-size: calc(var(--gk-font-size, 16px) * 1.5) !important;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.25em;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
  }
  h3 {
    font-size: 1.125em;
    margin: 0 0 0.5em;
  }
  header {
    margin-block-end: 1em;
  }
  header p {
    margin: 0;
  }
  .title {
    font-weight: 700;
  }
  .version,
  .note,
  .hint,
  .loading {
    color: var(--gk-color-muted, #57606a);
  }
  .hint,
  .note {
    font-size: 0.875em;
    margin: 0.25em 0 0;
  }
  section,
  .notice {
    margin-block: 0 1.5em;
  }
  .overview {
    display: grid;
    gap: 0 2em;
  }
  @container (min-width: 48em) {
    .overview {
      grid-template-columns: 1fr 1fr;
    }
  }
  .summary-text {
    margin: 0 0 0.75em;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5em, 1fr));
    gap: 0.5em;
    margin: 0;
  }
  .figure {
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 6px);
    padding: 0.375em 0.625em;
  }
  .figure dt {
    font-size: 0.875em;
    color: var(--gk-color-muted, #57606a);
  }
  .figure dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
  }
  .mark::before {
    display: inline-block;
    inline-size: 1.25em;
    text-align: center;
    font-weight: 700;
  }
  [data-decision='adopted'] {
    --_c: var(--_adopted);
  }
  [data-decision='partly-adopted'] {
    --_c: var(--_partly);
  }
  [data-decision='not-adopted'] {
    --_c: var(--_not-adopted);
  }
  [data-decision='out-of-scope'] {
    --_c: var(--_out-of-scope);
  }
  [data-decision='removed'] {
    --_c: var(--_removed);
  }
  [data-decision='adopted'] .mark::before {
    content: '✓';
  }
  [data-decision='partly-adopted'] .mark::before {
    content: '◐';
  }
  [data-decision='not-adopted'] .mark::before {
    content: '✕';
  }
  [data-decision='out-of-scope'] .mark::before {
    content: '○';
  }
  [data-decision='removed'] .mark::before {
    content: '⊘';
  }
  .mark {
    color: var(--_c, currentColor);
  }
  .bars {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .bar {
    display: grid;
    grid-template-columns: minmax(6em, auto) 1fr minmax(6em, auto);
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .track {
    block-size: 1em;
    background: var(--gk-color-subtle, #f6f8fa);
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: 2px;
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    background: var(--_c, var(--gk-color-link, #0b57d0));
    print-color-adjust: exact;
  }
  /* Patterns as well as colours, for readers who cannot tell the colours apart. */
  [data-decision='partly-adopted'] .fill {
    background-image: repeating-linear-gradient(45deg, transparent 0 3px, rgb(255 255 255 / 0.45) 3px 6px);
  }
  [data-decision='not-adopted'] .fill {
    background-image: repeating-linear-gradient(90deg, transparent 0 4px, rgb(255 255 255 / 0.45) 4px 6px);
  }
  [data-decision='out-of-scope'] .fill {
    background-image: radial-gradient(rgb(255 255 255 / 0.55) 1px, transparent 1.5px);
    background-size: 4px 4px;
  }
  .bar-value {
    font-variant-numeric: tabular-nums;
  }
  @container (max-width: 30em) {
    .bar {
      grid-template-columns: 1fr auto;
    }
    .track {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }
  .sort {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375em 0.5em;
    margin-block-end: 0.5em;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
    padding: 0.375em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-size: 0.875em;
    vertical-align: bottom;
  }
  tbody th {
    font-weight: 400;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .more {
    margin-block-start: 0.25em;
  }
  .mini {
    display: block;
    block-size: 0.25em;
    margin-block-start: 0.125em;
  }
  .mini .fill {
    margin-inline-start: auto;
  }
  /* Narrow: each clause becomes a card, each number labelled (the table's roles stay). */
  @container (max-width: 40em) {
    .by-clause thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .by-clause tr {
      display: block;
      border-block-end: 1px solid var(--gk-color-border, #d0d7de);
      padding-block: 0.5em;
    }
    .by-clause th,
    .by-clause td {
      display: block;
      border: 0;
      padding: 0;
    }
    .by-clause tbody th {
      font-weight: 700;
    }
    .by-clause td.num {
      display: inline-flex;
      gap: 0.25em;
      margin-inline-end: 1em;
      text-align: start;
    }
    .by-clause td.num::before {
      content: attr(data-label) '：' / '';
      color: var(--gk-color-muted, #57606a);
    }
    .by-clause .mini {
      display: none;
    }
  }
  .notice {
    border: 1px solid var(--gk-color-border, #8c959f);
    border-inline-start-width: 4px;
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em 1em;
  }
  .notice p {
    margin: 0.25em 0 0;
  }
  .notice h3 {
    margin: 0;
  }
  .failure button {
    margin-block-start: 0.5em;
    color: var(--gk-color-text, #1f2328);
  }
  .print-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1.5em;
    margin: 0 0 1.5em;
  }
  .reasons td:first-child {
    white-space: pre-line;
  }
  .print-only {
    display: none;
  }
  @media (forced-colors: active) {
    .fill {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
  @media print {
    :host {
      container-type: normal;
    }
    .tools,
    .print-row,
    .lookup,
    .sort,
    .more,
    .mini,
    .action,
    .to-clause {
      display: none !important;
    }
    .comments {
      display: none;
    }
    .print-only {
      display: block;
    }
    tr {
      break-inside: avoid;
    }
  }
`;

export const feedbackStyles = [figureStyles, listStyles];

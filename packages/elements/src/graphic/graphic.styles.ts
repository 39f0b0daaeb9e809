import { css } from 'lit';

export const graphicStyles = css`
  .cards {
    display: grid;
    gap: 1.25em;
  }
  .card {
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-inline-start: 6px solid var(--gk-color-accent, #b42318);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    padding: 1em 1.25em;
  }
  h3 {
    font-size: 1.125em;
    margin: 0 0 0.75em;
  }
  h4 {
    font-size: 1em;
    margin: 0 0 0.25em;
  }
  p {
    margin: 0.5em 0 0;
  }
  .description {
    color: var(--gk-color-muted, #59636e);
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
    gap: 0.75em;
  }
  .figures li {
    display: flex;
    flex-direction: column;
    padding: 0.75em;
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-subtle, #fdf2f1);
  }
  .value {
    font-size: 2em;
    font-weight: 700;
    line-height: 1.2;
    color: var(--gk-color-accent, #b42318);
    font-variant-numeric: tabular-nums;
  }
  .unit {
    font-size: 0.5em;
    margin-inline-start: 0.15em;
  }
  .steps li,
  .timeline li {
    display: grid;
    grid-template-columns: 2em 1fr;
    gap: 0.75em;
    position: relative;
    padding-block-end: 0.75em;
  }
  .steps li:not(:last-child)::after,
  .timeline li:not(:last-child)::after {
    content: '';
    position: absolute;
    inset-inline-start: calc(1em - 1px);
    inset-block: 2.25em 0;
    border-inline-start: 2px solid var(--gk-color-border, #d0d7de);
  }
  .marker {
    display: grid;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    border-radius: 50%;
    color: #fff;
    background: var(--gk-color-accent, #b42318);
    font-weight: 700;
  }
  .timeline .marker {
    inline-size: 0.9em;
    block-size: 0.9em;
    margin: 0.45em auto 0;
  }
  .title {
    display: block;
  }
  time {
    display: block;
    font-weight: 600;
    color: var(--gk-color-accent, #b42318);
  }
  .compare {
    display: grid;
    grid-template-columns: 1fr auto 1fr;
    gap: 0.75em;
    align-items: stretch;
  }
  .compare section {
    padding: 0.75em;
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-subtle, #f6f8fa);
  }
  .compare .after {
    background: var(--gk-color-current, #fdf2f1);
  }
  .arrow {
    align-self: center;
  }
  .arrow::before {
    content: '→';
  }
  :host([narrow]) .compare {
    grid-template-columns: 1fr;
  }
  :host([narrow]) .arrow::before {
    content: '↓';
  }
  .arrow {
    justify-self: center;
  }
  button {
    font: inherit;
    color: var(--gk-color-link, #0b57d0);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--gk-radius, 6px);
    padding: 0.125em 0.625em;
    margin-inline-end: 0.375em;
    cursor: pointer;
  }
  .clauses button {
    border-style: dashed;
  }
  .empty {
    color: var(--gk-color-muted, #59636e);
  }
  @media print {
    .actions {
      display: none;
    }
    .card {
      break-inside: avoid;
    }
  }
`;

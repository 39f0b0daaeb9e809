import { css } from 'lit';

export const chartStyles = css`
  figure {
    margin: 0;
  }
  figcaption {
    font-weight: 600;
    font-size: 1.0625em;
    margin-block-end: 0.5em;
  }
  .frame {
    position: relative;
    inline-size: 100%;
    min-block-size: 8em;
  }
  canvas {
    display: block;
    max-inline-size: 100%;
  }
  .status {
    position: absolute;
    inset: 0;
    margin: 0;
    display: grid;
    place-items: center;
    color: var(--gk-color-muted, #59636e);
  }
  .description {
    margin: 0.5em 0;
    color: var(--gk-color-muted, #59636e);
  }
  button {
    font: inherit;
    color: var(--gk-color-link, #0b57d0);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--gk-radius, 6px);
    padding: 0.25em 0.75em;
    cursor: pointer;
  }
  .table {
    overflow-x: auto;
    margin-block-start: 0.75em;
  }
  .table[hidden] {
    display: none;
  }
  table {
    border-collapse: collapse;
    min-inline-size: 60%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25em;
  }
  th,
  td {
    border: 1px solid var(--gk-color-border, #d0d7de);
    padding: 0.25em 0.75em;
    text-align: start;
  }
  td {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  thead th {
    background: var(--gk-color-subtle, #f6f8fa);
  }
  @media print {
    .table[hidden] {
      display: block;
    }
    button,
    .status {
      display: none;
    }
    figure {
      break-inside: avoid;
    }
  }
`;

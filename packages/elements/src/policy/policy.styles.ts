import { css } from 'lit';

/** Wide layouts (measured in policy.ts) put the notes beside the text. */
export const policyStyles = css`
  .loading {
    margin: 0;
    min-block-size: 100vh;
  }
  /* Space kept for the status bar while the participation part loads: the text does not jump. */
  .consultation-bar {
    display: block;
    min-block-size: 3.5em;
  }
  /* Q&A and graphics are fetched as the reader comes near: their place is kept meanwhile. */
  .qa > :not(:defined),
  .graphics > :not(:defined) {
    display: block;
    min-block-size: 12em;
  }
  .to-sections {
    position: fixed;
    inset-block-end: 1em;
    inset-inline-end: 1em;
    z-index: 10;
    font: inherit;
    font-weight: 700;
    min-block-size: 2.75em;
    min-inline-size: 2.75em;
    padding: 0 1em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: 999px;
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
    cursor: pointer;
  }
  .to-sections:focus-visible,
  [part='sections'] button:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
    outline-offset: 2px;
  }
  [part='sections'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    list-style: none;
    margin: 0 0 1em;
    padding: 0 0 0.5em;
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
  }
  [part='sections'] button {
    font: inherit;
    /* 44 px at 16 px: a target older readers hit. */
    min-block-size: 2.75em;
    padding: 0 1em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: 999px;
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
    cursor: pointer;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5em;
    align-items: start;
  }
  .layout.wide.has-notes {
    grid-template-columns: minmax(0, 1fr) minmax(16em, 20em);
  }
  .layout.wide.has-notes > .notes {
    grid-row: 1;
    grid-column: 2;
  }
  .graphics,
  .qa,
  .consultation {
    margin-block-start: 2em;
  }
  @media print {
    .to-sections,
    [part='sections'] {
      display: none;
    }
    .layout,
    .layout.has-notes {
      display: block;
    }
  }
`;

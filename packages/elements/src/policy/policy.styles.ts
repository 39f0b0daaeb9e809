import { css } from 'lit';

/** Wide layouts (measured in policy.ts) put the notes beside the text. */
export const policyStyles = css`
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
    min-block-size: 2.5em;
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
    [part='sections'] {
      display: none;
    }
    .layout,
    .layout.has-notes {
      display: block;
    }
  }
`;

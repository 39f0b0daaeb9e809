import { css } from 'lit';

export const qaStyles = css`
  :host {
    container-type: inline-size;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.75em;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em 1.5em;
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    flex: 1 1 16em;
  }
  label {
    font-weight: 700;
  }
  input[type='search'] {
    font: inherit;
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.25em 0.75em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }
  button {
    font: inherit;
    color: var(--gk-color-text, #1f2328);
    cursor: pointer;
  }
  /* Every control: 16 px text at least, 44 × 44 px to tap. */
  .filter button,
  .vote {
    min-inline-size: 44px;
    min-block-size: 44px;
    padding: 0 0.75em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
  }
  .filter button[aria-pressed='true'],
  .vote[aria-pressed='true'] {
    background: var(--gk-color-accent, #b42318);
    border-color: var(--gk-color-accent, #b42318);
    color: #fff;
  }
  .vote[aria-disabled='true'] {
    cursor: default;
  }
  .vote[aria-disabled='true'][aria-pressed='false'] {
    opacity: 0.7;
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0.75em 0 0;
    color: var(--gk-color-muted, #57606a);
  }
  .items {
    list-style: none;
    margin: 0.75em 0 0;
    padding: 0;
  }
  .item {
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
  }
  summary {
    cursor: pointer;
    padding: 0.625em 0;
    font-weight: 700;
  }
  summary:hover {
    color: var(--gk-color-link, #0b57d0);
  }
  .body {
    padding: 0 0 0.75em 1.25em;
  }
  .answer p {
    margin: 0 0 0.5em;
  }
  mark {
    background: var(--gk-color-mark, #fff1a8);
    color: inherit;
    border-radius: 2px;
  }
  .snippet {
    margin: -0.25em 0 0.625em 1.25em;
    color: var(--gk-color-muted, #57606a);
  }
  details[open] + .snippet {
    display: none;
  }
  .clauses {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0 0 0.5em;
  }
  .clauses a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    min-inline-size: 44px;
  }
  .gk-link-button {
    min-block-size: 44px;
    min-inline-size: 44px;
  }
  .tools-row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em 1em;
  }
  .helpful {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .vote-note:empty {
    display: none;
  }
  .none {
    margin-block-start: 0.75em;
    padding: 0.75em 1em;
    border: 1px dashed var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
  }
  .none p {
    margin: 0 0 0.25em;
  }
  .closest {
    margin: 0 0 0.5em;
    padding-inline-start: 1.25em;
  }
  .empty {
    color: var(--gk-color-muted, #57606a);
  }
  @container (max-width: 30em) {
    .tools-row {
      flex-direction: column;
      align-items: start;
    }
    .body {
      padding-inline-start: 0;
    }
  }
  @media print {
    .tools,
    .tools-row,
    .snippet {
      display: none;
    }
  }
`;

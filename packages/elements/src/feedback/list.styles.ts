import { css } from 'lit';

/** The comment list, its tools and "加载更多", and the receipt lookup. */
export const listStyles = css`
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    gap: 0.75em 1.5em;
    margin-block-end: 0.75em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-inline-size: 0;
  }
  .search {
    flex: 2 1 16em;
  }
  .clause-filter {
    flex: 1 1 12em;
  }
  label {
    font-weight: 700;
  }
  input,
  select {
    font: inherit;
    inline-size: 100%;
    max-inline-size: 100%;
    min-block-size: 2.5em;
    padding: 0.25em 0.75em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
  }
  input[aria-invalid='true'] {
    border-color: var(--gk-color-danger, #b42318);
    border-width: 2px;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    flex: 1 1 100%;
  }
  .gk-button {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
  }
  .gk-button[aria-pressed='true'],
  .gk-button[aria-current='page'] {
    background: var(--gk-color-accent, #b42318);
    border-color: var(--gk-color-accent, #b42318);
    color: #fff;
  }
  .gk-button[aria-pressed='true'] .mark {
    color: inherit;
  }
  .gk-button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .choice-count {
    font-variant-numeric: tabular-nums;
    font-size: 0.875em;
  }
  .choice-count::before {
    content: '· ' / '';
  }
  .status {
    margin: 0 0 0.5em;
    color: var(--gk-color-muted, #57606a);
  }
  .status:focus {
    outline: none;
  }
  .status:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
  }
  .group {
    margin-block: 1em 0;
  }
  .group h4 {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75em;
    margin: 0 0 0.25em;
    font-size: 1em;
    padding-block-end: 0.25em;
    border-block-end: 2px solid var(--gk-color-border, #d0d7de);
  }
  .group-count {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--gk-color-muted, #57606a);
  }
  .to-clause {
    font-size: 0.875em;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .comment {
    padding: 0.625em 0;
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
  }
  .comment p {
    margin: 0;
  }
  .comment-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.125em 0.75em;
    font-size: 0.875em;
    color: var(--gk-color-muted, #57606a);
  }
  .comment .body {
    margin-block: 0.25em;
    white-space: pre-line;
  }
  .decision {
    display: inline-flex;
    align-items: baseline;
    padding: 0 0.5em 0 0.25em;
    border: 1px solid var(--_c, currentColor);
    border-radius: var(--gk-radius, 6px);
    color: var(--_c, currentColor);
    font-weight: 700;
    background: var(--gk-color-surface, #fff);
  }
  .reason {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_c, var(--gk-color-border, #d0d7de));
    white-space: pre-line;
  }
  .reason-label {
    font-weight: 700;
  }
  .reason.missing {
    color: var(--gk-color-muted, #57606a);
  }
  mark {
    background: var(--gk-color-mark, #fff1a8);
    color: inherit;
    border-radius: 2px;
  }
  .none {
    margin-block-start: 0.75em;
    padding: 0.75em 1em;
    border: 1px dashed var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
  }
  .none p {
    margin: 0;
  }
  .more-row {
    margin-block: 1em 0;
  }
  .comment:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
    outline-offset: 2px;
  }
  .campaign {
    font-size: 0.875em;
    color: var(--gk-color-muted, #57606a);
  }
  .lookup {
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em 1em;
    margin-block-start: 1.5em;
  }
  .lookup .intro {
    margin: 0 0 0.5em;
  }
  .lookup form {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .lookup .hint {
    margin: 0;
  }
  .lookup-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .lookup-row input {
    flex: 1 1 14em;
    inline-size: auto;
    font-family: ui-monospace, monospace;
    letter-spacing: 0.05em;
  }
  .lookup-row .gk-button {
    min-block-size: 2.5em;
  }
  .lookup-answer:empty {
    display: none;
  }
  .lookup-answer {
    margin-block-start: 0.75em;
  }
  .lookup-answer p {
    margin: 0;
  }
  .problem {
    color: var(--gk-color-danger, #b42318);
    font-weight: 700;
  }
  .result-title {
    font-weight: 700;
  }
  .result dl {
    margin: 0.25em 0 0;
  }
  .result dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    padding-block: 0.25em;
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
  }
  .result dt {
    font-weight: 700;
    min-inline-size: 6em;
  }
  .result dd {
    margin: 0;
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  .reason-text {
    white-space: pre-line;
  }
  @container (max-width: 30em) {
    .comment-head .decision {
      margin-inline-start: 0;
    }
  }
`;

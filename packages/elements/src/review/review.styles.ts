import { css } from 'lit';

/** The frame: the bar, sign-in, the list, the workspace, tables, the help dialog. */
export const reviewStyles = css`
  :host {
    container-type: inline-size;
    font-size: var(--gk-font-size, 15px) !important;
    line-height: 1.6 !important;
  }
  h2 {
    font-size: 1.3em;
    margin: 0;
  }
  h3 {
    font-size: 1.1em;
    margin: 0 0 0.5em;
  }
  h4 {
    font-size: 1em;
    margin: 1em 0 0.5em;
  }
  h5 {
    font-size: 1em;
    margin: 0.5em 0;
  }
  p {
    margin: 0.25em 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: var(--gk-color-text, #1f2328);
  }
  input[type='text'],
  input[type='search'],
  input[type='password'],
  select,
  textarea {
    min-block-size: 2.25em;
    padding: 0.25em 0.5em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    max-inline-size: 100%;
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--gk-color-danger, #b42318);
    border-width: 2px;
  }
  button:disabled,
  fieldset:disabled {
    cursor: not-allowed;
  }
  button:disabled {
    opacity: 0.6;
  }
  .gk-button.primary {
    background: var(--gk-color-link, #0b57d0);
    border-color: var(--gk-color-link, #0b57d0);
    color: #fff;
    font-weight: 700;
  }
  .gk-button.danger {
    color: var(--gk-color-danger, #b42318);
    border-color: var(--gk-color-danger, #b42318);
  }
  kbd {
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
    padding: 0 0.35em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: 4px;
    background: var(--gk-color-subtle, #f6f8fa);
  }
  .muted,
  .hint {
    color: var(--gk-color-muted, #57606a);
  }
  .hint {
    font-size: 0.9em;
  }
  .empty {
    color: var(--gk-color-muted, #57606a);
    padding: 1em 0;
  }
  .field-error,
  .form-error {
    color: var(--gk-color-danger, #b42318);
    font-weight: 700;
  }
  .form-error {
    border-inline-start: 4px solid var(--gk-color-danger, #b42318);
    padding: 0.25em 0.75em;
    margin: 0.5em 0;
    background: var(--gk-color-danger-bg, #fef3f2);
  }
  .role-note,
  .notice {
    border-inline-start: 4px solid var(--gk-color-link, #0b57d0);
    padding: 0.25em 0.75em;
    background: var(--gk-color-subtle, #f6f8fa);
  }

  /* The bar, the sign-in form and the list of consultations */
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.5em 0.75em;
    margin-block-end: 1em;
    background: var(--gk-color-subtle, #f6f8fa);
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
  }
  .app-title {
    font-weight: 700;
    margin-inline-end: auto;
  }
  .sign-in {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    max-inline-size: 32em;
  }
  .sign-in label {
    font-weight: 700;
    margin-block-start: 0.5em;
  }
  .sign-in button {
    align-self: start;
  }
  .open-by-id {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-start: 1em;
  }
  .consultations h2 {
    margin-block-end: 0.5em;
  }

  /* Tables */
  .table-scroll {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.93em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.3em 0.5em;
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
  }
  thead th {
    background: var(--gk-color-subtle, #f6f8fa);
    position: sticky;
    inset-block-start: 0;
    white-space: nowrap;
  }
  .num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .badge {
    display: inline-block;
    padding: 0 0.4em;
    border-radius: 4px;
    font-size: 0.9em;
    white-space: nowrap;
    background: #eaeef2;
    color: #24292f;
  }
  .m-pending,
  .d-partly-adopted {
    background: #fff8c5;
    color: #6b4900;
  }
  .m-approved,
  .d-adopted,
  .s-open {
    background: #dafbe1;
    color: #116329;
  }
  .m-rejected,
  .d-not-adopted {
    background: #ffebe9;
    color: #a40e26;
  }
  .d-none {
    background: transparent;
    color: var(--gk-color-muted, #57606a);
    border: 1px dashed currentColor;
  }
  .s-feedback-published {
    background: #ddf4ff;
    color: #0a3069;
  }

  /* The workspace */
  .ws-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .ws-head h2 {
    flex: 1 1 20em;
  }
  .ws-progress {
    font-weight: 700;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0.75em 0;
    border-block-end: 2px solid var(--gk-color-border, #d0d7de);
  }
  .tabs button {
    min-block-size: 2.5em;
    padding: 0 1em;
    border: 1px solid transparent;
    border-block-end: 0;
    border-radius: var(--gk-radius, 6px) var(--gk-radius, 6px) 0 0;
    background: none;
    cursor: pointer;
  }
  .tabs button[aria-current='page'] {
    border-color: var(--gk-color-border, #d0d7de);
    background: var(--gk-color-surface, #fff);
    font-weight: 700;
    box-shadow: inset 0 -3px 0 var(--gk-color-link, #0b57d0);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em 0.75em;
    margin-block-end: 0.5em;
  }
  .filter {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    min-inline-size: 0;
  }
  .filter label {
    font-size: 0.9em;
    font-weight: 700;
  }
  .filter select {
    max-inline-size: 16em;
  }
  .filter.grow {
    flex: 1 1 12em;
  }
  .filter-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .split {
    display: grid;
    gap: 1em;
  }
  .list {
    container: list / inline-size;
    min-inline-size: 0;
  }
  @container (min-width: 64em) {
    .split.with-detail {
      grid-template-columns: minmax(0, 5fr) minmax(0, 6fr);
      align-items: start;
    }
    .split.with-detail .detail {
      position: sticky;
      inset-block-start: 0.5em;
      max-block-size: calc(100vh - 1em);
      max-block-size: calc(100dvh - 1em);
      overflow-y: auto;
    }
  }
  .table-status {
    color: var(--gk-color-muted, #57606a);
    font-size: 0.9em;
  }
  .comments tbody tr.selected {
    background: var(--gk-color-selected, #ddf4ff);
  }
  .comments .select {
    inline-size: 2em;
    text-align: center;
  }
  .comments .select input {
    inline-size: 1.15em;
    block-size: 1.15em;
    margin: 0.2em 0 0;
    cursor: pointer;
  }
  .comments tbody tr.cursor {
    background: var(--gk-color-current, #fff1a8);
    box-shadow: inset 4px 0 0 var(--gk-color-link, #0b57d0);
  }
  .comments tbody tr.open {
    font-weight: 700;
  }
  .comments .clause-col {
    min-inline-size: 6em;
    max-inline-size: 11em;
  }
  .card-label {
    display: none;
  }
  .comments .text {
    min-inline-size: 14em;
  }
  .row-open {
    border: 0;
    background: none;
    padding: 0.1em 0;
    text-align: start;
    cursor: pointer;
    inline-size: 100%;
    font-weight: inherit;
  }
  .row-open:hover {
    text-decoration: underline;
  }
  .more {
    margin-block-start: 0.5em;
  }
  /* A narrow list (a phone, or beside the open comment): each comment a card, nothing cut off */
  @container list (max-width: 48em) {
    table.comments,
    .comments tbody,
    .comments thead {
      display: block;
    }
    .comments thead tr {
      display: flex;
    }
    .comments thead th {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .comments thead th.select {
      position: static;
      inline-size: auto;
      block-size: auto;
      overflow: visible;
      clip-path: none;
      border: 0;
      background: none;
    }
    .comments tbody tr {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.75em;
      padding: 0.5em 0.5em 0.5em 0.75em;
      border-block-end: 1px solid var(--gk-color-border, #d0d7de);
    }
    .comments tbody td {
      display: block;
      padding: 0;
      border: 0;
    }
    .comments .clause-col {
      max-inline-size: none;
      flex: 1 1 8em;
    }
    .comments td.text {
      order: 1;
      flex-basis: 100%;
      min-inline-size: 0;
    }
    .comments tbody td:not(.select, .num, .clause-col, .text) {
      order: 2;
    }
    .comments td.group-col {
      order: 3;
    }
    .comments td.group-col:empty {
      display: none;
    }
    .card-label {
      display: inline;
      color: var(--gk-color-muted, #57606a);
    }
  }

  /* Help */
  dialog {
    max-inline-size: min(36em, 95vw);
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    padding: 1em 1.25em;
    color: var(--gk-color-text, #1f2328);
    background: var(--gk-color-surface, #fff);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog form {
    margin-block-start: 0.75em;
  }

  @media (prefers-reduced-motion: no-preference) {
    .comments tbody tr {
      transition: background-color 0.1s;
    }
  }
  @media print {
    .bar,
    .tabs,
    .filters,
    .moderation,
    .decision {
      display: none;
    }
  }
`;

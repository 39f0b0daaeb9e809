import { css } from 'lit';

export const consultationStyles = css`
  :host {
    container-type: inline-size;
  }
  h3 {
    font-size: 1.125em;
    margin: 1em 0 0.5em;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 1em;
    padding: 0.75em 1em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-inline-start: 6px solid var(--gk-color-muted, #57606a);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-subtle, #f6f8fa);
  }
  .status.open {
    border-inline-start-color: var(--gk-color-accent, #b42318);
  }
  .status.feedback-published {
    border-inline-start-color: var(--gk-color-success, #1a7f37);
  }
  .badge {
    font-size: 1.125em;
  }
  .unconfirmed {
    flex-basis: 100%;
    margin: 0.25em 0 0;
  }
  .about {
    margin: 0.75em 0;
  }
  .about dt {
    font-weight: 700;
    margin-block-start: 0.5em;
  }
  .about dd {
    margin: 0.25em 0 0;
  }
  .about ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  form {
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    padding: 0 1em 1em;
    background: var(--gk-color-surface, #fff);
    scroll-margin-block-start: 1em;
  }
  .field {
    margin: 0 0 1em;
    border: 0;
    padding: 0;
    min-inline-size: 0;
  }
  label,
  legend {
    display: block;
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 400;
    margin-inline-end: 1.25em;
    min-block-size: 2.75em;
  }
  .consent {
    display: flex;
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    margin: 0;
  }
  textarea,
  input:not([type]),
  input[type='email'],
  input[type='tel'],
  select {
    font: inherit;
    display: block;
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
  }
  textarea {
    resize: vertical;
    line-height: 1.6;
  }
  [readonly] {
    background: var(--gk-color-subtle, #f6f8fa);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--gk-color-danger, #b42318);
  }
  .hint,
  .count,
  .saved {
    color: var(--gk-color-muted, #57606a);
    margin: 0.25em 0;
    font-size: 0.9375em;
  }
  .count.over,
  .field-error {
    color: var(--gk-color-danger, #b42318);
    font-weight: 700;
  }
  .field-error {
    margin: 0.25em 0 0;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .private {
    font-weight: 700;
  }
  .notify .choice {
    display: flex;
  }
  .follow h3 {
    margin-block-start: 0.75em;
  }
  .follow-done:empty {
    display: none;
  }
  .follow-done,
  .receipt-notify {
    font-weight: 700;
  }
  .quote {
    margin: 0.5em 0 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--gk-color-border, #8c959f);
    background: var(--gk-color-subtle, #f6f8fa);
  }
  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }
  .privacy {
    margin: 0 0 0.75em;
  }
  .privacy summary {
    cursor: pointer;
    font-weight: 700;
    min-block-size: 2em;
  }
  .summary:empty {
    display: none;
  }
  .summary {
    color: var(--gk-color-danger, #b42318);
    font-weight: 700;
    margin-block-end: 0.75em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .primary {
    background: var(--gk-color-primary, #0b57d0);
    border-color: var(--gk-color-primary, #0b57d0);
    color: #fff;
    font-weight: 700;
    min-block-size: 2.75em;
    padding: 0 1.5em;
  }
  .primary:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .delivery {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0.75em 0;
    padding: 0.75em 1em;
    border: 2px dashed var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    font-weight: 700;
  }
  .gk-error {
    margin: 0.75em 0;
  }
  .receipt {
    border: 2px solid var(--gk-color-success, #1a7f37);
    border-radius: var(--gk-radius, 6px);
    padding: 0.5em 1em 1em;
    margin: 0.75em 0;
  }
  .receipt h3:focus {
    outline: none;
  }
  .receipt-label {
    margin: 0;
  }
  .receipt-code {
    font-family: ui-monospace, 'SFMono-Regular', Consolas, monospace;
    /* One line on a phone too: 19 characters fit 320 px at 6.5cqi. */
    white-space: nowrap;
    font-size: clamp(1.125em, 6.5cqi, 2em);
    font-weight: 700;
    letter-spacing: 0.05em;
    margin: 0 0 0.25em;
    user-select: all;
  }
  .receipt-doc {
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  .receipt-body-label {
    margin: 0.5em 0 0;
    font-weight: 700;
  }
  .receipt-body {
    margin: 0 0 0.5em;
    white-space: pre-line;
  }
  /* The form at a clause: a bottom sheet on phones, a panel beside the text on wide screens. */
  .sheet {
    position: fixed;
    inset: auto 0 0 0;
    margin: 0;
    inline-size: auto;
    max-inline-size: none;
    block-size: auto;
    max-block-size: 70vh;
    max-block-size: 70dvh;
    overflow: auto;
    overscroll-behavior: contain;
    box-sizing: border-box;
    padding: 0 1em 1em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: 12px 12px 0 0;
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
    box-shadow: 0 -4px 24px rgb(0 0 0 / 25%);
    font: inherit;
    z-index: 2147483000;
  }
  .sheet form {
    border: 0;
    padding: 0;
  }
  .sheet-head {
    position: sticky;
    inset-block-start: 0;
    display: flex;
    justify-content: flex-end;
    padding: 0.5em 0;
    background: var(--gk-color-surface, #fff);
    z-index: 1;
  }
  .sheet-head .gk-button {
    min-block-size: 2.75em;
  }
  @media (min-width: 60em) {
    .sheet {
      inset: 1em 1em auto auto;
      inline-size: min(28em, 40vw);
      max-block-size: calc(100vh - 2em);
      max-block-size: calc(100dvh - 2em);
      border-radius: var(--gk-radius, 6px);
      box-shadow: 0 4px 24px rgb(0 0 0 / 25%);
    }
  }
  .elsewhere {
    margin: 0.75em 0;
  }
  .sent ul,
  .drafts ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .sent li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    padding: 0.5em 0;
    border-block-end: 1px solid var(--gk-color-border, #d0d7de);
  }
  .code {
    font-family: ui-monospace, Consolas, monospace;
    font-weight: 700;
  }
  .excerpt {
    color: var(--gk-color-muted, #57606a);
    flex-basis: 100%;
  }
  .kept {
    margin-block-end: 1em;
  }
  .kept textarea {
    margin-block-end: 0.5em;
  }
  .notice {
    margin: 0 0 1em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--gk-color-accent, #b42318);
    background: var(--gk-color-subtle, #f6f8fa);
  }
  .device {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    margin-block-start: 1em;
  }
  .device .hint {
    flex: 1 1 16em;
  }
  gk-feedback {
    margin-block-start: 1.5em;
  }
  @media print {
    form,
    .delivery,
    .drafts,
    .sent,
    .device,
    .sheet-head,
    .elsewhere,
    .no-print,
    .about {
      display: none;
    }
    .receipt {
      border-width: 1px;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    form {
      scroll-behavior: smooth;
    }
  }
`;

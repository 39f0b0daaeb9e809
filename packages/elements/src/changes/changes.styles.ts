import { css } from 'lit';
import { srOnly } from '../internal/base.styles.js';

/**
 * The mode's elements sit in the document's text (in gk-document's shadow root, or in the page's
 * own article when enhancing): they take the text's size and colours, shielded from the rest.
 */
export const hostStyles = [
  css`
  :host {
    all: initial;
    font: inherit;
    font-size: max(1em, 16px) !important;
    line-height: inherit;
    color: var(--gk-color-text, #1f2328);
    text-indent: 0;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none !important;
  }
  button {
    font: inherit;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0 0.75em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
    cursor: pointer;
  }
  button[aria-pressed='true'],
  button[aria-expanded='true'] {
    background: var(--gk-color-text, #1f2328);
    color: var(--gk-color-surface, #fff);
  }
  :focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
    outline-offset: 2px;
  }
  @media print {
    button {
      display: none;
    }
  }
`,
  srOnly,
];

/** Inserted text underlined, deleted text struck through: in words too, and without colour. */
export const runStyles = css`
  ins,
  del {
    color: inherit;
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
  }
  ins {
    text-decoration-line: underline;
    background: var(--gk-change-ins-bg, #dafbe1);
  }
  del {
    text-decoration-line: line-through;
    background: var(--gk-change-del-bg, #ffebe9);
  }
  @media (forced-colors: active) {
    ins,
    del {
      background: none;
    }
    ins {
      text-decoration-style: double;
    }
  }
  @media print {
    ins,
    del {
      background: none;
    }
  }
`;

/**
 * Adopted by the root the text is in (gk-document's shadow root, or the page when enhancing):
 * the rule beside a changed clause's text, and the clauses "只看修改的条文" hides.
 */
export const textSheet = `
  [data-gk-change] { border-inline-start: 3px solid var(--gk-change-rule, #9a6700) !important; padding-inline-start: 0.5em !important; }
  [data-gk-change='renumbered'], [data-gk-change='moved'] { border-inline-start-style: dashed !important; }
  [data-gk-filtered] { display: none !important; }
  @media (forced-colors: active) { [data-gk-change] { border-inline-start-color: CanvasText !important; } }
`;

/** For gk-document's shadow root: high contrast darkens the mode's colours. */
export const contrastSheet = `
  :host([contrast]) { --gk-change-ins-bg: #fff; --gk-change-del-bg: #fff; --gk-change-rule: #000; }
  :host([theme='dark']) { --gk-change-ins-bg: #033a16; --gk-change-del-bg: #5d0f12; --gk-change-rule: #d29922; }
`;

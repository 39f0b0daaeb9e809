import { css } from 'lit';

/**
 * One column on a phone or at 200% zoom (`narrow`, set by the element from its own measured
 * width); the editor and the preview side by side when the element is wide.
 */
export const workbenchStyles = css`
  :host {
    --wb-border: var(--gk-color-border, #d0d7de);
    --wb-subtle: var(--gk-color-subtle, #f6f8fa);
    --wb-accent: var(--gk-color-accent, #b42318);
  }
  h2,
  h3,
  h4,
  h5 {
    line-height: 1.4;
    margin: 1em 0 0.5em;
  }
  h2 {
    font-size: 1.375em;
    margin: 0;
  }
  h3 {
    font-size: 1.25em;
    margin-block-start: 0;
  }
  h4 {
    font-size: 1.0625em;
  }
  h5 {
    font-size: 1em;
  }
  p {
    margin: 0.5em 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    padding-block-end: 0.5em;
    border-block-end: 1px solid var(--wb-border);
  }
  header h2 {
    flex: 1 1 auto;
  }
  .autosave {
    color: var(--gk-color-muted, #59636e);
    font-size: 0.875em;
  }
  .autosave.failed {
    color: var(--gk-color-danger, #b42318);
    font-weight: 600;
  }
  .banner,
  .notice {
    border: 1px solid var(--wb-border);
    border-inline-start: 4px solid var(--gk-color-link, #0b57d0);
    border-radius: var(--gk-radius, 6px);
    background: var(--wb-subtle);
    padding: 0.5em 1em;
    margin: 0.75em 0;
  }
  .notice.ok {
    border-inline-start-color: var(--gk-color-success, #1a7f37);
  }
  .notice.warn {
    border-inline-start-color: var(--gk-color-warning, #9a6700);
  }
  .notice.error {
    border-inline-start-color: var(--gk-color-danger, #b42318);
    background: var(--gk-color-danger-bg, #fef3f2);
  }
  .notice ul {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  nav[part='steps'] ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    list-style: none;
    margin: 0.75em 0;
    padding: 0;
  }
  nav[part='steps'] button {
    font: inherit;
    min-block-size: 2.5em;
    padding: 0 0.75em;
    border: 1px solid var(--wb-border);
    border-radius: 999px;
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
    cursor: pointer;
  }
  nav[part='steps'] button[aria-current='step'] {
    border-color: var(--wb-accent);
    background: var(--wb-accent);
    color: #fff;
    font-weight: 600;
  }
  .n {
    font-variant-numeric: tabular-nums;
  }
  .panel {
    padding-block: 0.5em;
  }
  .panel > h3:focus {
    outline: none;
  }
  .panel > h3:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin-block: 0.5em;
    min-inline-size: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  .required {
    font-weight: 400;
    color: var(--gk-color-danger, #b42318);
    margin-inline-start: 0.25em;
  }
  .hint {
    color: var(--gk-color-muted, #59636e);
    font-size: 0.875em;
    margin: 0;
  }
  .field-error {
    color: var(--gk-color-danger, #b42318);
    font-size: 0.875em;
    margin: 0;
  }
  input:not([type='checkbox']):not([type='file']),
  select,
  textarea {
    font: inherit;
    inline-size: 100%;
    min-block-size: 2.5em;
    padding: 0.375em 0.5em;
    border: 1px solid var(--gk-color-field-border, #6e7781);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
  }
  input[type='file'] {
    font: inherit;
    max-inline-size: 100%;
  }
  input[type='checkbox'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.25em 0.5em 0 0;
    flex: none;
  }
  textarea {
    resize: vertical;
    line-height: 1.6;
  }
  textarea.code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }
  [aria-invalid='true'] {
    border-color: var(--gk-color-danger, #b42318) !important;
    border-width: 2px !important;
  }
  fieldset {
    border: 1px solid var(--wb-border);
    border-radius: var(--gk-radius, 6px);
    padding: 0.5em 1em 1em;
    margin: 1em 0;
    min-inline-size: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    align-items: flex-start;
  }
  .row.add {
    align-items: flex-end;
  }
  .row > .field,
  .row > fieldset {
    flex: 1 1 12em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .gk-button.primary {
    background: var(--wb-accent);
    border-color: var(--wb-accent);
    color: #fff;
    font-weight: 600;
  }
  .gk-button.danger {
    color: var(--gk-color-danger, #b42318);
    border-color: currentColor;
  }
  .gk-button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .form-grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0 1.5em;
  }
  :host([narrow]) .form-grid {
    grid-template-columns: minmax(0, 1fr);
  }
  ol.clauses,
  ul.items,
  ul.findings,
  ul.candidates,
  /* Notes carried over from a previous version, waiting for the drafter. */
  .reanchor-queue {
    border: 1px solid var(--wb-border);
    border-inline-start: 4px solid var(--gk-color-warning, #9a6700);
    border-radius: var(--gk-radius, 6px);
    padding: 0.5em 1em;
    margin-block-end: 1em;
  }
  .reanchor-queue h4 {
    margin: 0.25em 0;
  }
  .reanchor-queue > ol {
    padding-inline-start: 1.25em;
  }
  .reanchor-queue > ol > li + li {
    border-block-start: 1px solid var(--wb-border);
    padding-block-start: 0.5em;
  }
  .reanchor-queue dt {
    font-weight: 600;
  }
  .reanchor-queue dd {
    margin: 0 0 0.5em;
  }
  .reanchor-queue blockquote {
    margin: 0.25em 0;
    padding-inline-start: 0.75em;
    border-inline-start: 2px solid var(--wb-border);
  }
  /* The candidate passage: underlined as well as tinted, so it shows without colour and in print. */
  .reanchor-queue mark {
    background: var(--gk-color-highlight, #fff3c4);
    color: inherit;
    text-decoration: underline 2px;
    text-underline-offset: 0.2em;
  }
  @media (forced-colors: active) {
    .reanchor-queue mark {
      background: Mark;
      color: MarkText;
    }
  }
  .reanchor-queue:focus-visible {
    outline: 2px solid var(--gk-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  .clause-picker ul {
    list-style: none;
    margin: 0.5em 0;
    padding: 0;
  }
  ol.clauses > li {
    border-block-end: 1px solid var(--wb-border);
    padding-block: 0.25em;
  }
  .clause-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    align-items: baseline;
  }
  .clause-row .number {
    font-weight: 700;
  }
  .clause-row .title {
    font-weight: 600;
  }
  .clause-row .start {
    color: var(--gk-color-muted, #59636e);
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  .level-2 {
    padding-inline-start: 1.25em;
  }
  .level-3 {
    padding-inline-start: 2.5em;
  }
  .level-4,
  .level-5 {
    padding-inline-start: 3.75em;
  }
  .clause-editor {
    border: 1px solid var(--wb-border);
    border-radius: var(--gk-radius, 6px);
    background: var(--wb-subtle);
    padding: 0.5em 1em;
    margin: 0.5em 0;
  }
  .candidates li {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
  }
  .candidates .line {
    color: var(--gk-color-muted, #59636e);
    min-inline-size: 0;
  }
  .body-editor summary {
    cursor: pointer;
    min-block-size: 2.25em;
    color: var(--gk-color-link, #0b57d0);
  }
  /* The editor keeps a fixed measure so the preview gets the rest: from about 1270 px the
     preview is wide enough (860 px) for gk-policy to put the notes beside the text. */
  .split {
    display: grid;
    grid-template-columns: minmax(0, 24em) minmax(0, 1fr);
    gap: 1.5em;
    align-items: start;
  }
  .split.even {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  /* Notes: a narrower editor, so that on a 1280 px screen the preview (860 px and more) puts
     each note beside its clause, as readers on a desktop will see it. */
  .split.notes {
    grid-template-columns: minmax(0, 18em) minmax(0, 1fr);
  }
  .preview-pane.picking {
    cursor: crosshair;
    outline: 3px dashed var(--gk-color-focus, #c2410c);
    outline-offset: -3px;
  }
  ul.junk {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  ul.junk q {
    overflow-wrap: anywhere;
  }
  .clause-find {
    margin-block-end: 0.5em;
  }
  .confirm-save:focus-within {
    border-inline-start-width: 6px;
  }
  #save-confirm:focus {
    outline: none;
  }
  #save-confirm:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
  }
  .split > .preview {
    position: sticky;
    inset-block-start: 0;
  }
  :host([narrow]) .split,
  :host([narrow]) .split.even,
  :host([narrow]) .split.notes {
    grid-template-columns: minmax(0, 1fr);
  }
  :host([narrow]) .split > .preview {
    position: static;
  }
  .preview-pane {
    border: 1px solid var(--wb-border);
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em;
    max-block-size: 85vh;
    overflow: auto;
  }
  .items li + li {
    margin-block-start: 0.25em;
  }
  button.item {
    font: inherit;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    align-items: baseline;
    inline-size: 100%;
    min-block-size: 2.5em;
    padding: 0.375em 0.75em;
    text-align: start;
    border: 1px solid var(--wb-border);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
    cursor: pointer;
  }
  button.item.current {
    border: 2px solid var(--wb-accent);
    background: var(--wb-subtle);
  }
  .item-title {
    font-weight: 600;
  }
  .item-text {
    color: var(--gk-color-muted, #59636e);
    min-inline-size: 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .badge.fail {
    color: var(--gk-color-danger, #b42318);
  }
  .badge.warn {
    color: var(--gk-color-warning, #7d4e00);
  }
  .badge.pass {
    color: var(--gk-color-success, #1a7f37);
  }
  .clause-picker ul {
    max-block-size: 16em;
    overflow: auto;
    border: 1px solid var(--wb-border);
    border-radius: var(--gk-radius, 6px);
    padding: 0.25em 0.5em;
  }
  .clause-picker li {
    display: flex;
    align-items: flex-start;
  }
  .clause-picker label {
    font-weight: 400;
  }
  .understood {
    overflow-x: auto;
  }
  .understood table {
    border-collapse: collapse;
    margin: 0.5em 0;
  }
  .understood caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25em;
  }
  .understood th,
  .understood td {
    border: 1px solid var(--wb-border);
    padding: 0.125em 0.5em;
    text-align: end;
  }
  .understood th[scope='row'],
  .understood thead th:first-child {
    text-align: start;
  }
  .graphic-preview {
    margin-block: 1em;
  }
  .findings li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    padding: 0.5em 0;
    border-block-end: 1px solid var(--wb-border);
  }
  .findings .text {
    flex: 1 1 16em;
    min-inline-size: 0;
  }
  code.url {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125em;
    color: var(--gk-color-muted, #59636e);
    overflow-wrap: anywhere;
  }
  .gk-ok {
    color: var(--gk-color-success, #1a7f37);
  }
  .embed {
    border-block-start: 1px solid var(--wb-border);
    margin-block-start: 1em;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
      transition: none !important;
    }
  }
  @media print {
    nav[part='steps'],
    .banner {
      display: none;
    }
  }
`;

import { css } from 'lit';

/** The open comment, the decision form, the groups and the publishing panel. */
export const panelStyles = css`
  /* One comment */
  .detail {
    container-type: inline-size;
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em 1em;
    background: var(--gk-color-surface, #fff);
  }
  .detail-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em;
  }
  .reading {
    display: grid;
    gap: 1em;
    margin-block: 0.5em;
  }
  .comment-body,
  .clause-text {
    white-space: pre-wrap;
    margin: 0 0 0.5em;
  }
  .comment-body {
    font-size: 1.05em;
  }
  .clause {
    align-self: start;
    padding: 0.5em 0.75em;
    background: var(--gk-color-subtle, #f6f8fa);
    border-inline-start: 4px solid var(--gk-color-border, #8c959f);
  }
  .clause h4 {
    margin-block-start: 0;
  }
  .meta {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.1em 0.75em;
    margin: 0;
    font-size: 0.93em;
  }
  .meta dt {
    color: var(--gk-color-muted, #57606a);
  }
  .meta dd {
    margin: 0;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .moderation-row,
  .actions,
  .templates,
  .naming,
  .downloads {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .decision {
    margin-block-start: 1em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-inline-size: 0;
  }
  .decision .body {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .choices legend {
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.25em 0.6em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--gk-color-link, #0b57d0);
    box-shadow: inset 0 0 0 1px var(--gk-color-link, #0b57d0);
    font-weight: 700;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    /* Clear of the save bar below it when brought into view */
    scroll-margin-block: 0.5em 5em;
  }
  /* The save bar: at the bottom of the window (or of the open comment) while the form is seen */
  .decision .form-foot {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    padding-block: 0.5em;
    border-block-start: 1px solid var(--gk-color-border, #d0d7de);
    background: var(--gk-color-surface, #fff);
  }
  .form-foot .form-error {
    flex-basis: 100%;
    margin: 0;
  }
  .key-hint {
    color: var(--gk-color-muted, #57606a);
  }
  .report-draft {
    border-inline-start: 4px solid var(--gk-color-warning, #9a6700);
    padding: 0.25em 0.75em;
    background: var(--gk-color-warning-bg, #fff8c5);
    font-weight: 700;
  }
  .field label,
  .templates > label,
  .moderation label {
    font-weight: 700;
  }
  .saved {
    color: #116329;
    font-weight: 700;
  }
  /* A colleague's change found on saving: above the form, until saved again or discarded */
  .conflict {
    border-inline-start: 4px solid var(--gk-color-warning, #9a6700);
    padding: 0.25em 0.75em;
    margin: 0.5em 0;
    background: var(--gk-color-warning-bg, #fff8c5);
  }
  .conflict-title {
    font-weight: 700;
  }

  /* The bar of bulk actions: kept in sight while rows are chosen, unless the form is open */
  .bulk {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    flex-direction: column;
    gap: 0.4em;
    margin-block-end: 0.5em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--gk-color-link, #0b57d0);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
  }
  .bulk:has(.bulk-decide) {
    position: static;
  }
  .bulk-head,
  .bulk-actions,
  .bulk-remove {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .bulk-remove {
    gap: 0.5em;
  }
  .bulk-remove label {
    font-weight: 700;
  }
  .bulk-count {
    font-weight: 700;
  }
  .bulk .decision {
    margin-block-start: 0.25em;
  }
  .bulk-confirm {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--gk-color-link, #0b57d0);
    background: var(--gk-color-subtle, #f6f8fa);
  }
  .bulk .done {
    margin: 0;
  }

  /* Groups */
  .group-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .group {
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em 1em;
    margin-block-end: 0.75em;
  }
  .group.cursor {
    box-shadow: inset 4px 0 0 var(--gk-color-link, #0b57d0);
  }
  .group h4 {
    margin: 0;
  }
  .group.chosen {
    background: var(--gk-color-selected, #ddf4ff);
  }
  .group-head {
    display: flex;
    align-items: baseline;
    gap: 0.5em;
    margin-block-end: 0.5em;
  }
  .sample-label {
    margin: 0;
    font-size: 0.9em;
    color: var(--gk-color-muted, #57606a);
  }
  /* Kept in sight while groups further down are chosen */
  .group-merge {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.5em 0.75em;
    margin-block-end: 0.75em;
    border: 1px solid var(--gk-color-link, #0b57d0);
    border-inline-start-width: 4px;
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
  }
  .group-merge p {
    margin: 0;
  }
  .group-merge #group-merge-count {
    font-weight: 700;
  }
  .members .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
  .scope {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block: 0.75em;
  }
  .scope legend {
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  .scope .hint {
    flex-basis: 100%;
    margin: 0;
  }
  .sample {
    margin: 0.25em 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--gk-color-border, #8c959f);
    white-space: pre-wrap;
  }
  .members ul {
    list-style: none;
    padding: 0;
    margin: 0.25em 0;
    max-block-size: 20em;
    overflow-y: auto;
  }
  .members li {
    display: flex;
    align-items: baseline;
    gap: 0.5em;
    padding: 0.15em 0;
  }
  .members legend {
    font-weight: 700;
  }
  .member-text {
    color: var(--gk-color-muted, #57606a);
    margin-inline: 0.25em;
  }

  /* Publishing */
  progress {
    inline-size: 100%;
    max-inline-size: 32em;
    block-size: 1em;
  }
  .progress-line {
    font-size: 1.1em;
    font-weight: 700;
  }
  .blockers {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .ready {
    color: #116329;
    font-weight: 700;
  }
  .confirm {
    font-weight: 700;
    flex-basis: 100%;
  }
  .flagged {
    border-inline-start: 4px solid var(--gk-color-warning, #9a6700);
    padding: 0.25em 0.75em;
    margin: 0.75em 0;
    background: var(--gk-color-warning-bg, #fff8c5);
  }
  .flagged h4 {
    margin-block-start: 0.25em;
  }
  .flagged ul {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  .flagged code {
    font-weight: 700;
  }
  .done:empty {
    display: none;
  }
  .done {
    color: #116329;
    font-weight: 700;
  }
  .preview {
    border: 2px dashed var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    margin: 0.5em 0;
  }
  .figures dd {
    margin: 0;
    font-weight: 700;
    font-size: 1.2em;
  }

  /* Sign-off, assignment and notes (workflow.ts): the stage is a word, not a colour. */
  .stage-word {
    display: inline-block;
    margin-inline-start: 0.4em;
    font-size: 0.85em;
  }
  .stage-word.overdue {
    font-weight: 700;
  }
  .workflow,
  .filter-signoff {
    border-block-start: 1px solid var(--gk-color-border, #8c959f);
    margin-block: 0.75em;
    padding-block-start: 0.5em;
  }
  .signoff-row,
  .assign {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
    margin-block: 0.4em;
  }
  .assign {
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    padding: 0.5em 0.75em;
  }
  .notes {
    list-style: none;
    padding: 0;
  }
  .notes li.reply {
    margin-inline-start: 1.5em;
    border-inline-start: 3px solid var(--gk-color-border, #8c959f);
    padding-inline-start: 0.5em;
  }
  .note-meta {
    margin: 0;
    font-size: 0.85em;
  }
  .note-form textarea {
    display: block;
    inline-size: 100%;
    box-sizing: border-box;
  }

  @container (min-width: 36em) {
    .reading {
      grid-template-columns: 1fr 1fr;
    }
  }
`;

import { css } from 'lit';

export const interpretationStyles = css`
  :host([text-size='1']) .scaled {
    font-size: 1.125em;
  }
  :host([text-size='2']) .scaled {
    font-size: 1.25em;
  }
  :host([text-size='3']) .scaled {
    font-size: 1.5em;
  }
  h2 {
    font-size: 1.125em;
    margin: 0 0 0.75em;
  }
  .column {
    position: relative;
  }
  .column .group {
    position: absolute;
    inset-inline: 0;
    top: 0;
  }
  .column .group.long:not(.expanded) > .note .body {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 5;
    line-clamp: 5;
    overflow: hidden;
  }
  /* Controls: 16 px text at least, 44 × 44 px to tap. */
  .go,
  .more,
  .close,
  summary {
    font-size: 1em;
    min-block-size: 44px;
    min-inline-size: 44px;
  }
  .go,
  .more {
    display: flex;
    align-items: center;
  }
  summary {
    padding-block: 8px;
    cursor: pointer;
  }
  .media-link {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }
  .group {
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-inline-start: 4px solid var(--gk-color-accent, #b42318);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    padding: 0.5em 0.75em;
  }
  /* The note of the clause being read: a ring as well as the colour, as its clause has a rule. */
  .group[aria-current='true'] {
    background: var(--gk-color-current, #fff4ce);
    border-color: var(--gk-color-focus, #c2410c);
    box-shadow: 0 0 0 2px var(--gk-color-focus, #c2410c);
  }
  .group:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
  }
  .note + .note,
  .earlier {
    margin-block-start: 0.5em;
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0 0 0.25em;
    color: var(--gk-color-muted, #57606a);
  }
  .update {
    font-weight: 700;
    color: var(--gk-color-accent, #b42318);
  }
  .role {
    font-weight: 700;
  }
  .note p {
    margin: 0 0 0.5em;
  }
  .transcript p {
    white-space: pre-line;
  }
  .kind {
    border: 1px solid currentColor;
    border-radius: var(--gk-radius, 6px);
    padding: 0 0.35em;
  }
  blockquote {
    margin: 0.5em 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--gk-color-border, #d0d7de);
  }
  video {
    max-inline-size: 100%;
  }
  .orphans {
    margin-block-start: 1.5em;
    border: 2px dashed var(--gk-color-warning, #9a6700);
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em 1em;
  }
  .orphans .reason {
    color: var(--gk-color-warning, #7a5200);
  }
  .popup {
    position: fixed;
    inset: 0 auto auto 0;
    translate: var(--gk-popup-x, 0) var(--gk-popup-y, 0);
    z-index: 2147483000;
    inline-size: min(30em, var(--gk-popup-max-width, 90vw));
    max-block-size: var(--gk-popup-max-height, 70vh);
    overflow: auto;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.25);
  }
  .empty {
    color: var(--gk-color-muted, #57606a);
  }
  @media print {
    .column {
      min-block-size: 0;
    }
    .column .group {
      position: static;
      margin-block-end: 0.75em;
      break-inside: avoid;
    }
    .column .group::before {
      content: attr(data-print-label);
      font-weight: 700;
    }
    .go,
    .more,
    .popup {
      display: none;
    }
    .column .group > .note .body {
      display: block;
      -webkit-line-clamp: none;
      line-clamp: none;
      overflow: visible;
    }
  }
`;

import { css } from 'lit';

/** Shields every element from the host page's CSS and sets the shared tokens' fallbacks. */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    /* Chinese faces first: with a Latin face first, every run of Chinese text goes through font
       fallback, which was a third of the layout time of a long document. */
    font-family: var(
      --gk-font-family,
      'PingFang SC',
      'Microsoft YaHei',
      'Hiragino Sans GB',
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'WenQuanYi Micro Hei',
      system-ui,
      sans-serif
    ) !important;
    font-size: var(--gk-font-size, 16px) !important;
    line-height: var(--gk-line-height, 1.75) !important;
    color: var(--gk-color-text, #1f2328) !important;
    background: var(--gk-color-background, transparent);
    text-align: start;
    overflow-wrap: anywhere;
  }
  :host(:lang(zh-Hant)),
  :host(:lang(zh-TW)),
  :host(:lang(zh-HK)) {
    font-family: var(
      --gk-font-family,
      'PingFang TC',
      'Microsoft JhengHei',
      'Noto Sans CJK TC',
      'Source Han Sans TC',
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      system-ui,
      sans-serif
    ) !important;
  }
  :host([contrast]) {
    --gk-color-text: #000;
    --gk-color-muted: #000;
    --gk-color-link: #0000c8;
    --gk-color-border: #000;
    --gk-color-current: #ffe866;
    --gk-color-subtle: #fff;
    --gk-color-surface: #fff;
    background: #fff;
  }
  :host([contrast]) a {
    text-decoration: underline;
  }
  :host([theme='dark']) {
    --gk-color-text: #e6edf3;
    --gk-color-muted: #9da7b3;
    --gk-color-link: #7cb7ff;
    --gk-color-border: #57606a;
    --gk-color-current: #3d3000;
    --gk-color-subtle: #161b22;
    --gk-color-surface: #0d1117;
    --gk-color-accent: #ff7b72;
    background: #0d1117;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Not 'inherit': a style that inherits explicitly is recomputed with its parent's every time,
     so moving 200 notes restyled all their children too. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--gk-color-link, #0b57d0);
  }
  :focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
    outline-offset: 2px;
  }
  .gk-error {
    border: 2px solid var(--gk-color-danger, #b42318);
    border-radius: var(--gk-radius, 6px);
    padding: 0.75em 1em;
    color: var(--gk-color-danger, #b42318);
    background: var(--gk-color-danger-bg, #fef3f2);
  }
  .gk-error ul {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }
  .gk-error code {
    font-family: ui-monospace, monospace;
  }
`;

/** Text for screen readers only. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The two kinds of button the elements use: a framed one, and one that reads like a link. */
export const buttonStyles = css`
  .gk-button {
    font: inherit;
    min-block-size: 2.25em;
    padding: 0 0.75em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    background: var(--gk-color-surface, #fff);
    color: var(--gk-color-text, #1f2328);
    cursor: pointer;
  }
  .gk-link-button {
    font: inherit;
    border: 0;
    padding: 0.25em 0;
    min-block-size: 2em;
    background: none;
    color: var(--gk-color-link, #0b57d0);
    text-decoration: underline;
    text-align: start;
    cursor: pointer;
  }
`;

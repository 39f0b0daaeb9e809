import type { DiffOp } from '@gongkai/format';
import { css, html, LitElement, nothing } from 'lit';
import { type ChangesMessages, changesMessages } from '../i18n/changes.js';
import { LocalizeController } from '../internal/localize.js';
import { hostStyles, runStyles } from './changes.styles.js';

type Msg = (key: keyof ChangesMessages, params?: Record<string, string | number>) => string;

/** The runs of a change as text, insertions and deletions named in words for screen readers. */
export function renderRuns(ops: readonly DiffOp[], t: Msg) {
  return ops.map(([op, text]) =>
    op === 0
      ? text
      : op === 1
        ? html`<ins><span class="sr-only">${t('ins')}</span>${text}<span class="sr-only">${t('insEnd')}</span></ins>`
        : html`<del><span class="sr-only">${t('del')}</span>${text}<span class="sr-only">${t('delEnd')}</span></del>`,
  );
}

/**
 * The redline of one clause, shown on demand below it: one text with both insertions and
 * deletions where it is narrow (phones, large text, zoom), the old and new texts side by side
 * where there is room. With `removed`, a clause of the previous version that was deleted, shown
 * where it stood (it is not a clause of this text: no marker, no link).
 *
 * @tagname gk-change-redline
 * @summary A clause's text before and after, or a deleted clause.
 * @csspart text - The clause's text with its insertions and deletions.
 */
export class GkChangeRedline extends LitElement {
  static override styles = [
    hostStyles,
    runStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
        margin-block: 0 1em;
      }
      .box {
        border: 1px solid var(--gk-color-border, #8c959f);
        border-radius: var(--gk-radius, 6px);
        padding: 0.5em 0.75em;
        background: var(--gk-color-subtle, #f6f8fa);
      }
      .text {
        margin: 0;
        white-space: pre-wrap;
      }
      .heading {
        margin: 0 0 0.25em;
        font-weight: 700;
        color: var(--gk-color-muted, #57606a);
      }
      .tag {
        display: inline-block;
        border: 1px solid currentColor;
        border-radius: var(--gk-radius, 6px);
        padding: 0 0.35em;
        margin-inline-end: 0.5em;
        font-weight: 700;
        color: var(--gk-change-rule, #9a6700);
      }
      .sides {
        display: none;
      }
      @container (min-width: 36em) {
        .inline {
          display: none;
        }
        .sides {
          display: grid;
          grid-template-columns: 1fr 1fr;
          gap: 1em;
        }
      }
      /* Opened for print only (the changes shown, every redline on paper). */
      :host([data-print-only]) {
        display: none;
      }
      @media print {
        :host([data-print-only]) {
          display: block;
        }
        .box {
          background: none;
          break-inside: avoid;
        }
      }
    `,
  ];

  static override properties = {
    ops: { attribute: false },
    fromNumber: { attribute: 'from-number' },
    toNumber: { attribute: 'to-number' },
    removed: { type: Boolean, reflect: true },
    contentLang: { attribute: 'content-lang' },
  };

  /** The runs that turn the old text into the new one. */
  declare ops: readonly DiffOp[];
  /** The clause's number in the previous version (第八条). */
  declare fromNumber: string;
  /** Its number in this version (第九条); empty for a removed clause. */
  declare toNumber: string;
  /** A clause of the previous version that this one deleted. */
  declare removed: boolean;
  /** The language of the document's text (the element's own `lang` is the UI's). */
  declare contentLang: string;

  private readonly i18n = new LocalizeController<ChangesMessages>(this, changesMessages);

  constructor() {
    super();
    this.ops = [];
    this.fromNumber = '';
    this.toNumber = '';
    this.removed = false;
    this.contentLang = '';
  }

  protected override render() {
    const t: Msg = this.i18n.msg.bind(this.i18n);
    if (this.removed) {
      return html`<div class="box" role="group" aria-label=${t('removedFor', { number: this.fromNumber })}>
        <p class="heading"><span class="tag">${t('kind_removed')}</span>${t('was', { number: this.fromNumber })}</p>
        <p class="text" part="text" lang=${this.contentLang || nothing}>${renderRuns(this.ops, t)}</p>
      </div>`;
    }
    const clause = this.toNumber || this.fromNumber;
    return html`<div class="box" role="group" aria-label=${t('redlineFor', { clause })}>
      <div class="inline"><p class="text" part="text" lang=${this.contentLang || nothing}>${renderRuns(this.ops, t)}</p></div>
      <div class="sides">
        <div>
          <p class="heading">${t('before', { number: this.fromNumber })}</p>
          <p class="text" lang=${this.contentLang || nothing}>${renderRuns(
            this.ops.filter(([op]) => op !== 1),
            t,
          )}</p>
        </div>
        <div>
          <p class="heading">${t('after', { number: this.toNumber })}</p>
          <p class="text" lang=${this.contentLang || nothing}>${renderRuns(
            this.ops.filter(([op]) => op !== -1),
            t,
          )}</p>
        </div>
      </div>
    </div>`;
  }
}

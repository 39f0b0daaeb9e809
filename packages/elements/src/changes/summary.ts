import type { Comparison, RevisionOf } from '@gongkai/format';
import { css, html, LitElement, nothing } from 'lit';
import { type ChangesMessages, changesMessages } from '../i18n/changes.js';
import { renderBundleError } from '../internal/error-view.js';
import type { BundleError } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { hostStyles } from './changes.styles.js';

/** Where the previous version's name (a link) goes in a sentence. */
const LABEL = '\u0000';

/**
 * The line under the document's controls that says what changed from the previous version
 * (与征求意见稿相比：修改 N 条…), and, while the changes are shown, "只看修改的条文" and a legend.
 *
 * @tagname gk-change-summary
 * @summary The comparison with the previous version, in figures.
 * @csspart summary - The line with the figures.
 * @csspart filter - The "只看修改的条文" button.
 * @csspart error - The notice shown when the comparison cannot be used.
 */
export class GkChangeSummary extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: block;
        margin-block: 0 1em;
      }
      p {
        margin: 0 0 0.5em;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
      }
      .legend {
        margin: 0;
        color: var(--gk-color-muted, #57606a);
      }
      a {
        color: var(--gk-color-link, #0b57d0);
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
    `,
  ];

  static override properties = {
    comparison: { attribute: false },
    revisionOf: { attribute: false },
    error: { attribute: false },
    on: { type: Boolean, reflect: true },
    filter: { type: Boolean, reflect: true },
    status: {},
  };

  /** The comparison shown; null while it is being computed. */
  declare comparison: Comparison | null;
  /** The previous version, as the bundle names it. */
  declare revisionOf: RevisionOf | undefined;
  declare error: BundleError | null;
  /** The changes are shown in the text. */
  declare on: boolean;
  /** Only the changed clauses are shown. */
  declare filter: boolean;
  /** What the live region says (the result of the last toggle). */
  declare status: string;

  /** Called when the reader presses "只看修改的条文". */
  onFilter: (() => void) | null = null;

  private readonly i18n = new LocalizeController<ChangesMessages>(this, changesMessages);

  constructor() {
    super();
    this.comparison = null;
    this.error = null;
    this.on = false;
    this.filter = false;
    this.status = '';
  }

  /** The previous version's name, as a link when the bundle gives its address. */
  private renderLabel() {
    const r = this.revisionOf;
    const label = r?.label ?? this.i18n.msg('previousVersion');
    const text = r?.date && !r.label ? `${label}（${r.date}）` : label;
    return r?.url ? html`<a href=${r.url}>${text}</a>` : text;
  }

  private renderSummary(c: Comparison) {
    const t = this.i18n.msg.bind(this.i18n);
    const s = c.summary;
    const none = s.modified + s.added + s.removed === 0;
    const [before, after] = t(none ? 'summaryNone' : 'summary', { ...s, label: LABEL }).split(LABEL);
    return html`<p part="summary">
      ${before}${this.renderLabel()}${after}${
        none ? nothing : html`${s.renumbered ? t('summaryRenumbered', s) : nothing}${t('summaryEnd')}`
      }
    </p>`;
  }

  protected override render() {
    const t = this.i18n.msg.bind(this.i18n);
    const status = html`<p class="sr-only" role="status">${this.status}</p>`;
    if (this.error) return html`${renderBundleError(this.error, this.i18n.lang)}${status}`;
    if (!this.comparison) {
      const [before, after] = t('computing', { label: LABEL }).split(LABEL);
      return html`<p>${before}${this.renderLabel()}${after}</p>${status}`;
    }
    return html`${this.renderSummary(this.comparison)}
      ${
        this.on
          ? html`<div class="tools">
            <button type="button" part="filter" aria-pressed=${this.filter ? 'true' : 'false'} @click=${() => this.onFilter?.()}>
              ${t('onlyChanged')}
            </button>
            <p class="legend">${t('legend')}</p>
          </div>`
          : nothing
      }
      ${status}`;
  }
}

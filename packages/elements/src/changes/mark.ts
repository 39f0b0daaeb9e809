import type { ChangeKind } from '@gongkai/format';
import { css, html, LitElement, nothing } from 'lit';
import { type ChangesMessages, changesMessages } from '../i18n/changes.js';
import { LocalizeController } from '../internal/localize.js';
import { hostStyles } from './changes.styles.js';

/**
 * The mark at the start of a changed clause: what changed, in words (修改, 新增, 移动, 序号调整),
 * the clause's number in the previous version, and a button that opens its redline.
 *
 * @tagname gk-change-mark
 * @summary Says how a clause changed from the previous version.
 * @csspart tag - Each word saying what changed.
 * @csspart redline-button - The button that shows the clause before and after.
 */
export class GkChangeMark extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.25em;
        vertical-align: middle;
        /* The 44 px button reaches into the line's half-leading: the line keeps its height. */
        margin-block: -10px;
        margin-inline-end: 0.5em;
      }
      .tag {
        border: 1px solid currentColor;
        border-radius: var(--gk-radius, 6px);
        padding: 0 0.35em;
        font-weight: 700;
        color: var(--gk-change-rule, #9a6700);
      }
      .was {
        color: var(--gk-color-muted, #57606a);
      }
      /* The button is the 44 × 44 px touch area; its face (the visible pill) keeps to the line. */
      button {
        padding: 0;
        border: 0;
        background: none;
      }
      .face {
        border: 1px solid var(--gk-color-border, #8c959f);
        border-radius: var(--gk-radius, 6px);
        padding: 0 0.45em;
        line-height: 1.5;
        background: var(--gk-color-surface, #fff);
        color: var(--gk-color-link, #0b57d0);
      }
      button[aria-expanded='true'] {
        background: none;
      }
      button[aria-expanded='true'] .face {
        background: var(--gk-color-text, #1f2328);
        color: var(--gk-color-surface, #fff);
      }
      button:focus-visible {
        outline-offset: -3px;
      }
      @media (forced-colors: active) {
        .tag {
          color: CanvasText;
        }
      }
    `,
  ];

  static override properties = {
    kind: { reflect: true },
    moved: { type: Boolean },
    was: {},
    clause: {},
    expandable: { type: Boolean },
    expanded: { type: Boolean, reflect: true },
  };

  declare kind: ChangeKind;
  /** The clause changed places among the clauses around it. */
  declare moved: boolean;
  /** Its number in the previous version, when that differs. */
  declare was: string;
  /** Its number now, for the button's name. */
  declare clause: string;
  /** It has a redline to show (its text changed). */
  declare expandable: boolean;
  /** The redline is open. */
  declare expanded: boolean;

  /** Called when the reader asks for the redline (or closes it). */
  onToggle: (() => void) | null = null;

  private readonly i18n = new LocalizeController<ChangesMessages>(this, changesMessages);

  constructor() {
    super();
    this.kind = 'modified';
    this.moved = false;
    this.was = '';
    this.clause = '';
    this.expandable = false;
    this.expanded = false;
  }

  /** Focus goes to the button, when there is one. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  protected override render() {
    const t = this.i18n.msg.bind(this.i18n);
    const words: string[] = [];
    if (this.kind === 'modified' || this.kind === 'added') words.push(t(`kind_${this.kind}`));
    if (this.moved) words.push(t('kind_moved'));
    else if (this.kind === 'renumbered') words.push(t('kind_renumbered'));
    return html`${words.map((w) => html`<span class="tag" part="tag">${w}</span>`)}
      ${this.was ? html`<span class="was">${t('was', { number: this.was })}</span>` : nothing}
      ${
        this.expandable
          ? html`<button
            type="button"
            part="redline-button"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-label=${t('showRedlineFor', { clause: this.clause })}
            @click=${() => this.onToggle?.()}
          >
            <span class="face">${t('showRedline')}</span>
          </button>`
          : nothing
      }`;
  }
}

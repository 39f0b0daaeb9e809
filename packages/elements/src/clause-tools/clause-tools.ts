import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GkNoteRequestEvent } from '../events/clause.js';
import { LocalizeController } from '../internal/localize.js';

/**
 * The controls at the start of a clause: copy a deep link to it, and open its interpretation.
 * Inserted by gk-document (also into a CMS article in the page), so it shields itself from the
 * page's CSS.
 *
 * @summary Per-clause "copy link" and "查看解读" buttons.
 * @event gk-note-request - The reader asked for the clause's interpretation.
 * @csspart copy - The copy-link button.
 * @csspart notes - The interpretation button.
 */
export class GkClauseTools extends LitElement {
  static override styles = css`
    :host {
      all: initial;
      display: inline-flex;
      gap: 0.25em;
      vertical-align: 0.1em;
      margin-inline-end: 0.35em;
      font: inherit;
      font-size: 0.8125em !important;
      line-height: 1.4 !important;
      text-indent: 0;
    }
    button {
      all: unset;
      box-sizing: border-box;
      cursor: pointer;
      border: 1px solid var(--gk-color-border, #8c959f);
      border-radius: var(--gk-radius, 6px);
      padding: 0 0.45em;
      min-block-size: 1.6em;
      color: var(--gk-color-link, #0b57d0);
      background: var(--gk-color-surface, #fff);
      font: inherit;
      white-space: nowrap;
    }
    button:hover {
      background: var(--gk-color-hover, #eef4ff);
    }
    button:focus-visible {
      outline: 3px solid var(--gk-color-focus, #c2410c);
      outline-offset: 1px;
    }
    [part='copy'] {
      color: var(--gk-color-muted, #57606a);
      border-color: transparent;
    }
    .done {
      color: var(--gk-color-success, #1a7f37);
    }
    .print {
      display: none;
    }
    @media print {
      [part='copy'] {
        display: none;
      }
      [part='notes'] {
        border: 0;
        padding: 0;
        color: inherit;
      }
      .screen {
        display: none;
      }
      .print {
        display: inline;
      }
    }
  `;

  /** The clause id (e.g. `3.4`). */
  @property({ reflect: true }) accessor clause = '';
  /** The clause number as written (e.g. `（四）`), for screen-reader names. */
  @property() accessor number = '';
  /** How many interpretation notes the clause has; the button shows only when there are some. */
  @property({ type: Number }) accessor notes = 0;
  /** The note number used in print (注1, 注2…). */
  @property({ type: Number, attribute: 'note-index' }) accessor noteIndex = 0;
  /** Whether the clause's interpretation is open (for aria-expanded). */
  @property({ type: Boolean, reflect: true }) accessor expanded = false;

  @state() private accessor copied = false;
  private readonly i18n = new LocalizeController(this);

  /** The link to this clause on the current page. */
  get link(): string {
    const url = new URL(location.href);
    url.hash = `clause=${this.clause}`;
    return url.href;
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link);
    } catch {
      // No clipboard permission (http page, old browser): put the link in the address bar instead.
      history.replaceState(history.state, '', `#clause=${this.clause}`);
    }
    this.copied = true;
    setTimeout(() => {
      this.copied = false;
    }, 2000);
  }

  protected override render() {
    const t = this.i18n.msg.bind(this.i18n);
    const label = this.number || this.clause;
    return html`<button part="copy" type="button" aria-label=${t('copyLinkTo', { clause: label })} @click=${this.copy}>
        <span aria-hidden="true" class=${this.copied ? 'done' : ''}>${this.copied ? '✓' : '#'}</span></button
      ><span role="status" class="done">${this.copied ? t('linkCopied') : ''}</span>${
        this.notes > 0
          ? html`<button
              part="notes"
              type="button"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-label=${t('showNotesFor', { clause: label, count: this.notes })}
              @click=${(e: Event) =>
                this.dispatchEvent(
                  new GkNoteRequestEvent({ clause: this.clause, trigger: e.currentTarget as HTMLElement }),
                )}
            >
              <span class="screen">${t('notesButton')}</span><span class="print">[${t('noteShort')}${this.noteIndex}]</span>
            </button>`
          : nothing
      }`;
  }
}

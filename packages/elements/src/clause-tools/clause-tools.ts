import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GkNoteRequestEvent } from '../events/clause.js';
import { GkCommentRequestEvent } from '../events/consultation.js';
import { LocalizeController } from '../internal/localize.js';
import { clauseToolsStyles } from './clause-tools.styles.js';

/**
 * The controls at the start of a clause: copy a deep link to it, and open its interpretation.
 * Inserted by gk-document (also into a CMS article in the page), so it shields itself from the
 * page's CSS.
 *
 * @tagname gk-clause-tools
 * @summary Per-clause "copy link" and "查看解读" buttons.
 * @event gk-note-request - The reader asked for the clause's interpretation.
 * @event gk-comment-request - The reader asked to comment on the clause (draft under consultation).
 * @csspart copy - The copy-link button.
 * @csspart notes - The interpretation button.
 * @csspart comment - The "对本条提意见" button.
 */
export class GkClauseTools extends LitElement {
  static override styles = clauseToolsStyles(':host');

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
  /** Offer "对本条提意见" (set by gk-document while its draft is open for comments). */
  @property({ type: Boolean, reflect: true }) accessor commentable = false;

  /**
   * Render without a shadow root, styled by the surrounding shadow root (gk-document includes
   * the styles). Set before the element is connected.
   */
  light = false;

  @state() private accessor copied = false;
  private readonly i18n = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.light) return super.createRenderRoot();
    this.classList.add('gk-clause-tools');
    return this;
  }

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
      }${
        this.commentable
          ? html`<button
              part="comment"
              type="button"
              class="comment"
              aria-label=${t('commentOnClauseFor', { clause: label })}
              @click=${(e: Event) =>
                this.dispatchEvent(
                  new GkCommentRequestEvent({ clause: this.clause, trigger: e.currentTarget as HTMLElement }),
                )}
            >
              ${t('commentOnClause')}
            </button>`
          : nothing
      }`;
  }
}

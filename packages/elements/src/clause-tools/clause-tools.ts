import { adoptStyles } from 'lit';
import { GkNoteRequestEvent } from '../events/clause.js';
import { GkCommentRequestEvent } from '../events/consultation.js';
import type { Messages } from '../i18n/zh-Hans.js';
import { coreMessages, coreMessagesReady, fill } from '../internal/localize.js';
import { clauseToolsStyles } from './clause-tools.styles.js';

const styles = clauseToolsStyles(':host');

function button(part: string, className = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.setAttribute('part', part);
  if (className) b.className = className;
  b.append(document.createElement('span'));
  b.firstElementChild!.className = 'face';
  return b;
}

/** Sets the visible text of a button made by `button()`. */
function setText(b: HTMLButtonElement, text: string): void {
  b.firstElementChild!.textContent = text;
}

/**
 * The controls at the start of a clause: copy a deep link to it, and open its interpretation.
 * Inserted by gk-document (also into a CMS article in the page), so it shields itself from the
 * page's CSS.
 *
 * Not a Lit element: a long regulation has 600 of them, and plain DOM built once and updated in
 * place costs a fraction of 600 template instances.
 *
 * @tagname gk-clause-tools
 * @summary Per-clause "copy link" and "查看解读" buttons.
 * @event gk-note-request - The reader asked for the clause's interpretation.
 * @event gk-comment-request - The reader asked to comment on the clause (draft under consultation).
 * @csspart copy - The copy-link button.
 * @csspart notes - The interpretation button.
 * @csspart comment - The "对本条提意见" button.
 * @attr clause - The clause id (e.g. `3.4`).
 * @attr number - The clause number as written (e.g. `（四）`), for screen-reader names.
 * @attr notes - How many interpretation notes the clause has.
 * @attr note-index - The note number used in print (注1, 注2…).
 * @attr expanded - Whether the clause's interpretation is open.
 * @attr commentable - Offer "对本条提意见".
 * @attr notes-beside - The clause's notes are shown beside it (a column): no "查看解读" button.
 * @attr data-print-label - Set by the element while the clause has notes: the number printed at
 *   the clause instead of the buttons ([注1], as printed beside the note).
 */
export class GkClauseTools extends HTMLElement {
  // `notes-beside` acts through CSS alone.
  static readonly observedAttributes = ['clause', 'number', 'notes', 'note-index', 'expanded', 'commentable'];

  /**
   * Render without a shadow root, styled by the surrounding shadow root (gk-document includes
   * the styles). Set before the element is connected.
   */
  light = false;

  /** The UI text to use, when the inserting element already knows it (saves a lookup per clause). */
  messages: Messages | null = null;

  private t: Messages | null = null;
  private root: ShadowRoot | HTMLElement | null = null;
  private copyButton: HTMLButtonElement | null = null;
  /** Says "已复制链接"; made on the first copy: 600 live regions waiting for nothing cost layout. */
  private status: HTMLSpanElement | null = null;
  private notesButton: HTMLButtonElement | null = null;
  private commentButton: HTMLButtonElement | null = null;
  private copied = false;
  /** Set while the page's language is loading (its chunk); the controls are built after. */
  private textLoading: Promise<void> | null = null;

  /** The clause id (e.g. `3.4`). */
  get clause(): string {
    return this.getAttribute('clause') ?? '';
  }
  set clause(value: string) {
    this.setAttribute('clause', value);
  }

  /** The clause number as written (e.g. `（四）`), for screen-reader names. */
  get number(): string {
    return this.getAttribute('number') ?? '';
  }
  set number(value: string) {
    this.setAttribute('number', value);
  }

  /** How many interpretation notes the clause has; the button shows only when there are some. */
  get notes(): number {
    return Number(this.getAttribute('notes')) || 0;
  }
  set notes(value: number) {
    if (value) this.setAttribute('notes', String(value));
    else this.removeAttribute('notes');
  }

  /** The note number used in print (注1, 注2…). */
  get noteIndex(): number {
    return Number(this.getAttribute('note-index')) || 0;
  }
  set noteIndex(value: number) {
    if (value) this.setAttribute('note-index', String(value));
    else this.removeAttribute('note-index');
  }

  /** Whether the clause's interpretation is open (for aria-expanded). */
  get expanded(): boolean {
    return this.hasAttribute('expanded');
  }
  set expanded(value: boolean) {
    this.toggleAttribute('expanded', value);
  }

  /** Offer "对本条提意见" (set by gk-document while its draft is open for comments). */
  get commentable(): boolean {
    return this.hasAttribute('commentable');
  }
  set commentable(value: boolean) {
    this.toggleAttribute('commentable', value);
  }

  /** The clause's notes are beside it (set by gk-interpretation's column): no button to open them. */
  get notesBeside(): boolean {
    return this.hasAttribute('notes-beside');
  }
  set notesBeside(value: boolean) {
    this.toggleAttribute('notes-beside', value);
  }

  /** Resolves once the controls are there (at once, unless the page's language is still loading). */
  get updateComplete(): Promise<boolean> {
    return (this.textLoading ?? Promise.resolve()).then(() => true);
  }

  /** The link to this clause on the current page. */
  get link(): string {
    const url = new URL(location.href);
    url.hash = `clause=${this.clause}`;
    return url.href;
  }

  /** Focus goes to the first control, so a keyboard reader lands at the clause. */
  override focus(options?: FocusOptions): void {
    this.copyButton?.focus(options);
  }

  connectedCallback(): void {
    if (this.root || this.textLoading) return;
    const wait = this.messages ? null : coreMessagesReady(this);
    if (wait) {
      this.textLoading = wait.then(() => {
        this.textLoading = null;
        if (this.isConnected) this.connectedCallback();
      });
      return;
    }
    this.build();
    this.syncLabels();
  }

  attributeChangedCallback(name: string): void {
    if (!this.root) return;
    if (name === 'commentable') this.syncComment();
    else if (name === 'clause' || name === 'number') this.syncLabels();
    else this.syncNotes();
  }

  private build(): void {
    this.t = this.messages ?? coreMessages(this);
    if (this.light) {
      this.classList.add('gk-clause-tools');
      this.root = this;
    } else {
      const shadow = this.attachShadow({ mode: 'open' });
      adoptStyles(shadow, [styles]);
      this.root = shadow;
    }
    this.copyButton = button('copy');
    setText(this.copyButton, '#');
    this.root.append(this.copyButton);
    this.root.addEventListener('click', (e) => this.onClick(e));
  }

  private onClick(e: Event): void {
    const target = (e.target as Element).closest?.('button');
    if (target === this.copyButton) void this.copy();
    else if (target && target === this.notesButton)
      this.dispatchEvent(new GkNoteRequestEvent({ clause: this.clause, trigger: target }));
    else if (target && target === this.commentButton)
      this.dispatchEvent(new GkCommentRequestEvent({ clause: this.clause, trigger: target }));
  }

  private get label(): string {
    return this.number || this.clause;
  }

  private syncLabels(): void {
    this.copyButton!.setAttribute('aria-label', fill(this.t!.copyLinkTo, { clause: this.label }));
    this.syncNotes();
    this.syncComment();
  }

  private syncCopied(): void {
    this.copyButton!.classList.toggle('done', this.copied);
    setText(this.copyButton!, this.copied ? '✓' : '#');
    if (this.status) this.status.textContent = this.copied ? this.t!.linkCopied : '';
  }

  private syncNotes(): void {
    const t = this.t!;
    const notes = this.notes;
    if (notes <= 0) {
      this.notesButton?.remove();
      this.removeAttribute('data-print-label');
      return;
    }
    if (!this.notesButton) {
      this.notesButton = button('notes');
      setText(this.notesButton, t.notesButton);
    }
    this.notesButton.setAttribute('aria-expanded', this.expanded ? 'true' : 'false');
    this.notesButton.setAttribute('aria-label', fill(t.showNotesFor, { clause: this.label, count: notes }));
    // Print shows the note's number here instead of the button ([注1], as beside the note).
    this.setAttribute('data-print-label', `[${t.noteShort}${this.noteIndex}]`);
    if (!this.notesButton.isConnected) this.copyButton!.after(this.notesButton);
  }

  private syncComment(): void {
    if (!this.commentable) {
      this.commentButton?.remove();
      return;
    }
    if (!this.commentButton) {
      this.commentButton = button('comment', 'comment');
      setText(this.commentButton, this.t!.commentOnClause);
    }
    this.commentButton.setAttribute('aria-label', fill(this.t!.commentOnClauseFor, { clause: this.label }));
    if (!this.commentButton.isConnected) this.root!.append(this.commentButton);
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link);
    } catch {
      // No clipboard permission (http page, old browser): put the link in the address bar instead.
      history.replaceState(history.state, '', `#clause=${this.clause}`);
    }
    this.copied = true;
    if (!this.status) {
      this.status = document.createElement('span');
      this.status.setAttribute('role', 'status');
      this.status.className = 'done';
      this.root!.append(this.status);
      // A live region is announced when its text changes after it is in the page.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    this.syncCopied();
    setTimeout(() => {
      this.copied = false;
      this.syncCopied();
    }, 2000);
  }
}

import { type Clause, type Interpretation, printedClauseLabel } from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { GkDocument } from '../document/document.js';
import { loadPrefs } from '../document/reader-prefs.js';
import type { GkClauseChangeEvent, GkNoteRequestEvent } from '../events/clause.js';
import type { GkReaderChangeEvent } from '../events/reader.js';
import { GkReadyEvent } from '../events/ready.js';
import { baseStyles, buttonStyles } from '../internal/base.styles.js';
import { renderBundleError, renderSkipped, reportBundleError, reportSkipped } from '../internal/error-view.js';
import { findDocument } from '../internal/find-document.js';
import { loadPopupEngine } from '../internal/lazy.js';
import { type BundleError, checkPartial, fetchJson } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { renderSafeBodies } from '../internal/markdown/render.js';
import type { Popup } from '../internal/popup.js';
import { interpretationStyles } from './interpretation.styles.js';
import { placeNotes } from './layout.js';
import { groupContent } from './note-view.js';
import { groupNotes, type NoteGroup, type OrphanNote } from './notes.js';
import { NoteViews } from './views.js';

/** Longer clause labels are cut, visibly, with …. */
const MAX_LABEL = 20;
const shorten = (label: string) => {
  const chars = [...label];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : label;
};

export type InterpretationLayout = 'auto' | 'column' | 'popover';
/** Below this document width, notes open from a button instead of sitting beside the text. */
const COLUMN_MIN_DOCUMENT_WIDTH = 480;

/**
 * Interpretation notes (政策解读) beside the clauses they explain, in step with scrolling:
 * a column aligned with the clauses on wide layouts, a popover from each clause's "查看解读"
 * button on narrow ones. Notes whose clause cannot be found are listed, never dropped.
 *
 * @tagname gk-interpretation
 * @summary Clause-by-clause interpretation for a gk-document.
 * @event gk-ready - Notes are placed; `detail` has the counts of anchored notes and orphans.
 * @event gk-error - The interpretation file could not be loaded or is invalid.
 * @csspart note - One interpretation note.
 * @csspart orphans - The list of notes that could not be placed.
 * @csspart popup - The popover used on narrow layouts.
 * @cssproperty [--gk-color-current=#fff4ce] - Background of the note of the clause being read.
 */
export class GkInterpretation extends LitElement {
  static override styles = [baseStyles, buttonStyles, interpretationStyles];

  // Declared, not decorated: a decorated field costs the reading page ~30 bytes gzip more each.
  // (`attribute: false` on state says what lit assumes, for the custom-elements manifest.)
  static override properties = {
    for: {},
    src: {},
    interpretations: { attribute: false },
    document: { attribute: false },
    layout: { reflect: true },
    textSize: { type: Number, reflect: true, attribute: 'text-size' },
    contrast: { type: Boolean, reflect: true },
    groups: { state: true, attribute: false },
    orphans: { state: true, attribute: false },
    mode: { state: true, attribute: false },
    current: { state: true, attribute: false },
    open: { state: true, attribute: false },
    error: { state: true, attribute: false },
    skipped: { state: true, attribute: false },
    loaded: { state: true, attribute: false },
  };

  /** Id of the gk-document (in the same tree) these notes explain. */
  declare for: string;
  /** URL of an interpretation file (a partial bundle); else the document's own bundle is used. */
  declare src: string;
  /** Notes given directly (takes precedence over `src`). */
  declare interpretations: Interpretation[] | undefined;
  /** The document element, when it is not found by `for`. */
  declare document: GkDocument | null;
  /** `column` beside the text, `popover` from buttons, or `auto` by the document's width. */
  declare layout: InterpretationLayout;
  /** Text size step shared with the document (0–3); follows the reader's choice there. */
  declare textSize: number;
  /** High-contrast colours; follows the reader's choice in the document. */
  declare contrast: boolean;

  declare private groups: NoteGroup[];
  declare private orphans: OrphanNote[];
  declare private mode: 'column' | 'popover';
  declare private current: string | null;
  declare private open: NoteGroup | null;
  declare private error: BundleError | null;
  /** Invalid notes left out: a short notice for each, after the others. */
  declare private skipped: number;
  declare private loaded: boolean;

  private get column(): HTMLElement | null {
    return this.renderRoot?.querySelector('.column') ?? null;
  }
  private get popupElement(): HTMLElement | null {
    return this.renderRoot?.querySelector('.popup') ?? null;
  }

  private readonly i18n = new LocalizeController(this);
  private readonly views = new NoteViews();
  /** The open popover's content, kept while it stays open. */
  private popupContent: { group: NoteGroup; lang: string; nodes: HTMLElement[] } | null = null;
  private doc: GkDocument | null = null;
  private popup: Popup | null = null;
  private resize: ResizeObserver | null = null;
  private layoutQueued = false;
  private generation = 0;
  /** Clause labels by id, for the clause list they were made from. */
  private labels: { clauses: readonly Clause[]; byId: Map<string, string> } | null = null;

  private readonly onDocReady = () => void this.build();
  private readonly onClauseChange = (e: GkClauseChangeEvent) => {
    this.current = e.detail.clause;
  };
  private readonly onNoteRequest = (e: GkNoteRequestEvent) => this.showNotes(e.detail.clause, e.detail.trigger);
  private readonly onReaderChange = (e: GkReaderChangeEvent) => {
    this.textSize = e.detail.textSize;
    this.contrast = e.detail.contrast;
  };

  constructor() {
    super();
    this.for = '';
    this.src = '';
    this.document = null;
    this.layout = 'auto';
    this.textSize = 0;
    this.contrast = false;
    this.groups = [];
    this.orphans = [];
    this.mode = 'column';
    this.current = null;
    this.open = null;
    this.error = null;
    this.skipped = 0;
    this.loaded = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const prefs = loadPrefs();
    if (!this.hasAttribute('text-size')) this.textSize = prefs.textSize;
    if (!this.hasAttribute('contrast')) this.contrast = prefs.contrast;
    this.resize = new ResizeObserver(() => this.queueLayout());
    // Attach once the elements around us exist (gk-policy renders the document first).
    queueMicrotask(() => this.attach());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
    this.resize?.disconnect();
    this.popup?.close(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('document') || changed.has('for')) {
      if (this.isConnected) this.attach();
    } else if (changed.has('interpretations') || changed.has('src')) {
      void this.build();
    }
  }

  protected override updated(): void {
    // Placed right after rendering, so notes are in place when gk-ready fires; later size
    // changes come through the ResizeObserver and are placed in the next frame.
    if (this.mode === 'column') this.layoutNow();
  }

  private attach(): void {
    const target = findDocument(this, this.for, this.document);
    if (target === this.doc) return;
    this.detach();
    this.doc = target;
    if (!target) return;
    target.addEventListener('gk-ready', this.onDocReady);
    target.addEventListener('gk-clause-change', this.onClauseChange);
    target.addEventListener('gk-note-request', this.onNoteRequest);
    target.addEventListener('gk-reader-change', this.onReaderChange);
    this.resize?.observe(target);
    if (target.annotated) void this.build();
  }

  private detach(): void {
    if (!this.doc) return;
    this.doc.setNotesBeside(false);
    this.doc.removeEventListener('gk-ready', this.onDocReady);
    this.doc.removeEventListener('gk-clause-change', this.onClauseChange);
    this.doc.removeEventListener('gk-note-request', this.onNoteRequest);
    this.doc.removeEventListener('gk-reader-change', this.onReaderChange);
    this.resize?.unobserve(this.doc);
    this.doc = null;
  }

  private async notes(): Promise<readonly Interpretation[]> {
    if (this.interpretations)
      return await this.checked({ schemaVersion: 1, interpretations: this.interpretations }, '.interpretations');
    if (this.src) return this.checked(await fetchJson(this.src, this.i18n.msg.bind(this.i18n)), this.src);
    this.skipped = this.doc?.skippedNotes ?? 0;
    return this.doc?.interpretations ?? [];
  }

  /** Notes from outside are validated like a bundle, whichever way they arrive. */
  private async checked(input: unknown, source: string): Promise<readonly Interpretation[]> {
    const msg = this.i18n.msg.bind(this.i18n);
    const read = await checkPartial(input, source, msg);
    this.skipped = reportSkipped(this, read, 'interpretations', source, msg).length;
    return read.value.interpretations ?? [];
  }

  private async build(): Promise<void> {
    const doc = this.doc;
    // A text with no clause recognised still has its notes: all shown as not placed.
    if (!doc?.annotated) return;
    const generation = ++this.generation;
    try {
      const notes = await this.notes();
      const bodies = await renderSafeBodies(
        notes.map((n) => ({ markdown: n.body, html: n.html })),
        'body',
      );
      if (generation !== this.generation) return;
      const anchoring = await doc.anchorNotes(notes);
      if (generation !== this.generation) return;
      const { groups, orphans } = groupNotes(
        anchoring,
        notes,
        bodies,
        doc.clauses.map((c) => c.id),
      );
      this.error = null;
      this.groups = groups;
      this.orphans = orphans;
      this.loaded = true;
      doc.setNoteCounts(new Map(groups.map((g) => [g.clause, g.notes.length])));
      this.chooseMode();
      // The clauses may be new (the document rendered again): told every time.
      doc.setNotesBeside(this.mode === 'column');
      await this.updateComplete;
      this.dispatchEvent(
        new GkReadyEvent({
          clauses: doc.clauses.length,
          notes: notes.length - orphans.length,
          orphans: orphans.length,
        }),
      );
    } catch (error) {
      this.error = reportBundleError(this, error, this.i18n.msg.bind(this.i18n));
    }
  }

  private chooseMode(): void {
    // Measures (a forced layout) only in `auto`: gk-policy decides for its own layout.
    const mode = this.layout !== 'auto' ? this.layout : this.measuredMode();
    if (mode !== this.mode) {
      this.closePopup(false);
      this.mode = mode;
      this.doc?.setNotesBeside(mode === 'column');
    }
  }

  private measuredMode(): 'column' | 'popover' {
    const width = this.doc?.clientWidth ?? 0;
    return width >= COLUMN_MIN_DOCUMENT_WIDTH && this.clientWidth > 0 ? 'column' : 'popover';
  }

  private queueLayout(): void {
    if (this.layoutQueued) return;
    this.layoutQueued = true;
    requestAnimationFrame(() => {
      this.layoutQueued = false;
      this.chooseMode();
      this.layoutNow();
    });
  }

  private layoutNow(): void {
    const column = this.column;
    if (this.mode !== 'column' || !column || !this.doc) return;
    const placements = this.views.column.flatMap((group) => {
      const marker = this.doc?.clauseMarker(group.dataset.clause ?? '');
      return marker ? [{ group, marker }] : [];
    });
    const height = placeNotes(column, placements);
    column.style.minBlockSize = `${height}px`;
  }

  private toggleExpanded(clause: string): void {
    this.views.toggleExpanded(clause);
    // The note's height changed: place the column again.
    this.requestUpdate();
  }

  /** The notes' buttons, handled in one place rather than one listener per note. */
  private readonly onClick = (e: Event) => {
    const button = (e.target as Element).closest?.('button');
    const clause = button?.closest<HTMLElement>('[data-clause]')?.dataset.clause;
    if (!button || clause === undefined) return;
    if (button.classList.contains('go')) {
      if (button.closest('.popup')) this.closePopup(false);
      this.doc?.scrollToClause(clause, { focus: true });
    } else if (button.classList.contains('more')) {
      this.toggleExpanded(clause);
    }
  };

  /** Opens (narrow) or brings into view (wide) the notes of a clause. */
  showNotes(clause: string, trigger?: HTMLElement): void {
    const group = this.groups.find((g) => g.clause === clause);
    if (!group) return;
    if (this.mode === 'column' || !trigger) {
      const element = this.renderRoot.querySelector<HTMLElement>(`.group[data-clause="${CSS.escape(clause)}"]`);
      element?.focus();
      this.current = clause;
      return;
    }
    this.closePopup(false);
    this.open = group;
    this.doc?.clauseMarker(clause)?.setAttribute('expanded', '');
    void Promise.all([loadPopupEngine(), this.updateComplete]).then(([{ Popup }]) => {
      const popup = this.popupElement;
      if (!popup || this.open !== group) return;
      this.popup = new Popup({ trigger, popup, onClose: () => this.afterClose(clause) });
      popup.querySelector<HTMLElement>('.close')?.focus();
    });
  }

  private afterClose(clause: string): void {
    this.popup = null;
    this.open = null;
    this.doc?.clauseMarker(clause)?.removeAttribute('expanded');
  }

  private closePopup(restoreFocus: boolean): void {
    this.popup?.close(restoreFocus);
  }

  /** The clause as printed (一、（三）工作目标), shortened visibly with … when long. */
  private label(clause: string): string {
    const clauses = this.doc?.clauses ?? [];
    if (this.labels?.clauses !== clauses) {
      const byId = new Map(clauses.map((c) => [c.id, c]));
      this.labels = {
        clauses,
        byId: new Map(clauses.map((c) => [c.id, shorten(printedClauseLabel(byId, c.id) ?? c.number)])),
      };
    }
    return this.labels.byId.get(clause) ?? clause;
  }

  // A page in zh-Hant or English waits for that text before the first render.
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  protected override render() {
    const t = this.i18n.msg.bind(this.i18n);
    if (this.error) return renderBundleError(this.error, this.i18n.lang);
    if (!this.loaded) return nothing;
    this.views.update({
      groups: this.groups,
      orphans: this.orphans,
      lang: this.i18n.lang,
      t,
      label: (clause) => this.label(clause),
    });
    this.views.markCurrent(this.current);
    return html`<section class="scaled" aria-label=${t('interpretation')} @click=${this.onClick}>
      ${this.groups.length === 0 && this.orphans.length === 0 ? html`<p class="empty">${t('noNotes')}</p>` : nothing}
      ${this.mode === 'column' ? html`<div class="column">${this.views.column}</div>` : nothing}
      ${this.renderOrphans()} ${Array.from({ length: this.skipped }, () => renderSkipped(t))} ${this.renderPopup()}
    </section>`;
  }

  private renderPopup() {
    const group = this.open;
    if (!group || this.mode !== 'popover') {
      this.popupContent = null;
      return nothing;
    }
    const t = this.i18n.msg.bind(this.i18n);
    const label = this.label(group.clause);
    const lang = this.i18n.lang;
    if (this.popupContent?.group !== group || this.popupContent.lang !== lang) {
      // The bodies are copies: the originals belong to the column.
      this.popupContent = { group, lang, nodes: groupContent(group, t, label, true) };
    }
    return html`<div class="popup group" part="popup" role="dialog" aria-label=${t('notesFor', { clause: label })} data-clause=${group.clause}>
      <p><button type="button" class="close gk-button" @click=${() => this.closePopup(true)}>${t('close')}</button></p>
      ${this.popupContent.nodes}
    </div>`;
  }

  private renderOrphans() {
    if (!this.orphans.length) return nothing;
    const t = this.i18n.msg.bind(this.i18n);
    const lang = this.i18n.lang === 'en' ? 'en' : 'zh-Hans';
    return html`<section class="orphans" part="orphans" aria-labelledby="orphans-title">
      <h2 id="orphans-title">${t('orphans')}</h2>
      <p>${t(this.doc?.clauses.length === 0 ? 'orphansNoClauses' : 'orphansHint')}</p>
      ${this.orphans.map(
        (o, i) => html`<div class="orphan">
          ${o.note.target.quote ? html`<blockquote>${o.note.target.quote.exact}</blockquote>` : nothing}
          <p class="reason">${o.orphan.message[lang]}</p>
          ${this.views.orphans[i]}
        </div>`,
      )}
    </section>`;
  }
}

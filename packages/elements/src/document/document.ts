import {
  type AnchorResult,
  anchorOnNamedClauses,
  type Clause,
  type DocumentBundle,
  type DocumentPartial,
  type Interpretation,
  validityAt,
} from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import '../clause-tools/define.js';
import { GkClauseTools } from '../clause-tools/clause-tools.js';
import { clauseToolsStyles } from '../clause-tools/clause-tools.styles.js';
import { GkClauseChangeEvent } from '../events/clause.js';
import { GkReaderChangeEvent } from '../events/reader.js';
import { GkReadyEvent } from '../events/ready.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { annotateClauses, type ClauseDom, placeKnownClauses } from '../internal/clause-dom.js';
import { CurrentClauseTracker } from '../internal/current-clause.js';
import { tagFor } from '../internal/define.js';
import { renderBundleError, reportBundleError, reportSkipped } from '../internal/error-view.js';
import { loadAnchorEngine, loadChangeView, loadSegmentEngine } from '../internal/lazy.js';
import {
  BundleError,
  checkBundle,
  checkPartial,
  loadBundle,
  type Read,
  validPartial,
} from '../internal/load-bundle.js';
import { coreMessages, LocalizeController } from '../internal/localize.js';
import { renderSafeMarkdownFragment } from '../internal/markdown/render.js';
import { sanitizeToFragment } from '../internal/sanitize.js';
import { WidthController } from '../internal/width.js';
import { documentStyles, readingStyles } from './document.styles.js';
import { metaShownBefore, renderHeader } from './header.js';
import { adoptPageStyles, markArticle } from './page-styles.js';
import { loadPrefs, type ReaderPrefs, savePrefs, TEXT_SIZES } from './reader-prefs.js';
import { renderToc } from './toc.js';

const CLAUSE_HASH = /^#clause=(.+)$/;
const NO_NOTES: readonly Interpretation[] = [];
const isTools = (el: Element) => el instanceof GkClauseTools;

/**
 * A policy document (公文): metadata header with a validity badge, table of contents, the text
 * with an anchor and a "copy link" control on every clause, deep links (`#clause=3.4`), and
 * reader controls (text size, high contrast, print).
 *
 * Renders a bundle (`src` or `bundle`), or — with child content and no bundle body — enhances
 * the article the CMS already rendered, which stays in the page (readable without scripts).
 *
 * @tagname gk-document
 * @summary Renders a policy document and its clause structure.
 * @slot - The CMS article to enhance, when the document is not loaded from a bundle.
 * @event gk-ready - The document is rendered; `detail` has the clause count.
 * @event gk-error - The bundle could not be loaded or is invalid; `detail.message` says why.
 * @event gk-clause-change - The clause being read changed; `detail.clause` is its id.
 * @event gk-note-request - A clause's "查看解读" button was pressed.
 * @event gk-reader-change - The reader changed the text size or contrast.
 * @csspart header - The metadata header.
 * @csspart title - The document title.
 * @csspart meta - The list of metadata (文号, issuer, dates…).
 * @csspart badge - The validity badge as the dates make it today, China time (尚未施行 / 有效 / 已失效 / 已废止 / 已修订 / 征求意见稿); it changes at midnight.
 * @csspart notice - The notice shown when the document is not yet or no longer in force, repealed, amended or a draft.
 * @csspart toc - The table of contents.
 * @csspart controls - The reader controls.
 * @csspart body - The document text.
 * @csspart error - The message shown when the bundle cannot be used.
 * @cssproperty [--gk-font-size=16px] - Base text size.
 * @cssproperty [--gk-color-text=#1f2328] - Text colour.
 * @cssproperty [--gk-color-accent=#b42318] - Rule under the header.
 * @cssproperty [--gk-color-link=#0b57d0] - Link colour.
 * @cssproperty [--gk-color-focus=#c2410c] - Focus outline colour.
 * @cssproperty [--gk-color-current=#fff4ce] - Background of the clause being read.
 * @attr narrow - Set by the element itself when it is narrower than 576 px (phones).
 */
export class GkDocument extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    srOnly,
    documentStyles,
    readingStyles,
    clauseToolsStyles('.gk-clause-tools'),
  ];

  // Declared, not decorated: a decorated field costs the reading page ~30 bytes gzip more each.
  // (`attribute: false` on state says what lit assumes, for the custom-elements manifest.)
  static override properties = {
    src: { reflect: true },
    bundle: { attribute: false },
    textSize: { type: Number, reflect: true, attribute: 'text-size' },
    contrast: { type: Boolean, reflect: true },
    noToc: { type: Boolean, attribute: 'no-toc' },
    header: { reflect: true },
    loaded: { state: true, attribute: false },
    bodyNode: { state: true, attribute: false },
    error: { state: true, attribute: false },
    map: { state: true, attribute: false },
    enhancing: { state: true, attribute: false },
    pageShowsMeta: { state: true, attribute: false },
  };

  /** URL of a policy bundle (JSON). */
  declare src: string;

  /** A policy bundle given directly (takes precedence over `src`); validated like a fetched one. */
  declare bundle: unknown;

  /** Text size step, 0 (default) to 3; the reader's own choice is remembered. */
  declare textSize: number;

  /** High-contrast colours. */
  declare contrast: boolean;

  /** Hide the table of contents. */
  declare noToc: boolean;

  /**
   * `none` leaves out the title and metadata (the notice of a text not in force stays), for a
   * page that shows its own. `auto`: left out when enhancing an article whose page shows the
   * 文号 or 索引号 just before it.
   */
  declare header: 'auto' | 'none';

  declare private loaded: DocumentBundle | DocumentPartial | null;
  declare private bodyNode: HTMLElement | null;
  declare private error: BundleError | null;
  declare private map: ClauseDom | null;
  declare private enhancing: boolean;
  /** In enhance mode, whether the page already shows the metadata (header="auto"). */
  declare private pageShowsMeta: boolean;

  private get slotElement(): HTMLSlotElement | null {
    return this.renderRoot?.querySelector('slot') ?? null;
  }

  private readonly i18n = new LocalizeController(this);
  private readonly width = new WidthController(this, 576);
  private readonly tracker = new CurrentClauseTracker((clause) => this.setCurrent(clause, false));
  private abort: AbortController | null = null;
  private currentClause: string | null = null;
  /** The blocks marked as the clause whose notes are current. */
  private marked: Element[] = [];
  private noteCounts: ReadonlyMap<string, number> = new Map();
  private commentable = false;
  /** In enhance mode, the page's article elements. */
  private articles: Element[] = [];
  private anchored = new WeakMap<readonly Interpretation[], Promise<AnchorResult>>();
  private readonly onHashChange = () => this.followHash();
  // A timer does not count the time a computer sleeps: a page shown again looks at the clock.
  private readonly onVisible = () => this.armValidity();
  private validityTimer?: ReturnType<typeof setTimeout>;

  /** How many invalid notes were left out (gk-interpretation shows a notice for each). */
  skippedNotes = 0;

  constructor() {
    super();
    this.src = '';
    this.textSize = 0;
    this.contrast = false;
    this.noToc = false;
    this.header = 'auto';
    this.loaded = null;
    this.bodyNode = null;
    this.error = null;
    this.map = null;
    this.enhancing = false;
    this.pageShowsMeta = false;
  }

  /** The text is rendered and its clauses known (there may be none). */
  get annotated(): boolean {
    return this.map !== null;
  }

  /** The document's clauses (read-only), segmented from the rendered text. */
  get clauses(): readonly Clause[] {
    return this.map?.clauses ?? [];
  }

  /** The interpretation notes of the loaded bundle, if it has any. */
  get interpretations(): readonly Interpretation[] {
    return this.loaded?.interpretations ?? NO_NOTES;
  }

  /**
   * Places notes on this document's clauses; computed once per list of notes. Notes that name
   * their clause and quote it as written need no anchoring engine: it is loaded only for the
   * others (a revised text, a moved quote).
   */
  anchorNotes(notes: readonly Interpretation[]): Promise<AnchorResult> {
    let result = this.anchored.get(notes);
    if (!result) {
      const clauses = this.clauses;
      const placed = anchorOnNamedClauses(notes, clauses);
      result = placed
        ? Promise.resolve(placed)
        : loadAnchorEngine().then(({ anchor }) => anchor({ interpretations: [...notes] }, clauses));
      this.anchored.set(notes, result);
    }
    return result;
  }

  /** The clause being read. */
  get current(): string | null {
    return this.currentClause;
  }

  /** The element marking where a clause starts (to align or anchor notes). */
  clauseMarker(id: string): HTMLElement | undefined {
    return this.map?.markers.get(id);
  }

  /** Shows how many notes each clause has, numbered in document order for print. */
  setNoteCounts(counts: ReadonlyMap<string, number>): void {
    this.noteCounts = counts;
    this.markCurrent();
    let index = 0;
    for (const [id, marker] of this.map?.markers ?? []) {
      const tools = marker as GkClauseTools;
      const notes = counts.get(id) ?? 0;
      // The index first: while there are no notes, setting it costs nothing.
      tools.noteIndex = notes ? ++index : 0;
      tools.notes = notes;
    }
  }

  /** Says whether the notes are shown beside their clauses, so the clauses need no button to open them. */
  setNotesBeside(on: boolean): void {
    for (const marker of this.map?.markers.values() ?? []) (marker as GkClauseTools).notesBeside = on;
  }

  /** Offers "对本条提意见" on every clause (a draft open for comments) or takes it away. */
  setCommentable(on: boolean): void {
    this.commentable = on;
    for (const marker of this.map?.markers.values() ?? []) (marker as GkClauseTools).commentable = on;
  }

  /** Scrolls to a clause, highlights it and announces it as current. */
  scrollToClause(id: string, options: { focus?: boolean } = {}): boolean {
    const marker = this.map?.markers.get(id);
    if (!marker) return false;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    marker.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    this.setCurrent(id, true);
    // The scroll above is smooth; focusing must not jump there first.
    if (options.focus) (marker as GkClauseTools).focus({ preventScroll: true });
    for (const block of this.map?.blocks.get(id) ?? []) {
      block.setAttribute('data-gk-flash', '');
      setTimeout(() => block.removeAttribute('data-gk-flash'), 1600);
    }
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const prefs = loadPrefs();
    if (!this.hasAttribute('text-size')) this.textSize = prefs.textSize;
    if (!this.hasAttribute('contrast')) this.contrast = prefs.contrast;
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('visibilitychange', this.onVisible);
    this.armValidity();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.tracker.disconnect();
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('visibilitychange', this.onVisible);
    clearTimeout(this.validityTimer);
  }

  /**
   * Renders the validity badge again at the next China midnight at which it changes: one timer,
   * armed again on the way, as setTimeout waits at most 2^31−1 ms (~24.8 days).
   */
  private armValidity(): void {
    clearTimeout(this.validityTimer);
    this.requestUpdate();
    const meta = this.loaded?.meta;
    const at = meta && validityAt(meta).changesAt;
    if (at) this.validityTimer = setTimeout(() => this.armValidity(), Math.min(at - Date.now(), 2 ** 31 - 1));
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('src') || changed.has('bundle')) void this.load();
    if (changed.has('textSize') || changed.has('contrast')) this.syncArticles();
    if (changed.has('loaded')) this.armValidity();
  }

  private syncArticles(): void {
    for (const article of this.articles) markArticle(article, { textSize: this.textSize, contrast: this.contrast });
  }

  private get msg() {
    return this.i18n.msg.bind(this.i18n);
  }

  /** Enhance mode: no bundle body to render, and the page gave us an article. */
  private get wantsEnhance(): boolean {
    const body = (this.bundle as { body?: unknown } | undefined)?.body;
    return !this.src && body === undefined && this.childElementCount > 0;
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.error = null;
    try {
      if (this.wantsEnhance) return await this.enhance(abort.signal);
      let read: Read<DocumentBundle>;
      const source = this.bundle !== undefined ? '<gk-document>.bundle' : this.src;
      if (this.bundle !== undefined) read = await checkBundle(this.bundle, source, this.msg);
      else if (this.src) read = await loadBundle(this.src, this.msg, abort.signal);
      else throw new BundleError(this.msg('loadFailed'), this.msg('noSource'));
      // The notes are ours to report; the Q&A and graphics report their own.
      this.skippedNotes = reportSkipped(this, read, 'interpretations', source, this.msg).length;
      const bundle = read.value;
      // Notes that name no clause will need the anchoring engine: fetched while the body
      // renders, so they are placed in the same task as the text and the page lays out once.
      if (bundle.interpretations?.some((n) => n.target.clause === undefined)) void loadAnchorEngine().catch(() => {});
      // So is the segmenter, for a body whose clauses the bundle does not list.
      if (!bundle.clauses?.length) void loadSegmentEngine().catch(() => {});
      const content =
        bundle.bodyHtml !== undefined
          ? await sanitizeToFragment(bundle.bodyHtml)
          : await renderSafeMarkdownFragment(bundle.body ?? '');
      if (abort.signal.aborted) return;
      const body = this.bodyContainer(content);
      this.loaded = bundle;
      this.bodyNode = body;
      await this.annotate([body], abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.fail(error);
    }
  }

  private async enhance(signal: AbortSignal): Promise<void> {
    this.enhancing = true;
    if (this.bundle !== undefined) {
      const read = validPartial(this.bundle) ?? (await checkPartial(this.bundle, '<gk-document>.bundle', this.msg));
      this.skippedNotes = reportSkipped(this, read, 'interpretations', '<gk-document>.bundle', this.msg).length;
      const partial = read.value;
      // Decided before the first render, so a header is never shown and then taken away.
      this.pageShowsMeta = metaShownBefore(this, partial.meta);
      this.loaded = partial;
    }
    // Included in <head>, we may run before the article is parsed: wait for it.
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    await this.updateComplete;
    if (signal.aborted) return;
    adoptPageStyles(this.ownerDocument);
    const roots = this.slotElement?.assignedElements({ flatten: true }) ?? [...this.children];
    this.articles = roots;
    this.syncArticles();
    await this.annotate(roots, signal);
  }

  private async annotate(roots: Node[], signal: AbortSignal): Promise<void> {
    // Annotating again (a new bundle for the same article) replaces the earlier markers.
    for (const marker of this.map?.markers.values() ?? []) marker.remove();
    this.tracker.disconnect();
    this.currentClause = null;
    this.markCurrent();
    this.anchored = new WeakMap();
    const messages = coreMessages(this);
    const marker = (clause: Clause) => {
      const tools = document.createElement(tagFor('gk-clause-tools')) as GkClauseTools;
      // Inside our own shadow root the tools need no shadow root of their own.
      tools.light = !this.enhancing;
      tools.messages = messages;
      tools.clause = clause.id;
      tools.number = clause.number;
      tools.id = `gk-clause-${clause.id}`;
      tools.commentable = this.commentable;
      return tools;
    };
    // The clauses `gongkai build` listed are placed as they are; other text is segmented.
    const known = this.loaded?.clauses;
    const placed = known?.length ? placeKnownClauses(roots, known, marker, isTools) : null;
    const segmentBlocks = placed ? null : (await loadSegmentEngine()).segmentBlocks;
    if (signal.aborted) return;
    const map = placed ?? annotateClauses(roots, segmentBlocks!, marker, isTools);
    this.map = map;
    this.tracker.observe(map.markers);
    void this.updateComplete.then(async () => {
      // 修改对照: a chunk of its own, for a bundle compared with (or naming) its previous version.
      const loaded = this.loaded;
      if (loaded?.comparison || loaded?.revisionOf?.url)
        loadChangeView().then((m) => m.showChanges(this, map, loaded), console.warn);
      const notes = this.interpretations;
      const orphans = notes.length ? (await this.anchorNotes(notes)).orphans.length : 0;
      this.dispatchEvent(new GkReadyEvent({ clauses: map.clauses.length, notes: notes.length - orphans, orphans }));
      this.followHash();
    });
  }

  private fail(error: unknown): void {
    this.loaded = null;
    this.map = null;
    this.error = reportBundleError(this, error, this.msg);
  }

  private followHash(): void {
    const match = CLAUSE_HASH.exec(decodeURIComponent(location.hash));
    if (match?.[1]) this.scrollToClause(match[1]);
  }

  private setCurrent(clause: string | null, fromUser: boolean): void {
    if (clause === this.currentClause && !fromUser) return;
    this.currentClause = clause;
    this.markCurrent();
    this.dispatchEvent(new GkClauseChangeEvent({ clause }));
  }

  /**
   * Marks the clause being read only when it has notes, as the clause the current note explains:
   * a clause without notes marked beside a note would seem to be the one it explains.
   */
  private markCurrent(): void {
    const clause = this.currentClause;
    const next = clause !== null && this.noteCounts.get(clause) ? (this.map?.blocks.get(clause) ?? []) : [];
    for (const block of this.marked) {
      if (next.includes(block)) continue;
      block.removeAttribute('data-gk-current');
      block.removeAttribute('aria-current');
    }
    for (const block of next) {
      block.setAttribute('data-gk-current', '');
      block.setAttribute('aria-current', 'true');
    }
    this.marked = next;
  }

  /** Built once per load and kept, so re-renders never re-parse the body. */
  private bodyContainer(content: DocumentFragment): HTMLElement {
    const container = document.createElement('div');
    container.setAttribute('part', 'body');
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', this.msg('documentBody'));
    container.append(content);
    return container;
  }

  private setPrefs(prefs: ReaderPrefs): void {
    this.textSize = prefs.textSize;
    this.contrast = prefs.contrast;
    savePrefs(prefs);
    this.dispatchEvent(new GkReaderChangeEvent(prefs));
  }

  // A page in zh-Hant or English waits for that text before the first render.
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  protected override render() {
    if (this.error) return renderBundleError(this.error, this.i18n.lang);
    if (!this.loaded && !this.enhancing) return html`<p class="loading" role="status">${this.msg('loading')}</p>`;
    const meta = this.loaded?.meta;
    return html`
      <article lang=${this.loaded?.lang ?? nothing} class="doc scale-${this.textSize}">
        ${meta ? renderHeader(meta, this.msg, this.showsHeader) : nothing} ${this.renderControls()}
        ${this.noToc || !this.map ? nothing : renderToc(this.map.clauses, this.msg, (id) => this.scrollToClause(id, { focus: true }), !this.width.narrow)}
        ${this.enhancing ? html`<div part="body" class="enhanced"><slot></slot></div>` : this.bodyNode}
      </article>
    `;
  }

  private get showsHeader(): boolean {
    return this.header !== 'none' && !(this.enhancing && this.pageShowsMeta);
  }

  private renderControls() {
    const t = this.msg;
    const prefs = { textSize: this.textSize, contrast: this.contrast };
    return html`<div part="controls" role="group" aria-label=${t('readerControls')}>
      <span class="label" aria-hidden="true">${t('textSize')}</span>
      <button
        type="button"
        class="gk-button"
        ?disabled=${this.textSize <= 0}
        @click=${() => this.setPrefs({ ...prefs, textSize: this.textSize - 1 })}
      >
        A−<span class="sr-only">${t('textSmaller')}</span>
      </button>
      <button
        type="button"
        class="gk-button"
        ?disabled=${this.textSize >= TEXT_SIZES.length - 1}
        @click=${() => this.setPrefs({ ...prefs, textSize: this.textSize + 1 })}
      >
        A+<span class="sr-only">${t('textLarger')}</span>
      </button>
      <button
        type="button"
        class="gk-button"
        aria-pressed=${this.contrast ? 'true' : 'false'}
        @click=${() => this.setPrefs({ ...prefs, contrast: !this.contrast })}
      >
        ${t('highContrast')}
      </button>
      <button type="button" class="gk-button" @click=${() => print()}>${t('print')}</button>
    </div>`;
  }
}

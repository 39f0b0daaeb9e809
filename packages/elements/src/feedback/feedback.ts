import type { Clause, Decision, FeedbackSummary, FeedbackView } from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GkDocument } from '../document/document.js';
import { loadPrefs } from '../document/reader-prefs.js';
import { GkClauseRequestEvent } from '../events/clause.js';
import { type GkFeedbackReadyDetail, GkFeedbackReadyEvent } from '../events/feedback.js';
import type { GkReaderChangeEvent } from '../events/reader.js';
import { GkErrorEvent } from '../events/ready.js';
import { type FeedbackMessages, feedbackMessages } from '../i18n/feedback.js';
import type { ApiError } from '../internal/api.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { renderBundleError, warnBundleError } from '../internal/error-view.js';
import { findDocument } from '../internal/find-document.js';
import { BundleError } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { once } from '../internal/once.js';
import {
  ALL_CLAUSES,
  type ListHandlers,
  type Listing,
  localListing,
  renderList,
  renderMore,
  renderTools,
  statusText,
} from './comments.js';
import { makeContext, type ViewContext } from './context.js';
import type { FeedbackChanges } from './explanation.js';
import { feedbackStyles } from './feedback.styles.js';
import { fetchCommentsPage, fetchFeedback, type Loaded, takeFeedback } from './load.js';
import { ReceiptLookupController, renderLookup } from './lookup.js';
import { clauseNamer, PreparedFeedback, publishedLabels } from './model.js';
import { renderEmpty, renderFailure, renderNotPublished } from './states.js';
import { type ClauseSort, renderChart, renderClauseTable, renderReasons, renderSummary } from './summary.js';

type View =
  | { kind: 'loading' }
  | { kind: 'published'; data: PreparedFeedback }
  | Exclude<Loaded, { kind: 'published' }>;

/** The 修改说明 part: only feedback or a receipt naming changes loads it. */
const loadChangesPart = once(() => import('./explanation.js'));

const DEFAULT_PAGE_SIZE = 50;
/** A search is sent once the reader pauses typing, not at every key. */
const SEARCH_DELAY = 300;

/**
 * The published adoption feedback on a consultation (意见采纳情况反馈): the figures as text and as
 * bars, a table of the clauses that drew comments, the reasons given by frequency, campaigns of
 * near-identical letters, and the published comments with their outcome and reason, fifty at a
 * time ("加载更多"). The feedback document carries the first page; further pages, the outcome and
 * clause filters and the search are asked of the server (`…/feedback/comments`), so a national
 * consultation's half a million comments are never loaded at once. Versions published before
 * paging list every comment and are filtered and searched here (simplified or traditional).
 * Citizens look up their own comment by receipt. Before the feedback is published it says so,
 * with the closing date and the date staff expect to publish.
 *
 * Comments and reasons are shown as text only. Printing gives the 意见采纳情况说明, the clause
 * table and the reasons, and where to read (or download) every comment. A `?receipt=` in the
 * page's address is looked up.
 *
 * Once the policy's next version is out, the 修改说明 says which of its changes comments led to
 * (each with the comments, campaigns and reasons behind it, and its redline on demand), each
 * comment names the change it led to (因此修改：第三条, a link there) and a receipt shows its
 * comment's changes. That part loads only when the feedback or a receipt names changes.
 *
 * @tagname gk-feedback
 * @summary Published adoption feedback: figures, per-clause results, comments with outcome and reason, receipt lookup.
 * @event gk-feedback-ready - The feedback was loaded and rendered, or found not yet published; `detail.state` says which.
 * @event gk-error - The feedback could not be loaded or is invalid (the element shows why).
 * @event gk-clause-request - A "查看原文" link was followed; `detail.clause` is the clause id.
 * @csspart header - The heading, the consultation's title and the version line.
 * @csspart summary - The 意见采纳情况说明 and the key figures.
 * @csspart figures - The key figures (a description list).
 * @csspart chart - The bars of the outcomes, with their numbers.
 * @csspart clauses - The table of clauses and their outcomes.
 * @csspart comments - The list section: tools, status, comments and "加载更多".
 * @csspart tools - The search box and the filters.
 * @csspart search - The search box and its label.
 * @csspart filter - The outcome filter buttons.
 * @csspart list - The comments shown so far, grouped by clause.
 * @csspart comment - One comment with its outcome and reason.
 * @csspart no-results - What is shown when no comment matches.
 * @csspart more - The "加载更多" button.
 * @csspart reasons - The table of the reasons given, most frequent first.
 * @csspart changes - The 修改说明: the changes of the later version that comments led to.
 * @csspart lookup-changes - The changes a looked-up comment led to.
 * @csspart download - The link to the open data of every comment (with `download`).
 * @csspart lookup - The "查询我的意见" section.
 * @csspart form - The receipt form.
 * @csspart lookup-result - What the receipt lookup found.
 * @csspart lookup-problem - Why the receipt lookup failed.
 * @csspart notice - The "not yet published" and "no comments received" messages.
 * @csspart error - The message shown for a failure or bad input.
 * @csspart retry - The retry button after a failure.
 * @csspart print-button - The print button.
 * @cssproperty [--gk-color-adopted=#1a7f37] - Mark and bar of adopted comments.
 * @cssproperty [--gk-color-partly=#9a6700] - Mark and bar of partly adopted comments.
 * @cssproperty [--gk-color-not-adopted=#b42318] - Mark and bar of comments not adopted.
 * @cssproperty [--gk-color-out-of-scope=#57606a] - Mark and bar of comments out of scope.
 * @cssproperty [--gk-color-removed=#8250df] - Bar of comments removed in moderation.
 * @cssproperty [--gk-color-mark=#fff1a8] - Background of search matches.
 * @cssproperty [--gk-color-border=#d0d7de] - Borders of sections, tables and controls.
 * @cssproperty [--gk-color-accent=#b42318] - Pressed filter buttons.
 * @cssproperty [--gk-radius=6px] - Corner radius.
 */
export class GkFeedback extends LitElement {
  static override styles = [baseStyles, buttonStyles, srOnly, feedbackStyles];

  /** Base URL of the consultation service (e.g. `/api/v1`). */
  @property() accessor endpoint = '';
  /** Id of the consultation whose feedback is shown. */
  @property() accessor consultation = '';
  /** The feedback given directly (a `FeedbackView`): shown without fetching (staff preview). */
  @property({ attribute: false }) accessor feedback: FeedbackView | undefined = undefined;
  /** Clauses of the document, for clause names; else those of the gk-document on the page. */
  @property({ attribute: false }) accessor clauses: readonly Clause[] | undefined = undefined;
  /** A receipt to look up at once (else `?receipt=` in the page's address). */
  @property() accessor receipt = '';
  /** Id of the gk-document whose clauses the comments refer to. */
  @property() accessor for = '';
  /** The document element, when it is not found by `for` or inside the same gk-policy. */
  @property({ attribute: false }) accessor document: GkDocument | null = null;
  /** Address of every published comment as open data (e.g. a CSV file): linked, and printed. */
  @property() accessor download = '';
  /** Comments shown at a time (10–200). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = DEFAULT_PAGE_SIZE;
  /** Leave out the heading (when the page around gives one). */
  @property({ type: Boolean, attribute: 'no-heading' }) accessor noHeading = false;
  /** Text size step shared with the document (0–3); follows the reader's choice there. */
  @property({ type: Number, reflect: true, attribute: 'text-size' }) accessor textSize = 0;
  /** High-contrast colours; follows the reader's choice in the document. */
  @property({ type: Boolean, reflect: true }) accessor contrast = false;

  @state() private accessor view: View = { kind: 'loading' };
  @state() private accessor decision: Decision | null = null;
  /** undefined: every clause; null: comments on the whole text. */
  @state() private accessor clauseFilter: string | null | undefined = undefined;
  @state() private accessor query = '';
  /** Comments shown, of feedback that came with every comment. */
  @state() private accessor shownCount = DEFAULT_PAGE_SIZE;
  /** The list as the server gave it, once the reader filtered, searched or asked for more. */
  @state() private accessor remote: Listing | null = null;
  @state() private accessor sort: ClauseSort = 'count';
  @state() private accessor allClauses = false;
  @state() private accessor printing = false;
  /** The 修改说明 part, once loaded. */
  @state() private accessor changesPart: FeedbackChanges | null = null;

  private readonly i18n = new LocalizeController<FeedbackMessages>(this, feedbackMessages);
  private readonly lookup = new ReceiptLookupController(this);
  private generation = 0;
  private changesLoading = false;
  private abort: AbortController | null = null;
  private readyPending = false;
  /** What gets focus after the next render: the list's status, the loaded view, or a comment by number. */
  private focusAfter: 'list' | 'load' | number | null = null;
  private remoteNext: string | null = null;
  private listAbort: AbortController | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private lookedUp = '';
  private namer: {
    source: readonly Clause[];
    view: FeedbackView | null;
    lang: string;
    name: (id: string) => string;
  } | null = null;

  private readonly onReaderChange = (e: GkReaderChangeEvent) => {
    this.textSize = e.detail.textSize;
    this.contrast = e.detail.contrast;
  };
  /** A document on the page finished loading: its clause names may now be known. */
  private readonly onDocumentReady = (e: Event) => {
    if (e.target !== this && this.view.kind === 'published') this.requestUpdate();
  };
  private readonly onBeforePrint = () => {
    if (this.view.kind !== 'published') return;
    this.printing = true;
    this.performUpdate(); // before the browser lays the page out for printing
  };
  private readonly onAfterPrint = () => {
    this.printing = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    const prefs = loadPrefs();
    if (!this.hasAttribute('text-size')) this.textSize = prefs.textSize;
    if (!this.hasAttribute('contrast')) this.contrast = prefs.contrast;
    if (!this.receipt) {
      const fromUrl = new URLSearchParams(location.search).get('receipt');
      if (fromUrl) this.receipt = fromUrl;
    }
    document.addEventListener('gk-reader-change', this.onReaderChange);
    document.addEventListener('gk-ready', this.onDocumentReady);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    // Reconnected after a load was cut short: start again.
    if (this.hasUpdated && this.view.kind === 'loading' && !this.abort) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('gk-reader-change', this.onReaderChange);
    document.removeEventListener('gk-ready', this.onDocumentReady);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    clearTimeout(this.searchTimer);
    this.listAbort?.abort();
    if (this.remote?.busy) this.remote = { ...this.remote, busy: false, failed: true };
    if (this.abort) {
      this.abort.abort();
      this.abort = null;
      this.generation++;
      this.view = { kind: 'loading' };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feedback') || changed.has('endpoint') || changed.has('consultation')) void this.load();
    if ((changed.has('receipt') || changed.has('endpoint')) && this.receipt && this.endpoint) {
      if (this.receipt !== this.lookedUp) {
        this.lookedUp = this.receipt;
        void this.lookup.lookup(this.receipt, { endpoint: this.endpoint, msg: this.msg });
      }
    }
  }

  protected override updated(): void {
    this.loadChanges();
    if (this.readyPending && this.view.kind !== 'loading') {
      this.readyPending = false;
      const detail = this.readyDetail();
      if (detail) this.dispatchEvent(new GkFeedbackReadyEvent(detail));
    }
    const focus = this.focusAfter;
    if (focus === 'list') {
      this.focusAfter = null;
      const status = this.renderRoot.querySelector<HTMLElement>('#list-status');
      status?.focus({ preventScroll: true });
      status?.scrollIntoView?.({ block: 'start' });
    } else if (typeof focus === 'number') {
      this.focusAfter = null;
      this.renderRoot.querySelector<HTMLElement>(`li.comment[data-no="${focus}"]`)?.focus();
    } else if (focus === 'load' && this.view.kind !== 'loading') {
      this.focusAfter = null;
      const target =
        this.renderRoot.querySelector<HTMLElement>('[part="retry"]') ??
        this.renderRoot.querySelector<HTMLElement>('[data-focus]');
      target?.focus();
    }
  }

  /** Loads the 修改说明 part once the feedback or a receipt names changes (older servers never do). */
  private loadChanges(): void {
    if (this.changesPart || this.changesLoading) return;
    const v = this.view;
    const lookup = this.lookup.state;
    const wanted =
      (v.kind === 'published' && v.data.view.changes != null) ||
      (lookup.kind === 'found' && lookup.result.changes != null);
    if (!wanted) return;
    this.changesLoading = true;
    loadChangesPart().then(
      (part) => {
        this.changesPart = new part.FeedbackChanges(this);
      },
      (error: unknown) => {
        // Offline: the feedback stays as it is; the next update tries again.
        this.changesLoading = false;
        console.warn(`[gongkai] <${this.localName}>: the 修改说明 could not be loaded`, error);
      },
    );
  }

  private get msg() {
    return this.i18n.msg.bind(this.i18n);
  }

  private readyDetail(): GkFeedbackReadyDetail | null {
    const v = this.view;
    if (v.kind === 'published') {
      const empty = v.data.view.summary.received === 0;
      return {
        state: empty ? 'empty' : 'published',
        consultation: v.data.view.consultation,
        comments: v.data.total,
      };
    }
    if (v.kind === 'not-published') return { state: 'not-published', consultation: this.consultation, comments: 0 };
    return null;
  }

  /** Loads (or takes) the feedback; every outcome ends in a view that says what happened. */
  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.abort?.abort();
    this.abort = null;
    this.readyPending = true;
    const t = this.msg;
    if (this.feedback !== undefined) {
      this.show(takeFeedback(this.feedback, t('invalidFeedback'), '.feedback'));
      return;
    }
    if (!this.endpoint || !this.consultation) {
      this.show({
        kind: 'invalid',
        error: new BundleError(t('noSource'), '<gk-feedback endpoint="…" consultation="…">'),
      });
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.view = { kind: 'loading' };
    try {
      const loaded = await fetchFeedback(this.endpoint, this.consultation, t, abort.signal);
      if (generation === this.generation) this.show(loaded);
    } catch {
      // Aborted: a newer load or a disconnect took over.
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  private show(loaded: Loaded): void {
    if (loaded.kind === 'published') {
      this.view = { kind: 'published', data: new PreparedFeedback(loaded.feedback) };
      this.decision = null;
      this.clauseFilter = undefined;
      this.query = '';
      this.listChanged();
    } else if (loaded.kind === 'not-published') {
      this.view = loaded;
    } else {
      this.fail(loaded.error);
    }
  }

  /** Shows the failure, logs one warning and fires gk-error (never silent). */
  private fail(error: BundleError | ApiError): void {
    if (error instanceof BundleError) {
      this.view = { kind: 'invalid', error };
      warnBundleError(this.localName, error);
      this.dispatchEvent(new GkErrorEvent({ message: error.message, problems: error.problems }));
    } else {
      this.view = { kind: 'failed', error };
      console.warn(`[gongkai] <${this.localName}>: ${error.message}`);
      this.dispatchEvent(new GkErrorEvent({ message: error.message, problems: [] }));
    }
  }

  /** The published figures (null until the feedback is loaded and published). */
  get summary(): FeedbackSummary | null {
    return this.view.kind === 'published' ? this.view.data.view.summary : null;
  }

  /** Brings the feedback into view, focus on its heading (for keyboard and screen-reader users). */
  showOutcome(): void {
    this.scrollIntoView({ block: 'start' });
    this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus({ preventScroll: true });
  }

  /** Brings "查询我的意见" into view and puts the cursor in its receipt field. */
  showLookup(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#receipt');
    const section = this.renderRoot.querySelector<HTMLElement>('[part="lookup"]') ?? this;
    section.scrollIntoView({ block: 'start' });
    input?.focus({ preventScroll: true });
  }

  /** Loads the feedback again (after a failure). */
  retry(): void {
    this.focusAfter = 'load';
    void this.load();
  }

  private findDocument(): GkDocument | null {
    return findDocument(this, this.for, this.document);
  }

  private context(doc: GkDocument | null): ViewContext {
    const source = this.clauses ?? doc?.clauses ?? [];
    const view = this.view.kind === 'published' ? this.view.data.view : null;
    const lang = this.i18n.lang;
    if (this.namer?.source !== source || this.namer.view !== view || this.namer.lang !== lang) {
      const labels = view ? publishedLabels(view) : new Map<string, string>();
      this.namer = { source, view, lang, name: clauseNamer(source, labels, this.msg('unknownClause')) };
    }
    return makeContext(this.msg, lang, this.namer.name);
  }

  private get pageSizeUsed(): number {
    const n = Math.round(Number(this.pageSize));
    return Number.isFinite(n) ? Math.min(200, Math.max(10, n)) : DEFAULT_PAGE_SIZE;
  }

  private get filtered(): boolean {
    return !!this.decision || this.clauseFilter !== undefined || !!this.query.trim();
  }

  /** The comments the list shows now. */
  private listing(data: PreparedFeedback): Listing {
    if (!data.paged) {
      const criteria = { decision: this.decision, clause: this.clauseFilter, query: this.query };
      return localListing(data.select(criteria), this.shownCount);
    }
    const v = data.view;
    return this.remote ?? { shown: v.comments, total: data.total, more: !!v.next, busy: false, failed: false };
  }

  /**
   * The criteria changed: start the list again. Feedback with every comment is filtered here;
   * else the server is asked, except for the unfiltered list, whose first page came with the feedback.
   */
  private listChanged(): void {
    clearTimeout(this.searchTimer);
    this.listAbort?.abort();
    this.shownCount = this.pageSizeUsed;
    this.remote = null;
    const data = this.view.kind === 'published' ? this.view.data : null;
    // The unfiltered list goes on from the document's first page.
    this.remoteNext = data?.paged && !this.filtered ? (data.view.next ?? null) : null;
    if (!data?.paged || !this.filtered) return;
    const empty: Listing = { shown: [], total: 0, more: false, busy: true, failed: false };
    this.remote = empty;
    void this.fetchPage(null, empty);
  }

  /** Asks the server for the page after `cursor` (null: the first) and adds it to `base`. */
  private async fetchPage(cursor: string | null, base: Listing): Promise<void> {
    this.listAbort?.abort();
    const abort = new AbortController();
    this.listAbort = abort;
    this.remote = { ...base, busy: true, failed: false };
    try {
      const page = await fetchCommentsPage(
        this.endpoint,
        this.consultation,
        {
          decision: this.decision,
          clause: this.clauseFilter,
          query: this.query,
          cursor,
          limit: this.pageSizeUsed,
        },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      this.remote = {
        shown: cursor ? [...base.shown, ...page.items] : page.items,
        total: page.total,
        more: page.next !== null,
        busy: false,
        failed: false,
      };
      this.remoteNext = page.next;
      if (cursor && page.items[0]) this.focusAfter = page.items[0].no;
    } catch (error) {
      if (abort.signal.aborted) return;
      console.warn(`[gongkai] <${this.localName}>: ${(error as Error).message}`);
      this.remote = { ...base, busy: false, failed: true };
    } finally {
      if (this.listAbort === abort) this.listAbort = null;
    }
  }

  /** The next comments: from those already here, or the server's next page. */
  private more(): void {
    if (this.view.kind !== 'published') return;
    const data = this.view.data;
    const current = this.listing(data);
    if (!data.paged) {
      const next = current.shown.length;
      this.shownCount += this.pageSizeUsed;
      const first = this.listing(data).shown[next];
      if (first) this.focusAfter = first.no;
      return;
    }
    if (this.remoteNext) void this.fetchPage(this.remoteNext, current);
  }

  private readonly handlers: ListHandlers = {
    search: (query) => {
      this.query = query;
      const paged = this.view.kind === 'published' && this.view.data.paged;
      clearTimeout(this.searchTimer);
      if (paged) this.searchTimer = setTimeout(() => this.listChanged(), SEARCH_DELAY);
      else this.listChanged();
    },
    decision: (decision) => {
      this.decision = decision;
      this.listChanged();
    },
    clause: (value) => {
      this.clauseFilter = value === ALL_CLAUSES ? undefined : value === '' ? null : value;
      this.listChanged();
    },
    clear: () => {
      this.query = '';
      this.decision = null;
      this.clauseFilter = undefined;
      this.focusAfter = 'list';
      this.listChanged();
    },
    more: () => this.more(),
    retry: () => {
      const r = this.remote;
      if (r?.shown.length) this.more();
      else this.listChanged();
    },
  };

  private goToClause(event: MouseEvent, clause: string): void {
    this.dispatchEvent(new GkClauseRequestEvent({ clause }));
    if (this.findDocument()?.scrollToClause(clause, { focus: true })) event.preventDefault();
  }

  /** Shows the comments on one clause (from the table). */
  private showClause(clause: string | null): void {
    this.clauseFilter = clause;
    this.decision = null;
    this.query = '';
    this.focusAfter = 'list';
    this.listChanged();
  }

  override render() {
    const doc = this.findDocument();
    const c = this.context(doc);
    const t = c.msg;
    const v = this.view;
    const heading = this.noHeading ? nothing : html`<h2 tabindex="-1" data-focus>${t('heading')}</h2>`;
    switch (v.kind) {
      case 'loading':
        return html`${heading}<p class="loading" role="status" aria-busy="true">${t('loading')}</p>`;
      case 'invalid':
        return html`${heading}${renderBundleError(v.error, c.lang)}`;
      case 'failed':
        return html`${heading}${renderFailure(v.error, c, () => this.retry())}${this.renderLookup(c)}`;
      case 'not-published':
        return html`${heading}${renderNotPublished(v.consultation, c)}${this.renderLookup(c)}`;
      case 'published':
        return this.renderPublished(v.data, c, doc, heading);
    }
  }

  private renderLookup(c: ViewContext) {
    if (!this.endpoint) return nothing;
    return renderLookup(
      this.lookup,
      {
        msg: c.msg,
        endpoint: this.endpoint,
        consultation: this.consultation,
        clauseName: c.clauseName,
        date: c.date,
        changes: this.changesPart ? (r) => this.changesPart!.receipt(r, c) : undefined,
      },
      {
        submit: (value) => void this.lookup.lookup(value, { endpoint: this.endpoint, msg: this.msg }),
        input: (value) => {
          this.lookup.value = value;
        },
      },
    );
  }

  private renderPublished(
    data: PreparedFeedback,
    c: ViewContext,
    doc: GkDocument | null,
    heading: TemplateResult | typeof nothing,
  ) {
    const t = c.msg;
    const view = data.view;
    const header = html`<header part="header">
      ${heading}
      ${view.title ? html`<p class="title" lang=${c.lang === 'en' ? 'zh' : nothing}>${view.title}</p>` : nothing}
      <p class="version">${t('version', { version: view.version, date: c.date(view.published) })}</p>
    </header>`;
    if (view.summary.received === 0) {
      return html`${header}${renderEmpty(c)}${this.renderLookup(c)}`;
    }
    const criteria = { decision: this.decision, clause: this.clauseFilter, query: this.query };
    const list = this.listing(data);
    const download = this.download ? new URL(this.download, document.baseURI).href : '';
    const part = this.changesPart;
    const handlers: ListHandlers = {
      ...this.handlers,
      goToClause: doc ? (e: MouseEvent, id: string) => this.goToClause(e, id) : undefined,
      after: part ? (comment) => part.comment(comment, view.changes, c) : undefined,
    };
    return html`<div class=${this.printing ? 'published printing' : 'published'}>
      ${header}
      <div class="overview">${renderSummary(data, c)} ${renderChart(data, c)}</div>
      ${renderClauseTable(data, c, this.sort, this.allClauses || this.printing, {
        sort: (sort) => {
          this.sort = sort;
        },
        show: (clause) => this.showClause(clause),
        all: (all) => {
          this.allClauses = all;
        },
      })}
      ${renderReasons(data, c)} ${part?.section(view.changes, c) ?? nothing}
      <section class="comments" part="comments" aria-labelledby="comments-heading">
        <h3 id="comments-heading">${t('commentsHeading')}</h3>
        ${renderTools(data, criteria, c, handlers)}
        <p class="status" id="list-status" role="status" tabindex="-1">${statusText(list, c, this.filtered)}</p>
        <div aria-busy=${list.busy ? 'true' : 'false'}>
          ${renderList(list, this.query.trim(), c, handlers, data.campaigns)} ${renderMore(list, c, handlers)}
        </div>
      </section>
      <p class="print-row">
        <button type="button" class="gk-button" part="print-button" @click=${() => window.print()}>${t('print')}</button>
        ${download ? html`<a part="download" href=${download} download>${t('download')}</a>` : nothing}
      </p>
      <p class="print-only">${t('printNote', { n: c.n(data.total), url: download || location.href.split('#')[0]! })}</p>
      ${this.renderLookup(c)}
    </div>`;
  }
}

import type { Clause, PartialBundle, QaItem } from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { GkDocument } from '../document/document.js';
import { GkClauseRequestEvent } from '../events/clause.js';
import type { QaMessages } from '../i18n/qa.js';
import type { Messages } from '../i18n/zh-Hans.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { checkParts } from '../internal/check-parts.js';
import type { QaSearch, Range } from '../internal/engines/search.js';
import { inPlace, renderBundleError, renderSkipped, reportBundleError, reportSkipped } from '../internal/error-view.js';
import { findDocument } from '../internal/find-document.js';
import { loadSearchEngine } from '../internal/lazy.js';
import { BundleError, fetchJson, type Read } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { renderSafeBodies } from '../internal/markdown/render.js';
import { marked, renderSnippet } from './highlight.js';
import { qaStyles } from './qa.styles.js';
import { faqJsonLd, placeJsonLd } from './structured-data.js';
import { sendVote, storedVote, storeVote, type Vote } from './votes.js';

const QA_HASH = /^#qa=(.+)$/;

type VoteNote = 'sending' | 'thanks' | 'failed';
const VOTE_NOTES = { sending: 'qaVoteSending', thanks: 'qaThanks', failed: 'qaVoteFailed' } as const;

interface Answer {
  /** The rendered, sanitised answer. */
  body: HTMLElement;
  /** Its text, for snippets and structured data. */
  plain: string;
}

interface Shown {
  item: QaItem;
  question: Range[] | null;
  answer: Range[] | null;
}

/**
 * Questions and answers (简明问答) about a policy: a searchable list of disclosure widgets.
 * The search folds traditional to simplified characters and full to half width, ranks the
 * questions and highlights the matches; when nothing matches it offers the closest questions
 * and the contact channel. Answers link to the clauses they explain; `#qa=<id>` opens a question.
 *
 * @tagname gk-qa
 * @summary Searchable policy Q&A with deep links, clause links and "was this helpful?".
 * @event gk-clause-request - A clause link in an answer was followed; `detail.clause` is its id.
 * @event gk-error - The bundle could not be loaded or is invalid (the element shows why).
 * @csspart search - The search box and its label.
 * @csspart filter - The category buttons.
 * @csspart item - One question with its answer.
 * @csspart question - The question (the `<summary>`).
 * @csspart answer - The answer's text.
 * @csspart no-results - What is shown when the search finds nothing.
 * @csspart error - The message shown for bad input.
 * @cssproperty [--gk-color-mark=#fff1a8] - Background of search matches.
 * @cssproperty [--gk-color-border=#d0d7de] - Borders of the questions and controls.
 * @cssproperty [--gk-color-link=#0b57d0] - Links and link-like buttons.
 * @cssproperty [--gk-radius=6px] - Corner radius.
 */
export class GkQa extends LitElement {
  static override styles = [baseStyles, buttonStyles, srOnly, qaStyles];

  /** URL of a bundle (or a partial bundle with `qa`). */
  @property() accessor src = '';
  /** A bundle given directly (takes precedence over `src`). */
  @property({ attribute: false }) accessor bundle: PartialBundle | undefined = undefined;
  /** Q&A items given directly (takes precedence over `bundle` and `src`). */
  @property({ attribute: false }) accessor items: QaItem[] | undefined = undefined;
  /** Clauses, for the labels of clause links; else the bundle's or the document's. */
  @property({ attribute: false }) accessor clauses: readonly Clause[] | undefined = undefined;
  /** Id of the policy, for votes; else the bundle's id. */
  @property() accessor policy = '';
  /**
   * Base URL of the consultation server (e.g. `/api/v1`): votes are sent to `{endpoint}/qa-feedback`.
   * Else the bundle's `consultation.endpoint`; with neither (or no policy id) there is nowhere to
   * send a vote, so no vote is offered.
   */
  @property() accessor endpoint = '';
  /** Where to ask when no answer fits; else the bundle's `consultation.contact`. */
  @property() accessor contact = '';
  /** Id of the gk-document whose clauses the answers link to. */
  @property() accessor for = '';
  /** The document element, when it is not found by `for` or inside the same gk-policy. */
  @property({ attribute: false }) accessor document: GkDocument | null = null;
  /** Emit schema.org FAQPage JSON-LD into the page (a script in this element's light DOM). */
  @property({ type: Boolean, attribute: 'structured-data' }) accessor structuredData = false;
  /** Leave out the heading (when the page around gives one). */
  @property({ type: Boolean, attribute: 'no-heading' }) accessor noHeading = false;

  @state() private accessor list: readonly QaItem[] = [];
  /** Where invalid items were: each is replaced by a short notice while the whole list shows. */
  @state() private accessor skipped: readonly number[] = [];
  @state() private accessor loaded = false;
  @state() private accessor error: BundleError | null = null;
  @state() private accessor query = '';
  @state() private accessor category: string | null = null;
  @state() private accessor votes = new Map<string, Vote>();
  @state() private accessor voteNotes = new Map<string, VoteNote>();
  @state() private accessor copied: { id: string; ok: boolean; url: string } | null = null;

  private readonly i18n = new LocalizeController<Messages & QaMessages>(this);
  private answers = new Map<string, Answer>();
  private search: QaSearch | null = null;
  private engine: typeof import('../internal/engines/search.js') | null = null;
  private source: PartialBundle | null = null;
  private script: HTMLScriptElement | null = null;
  private generation = 0;
  private readonly onHashChange = () => void this.followHash();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    if (this.loaded) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.script?.remove();
    this.script = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') || changed.has('bundle') || changed.has('src')) void this.load();
    if (changed.has('policy') && this.loaded) this.votes = this.storedVotes();
  }

  protected override updated(): void {
    if (this.structuredData && this.loaded && this.isConnected && !this.error) {
      const entries = this.list.map((item) => ({ question: item.question, answer: this.answers.get(item.id)!.plain }));
      this.script = placeJsonLd(this, this.script, faqJsonLd(entries));
    } else if (this.script) {
      this.script.remove();
      this.script = null;
    }
  }

  private get msg() {
    return this.i18n.msg.bind(this.i18n);
  }

  private async input(): Promise<{ read: Read<PartialBundle>; source: string }> {
    if (this.items) return { read: this.checked({ schemaVersion: 1, qa: this.items }, '.items'), source: '.items' };
    if (this.bundle) return { read: this.checked(this.bundle, '.bundle'), source: '.bundle' };
    if (this.src) return { read: this.checked(await fetchJson(this.src, this.msg), this.src), source: this.src };
    throw new BundleError(this.msg('loadFailed'), this.msg('noSource'));
  }

  /** Input from outside is validated like a bundle, whichever way it arrives. */
  private checked(input: unknown, source: string): Read<PartialBundle> {
    return checkParts(input, source, this.msg);
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    try {
      const { read, source } = await this.input();
      const bundle = read.value;
      const items = bundle.qa ?? [];
      const [engine, answers] = await Promise.all([
        loadSearchEngine(),
        renderSafeBodies(
          items.map((item) => ({ markdown: item.answer, html: item.answerHtml })),
          'answer',
        ).then((bodies) => bodies.map(answerOf)),
      ]);
      if (generation !== this.generation) return;
      this.engine = engine;
      this.source = bundle;
      this.answers = new Map(items.map((item, i) => [item.id, answers[i]!]));
      this.search = new engine.QaSearch(items, this.items ? undefined : bundle.searchIndex);
      this.list = items;
      this.skipped = reportSkipped(this, read, 'qa', source, this.msg);
      this.error = null;
      this.loaded = true;
      this.votes = this.storedVotes();
      this.voteNotes = new Map();
      await this.updateComplete;
      await this.followHash();
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = reportBundleError(this, error, this.msg);
    }
  }

  /** The policy id votes are counted under. */
  private get policyId(): string {
    return this.policy || this.source?.id || '';
  }

  /** Votes are offered only where they can be counted. */
  private get votesCounted(): boolean {
    return !!this.voteEndpoint && !!this.policyId;
  }

  /** Where votes are counted: `endpoint`, else the server of the bundle's consultation. */
  private get voteEndpoint(): string {
    return this.endpoint || this.source?.consultation?.endpoint || '';
  }

  private storedVotes(): Map<string, Vote> {
    const key = this.policyId;
    const votes = new Map<string, Vote>();
    if (!key) return votes;
    for (const item of this.list) {
      const vote = storedVote(key, item.id);
      if (vote) votes.set(item.id, vote);
    }
    return votes;
  }

  /** Opens a question, brings it into view and focuses it; clears a search that hides it. */
  async reveal(id: string): Promise<boolean> {
    if (!this.list.some((item) => item.id === id)) return false;
    if (!this.shown().some((s) => s.item.id === id)) {
      this.query = '';
      this.category = null;
      await this.updateComplete;
    }
    const details = this.renderRoot.querySelector<HTMLDetailsElement>(`details[data-id="${CSS.escape(id)}"]`);
    if (!details) return false;
    details.open = true;
    details.scrollIntoView({ block: 'start' });
    details.querySelector('summary')?.focus({ preventScroll: true });
    return true;
  }

  private async followHash(): Promise<void> {
    if (!this.loaded) return;
    const match = QA_HASH.exec(decodeURIComponent(location.hash));
    if (match?.[1]) await this.reveal(match[1]);
  }

  /** The items to list: search results in rank order, within the chosen category. */
  private shown(): Shown[] {
    const inCategory = (item: QaItem) => this.category === null || item.category === this.category;
    const query = this.query.trim();
    const engine = this.engine;
    if (!query || !this.search || !engine) {
      return this.list.filter(inCategory).map((item) => ({ item, question: null, answer: null }));
    }
    const byId = new Map(this.list.map((item) => [item.id, item]));
    return this.search.search(query).flatMap((hit) => {
      const item = byId.get(hit.id);
      if (!item || !inCategory(item)) return [];
      const plain = this.answers.get(item.id)?.plain ?? '';
      return [{ item, question: hit.question, answer: engine.rangesIn(plain, query) }];
    });
  }

  private findDocument(): GkDocument | null {
    return findDocument(this, this.for, this.document);
  }

  private clauseLabel(id: string): string {
    const list = this.clauses ?? this.source?.clauses ?? this.findDocument()?.clauses ?? [];
    const found = list.find((c) => c.id === id);
    return found ? `${found.number}${found.title}`.slice(0, 24) : id;
  }

  private goToClause(event: MouseEvent, clause: string): void {
    this.dispatchEvent(new GkClauseRequestEvent({ clause }));
    const doc = this.findDocument();
    if (doc?.scrollToClause(clause, { focus: true })) event.preventDefault();
  }

  private async copyLink(id: string): Promise<void> {
    const url = new URL(`#qa=${encodeURIComponent(id)}`, location.href).href;
    let ok = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      ok = false;
    }
    this.copied = { id, ok, url };
  }

  /** Thanks the reader only once the server has counted the vote; else says it failed (try again). */
  private async vote(id: string, vote: Vote): Promise<void> {
    if (this.votes.has(id) || this.voteNotes.get(id) === 'sending' || !this.votesCounted) return;
    const policy = this.policyId;
    this.voteNotes = new Map(this.voteNotes).set(id, 'sending');
    const ok = await sendVote(this.voteEndpoint, policy, id, vote);
    if (ok) {
      storeVote(policy, id, vote);
      this.votes = new Map(this.votes).set(id, vote);
    }
    this.voteNotes = new Map(this.voteNotes).set(id, ok ? 'thanks' : 'failed');
  }

  // A page in zh-Hant or English waits for that text before the first render.
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  protected override render() {
    const t = this.msg;
    if (this.error) return renderBundleError(this.error, this.i18n.lang);
    if (!this.loaded) return nothing;
    const categories = [...new Set(this.list.flatMap((item) => (item.category ? [item.category] : [])))];
    const shown = this.shown();
    const query = this.query.trim();
    const status = query || this.category !== null ? t(query ? 'qaResults' : 'qaShown', { count: shown.length }) : '';
    return html`<section aria-labelledby=${this.noHeading ? nothing : 'qa-title'} aria-label=${this.noHeading ? t('qaTitle') : nothing}>
      ${this.noHeading ? nothing : html`<h2 id="qa-title">${t('qaTitle')}</h2>`}
      ${
        this.list.length === 0
          ? this.skipped.length
            ? nothing
            : html`<p class="empty">${t('qaEmpty')}</p>`
          : html`<div class="tools">
              <div class="search" part="search" role="search">
                <label for="qa-search">${t('qaSearch')}</label>
                <input
                  id="qa-search"
                  type="search"
                  autocomplete="off"
                  placeholder=${t('qaSearchHint')}
                  .value=${this.query}
                  @input=${(e: Event) => {
                    this.query = (e.target as HTMLInputElement).value;
                  }}
                />
              </div>
              ${categories.length ? this.renderFilter(categories) : nothing}
            </div>`
      }
      <p class="status" role="status">${status}</p>
      ${query && shown.length === 0 ? this.renderNoResults(query) : nothing}
      <ol class="items">
        ${repeat(
          query || this.category !== null ? shown : inPlace(shown, this.skipped),
          (s, i) => s?.item.id ?? i,
          (s) => (s ? this.renderItem(s) : html`<li>${renderSkipped(t)}</li>`),
        )}
      </ol>
    </section>`;
  }

  private renderFilter(categories: string[]) {
    const t = this.msg;
    const button = (value: string | null, label: string) =>
      html`<button
        type="button"
        aria-pressed=${this.category === value ? 'true' : 'false'}
        @click=${() => {
          this.category = value;
        }}
      >
        ${label}
      </button>`;
    return html`<div class="filter" part="filter" role="group" aria-label=${t('qaCategory')}>
      ${button(null, t('qaAllCategories'))} ${categories.map((c) => button(c, c))}
    </div>`;
  }

  private renderNoResults(query: string) {
    const t = this.msg;
    const closest = this.search?.closest(query) ?? [];
    const contact = this.contact || this.source?.consultation?.contact;
    return html`<div class="none" part="no-results">
      <p>${t('qaNoResults', { query })}</p>
      ${
        closest.length
          ? html`<p id="qa-closest">${t('qaClosest')}</p>
            <ul class="closest" aria-labelledby="qa-closest">
              ${closest.map(
                (id) => html`<li>
                  <button type="button" class="gk-link-button" @click=${() => void this.reveal(id)}>
                    ${this.list.find((item) => item.id === id)?.question}
                  </button>
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${contact ? html`<p class="contact">${t('qaContact', { contact })}</p>` : nothing}
    </div>`;
  }

  private renderItem({ item, question, answer }: Shown) {
    const plain = this.answers.get(item.id)?.plain ?? '';
    const snip = answer && this.engine ? this.engine.snippet(plain, answer) : null;
    return html`<li class="item" part="item" data-id=${item.id}>
      <details data-id=${item.id}>
        <summary part="question">${question ? marked(item.question, question) : item.question}</summary>
        <div class="body">
          ${this.answers.get(item.id)?.body}
          ${item.clauses?.length ? this.renderClauses(item.clauses) : nothing} ${this.renderTools(item)}
        </div>
      </details>
      ${snip ? html`<p class="snippet">${renderSnippet(snip)}</p>` : nothing}
    </li>`;
  }

  private renderClauses(clauses: string[]) {
    return html`<p class="clauses">
      <span>${this.msg('qaClauses')}</span>
      ${clauses.map(
        (id) =>
          html`<a href=${`#clause=${encodeURIComponent(id)}`} data-clause=${id} @click=${(e: MouseEvent) => this.goToClause(e, id)}
            >${this.clauseLabel(id)}</a
          >`,
      )}
    </p>`;
  }

  private renderVotes(item: QaItem) {
    if (!this.votesCounted) return nothing;
    const t = this.msg;
    const vote = this.votes.get(item.id);
    const note = this.voteNotes.get(item.id) ?? (vote ? 'thanks' : undefined);
    const locked = !!vote || note === 'sending';
    const choice = (value: Vote, label: string) =>
      html`<button
        type="button"
        class="vote"
        data-vote=${value}
        aria-pressed=${vote === value ? 'true' : 'false'}
        aria-disabled=${locked ? 'true' : 'false'}
        @click=${() => void this.vote(item.id, value)}
      >
        ${label}
      </button>`;
    return html`<div class="helpful" role="group" aria-labelledby=${`helpful-${item.id}`}>
      <span id=${`helpful-${item.id}`}>${t('qaHelpful')}</span>
      ${choice('yes', t('qaYes'))} ${choice('no', t('qaNo'))}
      <span class="vote-note" role="status">${note ? t(VOTE_NOTES[note]) : ''}</span>
    </div>`;
  }

  private renderTools(item: QaItem) {
    const t = this.msg;
    const copied = this.copied?.id === item.id ? this.copied : null;
    return html`<div class="tools-row">
      ${this.renderVotes(item)}
      <div class="copy">
        <button
          type="button"
          class="gk-link-button"
          aria-label=${t('qaCopyLinkTo', { question: item.question })}
          @click=${() => void this.copyLink(item.id)}
        >
          ${t('qaCopyLink')}
        </button>
        <span role="status">${copied ? (copied.ok ? t('qaLinkCopied') : t('qaCopyFailed', { url: copied.url })) : ''}</span>
      </div>
    </div>`;
  }
}

function answerOf(body: HTMLElement): Answer {
  body.setAttribute('part', 'answer');
  return { body, plain: (body.textContent ?? '').replace(/\s+/g, ' ').trim() };
}

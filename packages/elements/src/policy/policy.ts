import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../document/define.js';
import { GkDocument } from '../document/document.js';
import { GkReadyEvent } from '../events/ready.js';
import '../interpretation/define.js';
import { baseStyles } from '../internal/base.styles.js';
import { tagFor } from '../internal/define.js';
import { renderBundleError, reportBundleError } from '../internal/error-view.js';
import { loadChangeView, loadConsultationElement, loadGraphicElement, loadQaElement } from '../internal/lazy.js';
import { loadWhenNear } from '../internal/lazy-tags.js';
import { BundleError, checkBundle, checkPartial, fetchBundle } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { WidthController } from '../internal/width.js';
import { GkInterpretation } from '../interpretation/interpretation.js';
import { policyStyles } from './policy.styles.js';

/** From this width, notes sit beside the text. */
const WIDE = 860;

/**
 * One tag for a whole policy page: the document with its interpretation beside it (and, as
 * they arrive, Q&A, graphics and consultation), with a compact section navigation.
 *
 * Loads a bundle (`src`, or an inline `<script type="application/json">` child), or enhances
 * the article the CMS already rendered (its children), attaching the `interpretation` file.
 *
 * @tagname gk-policy
 * @summary A policy page: document and interpretation, side by side and in step.
 * @slot - The CMS article to enhance, or a `<script type="application/json">` bundle.
 * @event gk-ready - Everything is rendered; `detail` has the clause, note and orphan counts.
 * @event gk-error - The bundle or interpretation file could not be used.
 * @csspart sections - The section navigation (原文 / 解读 / …).
 * @csspart consultation-bar - The consultation's status and actions, first on the page of a draft.
 * @csspart to-sections - The "回到页面导航" button shown on phones once the navigation is out of view.
 * @attr narrow - Set by the element itself below 860 px: notes then open from each clause.
 */
export class GkPolicy extends LitElement {
  static override styles = [baseStyles, policyStyles];

  // Declared, not decorated: a decorated field costs the reading page ~30 bytes gzip more each.
  // (`attribute: false` on state says what lit assumes, for the custom-elements manifest.)
  static override properties = {
    src: { reflect: true },
    interpretation: { reflect: true },
    theme: { reflect: true },
    endpoint: {},
    bundle: { attribute: false },
    data: { state: true, attribute: false },
    enhance: { state: true, attribute: false },
    error: { state: true, attribute: false },
    navAway: { state: true, attribute: false },
  };

  /** URL of the policy bundle. */
  declare src: string;
  /** URL of an interpretation file for the article in the page (enhance mode). */
  declare interpretation: string;
  /** `dark` for the dark palette; it reaches the document and the notes. */
  declare theme: string;
  /**
   * The consultation server (e.g. `/api/v1`) for Q&A votes on a page without a consultation; a
   * draft's bundle names its own. Without either, Q&A shows no vote buttons.
   */
  declare endpoint: string;
  /** A bundle given directly. */
  declare bundle: unknown;

  declare private data: unknown;
  declare private enhance: boolean;
  declare private error: BundleError | null;
  /** The section navigation has scrolled out of view (phones get a way back to it). */
  declare private navAway: boolean;

  private get doc(): GkDocument | null {
    return this.renderRoot?.querySelector('#gk-doc') ?? null;
  }

  private readonly i18n = new LocalizeController(this);
  private readonly width = new WidthController(this, WIDE);
  private pending = new Set<string>();
  private navObserver: IntersectionObserver | null = null;
  private observedNav: Element | null = null;
  private counts = { clauses: 0, notes: 0, orphans: 0 };

  constructor() {
    super();
    this.src = '';
    this.interpretation = '';
    this.theme = '';
    this.endpoint = '';
    this.enhance = false;
    this.error = null;
    this.navAway = false;
  }

  /** The document's clauses (read-only). */
  get clauses() {
    return this.doc?.clauses ?? [];
  }

  private get wide(): boolean {
    return !this.width.narrow;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.navObserver?.disconnect();
    this.navObserver = null;
    this.observedNav = null;
  }

  protected override updated(): void {
    // Q&A and graphics are chunks of their own, fetched as the reader comes near them.
    const qa = this.renderRoot.querySelector('.qa > *');
    if (qa) loadWhenNear(qa, loadQaElement);
    const graphics = this.renderRoot.querySelector('.graphics > *');
    if (graphics) loadWhenNear(graphics, loadGraphicElement);
    const nav = this.renderRoot.querySelector('[part="sections"]');
    if (nav === this.observedNav) return;
    this.navObserver?.disconnect();
    this.observedNav = nav;
    if (!nav) return;
    this.navObserver ??= new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      // Only once it is above the screen: not while the page is still above it.
      if (entry) this.navAway = !entry.isIntersecting && entry.boundingClientRect.bottom < 0;
    });
    this.navObserver.observe(nav);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('bundle') || changed.has('interpretation')) void this.load();
  }

  private async load(): Promise<void> {
    const msg = this.i18n.msg.bind(this.i18n);
    this.error = null;
    this.pending = new Set(['gk-document', 'gk-interpretation']);
    try {
      if (document.readyState === 'loading') {
        // In <head>, before the article is parsed: our children are not there yet.
        await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
      }
      const inline = this.querySelector(':scope > script[type="application/json"]');
      let data: unknown;
      if (this.bundle !== undefined) data = this.bundle;
      else if (this.src) data = await fetchBundle(this.src, msg);
      else if (inline) data = parseInline(inline.textContent ?? '', msg);
      else {
        // The article is shown at once (slotted), the notes' column kept for it while the
        // interpretation file loads: nothing moves when it arrives.
        this.enhance = true;
        this.data = this.interpretation ? await this.loadInterpretation() : undefined;
        return;
      }
      // Only a document that cannot be read is the page's error: an invalid note, question or
      // graphic is left out, and noted in its place, by the element that shows it.
      await checkBundle(data, this.src || '<gk-policy>', msg);
      this.data = data;
    } catch (error) {
      this.error = reportBundleError(this, error, msg);
    }
  }

  private async loadInterpretation(): Promise<Record<string, unknown>> {
    const msg = this.i18n.msg.bind(this.i18n);
    const json = await fetchBundle(this.interpretation, msg);
    await checkPartial(json, this.interpretation, msg);
    // The article is the body: a body in the file would replace it. The rest goes on as it
    // came, for each element to leave out and note its own invalid items.
    const { body: _body, bodyHtml: _html, ...rest } = json as Record<string, unknown>;
    return rest;
  }

  /** Inner elements report to us; the page hears one gk-ready, with everything counted. */
  private onInnerReady(e: GkReadyEvent): void {
    e.stopPropagation();
    // Enhancing, the article is shown before its interpretation arrives: not ready until it has.
    if (this.awaitingInterpretation) return;
    const source = e.target;
    if (source instanceof GkDocument) {
      this.counts = { ...e.detail };
      this.pending.delete('gk-document');
      if (!this.hasNotes) this.pending.delete('gk-interpretation');
    } else if (source instanceof GkInterpretation) {
      this.counts = { ...this.counts, notes: e.detail.notes, orphans: e.detail.orphans };
      this.pending.delete('gk-interpretation');
    }
    if (this.pending.size === 0) {
      this.pending.add('done');
      this.dispatchEvent(new GkReadyEvent(this.counts));
    }
  }

  private get consultationInfo(): unknown {
    return (this.data as { consultation?: unknown } | undefined)?.consultation;
  }

  private has(field: 'interpretations' | 'qa' | 'graphics'): boolean {
    const list = (this.data as Record<string, unknown> | undefined)?.[field];
    return Array.isArray(list) && list.length > 0;
  }

  private get awaitingInterpretation(): boolean {
    return this.enhance && !!this.interpretation && this.data === undefined && !this.error;
  }

  private get hasNotes(): boolean {
    return this.has('interpretations') || this.awaitingInterpretation;
  }

  private jump(selector: string): void {
    this.renderRoot.querySelector(selector)?.scrollIntoView({ block: 'start' });
  }

  /**
   * 解读 goes to the first note: beside its clause on wide screens (the column's top is the
   * document's header), opened from its clause on phones (where the column has no height).
   */
  private jumpToNotes(): void {
    const doc = this.doc;
    const notes = this.renderRoot.querySelector<GkInterpretation>('#gk-notes');
    const first = doc?.clauses.find((c) => Number(doc.clauseMarker(c.id)?.getAttribute('notes')) > 0);
    const marker = first && doc?.clauseMarker(first.id);
    if (!notes || !first || !marker) {
      this.jump('.notes');
      return;
    }
    marker.scrollIntoView({ block: 'start' });
    notes.showNotes(first.id, this.wide ? undefined : marker);
  }

  /** A bundle compared with (or naming) its previous version: gk-document's 修改对照 applies. */
  private get hasChanges(): boolean {
    const data = this.data as { comparison?: unknown; revisionOf?: { url?: string } } | undefined;
    return !!(data?.comparison || data?.revisionOf?.url);
  }

  /** 修改对照 in the navigation: the changes shown, and the summary of them in view. */
  private showChanges(): void {
    const doc = this.doc;
    if (doc) loadChangeView().then((m) => m.showChangesOf(doc), console.warn);
  }

  private backToSections(): void {
    const nav = this.renderRoot.querySelector<HTMLElement>('[part="sections"]');
    nav?.scrollIntoView({ block: 'start' });
    nav?.querySelector('button')?.focus({ preventScroll: true });
  }

  // By their registered tags: another library may own `gk-document` on this page.
  private renderDocument() {
    const tag = unsafeStatic(tagFor('gk-document'));
    return this.enhance
      ? staticHtml`<${tag} id="gk-doc" .bundle=${this.data}><slot></slot></${tag}>`
      : staticHtml`<${tag} id="gk-doc" .bundle=${this.data}></${tag}>`;
  }

  private renderNotes() {
    const tag = unsafeStatic(tagFor('gk-interpretation'));
    return staticHtml`<${tag} id="gk-notes" for="gk-doc" layout=${this.wide ? 'column' : 'popover'}></${tag}>`;
  }

  private renderGraphics() {
    const tag = unsafeStatic(tagFor('gk-graphic'));
    const graphics = (this.data as { graphics?: unknown }).graphics;
    return staticHtml`<${tag} for="gk-doc" .graphics=${graphics}></${tag}>`;
  }

  private renderQa() {
    const tag = unsafeStatic(tagFor('gk-qa'));
    return staticHtml`<${tag} for="gk-doc" .bundle=${this.data} endpoint=${this.endpoint}></${tag}>`;
  }

  // The participation part (form, feedback) is loaded only for a draft under consultation.
  private renderConsultation() {
    void loadConsultationElement().catch((error: unknown) =>
      console.warn('[gongkai] <gk-policy>: consultation', error),
    );
    return html`<gk-consultation id="gk-consultation" for="gk-doc" .info=${this.consultationInfo}></gk-consultation>`;
  }

  // A page in zh-Hant or English waits for that text before the first render.
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  protected override render() {
    const t = this.i18n.msg.bind(this.i18n);
    if (this.error) return renderBundleError(this.error, this.i18n.lang);
    // A screen's height is kept while the bundle loads: the document then fills it, and what
    // follows the element is pushed down from below the fold, not in view (no layout shift).
    if (this.data === undefined && !this.enhance) return html`<p role="status" class="loading">${t('loading')}</p>`;
    const hasNotes = this.hasNotes;
    const consultation = !!this.consultationInfo;
    return html`
      ${
        // What a citizen came for, first: the window's status and "我要提意见" (filled in by gk-consultation).
        consultation
          ? html`<gk-consultation-bar class="consultation-bar" part="consultation-bar" for="gk-consultation"></gk-consultation-bar>`
          : nothing
      }
      <nav part="sections" aria-label=${t('sections')}>
        <ul>
          <li><button type="button" @click=${() => this.jump('.text')}>${t('section_document')}</button></li>
          ${hasNotes ? html`<li><button type="button" @click=${() => this.jumpToNotes()}>${t('section_interpretation')}</button></li>` : nothing}
          ${this.has('qa') ? html`<li><button type="button" @click=${() => this.jump('.qa')}>${t('section_qa')}</button></li>` : nothing}
          ${this.has('graphics') ? html`<li><button type="button" @click=${() => this.jump('.graphics')}>${t('section_graphics')}</button></li>` : nothing}
          ${this.consultationInfo ? html`<li><button type="button" @click=${() => this.jump('.consultation')}>${t('section_consultation')}</button></li>` : nothing}
          ${this.hasChanges ? html`<li><button type="button" @click=${() => this.showChanges()}>${t('section_changes')}</button></li>` : nothing}
        </ul>
      </nav>
      <div
        class="layout ${hasNotes ? 'has-notes' : ''} ${this.wide ? 'wide' : ''}"
        @gk-ready=${this.onInnerReady}
      >
        <div class="text">${this.renderDocument()}</div>
        ${hasNotes ? html`<div class="notes">${this.renderNotes()}</div>` : nothing}
      </div>
      ${this.has('graphics') ? html`<section class="graphics">${this.renderGraphics()}</section>` : nothing}
      ${this.has('qa') ? html`<section class="qa">${this.renderQa()}</section>` : nothing}
      ${this.consultationInfo ? html`<section class="consultation">${this.renderConsultation()}</section>` : nothing}
      ${
        this.navAway && !this.wide
          ? html`<button type="button" class="to-sections" part="to-sections" @click=${() => this.backToSections()}>
            ↑ ${t('backToSections')}
          </button>`
          : nothing
      }
    `;
  }
}

function parseInline(text: string, msg: LocalizeController['msg']): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BundleError(
      msg('loadFailed'),
      `<script type="application/json"> — ${msg('notJson', { detail: (error as Error).message })}`,
    );
  }
}

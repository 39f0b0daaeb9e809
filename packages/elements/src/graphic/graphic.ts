import type { Graphic } from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { GkChart } from '../chart/chart.js';
import { numberFormatter } from '../chart/format.js';
import type { GkDocument } from '../document/document.js';
import { GkClauseRequestEvent } from '../events/clause.js';
import type { GraphicMessages } from '../i18n/graphic.js';
import type { Messages } from '../i18n/zh-Hans.js';
import { baseStyles, srOnly } from '../internal/base.styles.js';
import { checkParts } from '../internal/check-parts.js';
import { tagFor } from '../internal/define.js';
import { downloadBlob } from '../internal/download.js';
import { inPlace, renderBundleError, renderSkipped, reportBundleError, reportSkipped } from '../internal/error-view.js';
import { findDocument } from '../internal/find-document.js';
import { loadImageExport } from '../internal/lazy.js';
import { BundleError, fetchJson } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { WidthController } from '../internal/width.js';
import { renderCardBody } from './cards.js';
import type { ExportCard } from './export-image.js';
import { graphicStyles } from './graphic.styles.js';

/** Below this width, a comparison stacks "before" over "after". */
const NARROW = 560;

/**
 * 图解 cards from a bundle's `graphics`: big figures, numbered steps, a timeline, before/after
 * comparisons and charts (through gk-chart). Each card shows its caption as a heading and its
 * text alternative; linked clauses are buttons that scroll the gk-document named by `for`.
 * A card, or the whole set, exports as one long PNG (一图读懂) for WeChat and Weibo.
 *
 * @tagname gk-graphic
 * @summary Graphic interpretations (图解) of a policy, exportable as a long image.
 * @event gk-clause-request - A linked clause was chosen; `detail.clause` is its id.
 * @event gk-error - The graphics could not be loaded or are invalid.
 * @csspart card - One graphic card.
 * @csspart caption - The heading of a card.
 * @csspart description - A card's text alternative.
 * @csspart clauses - The linked clauses of a card.
 * @csspart figures - The list of big numbers.
 * @csspart steps - The numbered flow.
 * @csspart timeline - The timeline.
 * @csspart compare - The before/after comparison.
 * @csspart export - The export buttons.
 * @csspart error - The message shown for invalid input.
 * @cssproperty [--gk-color-accent=#b42318] - Big numbers, step markers and the card edge.
 * @cssproperty [--gk-color-surface=#fff] - Card background.
 */
export class GkGraphic extends LitElement {
  static override styles = [baseStyles, srOnly, graphicStyles];

  /** URL of a bundle (or partial bundle) whose `graphics` are shown. */
  @property() accessor src = '';
  /** Graphics given directly (take precedence over `src`). */
  @property({ attribute: false }) accessor graphics: Graphic[] | undefined = undefined;
  /** Id of the gk-document (in the same tree) whose clauses the cards link to. */
  @property() accessor for = '';
  /** Heading of the exported long image (default: 图解). */
  @property() accessor heading = '';
  /** Hides the export buttons. */
  @property({ type: Boolean, attribute: 'no-export' }) accessor noExport = false;

  @state() private accessor items: readonly Graphic[] = [];
  /** Where invalid graphics were: each is replaced by a short notice. */
  @state() private accessor skipped: readonly number[] = [];
  @state() private accessor error: BundleError | null = null;
  @state() private accessor loaded = false;
  @state() private accessor exportError = '';

  private readonly i18n = new LocalizeController<Messages & GraphicMessages>(this);
  // Reflects `narrow` on the host: comparisons stack (see graphic.styles.ts).
  protected readonly width = new WidthController(this, NARROW);
  private generation = 0;
  private loading: Promise<void> | null = null;
  private watched: GkDocument | null = null;
  private readonly onDocReady = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    // Clause names come from the document once it has loaded.
    queueMicrotask(() => {
      this.watched?.removeEventListener('gk-ready', this.onDocReady);
      this.watched = this.doc;
      this.watched?.addEventListener('gk-ready', this.onDocReady);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watched?.removeEventListener('gk-ready', this.onDocReady);
    this.watched = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('graphics') || changed.has('src')) this.loading = this.load();
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const t = this.i18n.msg.bind(this.i18n);
    try {
      let input: unknown;
      let source: string;
      if (this.graphics !== undefined) {
        input = { schemaVersion: 1, graphics: this.graphics };
        source = '.graphics';
      } else if (this.src) {
        input = await fetchJson(this.src, t);
        source = this.src;
      } else {
        throw new BundleError(t('invalidBundle'), t('graphicNoSource'));
      }
      if (generation !== this.generation) return;
      const read = checkParts(input, source, t);
      this.items = read.value.graphics ?? [];
      this.skipped = reportSkipped(this, read, 'graphics', source, t);
      this.error = null;
      this.loaded = true;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = reportBundleError(this, error, t);
    }
  }

  /** Resolves once the graphics are loaded and rendered. */
  async whenLoaded(): Promise<void> {
    await this.updateComplete;
    let loading: Promise<void> | null = null;
    while (this.loading && this.loading !== loading) {
      loading = this.loading;
      await loading;
      await this.updateComplete;
    }
  }

  private get doc(): GkDocument | null {
    return findDocument(this, this.for);
  }

  private clauseLabel(clause: string): string {
    const found = this.doc?.clauses?.find((c) => c.id === clause);
    return found ? `${found.number}${found.title ?? ''}`.slice(0, 24) : this.i18n.msg('graphicClause', { clause });
  }

  /** Asks for a clause: fires gk-clause-request and scrolls the linked document to it. */
  requestClause(clause: string): void {
    this.dispatchEvent(new GkClauseRequestEvent({ clause }));
    this.doc?.scrollToClause(clause, { focus: true });
  }

  /** Draws one card (by graphic id), or all of them, as a PNG 1080 px wide. */
  async exportImage(id?: string): Promise<Blob> {
    const [{ drawGraphicsImage, canvasToPng }] = await Promise.all([loadImageExport(), this.whenLoaded()]);
    if (this.error) throw this.error;
    const chosen = id ? this.items.filter((g) => g.id === id) : [...this.items];
    const cards: ExportCard[] = [];
    for (const graphic of chosen) {
      let chart: HTMLCanvasElement | null = null;
      if (graphic.kind === 'chart') {
        const element = this.renderRoot.querySelector<GkChart>(`[data-graphic="${CSS.escape(graphic.id)}"] .chart`);
        chart = (await element?.snapshot()) ?? null;
      }
      cards.push({ graphic, chart, clauses: (graphic.clauses ?? []).map((c) => this.clauseLabel(c)) });
    }
    const lang = this.i18n.lang;
    const canvas = drawGraphicsImage(cards, {
      title:
        (id ? undefined : this.heading) ||
        (chosen.length === 1 && chosen[0] ? chosen[0].caption : '') ||
        this.i18n.msg('graphics'),
      clausesLabel: this.i18n.msg('graphicClauses'),
      format: (value, unit) => numberFormatter(lang, unit)(value),
      fontFamily: getComputedStyle(this).fontFamily,
    });
    return canvasToPng(canvas);
  }

  private async download(id?: string): Promise<void> {
    try {
      const blob = await this.exportImage(id);
      const graphic = id ? this.items.find((g) => g.id === id) : undefined;
      const name = graphic?.caption ?? this.heading ?? '';
      downloadBlob(blob, `${(name || this.i18n.msg('graphics')).replace(/[\\/:*?"<>|]/g, '_')}.png`);
      this.exportError = '';
    } catch (error) {
      this.exportError = this.i18n.msg('graphicExportFailed', { detail: String(error) });
    }
  }

  // A page in zh-Hant or English waits for that text before the first render.
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  protected override render() {
    const t = this.i18n.msg.bind(this.i18n);
    if (this.error) return renderBundleError(this.error, this.i18n.lang);
    if (!this.loaded) return html`<p role="status">${t('loading')}</p>`;
    if (!this.items.length && !this.skipped.length) return html`<p class="empty">${t('graphicNone')}</p>`;
    const format = numberFormatter(this.i18n.lang);
    const chartTag = unsafeStatic(tagFor('gk-chart'));
    const chart = (g: Graphic) => staticHtml`<${chartTag} class="chart" hide-caption .graphic=${g}></${chartTag}>`;
    return html`<div class="cards">
        ${inPlace(this.items, this.skipped).map((g) =>
          !g
            ? renderSkipped(t)
            : html`<article class="card" part="card" data-graphic=${g.id} data-kind=${g.kind} aria-labelledby="c-${g.id}">
            <h3 id="c-${g.id}" part="caption">${g.caption}</h3>
            ${renderCardBody(g, format, t, chart)}
            ${g.kind === 'chart' ? nothing : html`<p class="description" part="description">${g.description}</p>`}
            ${this.renderClauses(g)}
            ${
              this.noExport
                ? nothing
                : html`<p class="actions"><button type="button" part="export" @click=${() => this.download(g.id)}>
                  ${t('graphicExport')}<span class="sr-only">：${g.caption}</span>
                </button></p>`
            }
          </article>`,
        )}
      </div>
      ${
        this.noExport || this.items.length < 2
          ? nothing
          : html`<p class="actions all">
            <button type="button" part="export" @click=${() => this.download()}>${t('graphicExportAll')}</button>
          </p>`
      }
      ${this.exportError ? html`<p class="gk-error" role="alert">${this.exportError}</p>` : nothing}`;
  }

  private renderClauses(g: Graphic) {
    if (!g.clauses?.length) return nothing;
    return html`<p class="clauses" part="clauses">
      ${this.i18n.msg('graphicClauses')}
      ${g.clauses.map(
        (clause) => html`<button type="button" class="clause" @click=${() => this.requestClause(clause)}>
          ${this.clauseLabel(clause)}
        </button>`,
      )}
    </p>`;
  }
}

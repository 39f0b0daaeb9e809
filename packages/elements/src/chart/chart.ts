import { type ChartData, type Graphic, validatePartial } from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { GraphicMessages } from '../i18n/graphic.js';
import type { Messages } from '../i18n/zh-Hans.js';
import { baseStyles, srOnly } from '../internal/base.styles.js';
import type { ChartHandle } from '../internal/engines/chart.js';
import { renderBundleError, warnBundleError } from '../internal/error-view.js';
import { loadChartEngine } from '../internal/lazy.js';
import { BundleError } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { chartStyles } from './chart.styles.js';
import { numberFormatter, PALETTE } from './format.js';

/** How far outside the viewport a chart starts loading and drawing. */
const NEAR = '300px 0px';

interface Chosen {
  chart: ChartData;
  caption: string;
  description: string;
}

/**
 * An accessible chart (bar, line, pie, doughnut): chart.js draws it once the element is near
 * the viewport, loaded on first use. The canvas is an image named by the caption, the text
 * alternative is shown under it, and "查看数据表" opens a real table of the numbers, which is
 * also printed. Series are told apart by colour-blind-safe colours plus patterns (bars,
 * slices) or dashes and point shapes (lines); motion follows `prefers-reduced-motion`.
 *
 * @tagname gk-chart
 * @summary A lazily drawn, accessible chart with its data table.
 * @csspart caption - The chart's caption.
 * @csspart chart - The box around the canvas.
 * @csspart description - The text alternative under the chart.
 * @csspart toggle - The "查看数据表" button.
 * @csspart table - The box around the data table.
 * @csspart error - The message shown for invalid data.
 * @cssproperty [--gk-color-muted=#59636e] - Colour of the description.
 * @cssproperty [--gk-color-border=#d0d7de] - Table borders.
 */
export class GkChart extends LitElement {
  static override styles = [baseStyles, srOnly, chartStyles];

  /** The numbers: `{type, labels, datasets: [{label, data}], unit?}` (a bundle's ChartData). */
  @property({ attribute: false }) accessor data: ChartData | undefined = undefined;
  /** Caption, also the accessible name of the chart image. */
  @property() accessor caption = '';
  /** The text alternative: what the chart shows, in words. */
  @property() accessor description = '';
  /** Keeps the caption for screen readers only (when a card around the chart shows it as a heading). */
  @property({ type: Boolean, attribute: 'hide-caption' }) accessor hideCaption = false;
  /** A bundle graphic of kind `chart` (caption, description and data in one); wins over the others. */
  @property({ attribute: false }) accessor graphic: Graphic | undefined = undefined;

  @state() private accessor tableOpen = false;
  @state() private accessor error: BundleError | null = null;
  @state() private accessor failed = false;
  @state() private accessor drawn = false;

  @query('canvas') private accessor canvas!: HTMLCanvasElement | null;

  private readonly i18n = new LocalizeController<Messages & GraphicMessages>(this);
  private chosen: Chosen | null = null;
  private handle: ChartHandle | null = null;
  private observer: IntersectionObserver | null = null;
  private near = false;
  private drawing: Promise<void> | null = null;
  private generation = 0;

  /** Whether chart.js has drawn the chart (it waits until the element is near the viewport). */
  get rendered(): boolean {
    return this.drawn;
  }

  /** Whether the chart animates (false under `prefers-reduced-motion: reduce`). */
  get animated(): boolean {
    return this.handle?.animated ?? false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.near = true;
        this.observer?.disconnect();
        void this.draw();
      },
      { rootMargin: NEAR },
    );
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = null;
    this.near = false;
    this.generation++;
    this.handle?.destroy();
    this.handle = null;
    this.drawn = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || changed.has('graphic') || changed.has('caption') || changed.has('description')) {
      this.chosen = this.choose();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.toggleAttribute('rendered', this.drawn);
    if ((changed.has('data') || changed.has('graphic')) && this.near) void this.draw();
  }

  /** Draws the chart now, even off screen, and resolves with its canvas (e.g. to copy it into an image). */
  async snapshot(): Promise<HTMLCanvasElement | null> {
    this.near = true;
    this.observer?.disconnect();
    await this.updateComplete;
    await (this.drawing ?? this.draw());
    this.handle?.finish();
    return this.drawn ? this.canvas : null;
  }

  private choose(): Chosen | null {
    const fromGraphic = this.graphic !== undefined;
    if (!fromGraphic && this.data === undefined) {
      this.error = new BundleError(this.i18n.msg('chartInvalid'), this.i18n.msg('chartNoData'));
      return null;
    }
    const graphic = fromGraphic
      ? this.graphic
      : { id: 'chart', kind: 'chart', caption: this.caption, description: this.description, chart: this.data };
    const result = validatePartial({ schemaVersion: 1, graphics: [graphic] });
    const value = result.ok ? result.value.graphics?.[0] : undefined;
    if (value?.kind !== 'chart') {
      const rename = (path: string) =>
        fromGraphic
          ? path.replace('$.graphics[0]', 'graphic')
          : path.replace('$.graphics[0].chart', 'data').replace('$.graphics[0].', '');
      const problems = result.ok
        ? [{ path: fromGraphic ? 'graphic.kind' : 'data', message: { en: 'must be a chart', 'zh-Hans': '应为图表' } }]
        : result.problems.map((p) => ({ ...p, path: rename(p.path) }));
      this.error = new BundleError(this.i18n.msg('chartInvalid'), fromGraphic ? '.graphic' : '.data', problems);
      warnBundleError(this.localName, this.error);
      return null;
    }
    this.error = null;
    return { chart: value.chart, caption: value.caption, description: value.description };
  }

  private draw(): Promise<void> {
    this.drawing = this.drawNow().finally(() => {
      this.drawing = null;
    });
    return this.drawing;
  }

  private async drawNow(): Promise<void> {
    const generation = ++this.generation;
    await this.updateComplete;
    const chosen = this.chosen;
    if (!chosen || !this.isConnected) return;
    try {
      const { renderChart } = await loadChartEngine();
      await this.updateComplete;
      const canvas = this.canvas;
      if (generation !== this.generation || !canvas) return;
      this.handle?.destroy();
      const style = getComputedStyle(this);
      const { type, labels, datasets, unit } = chosen.chart;
      this.handle = renderChart(
        canvas,
        { type, labels, datasets },
        {
          palette: PALETTE,
          format: numberFormatter(this.i18n.lang, unit),
          animate: !matchMedia('(prefers-reduced-motion: reduce)').matches,
          color: style.color,
          font: style.fontFamily,
        },
      );
      this.failed = false;
      this.drawn = true;
    } catch (error) {
      if (generation !== this.generation) return;
      // The table still has every number: say so rather than leave an empty box.
      console.warn(`[gongkai] <${this.localName}>: the chart could not be drawn`, error);
      this.failed = true;
    }
    await this.updateComplete;
  }

  // A page in zh-Hant or English waits for that text before the first render.
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  protected override render() {
    const t = this.i18n.msg.bind(this.i18n);
    if (this.error || !this.chosen) {
      return this.error ? renderBundleError(this.error, this.i18n.lang) : nothing;
    }
    const { chart, caption, description } = this.chosen;
    return html`<figure>
      <figcaption id="caption" part="caption" class=${this.hideCaption ? 'sr-only' : ''}>${caption}</figcaption>
      <div class="frame" part="chart">
        <canvas role="img" aria-labelledby="caption" aria-describedby="description"></canvas>
        ${
          this.drawn
            ? nothing
            : html`<p class="status" role=${this.failed ? 'alert' : nothing}>
              ${this.failed ? t('chartFailed') : t('chartLoading')}
            </p>`
        }
      </div>
      <p id="description" class="description" part="description">${description}</p>
      <button
        type="button"
        part="toggle"
        aria-expanded=${this.tableOpen ? 'true' : 'false'}
        aria-controls="table"
        @click=${() => {
          this.tableOpen = !this.tableOpen;
        }}
      >
        ${this.tableOpen ? t('chartHideTable') : t('chartShowTable')}
      </button>
      <div id="table" class="table" part="table" ?hidden=${!this.tableOpen}>${this.renderTable(chart, caption)}</div>
    </figure>`;
  }

  private renderTable(chart: ChartData, caption: string) {
    const format = numberFormatter(this.i18n.lang, chart.unit);
    return html`<table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${this.i18n.msg('chartCategory')}</th>
          ${chart.datasets.map((d) => html`<th scope="col">${d.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${chart.labels.map(
          (label, i) => html`<tr>
            <th scope="row">${label}</th>
            ${chart.datasets.map((d) => html`<td>${format(d.data[i])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

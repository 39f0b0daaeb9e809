import { anchor, type Bundle, type Clause, segment } from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GkErrorEvent, GkReadyEvent } from '../events/ready.js';
import { baseStyles } from '../internal/base.styles.js';
import { BundleError, checkBundle, loadBundle } from '../internal/load-bundle.js';
import { LocalizeController } from '../internal/localize.js';
import { renderSafeMarkdownFragment } from '../internal/markdown/render.js';
import { sanitizeToFragment } from '../internal/sanitize.js';
import { documentStyles } from './document.styles.js';

/**
 * A policy document (公文): its metadata header with a validity badge, and its body.
 *
 * @summary Renders a policy bundle's metadata and text, safely.
 * @event gk-ready - The bundle is loaded and rendered; `detail` has clause and note counts.
 * @event gk-error - The bundle could not be loaded or is invalid; `detail.message` says why.
 * @csspart header - The metadata header.
 * @csspart title - The document title.
 * @csspart meta - The list of metadata (文号, issuer, dates…).
 * @csspart badge - The validity badge (有效 / 已失效 / 已修订 / 征求意见稿).
 * @csspart notice - The notice shown when the document is repealed, amended or a draft.
 * @csspart body - The document text.
 * @csspart error - The message shown when the bundle cannot be used.
 * @cssproperty [--gk-font-size=16px] - Base text size.
 * @cssproperty [--gk-color-text=#1f2328] - Text colour.
 * @cssproperty [--gk-color-accent=#b42318] - Rule under the header.
 * @cssproperty [--gk-color-link=#0b57d0] - Link colour.
 * @cssproperty [--gk-color-focus=#c2410c] - Focus outline colour.
 */
export class GkDocument extends LitElement {
  static override styles = [baseStyles, documentStyles];

  /** URL of a policy bundle (JSON). */
  @property({ reflect: true }) accessor src = '';

  /** A policy bundle given directly (takes precedence over `src`); validated like a fetched one. */
  @property({ attribute: false }) accessor bundle: unknown = undefined;

  @state() private accessor loaded: Bundle | null = null;
  private loadedClauses: readonly Clause[] = [];
  @state() private accessor bodyNode: HTMLElement | null = null;
  @state() private accessor error: BundleError | null = null;

  private readonly i18n = new LocalizeController(this);
  private abort: AbortController | null = null;

  /** The document's clauses (read-only): the bundle's own, or segmented from its body. */
  get clauses(): readonly Clause[] {
    return this.loadedClauses;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('bundle')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const msg = this.i18n.msg.bind(this.i18n);
    this.error = null;
    try {
      let bundle: Bundle;
      if (this.bundle !== undefined) bundle = checkBundle(this.bundle, '<gk-document>.bundle', msg);
      else if (this.src) bundle = await loadBundle(this.src, msg, abort.signal);
      else throw new BundleError(msg('loadFailed'), msg('noSource'));
      const content =
        bundle.bodyHtml !== undefined
          ? sanitizeToFragment(bundle.bodyHtml)
          : await renderSafeMarkdownFragment(bundle.body ?? '');
      if (abort.signal.aborted) return;
      this.loaded = bundle;
      this.loadedClauses = bundle.clauses ?? segment(bundle.body ?? '', { format: 'markdown' });
      this.bodyNode = this.bodyContainer(content);
      await this.updateComplete;
      const anchoring = bundle.interpretations?.length ? anchor(bundle, this.loadedClauses) : null;
      const orphans = anchoring?.orphans.filter((o) => o.kind === 'note').length ?? 0;
      this.dispatchEvent(
        new GkReadyEvent({
          clauses: this.loadedClauses.length,
          notes: (bundle.interpretations?.length ?? 0) - orphans,
          orphans,
        }),
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure = error instanceof BundleError ? error : new BundleError(msg('loadFailed'), String(error));
      this.loaded = null;
      this.loadedClauses = [];
      this.error = failure;
      console.warn(`[gongkai] <gk-document>: ${failure.message}`, failure.problems);
      this.dispatchEvent(new GkErrorEvent({ message: failure.message, problems: failure.problems }));
    }
  }

  /** Built once per load and kept, so re-renders never re-parse the body. */
  private bodyContainer(content: DocumentFragment): HTMLElement {
    const container = document.createElement('div');
    container.setAttribute('part', 'body');
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', this.i18n.msg('documentBody'));
    container.append(content);
    return container;
  }

  protected override render() {
    if (this.error) return this.renderError(this.error);
    if (!this.loaded) return html`<p class="loading" role="status">${this.i18n.msg('loading')}</p>`;
    const { meta } = this.loaded;
    return html`
      <article lang=${this.loaded.lang ?? nothing}>
        ${this.renderHeader(meta)}
        ${this.bodyNode}
      </article>
    `;
  }

  private renderHeader(meta: Bundle['meta']) {
    const t = this.i18n.msg.bind(this.i18n);
    const status = meta.status;
    const rows: [string, string | undefined][] = [
      [t('docNumber'), meta.docNumber],
      [t('issuer'), meta.issuer],
      [t('indexNumber'), meta.indexNumber],
      [t('published'), meta.published],
      [t('effective'), meta.effective],
      [t('category'), meta.category],
    ];
    const notice =
      status === 'repealed'
        ? t('repealedNotice')
        : status === 'amended'
          ? t('amendedNotice')
          : status === 'draft'
            ? t('draftNotice')
            : '';
    return html`
      <header part="header" class=${status ? `status-${status}` : ''}>
        <h2 class="title" part="title">${meta.title}</h2>
        <dl part="meta" aria-label=${t('documentMeta')}>
          ${rows.filter(([, value]) => value).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
          ${status ? html`<div><dt>${t('validity')}</dt><dd><span part="badge">${t(`status_${status}`)}</span></dd></div>` : nothing}
        </dl>
        ${
          notice
            ? html`<p part="notice" role="note">
              ${notice}
              ${
                meta.supersededBy
                  ? html`${t('seeCurrent')}${
                      meta.supersededBy.url
                        ? html`<a href=${meta.supersededBy.url}>${meta.supersededBy.title}</a>`
                        : meta.supersededBy.title
                    }`
                  : nothing
              }
            </p>`
            : nothing
        }
      </header>
    `;
  }

  private renderError(error: BundleError) {
    return html`
      <div class="gk-error" part="error" role="alert">
        <strong>${error.headline}</strong>
        <div>${error.detail}</div>
        ${
          error.problems.length
            ? html`<ul>
              ${error.problems.map((p) => html`<li><code>${p.path}</code> ${p.message[this.i18n.lang === 'en' ? 'en' : 'zh-Hans']}</li>`)}
            </ul>`
            : nothing
        }
      </div>
    `;
  }
}

// The 通知 tab (issue 20): how many of this consultation's notifications are queued, sent, failed
// or bounced (counts only, never an address), failures sent again; and the message templates of
// the whole site in zh-Hans, zh-Hant and en, edited with a preview made by the server from sample
// data. The server checks every placeholder and says which one it does not know. Loaded as a
// chunk of its own when the tab is first opened.
import {
  NOTIFY_LOCALES,
  NOTIFY_MESSAGE_KINDS,
  type NotifyCounts,
  type NotifyLocale,
  type NotifyMessageKind,
  type NotifyTemplateInput,
  type NotifyTemplateList,
  type NotifyTemplatePreview,
  type NotifyTemplateView,
} from '@gongkai/format';
import { html, nothing } from 'lit';
import type { ReviewMessages } from '../i18n/review.js';
import { type NotifyTabMessages, notifyTabMessages } from '../i18n/review-notify.js';
import type { ReviewContext } from './context.js';
import { actorLabel, formatNumber, formatTime } from './labels.js';

const LANGUAGE_NAMES: Record<NotifyLocale, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };
const key = (kind: NotifyMessageKind, locale: NotifyLocale) => `${kind} ${locale}`;

export class NotifyTab {
  private counts: NotifyCounts | null = null;
  private countsError = '';
  private templates: NotifyTemplateView[] | null = null;
  private templatesError = '';
  private kind: NotifyMessageKind = 'feedback.published';
  private locale: NotifyLocale;
  /** Edits not yet saved, by kind and language: switching to another template keeps them. */
  private readonly drafts = new Map<string, NotifyTemplateInput>();
  private preview: NotifyTemplatePreview | null = null;
  private busy: '' | 'preview' | 'save' | 'reset' | 'retry' = '';
  private error = '';
  private status = '';

  constructor(
    private readonly context: ReviewContext,
    private readonly id: string,
  ) {
    this.locale = context.lang;
    void this.load();
  }

  /** The tab's own text (its catalogue comes with this chunk), else the console's. */
  private readonly t = (
    key: keyof NotifyTabMessages | keyof ReviewMessages,
    params: Record<string, string | number> = {},
  ) => {
    const own = notifyTabMessages[this.context.lang] as Record<string, string>;
    const text = own[key];
    if (text === undefined) return this.context.t(key as keyof ReviewMessages, params);
    return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  };

  private changed(): void {
    this.context.changed();
  }

  async load(): Promise<void> {
    const s = this.context.session;
    const [counts, list] = await Promise.allSettled([
      s.call<NotifyCounts>(`/consultations/${encodeURIComponent(this.id)}/notifications`),
      s.call<NotifyTemplateList>('/staff/notify-templates'),
    ]);
    if (counts.status === 'fulfilled') this.counts = counts.value;
    else this.countsError = this.context.describe(counts.reason);
    if (list.status === 'fulfilled') this.templates = list.value.items;
    else this.templatesError = this.context.describe(list.reason);
    this.changed();
  }

  private get current(): NotifyTemplateView | undefined {
    return this.templates?.find((t) => t.kind === this.kind && t.locale === this.locale);
  }

  /** What the fields show: the edit under way, else the template in force. */
  private get shown(): NotifyTemplateInput {
    const saved = this.current;
    return this.drafts.get(key(this.kind, this.locale)) ?? { subject: saved?.subject ?? '', body: saved?.body ?? '' };
  }

  private edit(patch: Partial<NotifyTemplateInput>): void {
    this.drafts.set(key(this.kind, this.locale), { ...this.shown, ...patch });
    this.status = '';
    this.changed();
  }

  private choose(patch: { kind?: NotifyMessageKind; locale?: NotifyLocale }): void {
    this.kind = patch.kind ?? this.kind;
    this.locale = patch.locale ?? this.locale;
    this.preview = null;
    this.error = '';
    this.status = '';
    this.changed();
  }

  private path(suffix = ''): string {
    return `/staff/notify-templates/${encodeURIComponent(this.kind)}/${this.locale}${suffix}`;
  }

  private async act(what: NonNullable<NotifyTab['busy']>, run: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = what;
    this.error = '';
    this.status = '';
    this.changed();
    try {
      this.status = await run();
      if (this.status) this.context.announce(this.status);
    } catch (error) {
      this.error = this.context.describe(error);
    } finally {
      this.busy = '';
      this.changed();
    }
  }

  private replace(saved: NotifyTemplateView): void {
    this.templates = (this.templates ?? []).map((t) =>
      t.kind === saved.kind && t.locale === saved.locale ? saved : t,
    );
    this.drafts.delete(key(saved.kind, saved.locale));
  }

  private showPreview(): Promise<void> {
    return this.act('preview', async () => {
      this.preview = await this.context.session.call<NotifyTemplatePreview>(this.path('/preview'), {
        method: 'POST',
        body: this.shown,
      });
      return '';
    });
  }

  private save(): Promise<void> {
    const t = this.t;
    return this.act('save', async () => {
      const saved = await this.context.session.call<NotifyTemplateView>(
        this.path(),
        { method: 'PUT', body: this.shown },
        'editTemplates',
      );
      this.replace(saved);
      return t('nt_saved');
    });
  }

  private reset(): Promise<void> {
    const t = this.t;
    return this.act('reset', async () => {
      const saved = await this.context.session.call<NotifyTemplateView>(
        this.path(),
        { method: 'DELETE' },
        'editTemplates',
      );
      this.replace(saved);
      this.preview = null;
      return t('nt_resetDone');
    });
  }

  private retry(): Promise<void> {
    const t = this.t;
    return this.act('retry', async () => {
      const { retried } = await this.context.session.call<{ retried: number }>(
        `/consultations/${encodeURIComponent(this.id)}/notifications/retry`,
        { method: 'POST' },
        'publish',
      );
      this.counts = await this.context.session.call<NotifyCounts>(
        `/consultations/${encodeURIComponent(this.id)}/notifications`,
      );
      return t('nt_retried', { count: retried });
    });
  }

  render() {
    return html`<div class="notify-tab" part="notify">${this.renderCounts()}${this.renderTemplates()}</div>`;
  }

  private renderCounts() {
    const { t } = this;
    const { lang } = this.context;
    const c = this.counts;
    const n = (x: number) => formatNumber(x, lang);
    const num = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, n(v)]));
    return html`<section aria-labelledby="nt-counts">
      <h3 id="nt-counts">${t('nt_countsTitle')}</h3>
      <p class="hint">${t('nt_countsNote')}</p>
      ${
        this.countsError
          ? html`<p class="form-error" role="alert">${this.countsError}</p>`
          : c
            ? html`<p>${t('nt_subscriptions', num(c.subscriptions))}</p>
              <p>${t('nt_deliveries', num(c.deliveries))}</p>
              ${
                c.deliveries.failed && this.context.session.can('publish')
                  ? html`<p class="actions">
                    <button type="button" class="gk-button" ?disabled=${!!this.busy} @click=${() => void this.retry()}>
                      ${t('nt_retry')}
                    </button>
                  </p>`
                  : nothing
              }`
            : html`<p role="status">${t('loading')}</p>`
      }
    </section>`;
  }

  private renderTemplates() {
    const { t } = this;
    const { lang } = this.context;
    if (this.templatesError) {
      return html`<section aria-labelledby="nt-heading">
        <h3 id="nt-heading">${t('nt_title')}</h3>
        <p class="form-error" role="alert">${this.templatesError}</p>
      </section>`;
    }
    if (!this.templates) return html`<p role="status">${t('loading')}</p>`;
    const saved = this.current;
    const shown = this.shown;
    const canEdit = this.context.session.can('editTemplates');
    const placeholders = (saved?.placeholders ?? []).map((p) => `{${p}}`).join(' ');
    return html`<section aria-labelledby="nt-heading">
      <h3 id="nt-heading">${t('nt_title')}</h3>
      <p class="hint">${t('nt_note')}</p>
      ${canEdit ? nothing : html`<p class="hint">${t('nt_readOnly')}</p>`}
      <div class="field">
        <label for="nt-kind">${t('nt_kind')}</label>
        <select id="nt-kind" @change=${(e: Event) => this.choose({ kind: (e.target as HTMLSelectElement).value as NotifyMessageKind })}>
          ${NOTIFY_MESSAGE_KINDS.map(
            (k) => html`<option value=${k} ?selected=${k === this.kind}>${t(`nt_k_${k}` as const)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="nt-lang">${t('nt_lang')}</label>
        <select id="nt-lang" @change=${(e: Event) => this.choose({ locale: (e.target as HTMLSelectElement).value as NotifyLocale })}>
          ${NOTIFY_LOCALES.map(
            (l) => html`<option value=${l} lang=${l} ?selected=${l === this.locale}>${LANGUAGE_NAMES[l]}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="nt-subject">${t('nt_subject')}</label>
        <input
          id="nt-subject"
          lang=${this.locale}
          maxlength="200"
          .value=${shown.subject}
          ?readonly=${!canEdit}
          aria-describedby="nt-placeholders"
          @input=${(e: Event) => this.edit({ subject: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for="nt-body">${t('nt_body')}</label>
        <textarea
          id="nt-body"
          lang=${this.locale}
          rows="6"
          maxlength="4000"
          .value=${shown.body}
          ?readonly=${!canEdit}
          aria-describedby="nt-placeholders"
          @input=${(e: Event) => this.edit({ body: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        <p class="hint" id="nt-placeholders">${t('nt_placeholders', { list: placeholders })}</p>
      </div>
      <p class="hint">
        ${
          saved?.custom
            ? t('nt_custom', {
                who: actorLabel(this.context.t, saved.updatedBy ?? ''),
                time: saved.updatedAt ? formatTime(saved.updatedAt, lang) : '',
              })
            : t('nt_builtIn')
        }
      </p>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${this.status ? html`<p class="done" role="status">${this.status}</p>` : nothing}
      <p class="actions">
        <button type="button" class="gk-button" ?disabled=${!!this.busy} @click=${() => void this.showPreview()}>
          ${t('nt_preview')}
        </button>
        ${
          canEdit
            ? html`<button type="button" class="gk-button primary" ?disabled=${!!this.busy} @click=${() => void this.save()}>
                ${t('nt_save')}
              </button>
              ${
                saved?.custom
                  ? html`<button type="button" class="gk-button" ?disabled=${!!this.busy} @click=${() => void this.reset()}>
                    ${t('nt_reset')}
                  </button>`
                  : nothing
              }`
            : nothing
        }
      </p>
      ${
        this.preview
          ? html`<section class="nt-preview" aria-labelledby="nt-preview-title">
            <h4 id="nt-preview-title">${t('nt_previewTitle')}</h4>
            <dl>
              <dt>${t('nt_subject')}</dt>
              <dd lang=${this.locale}>${this.preview.subject}</dd>
              <dt>${t('nt_body')}</dt>
              <dd lang=${this.locale}>
                ${this.preview.text
                  .split('\n')
                  .filter((line) => line.trim())
                  .map((line) => html`<p>${line}</p>`)}
              </dd>
            </dl>
          </section>`
          : nothing
      }
    </section>`;
  }
}

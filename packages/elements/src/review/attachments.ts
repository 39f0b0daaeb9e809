// A comment's attachments in the staff console (issue 21), a chunk of its own loaded when a comment
// is opened: each file with its type and size, a download (fetched with the token, as the server
// serves files only to staff, audited) and, for those who may publish, "随反馈公开".
import { html, nothing } from 'lit';
import { type ReviewAttachmentMessages, reviewAttachmentMessages } from '../i18n/review-attachments.js';
import type { UiLang } from '../i18n/types.js';
import { ApiError } from '../internal/api.js';
import { downloadBlob } from '../internal/download.js';
import type { StaffSession } from './session.js';

export interface StaffAttachment {
  id: number;
  name: string;
  type: string;
  size: number;
  scan: 'pending' | 'clean' | 'infected' | 'unscanned';
  published: boolean;
}

interface Entry {
  items: StaffAttachment[] | null;
  error: string | null;
  /** The file being downloaded or changed. */
  busy: number | null;
  downloading: boolean;
}

const TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
};

const size = (bytes: number, lang: UiLang) => {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return bytes >= 1048576 ? `${n.format(bytes / 1048576)} MB` : `${n.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
};

export class AttachmentsPanel {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly session: StaffSession,
    private readonly changed: () => void,
    private readonly describe: (error: unknown) => string,
  ) {}

  private msg(lang: UiLang) {
    return (key: keyof ReviewAttachmentMessages, params: Record<string, string> = {}) =>
      reviewAttachmentMessages[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  }

  private async load(comment: number, lang: UiLang): Promise<void> {
    const entry: Entry = { items: null, error: null, busy: null, downloading: false };
    this.entries.set(comment, entry);
    try {
      entry.items = (await this.session.call<{ items: StaffAttachment[] }>(`/comments/${comment}/attachments`)).items;
    } catch (error) {
      // A server that takes no attachments (`--attachments off`) has no such route: nothing to show.
      if (error instanceof ApiError && error.status === 404) entry.items = [];
      else entry.error = this.msg(lang)('sa_failed', { detail: this.describe(error) });
    }
    this.changed();
  }

  private async download(entry: Entry, a: StaffAttachment): Promise<void> {
    entry.busy = a.id;
    entry.downloading = true;
    entry.error = null;
    this.changed();
    try {
      // The server names the download by the type it found; the link's name does the same here.
      downloadBlob(await this.session.download(`/attachments/${a.id}`), a.name);
    } catch (error) {
      entry.error = this.describe(error);
    }
    entry.busy = null;
    entry.downloading = false;
    this.changed();
  }

  private async publish(entry: Entry, a: StaffAttachment, published: boolean): Promise<void> {
    entry.busy = a.id;
    entry.error = null;
    this.changed();
    try {
      const answer = await this.session.call<StaffAttachment>(
        `/attachments/${a.id}`,
        { method: 'PATCH', body: { published } },
        'publish',
      );
      entry.items = entry.items?.map((x) => (x.id === a.id ? answer : x)) ?? null;
    } catch (error) {
      entry.error = this.describe(error);
    }
    entry.busy = null;
    this.changed();
  }

  /** Forgets what was read, so that the next render asks again (after a publication, say). */
  refresh(comment: number): void {
    this.entries.delete(comment);
  }

  render(comment: number, lang: UiLang, canPublish: boolean) {
    const t = this.msg(lang);
    const entry = this.entries.get(comment);
    if (!entry) void this.load(comment, lang);
    const items = entry?.items;
    if (items && !items.length && !entry?.error) return nothing;
    return html`<section class="attachments" part="attachments" aria-labelledby="attachments-title">
      <h4 id="attachments-title">${t('sa_title')}</h4>
      ${!entry || (!items && !entry.error) ? html`<p class="muted" role="status">${t('sa_loading')}</p>` : nothing}
      ${
        items?.length
          ? html`<p class="muted">${t('sa_note')}</p>
            <ul class="attachment-list">
              ${items.map((a) => this.renderItem(entry!, a, lang, canPublish))}
            </ul>`
          : nothing
      }
      ${entry?.error ? html`<p class="form-error" role="alert">${entry.error}</p>` : nothing}
    </section>`;
  }

  private renderItem(entry: Entry, a: StaffAttachment, lang: UiLang, canPublish: boolean) {
    const t = this.msg(lang);
    const servable = a.scan === 'clean' || a.scan === 'unscanned';
    const busy = entry.busy === a.id;
    return html`<li data-attachment=${a.id}>
      ${
        servable
          ? html`<button
              type="button"
              class="gk-link-button"
              data-download=${a.id}
              ?disabled=${busy}
              aria-label=${t('sa_download', { name: a.name })}
              @click=${() => void this.download(entry, a)}
            >
              ${a.name}
            </button>`
          : html`<span>${a.name}</span>`
      }
      <span class="muted">${TYPES[a.type] ?? a.type} · ${size(a.size, lang)}</span>
      ${a.scan === 'pending' ? html`<span class="muted">· ${t('sa_scanPending')}</span>` : nothing}
      ${a.scan === 'infected' ? html`<strong>· ${t('sa_infected')}</strong>` : nothing}
      ${a.scan === 'unscanned' ? html`<span class="muted">· ${t('sa_unscanned')}</span>` : nothing}
      ${
        canPublish && servable
          ? html`<label class="choice">
              <input
                type="checkbox"
                data-publish=${a.id}
                .checked=${a.published}
                ?disabled=${busy}
                @change=${(e: Event) => void this.publish(entry, a, (e.target as HTMLInputElement).checked)}
              />
              ${t('sa_publish')}
            </label>`
          : html`<span class="muted">· ${a.published ? t('sa_published') : t('sa_private')}</span>`
      }
      <span role="status">${busy && entry.downloading ? t('sa_downloading') : ''}</span>
    </li>`;
  }
}

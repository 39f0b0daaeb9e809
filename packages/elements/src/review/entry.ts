// The 录入意见 tab: one comment received by letter, e-mail, fax, telephone, a meeting, a hearing or
// a 基层立法联系点, entered by staff (with its receipt and printable reply slip), and imports of
// e-mails (.eml) and the CSV template with a result per row. Loaded when the tab is first opened.
import { CHANNELS, type Channel, SUBMITTER_TYPES, type SubmitterType } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { ReviewMessages } from '../i18n/review.js';
import { type EntryFormMessages, entryFormMessages } from '../i18n/review-entry.js';
import { ApiError } from '../internal/api.js';
import { downloadBlob } from '../internal/download.js';
import type { ReviewContext } from './context.js';
import { clauseName } from './labels.js';

/** The channels staff enter (online comments come through the comment form). */
const ENTRY_CHANNELS = CHANNELS.filter((c): c is Exclude<Channel, 'online'> => c !== 'online');
/** What the server takes through the API in one import (more with `gongkai-server import`). */
export const IMPORT_MAX_ROWS = 1000;

type Field =
  | 'channel'
  | 'receivedAt'
  | 'submitterType'
  | 'clause'
  | 'body'
  | 'name'
  | 'contact'
  | 'originalRef'
  | 'attachments';

/** The server's defaults (`--attachments 5/10`); a site that set others gets its refusal named. */
const SCAN_MAX_FILES = 5;
const SCAN_MAX_MB = 10;

/** A scan chosen for the entry, and its token once uploaded (kept: a retry does not upload it again). */
interface Scan {
  file: File;
  token?: string;
}

interface EntryForm {
  channel: Exclude<Channel, 'online'>;
  receivedAt: string;
  submitterType: SubmitterType;
  clause: string;
  body: string;
  name: string;
  contact: string;
  originalRef: string;
}

interface Problem {
  /** `channel`, `receivedAt`… in a row; `$.body`… in a refused entry. */
  field?: string;
  path?: string;
  message: string;
  zh?: string;
}

export interface ImportRowResult {
  file: string;
  row: number;
  ok: boolean;
  problems?: Problem[];
  receipt?: string;
}

export interface ImportResult {
  imported: boolean;
  dryRun: boolean;
  added: number;
  replayed: number;
  failed: number;
  rows: ImportRowResult[];
}

/** Today in China Standard Time, as a date input wants it. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const newForm = (): EntryForm => ({
  channel: 'letter',
  receivedAt: today(),
  submitterType: 'individual',
  clause: '',
  body: '',
  name: '',
  contact: '',
  originalRef: '',
});
const newKey = () => `entry-${crypto.randomUUID()}`;

/** Base64 of a file, for the import's JSON body. */
async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export class EntryTab {
  private form = newForm();
  /** Kept until the comment is registered: a retry after a failure cannot register it twice. */
  private key = newKey();
  private sending = false;
  private error: string | null = null;
  private problems = new Map<string, string>();
  private done: { receipt: string; slip: string; scans: number } | null = null;
  private scans: Scan[] = [];
  private uploading: { done: number; total: number } | null = null;
  private files: File[] = [];
  private importing: 'check' | 'import' | null = null;
  private importError: string | null = null;
  private result: ImportResult | null = null;

  constructor(private readonly context: ReviewContext) {}

  /** The tab's own text (its catalogue comes with this chunk), else the console's. */
  private readonly t = (
    key: keyof EntryFormMessages | keyof ReviewMessages,
    params: Record<string, string | number> = {},
  ) => {
    const own = entryFormMessages[this.context.lang] as Record<string, string>;
    const text = own[key];
    if (text === undefined) return this.context.t(key as keyof ReviewMessages, params);
    return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  };

  /** A problem as the server worded it, in the console's language (Chinese for both scripts). */
  private said(p: Problem): string {
    return this.context.lang === 'en' ? p.message : (p.zh ?? p.message);
  }

  private get path() {
    return `/consultations/${encodeURIComponent(this.context.workspace.id ?? '')}`;
  }

  private set<K extends keyof EntryForm>(field: K, value: EntryForm[K]): void {
    this.form = { ...this.form, [field]: value };
    this.problems.delete(field);
    this.context.changed();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    const f = this.form;
    this.problems.clear();
    if (!f.body.trim()) this.problems.set('body', this.t('en_required'));
    if (!f.receivedAt) this.problems.set('receivedAt', this.t('en_required'));
    if (this.problems.size) {
      this.error = this.t('en_fix');
      this.context.changed();
      await this.context.rendered();
      this.context.query<HTMLElement>(`#en-${[...this.problems.keys()][0]}`)?.focus();
      return;
    }
    this.sending = true;
    this.error = null;
    this.context.changed();
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    const failed = await this.uploadScans();
    if (failed) {
      this.error = failed;
      this.sending = false;
      this.context.changed();
      return;
    }
    const tokens = this.scans.map((x) => x.token!);
    try {
      const answer = await this.context.session.call<{ receipt: string; slip: string }>(
        `${this.path}/entries`,
        {
          method: 'POST',
          headers: { 'idempotency-key': this.key },
          body: {
            channel: f.channel,
            receivedAt: f.receivedAt,
            submitterType: f.submitterType,
            clause: optional(f.clause),
            body: f.body,
            name: f.submitterType === 'anonymous' ? undefined : optional(f.name),
            contact: optional(f.contact),
            originalRef: optional(f.originalRef),
            attachments: tokens.length ? tokens : undefined,
          },
        },
        'enterComments',
      );
      this.done = { receipt: answer.receipt, slip: answer.slip.replace(/^\/api\/v1/, ''), scans: tokens.length };
      this.key = newKey();
      this.scans = [];
      this.context.announce(this.t('en_done', { receipt: answer.receipt }));
      void this.context.workspace.loadCounts();
    } catch (error) {
      // Uploads the server no longer knows (a day old): sent again with the next try.
      if (error instanceof ApiError && error.body.error === 'attachment-unknown') {
        for (const x of this.scans) delete x.token;
      }
      const problems = error instanceof ApiError ? (error.body.problems ?? []) : [];
      for (const p of problems as Problem[]) this.problems.set(p.path?.replace(/^\$\./, '') ?? '', this.said(p));
      this.error = this.t('en_failed', { detail: this.context.describe(error) });
    }
    this.sending = false;
    this.context.changed();
  }

  /** Uploads the scans not yet uploaded, one by one; what went wrong, in words, or null. */
  private async uploadScans(): Promise<string | null> {
    const waiting = this.scans.filter((x) => !x.token);
    for (const [i, scan] of waiting.entries()) {
      this.uploading = { done: i, total: waiting.length };
      this.context.changed();
      try {
        const { token } = await this.context.session.upload<{ token: string }>(
          `${this.path}/entries/attachments?name=${encodeURIComponent(scan.file.name)}`,
          scan.file,
          'enterComments',
        );
        scan.token = token;
      } catch (error) {
        this.uploading = null;
        this.problems.set('attachments', this.context.describe(error));
        return this.t('en_uploadFailed', { name: scan.file.name, detail: this.context.describe(error) });
      }
    }
    this.uploading = null;
    return null;
  }

  private chooseScans(event: Event): void {
    const chosen = [...((event.target as HTMLInputElement).files ?? [])];
    this.problems.delete('attachments');
    if (chosen.length > SCAN_MAX_FILES) {
      this.problems.set('attachments', this.t('en_scansNote', { mb: SCAN_MAX_MB, max: SCAN_MAX_FILES }));
    }
    this.scans = chosen.slice(0, SCAN_MAX_FILES).map((file) => ({ file }));
    this.context.changed();
  }

  private async slip(): Promise<void> {
    if (!this.done) return;
    try {
      const blob = await this.context.session.download(this.done.slip);
      downloadBlob(blob, `回执-${this.done.receipt}.html`);
    } catch (error) {
      this.error = this.context.describe(error);
      this.context.changed();
    }
  }

  private another(): void {
    this.form = { ...newForm(), channel: this.form.channel, receivedAt: this.form.receivedAt };
    this.done = null;
    this.scans = [];
    this.context.changed();
    void this.context.rendered().then(() => this.context.query<HTMLElement>('#en-body')?.focus());
  }

  private async template(): Promise<void> {
    try {
      downloadBlob(await this.context.session.download(`${this.path}/import/template.csv`), '意见导入模板.csv');
    } catch (error) {
      this.importError = this.context.describe(error);
      this.context.changed();
    }
  }

  private choose(event: Event): void {
    this.files = [...((event.target as HTMLInputElement).files ?? [])];
    this.result = null;
    this.importError = null;
    this.context.changed();
  }

  private format(): 'eml' | 'csv' | null {
    const eml = this.files.every((f) => /\.eml$/i.test(f.name));
    const csv = this.files.every((f) => /\.csv$/i.test(f.name));
    return this.files.length === 0 ? null : eml ? 'eml' : csv ? 'csv' : null;
  }

  private async runImport(dryRun: boolean): Promise<void> {
    const format = this.format();
    if (!format || this.importing) return;
    this.importing = dryRun ? 'check' : 'import';
    this.importError = null;
    this.context.changed();
    try {
      const files = await Promise.all(this.files.map(async (f) => ({ name: f.name, data: await base64(f) })));
      this.result = await this.context.session.call<ImportResult>(
        `${this.path}/import`,
        { method: 'POST', body: { format, files, dryRun } },
        'enterComments',
      );
      if (!dryRun) void this.context.workspace.loadCounts();
    } catch (error) {
      // 422: some rows are wrong; the answer names each of them.
      const body = error instanceof ApiError ? (error.body as unknown as Partial<ImportResult>) : {};
      if (error instanceof ApiError && error.status === 422 && Array.isArray(body.rows)) {
        this.result = body as ImportResult;
      } else this.importError = this.t('im_failed', { detail: this.context.describe(error) });
    }
    this.importing = null;
    this.context.announce(this.resultText() ?? this.importError ?? '');
    this.context.changed();
  }

  private resultText(): string | null {
    const r = this.result;
    if (!r) return null;
    if (r.failed) return this.t('im_refused', { failed: r.failed });
    if (r.dryRun) return this.t('im_checked', { count: r.rows.length });
    return this.t('im_imported', {
      added: r.added,
      replayed: r.replayed ? this.t('im_replayed', { count: r.replayed }) : '',
    });
  }

  render() {
    return html`<div class="entry-tab" part="entry">${this.renderForm()}${this.renderImport()}</div>`;
  }

  private field(id: Field, label: string, control: unknown, note?: string) {
    const problem = this.problems.get(id);
    return html`<div class="field" data-field=${id}>
      <label for=${`en-${id}`}>${label}</label>
      ${control}
      ${note ? html`<p class="hint" id=${`en-${id}-note`}>${note}</p>` : nothing}
      ${problem ? html`<p class="field-error" id=${`en-${id}-error`}>${problem}</p>` : nothing}
    </div>`;
  }

  private renderForm() {
    const { t } = this;
    const f = this.form;
    const clauses = this.context.workspace.clauses.value ?? [];
    const invalid = (id: Field) => (this.problems.has(id) ? 'true' : 'false');
    const described = (id: Field, note = false) =>
      [note ? `en-${id}-note` : '', this.problems.has(id) ? `en-${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    if (this.done) {
      return html`<section class="entry" aria-labelledby="en-heading">
        <h3 id="en-heading">${t('en_heading')}</h3>
        <p class="done" role="status">${t('en_done', { receipt: this.done.receipt })}${
          this.done.scans ? ` ${t('en_scansDone', { count: this.done.scans })}` : ''
        }</p>
        <p class="actions">
          <button type="button" class="gk-button" @click=${() => void this.slip()}>${t('en_slip')}</button>
          <button type="button" class="gk-button" @click=${() => this.another()}>${t('en_another')}</button>
        </p>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      </section>`;
    }
    return html`<section class="entry" aria-labelledby="en-heading">
      <h3 id="en-heading">${t('en_heading')}</h3>
      <p class="hint">${t('en_note')}</p>
      <form novalidate @submit=${(e: Event) => void this.submit(e)}>
        ${this.field(
          'channel',
          t('channel'),
          html`<select id="en-channel" .value=${f.channel} @change=${(e: Event) => this.set('channel', (e.target as HTMLSelectElement).value as EntryForm['channel'])}>
            ${ENTRY_CHANNELS.map((c) => html`<option value=${c} ?selected=${c === f.channel}>${t(`ch_${c}`)}</option>`)}
          </select>`,
        )}
        ${this.field(
          'receivedAt',
          t('receivedAt'),
          html`<input id="en-receivedAt" type="date" required max=${today()} .value=${f.receivedAt}
            aria-invalid=${invalid('receivedAt')} aria-describedby=${described('receivedAt')}
            @input=${(e: Event) => this.set('receivedAt', (e.target as HTMLInputElement).value)} />`,
        )}
        ${this.field(
          'submitterType',
          t('en_submitterType'),
          html`<select id="en-submitterType" @change=${(e: Event) => this.set('submitterType', (e.target as HTMLSelectElement).value as SubmitterType)}>
            ${SUBMITTER_TYPES.map((s) => html`<option value=${s} ?selected=${s === f.submitterType}>${t(`en_${s}`)}</option>`)}
          </select>`,
        )}
        ${this.field(
          'clause',
          t('en_clause'),
          html`<select id="en-clause" aria-invalid=${invalid('clause')} aria-describedby=${described('clause')}
            @change=${(e: Event) => this.set('clause', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${f.clause === ''}>${t('en_wholeText')}</option>
            ${clauses.map(
              (c) =>
                html`<option value=${c.id} ?selected=${c.id === f.clause}>${clauseName({ clause: c.id }, clauses) ?? c.id}</option>`,
            )}
          </select>`,
        )}
        ${this.field(
          'body',
          t('en_body'),
          html`<textarea id="en-body" rows="8" required maxlength="20000" .value=${f.body}
            aria-invalid=${invalid('body')} aria-describedby=${described('body')}
            @input=${(e: Event) => this.set('body', (e.target as HTMLTextAreaElement).value)}></textarea>`,
        )}
        ${
          f.submitterType === 'anonymous'
            ? nothing
            : this.field(
                'name',
                t('en_name'),
                html`<input id="en-name" maxlength="100" autocomplete="off" .value=${f.name} aria-describedby="en-contact-note"
                  @input=${(e: Event) => this.set('name', (e.target as HTMLInputElement).value)} />`,
              )
        }
        ${this.field(
          'contact',
          t('en_contact'),
          html`<input id="en-contact" maxlength="200" autocomplete="off" .value=${f.contact} aria-describedby=${described('contact', true)}
            @input=${(e: Event) => this.set('contact', (e.target as HTMLInputElement).value)} />`,
          t('en_contactNote'),
        )}
        ${this.field(
          'originalRef',
          t('en_originalRef'),
          html`<input id="en-originalRef" maxlength="200" .value=${f.originalRef} aria-describedby=${described('originalRef', true)}
            @input=${(e: Event) => this.set('originalRef', (e.target as HTMLInputElement).value)} />`,
          t('en_originalRefNote'),
        )}
        ${this.field(
          'attachments',
          t('en_scans'),
          html`<input id="en-attachments" type="file" multiple
            accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png"
            aria-invalid=${invalid('attachments')} aria-describedby=${described('attachments', true)}
            @change=${(e: Event) => this.chooseScans(e)} />`,
          t('en_scansNote', { mb: SCAN_MAX_MB, max: SCAN_MAX_FILES }),
        )}
        ${
          this.scans.length
            ? html`<p class="hint chosen" id="en-scans-chosen">${t('en_scansChosen', {
                names: this.scans.map((x) => x.file.name).join(this.context.lang === 'en' ? ', ' : '、'),
              })}</p>`
            : nothing
        }
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
        <p class="actions">
          <button type="submit" class="gk-button primary" ?disabled=${this.sending}>
            ${
              this.uploading
                ? t('en_uploading', { done: this.uploading.done + 1, total: this.uploading.total })
                : this.sending
                  ? t('en_sending')
                  : t('en_submit')
            }
          </button>
        </p>
      </form>
    </section>`;
  }

  private renderImport() {
    const { t } = this;
    const format = this.format();
    const r = this.result;
    return html`<section class="import" aria-labelledby="im-heading">
      <h3 id="im-heading">${t('im_heading')}</h3>
      <p class="hint">${t('im_note', { max: IMPORT_MAX_ROWS })}</p>
      <p><button type="button" class="gk-link-button" @click=${() => void this.template()}>${t('im_template')}</button></p>
      <div class="field">
        <label for="im-files">${t('im_files')}</label>
        <input id="im-files" type="file" multiple accept=".eml,.csv,message/rfc822,text/csv" @change=${(e: Event) => this.choose(e)} />
      </div>
      ${this.files.length ? html`<p class="hint chosen">${t('im_chosen', { count: this.files.length })}</p>` : nothing}
      ${this.files.length && !format ? html`<p class="form-error" role="alert">${t('im_mixed')}</p>` : nothing}
      <p class="actions">
        <button type="button" class="gk-button" ?disabled=${!format || !!this.importing} @click=${() => void this.runImport(true)}>
          ${this.importing === 'check' ? t('im_working') : t('im_check')}
        </button>
        <button type="button" class="gk-button primary" ?disabled=${!format || !!this.importing} @click=${() => void this.runImport(false)}>
          ${this.importing === 'import' ? t('im_working') : t('im_import')}
        </button>
      </p>
      ${this.importError ? html`<p class="form-error" role="alert">${this.importError}</p>` : nothing}
      ${r ? html`<p class=${r.failed ? 'form-error' : 'done'} role="status">${this.resultText()}</p>` : nothing}
      ${
        r?.rows.length
          ? html`<table class="import-rows">
            <caption>${t('im_caption')}</caption>
            <thead><tr><th scope="col">${t('im_file')}</th><th scope="col">${t('im_row')}</th><th scope="col">${t('im_result')}</th></tr></thead>
            <tbody>
              ${r.rows.map(
                (row) => html`<tr data-ok=${row.ok ? 'true' : 'false'}>
                  <td>${row.file}</td>
                  <td>${row.row}</td>
                  <td>${
                    row.ok
                      ? row.receipt
                        ? t('im_rowReceipt', { receipt: row.receipt })
                        : t('im_ok')
                      : (row.problems ?? []).map((p) => this.said(p)).join(this.context.lang === 'en' ? '; ' : '；')
                  }</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }
    </section>`;
  }
}

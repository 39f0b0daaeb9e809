// The comment form's attachments (issue 21), a chunk of its own: loaded only when gk-consultation
// has the `attachments` attribute. Files picked are checked at once (size, count, type by their
// first bytes: the server checks again), kept on the device in IndexedDB with the draft (Blobs),
// so a reload or a lost connection loses none, and uploaded just before the comment is sent, each
// retried like the comment; the tokens the server gives are kept, so a retry uploads nothing twice.
// It imports nothing of the consultation chunk at run time (what it needs comes in `Host`): an
// import back into that chunk made the bundler add its module runtime to the form (0.6 kB gzip).
import { html, nothing } from 'lit';
import { type AttachmentMessages, attachmentMessages } from '../i18n/attachments.js';
import type { UiLang } from '../i18n/types.js';
import { ApiError, apiUrl, parseRetryAfter } from '../internal/api.js';
import type { DeliveryState } from './sender.js';

export interface Limits {
  files: number;
  mb: number;
}

/** `attachments` (5 files of 10 MB) or `attachments="3/5"`; null when it is not FILES/MB. */
export function parseLimits(value: string): Limits | null {
  if (!value.trim()) return { files: 5, mb: 10 };
  const m = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0) return null;
  return { files: Number(m[1]), mb: Number(m[2]) };
}

export interface StoredFile {
  id: string;
  /** `<consultation>:<clause or *>`: the draft it belongs to. */
  owner: string;
  name: string;
  size: number;
  blob: Blob;
  added: number;
  /** The server's token once uploaded, and when it was given (tokens expire after a day). */
  token?: string;
  tokenAt?: number;
}

type Msg = (key: keyof AttachmentMessages, params?: Record<string, string | number>) => string;

export const messages =
  (lang: UiLang): Msg =>
  (key, params = {}) =>
    attachmentMessages[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

const DAY = 86_400_000;
/** Re-uploaded when older: the server forgets uploads no comment named after 24 hours. */
const TOKEN_MS = 20 * 3_600_000;
const STORE = 'files';

/** The files of every draft, in IndexedDB; in memory where IndexedDB is unavailable (private mode). */
class Stash {
  private db: Promise<IDBDatabase | null> | null = null;
  private readonly memory = new Map<string, StoredFile>();

  constructor(
    private readonly name: string,
    private readonly keepDays: number,
  ) {}

  private open(): Promise<IDBDatabase | null> {
    this.db ??= new Promise((resolve) => {
      try {
        const request = indexedDB.open(this.name, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
        request.onsuccess = () => {
          const db = request.result;
          // "清除本机记录" deletes the database: let it.
          db.onversionchange = () => {
            db.close();
            this.db = null;
          };
          resolve(db);
        };
        request.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return this.db;
  }

  private async tx<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
    const db = await this.open();
    if (!db) return null;
    return new Promise((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  /** A draft's files in the order they were added; expired ones are dropped. */
  async list(owner: string): Promise<StoredFile[]> {
    // Files IndexedDB refused (quota, private mode) are in memory for this page: both count.
    const stored = (await this.tx('readonly', (s) => s.getAll() as IDBRequest<StoredFile[]>)) ?? [];
    const all = [...stored.filter((f) => !this.memory.has(f.id)), ...this.memory.values()];
    const old = Date.now() - this.keepDays * DAY;
    for (const f of all) if (f.added < old) await this.remove(f.id);
    return all.filter((f) => f.owner === owner && f.added >= old).sort((a, b) => a.added - b.added);
  }

  async put(file: StoredFile): Promise<void> {
    this.memory.set(file.id, file);
    try {
      if ((await this.tx('readwrite', (s) => s.put(file))) !== null) this.memory.delete(file.id);
    } catch {
      // Quota: kept in memory for this page.
    }
  }

  async remove(id: string): Promise<void> {
    this.memory.delete(id);
    await this.tx('readwrite', (s) => s.delete(id)).catch(() => {});
  }

  async clear(owner: string): Promise<void> {
    for (const f of await this.list(owner)) await this.remove(f.id);
  }

  forget(): void {
    this.memory.clear();
  }
}

const isAt = (b: Uint8Array, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/** PDF, JPEG, PNG or a ZIP (a .docx is one; the server looks inside) by the first bytes. */
export async function acceptedType(blob: Blob): Promise<boolean> {
  const b = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  return (
    isAt(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) ||
    isAt(b, [0xff, 0xd8, 0xff]) ||
    isAt(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
    isAt(b, [0x50, 0x4b, 0x03, 0x04])
  );
}

export function formatSize(bytes: number, lang: UiLang): string {
  const n = (x: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(x);
  if (bytes >= 1024 * 1024) return `${n(bytes / 1024 / 1024)} MB`;
  return `${n(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Adds the files that pass; says in words why each other one was not added. */
async function addFiles(
  stash: Stash,
  owner: string,
  picked: File[],
  limits: Limits,
  lang: UiLang,
): Promise<{ files: StoredFile[]; errors: string[] }> {
  const t = messages(lang);
  const current = await stash.list(owner);
  const errors: string[] = [];
  let count = current.length;
  for (const file of picked) {
    const name = file.name;
    if (count >= limits.files) errors.push(t('att_tooMany', { files: limits.files, name }));
    else if (file.size === 0) errors.push(t('att_empty', { name }));
    else if (file.size > limits.mb * 1024 * 1024)
      errors.push(t('att_tooBig', { name, size: formatSize(file.size, lang), mb: limits.mb }));
    else if (!(await acceptedType(file))) errors.push(t('att_wrongType', { name }));
    else {
      const id = crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await stash.put({ id, owner, name, size: file.size, blob: file, added: Date.now() + count });
      count++;
    }
  }
  return { files: await stash.list(owner), errors };
}

interface FieldView {
  lang: UiLang;
  keepDays: number;
  files: readonly StoredFile[];
  limits: Limits;
  errors: readonly string[];
  locked: boolean;
  onPick: (files: File[]) => void;
  onRemove: (file: StoredFile) => void;
}

const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function renderField(v: FieldView) {
  const t = messages(v.lang);
  const full = v.files.length >= v.limits.files;
  return html`<div class="field attachments" part="attachments">
    <label for="files">${t('att_label')}</label>
    <p class="hint" id="files-hint">${t('att_hint', { files: v.limits.files, mb: v.limits.mb })}</p>
    <p class="hint" id="files-device">${t('att_device', { days: v.keepDays })}</p>
    <input
      id="files"
      type="file"
      multiple
      accept=${ACCEPT}
      ?disabled=${v.locked || full}
      aria-describedby="files-hint files-device${v.errors.length ? ' files-errors' : ''}"
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const files = [...(input.files ?? [])];
        input.value = '';
        if (files.length) v.onPick(files);
      }}
    />
    ${
      v.files.length
        ? html`<ul class="files" aria-label=${t('att_list')}>
          ${v.files.map(
            (f) => html`<li>
              <span class="file-name">${f.name}</span>
              <span class="hint">${formatSize(f.size, v.lang)}</span>
              <button
                type="button"
                class="gk-link-button"
                data-remove=${f.id}
                ?disabled=${v.locked}
                aria-label=${t('att_remove', { name: f.name })}
                @click=${() => v.onRemove(f)}
              >
                ${t('att_remove', { name: '' }).trim()}
              </button>
            </li>`,
          )}
        </ul>`
        : nothing
    }
    <div id="files-errors" role="alert">
      ${v.errors.map((e) => html`<p class="field-error">${e}</p>`)}
    </div>
  </div>`;
}

/** An upload the server refused (too large, wrong type, malware): the comment waits, as a draft. */
export class AttachmentRefused extends Error {
  override name = 'AttachmentRefused';
}

async function post(url: string, file: StoredFile, signal: AbortSignal): Promise<{ token: string }> {
  let response: Response;
  try {
    response = await fetch(`${url}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      body: file.blob,
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('network', url);
  }
  const body = await response.json().catch(() => ({}));
  if (response.ok && typeof body?.token === 'string') return body;
  if (response.ok) throw new ApiError('bad-answer', url, response.status);
  const kind = response.status === 429 ? 'rate-limited' : response.status >= 500 ? 'server' : 'refused';
  throw new ApiError(kind, url, response.status, body, parseRetryAfter(response.headers.get('retry-after')));
}

/** The receipt's line: 附件（2 个）：意见.pdf（1.2 MB）、照片.png（300 KB）. */
function receiptLine(lang: UiLang, files: readonly { name: string; size: number }[]): string {
  if (!files.length) return '';
  const names = files.map((f) => `${f.name}（${formatSize(f.size, lang)}）`).join(lang === 'en' ? ', ' : '、');
  return messages(lang)('att_receipt', { count: files.length, names });
}

/** What the chunk needs from gk-consultation. */
export interface Host {
  readonly lang: UiLang;
  /** `attachments`: '' or FILES/MB. */
  readonly limits: string;
  /** The draft shown now (`<consultation>:<clause or *>`). */
  readonly owner: string;
  changed(): void;
  focus(selector: string): void;
  /** sender.ts's withRetries: the uploads wait and retry as the comment does. */
  retry<T>(attempt: () => Promise<T>, onState: (state: DeliveryState) => void, signal: AbortSignal): Promise<T>;
  /** drafts.ts's DRAFT_DAYS and FILES_DB: the files live as long as their draft, where 清除本机记录 looks. */
  readonly keepDays: number;
  readonly database: string;
}

export interface Upload {
  endpoint: string;
  consultation: string;
  owner: string;
  signal: AbortSignal;
  onState: (state: DeliveryState) => void;
}

/** The field's state for the draft shown, and the uploads of any queued draft. */
export class Attachments {
  files: StoredFile[] = [];
  errors: string[] = [];
  /** 正在上传附件 2/3…, while uploads run. */
  note = '';
  private readonly stash: Stash;

  constructor(private readonly host: Host) {
    this.stash = new Stash(host.database, host.keepDays);
  }

  /** Reads the files of the draft shown now (after another draft was opened). */
  async show(): Promise<void> {
    const owner = this.host.owner;
    const files = await this.stash.list(owner);
    if (this.host.owner !== owner) return;
    this.files = files;
    this.host.changed();
  }

  render(locked: boolean) {
    const { lang, owner } = this.host;
    const limits = parseLimits(this.host.limits);
    if (!limits) return html`<p class="gk-error" role="alert">${messages(lang)('att_badConfig')}</p>`;
    return renderField({
      lang,
      keepDays: this.host.keepDays,
      files: this.files,
      limits,
      errors: this.errors,
      locked,
      onPick: async (picked) => {
        const { files, errors } = await addFiles(this.stash, owner, picked, limits, lang);
        this.files = files;
        this.errors = errors;
        this.host.changed();
      },
      onRemove: async (file) => {
        await this.stash.remove(file.id);
        this.files = this.files.filter((f) => f.id !== file.id);
        this.errors = [];
        this.host.changed();
        this.host.focus('#files');
      },
    });
  }

  /** Uploads the draft's files that have no fresh token, each until the server answers; their tokens. */
  async upload(u: Upload): Promise<string[]> {
    const files = await this.stash.list(u.owner);
    const lang = this.host.lang;
    const url = apiUrl(u.endpoint, `/consultations/${encodeURIComponent(u.consultation)}/attachments`);
    const tokens: string[] = [];
    try {
      for (const [i, file] of files.entries()) {
        this.note = messages(lang)('att_uploading', { done: i + 1, total: files.length });
        this.host.changed();
        if (!file.token || Date.now() - (file.tokenAt ?? 0) > TOKEN_MS) {
          try {
            const { token } = await this.host.retry(() => post(url, file, u.signal), u.onState, u.signal);
            Object.assign(file, { token, tokenAt: Date.now() });
            await this.stash.put(file);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            const detail = (lang !== 'en' && error.body.zh) || error.body.message || `HTTP ${error.status}`;
            throw new AttachmentRefused(messages(lang)('att_refused', { name: file.name, detail }));
          }
        }
        tokens.push(file.token!);
      }
    } finally {
      this.note = '';
      this.host.changed();
    }
    return tokens;
  }

  /**
   * The server no longer knows some tokens (expired while the comment waited, or taken by an
   * earlier try): they are forgotten, to be uploaded again. False for any other error.
   */
  async unknown(owner: string, error: unknown): Promise<boolean> {
    if (!(error instanceof ApiError) || error.code !== 'attachment-unknown') return false;
    const tokens = (error.body as { tokens?: string[] }).tokens;
    for (const file of await this.stash.list(owner)) {
      if (file.token && (!tokens || tokens.includes(file.token))) {
        delete file.token;
        delete file.tokenAt;
        await this.stash.put(file);
      }
    }
    return true;
  }

  /** The comment was received: its files leave the device; the receipt's line about them. */
  async sent(owner: string): Promise<string> {
    const line = receiptLine(this.host.lang, await this.stash.list(owner));
    await this.stash.clear(owner);
    if (owner === this.host.owner) this.files = [];
    return line;
  }

  /** The draft was discarded: its files too. */
  async discard(owner: string): Promise<void> {
    await this.stash.clear(owner);
    this.files = [];
    this.errors = [];
    this.host.changed();
  }

  /** The device was cleared (the database deleted): forget what this page holds. */
  forget(): void {
    this.stash.forget();
    this.files = [];
    this.errors = [];
  }
}

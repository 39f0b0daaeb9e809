// The comment form's attachments (issue 21), a chunk of its own: loaded only when gk-consultation
// has the `attachments` attribute. Files picked are checked at once (size, count, type by their
// first bytes: the server checks again), kept on the device in IndexedDB with the draft (Blobs),
// so a reload or a lost connection loses none, and uploaded just before the comment is sent, each
// retried like the comment; the tokens the server gives are kept, so a retry uploads nothing twice.
import { html, nothing } from 'lit';
import { type AttachmentMessages, attachmentMessages } from '../i18n/attachments.js';
import type { UiLang } from '../i18n/types.js';
import { ApiError, apiUrl, parseRetryAfter } from '../internal/api.js';
import { DRAFT_DAYS, FILES_DB } from './drafts.js';
import { type DeliveryState, withRetries } from './sender.js';

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

  private open(): Promise<IDBDatabase | null> {
    this.db ??= new Promise((resolve) => {
      try {
        const request = indexedDB.open(FILES_DB, 1);
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
    const all = (await this.tx('readonly', (s) => s.getAll() as IDBRequest<StoredFile[]>)) ?? [...this.memory.values()];
    const old = Date.now() - DRAFT_DAYS * DAY;
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

export const stash = new Stash();

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
export async function addFiles(
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

export interface FieldView {
  lang: UiLang;
  files: readonly StoredFile[];
  limits: Limits;
  errors: readonly string[];
  locked: boolean;
  onPick: (files: File[]) => void;
  onRemove: (file: StoredFile) => void;
}

const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function renderField(v: FieldView) {
  const t = messages(v.lang);
  const full = v.files.length >= v.limits.files;
  return html`<div class="field attachments" part="attachments">
    <label for="files">${t('att_label')}</label>
    <p class="hint" id="files-hint">${t('att_hint', { files: v.limits.files, mb: v.limits.mb })}</p>
    <p class="hint" id="files-device">${t('att_device', { days: DRAFT_DAYS })}</p>
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

export interface Upload {
  endpoint: string;
  consultation: string;
  owner: string;
  lang: UiLang;
  signal: AbortSignal;
  onState: (state: DeliveryState) => void;
  onProgress: (done: number, total: number) => void;
}

/** Uploads the draft's files that have no fresh token, each until the server answers; their tokens. */
export async function uploadAll(u: Upload): Promise<string[]> {
  const files = await stash.list(u.owner);
  const url = apiUrl(u.endpoint, `/consultations/${encodeURIComponent(u.consultation)}/attachments`);
  const tokens: string[] = [];
  for (const [i, file] of files.entries()) {
    u.onProgress(i, files.length);
    if (!file.token || Date.now() - (file.tokenAt ?? 0) > TOKEN_MS) {
      try {
        const { token } = await withRetries(() => post(url, file, u.signal), u.onState, u.signal);
        Object.assign(file, { token, tokenAt: Date.now() });
        await stash.put(file);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const detail = (u.lang !== 'en' && error.body.zh) || error.body.message || `HTTP ${error.status}`;
        throw new AttachmentRefused(messages(u.lang)('att_refused', { name: file.name, detail }));
      }
    }
    tokens.push(file.token!);
  }
  u.onProgress(files.length, files.length);
  return tokens;
}

/** Tokens the server no longer knows (expired, or taken by an earlier try): upload those again. */
export async function forgetTokens(owner: string, tokens: readonly string[]): Promise<void> {
  for (const file of await stash.list(owner)) {
    if (file.token && tokens.includes(file.token)) {
      delete file.token;
      delete file.tokenAt;
      await stash.put(file);
    }
  }
}

/** The receipt's line: 附件（2 个）：意见.pdf（1.2 MB）、照片.png（300 KB）. */
export function receiptLine(lang: UiLang, files: readonly { name: string; size: number }[]): string {
  if (!files.length) return '';
  const names = files.map((f) => `${f.name}（${formatSize(f.size, lang)}）`).join(lang === 'en' ? ', ' : '、');
  return messages(lang)('att_receipt', { count: files.length, names });
}

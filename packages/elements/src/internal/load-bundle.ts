import {
  type DocumentBundle,
  type DocumentPartial,
  type Problem,
  type ReadingResult,
  readDocument,
  readDocumentPartial,
  type Skipped,
} from '@gongkai/format';
import type { Messages } from '../i18n/zh-Hans.js';
import { loadValidator } from './lazy.js';

export type Msg = (key: keyof Messages, params?: Record<string, string | number>) => string;

/** Why a bundle could not be shown: a translated headline, a detail, and the schema problems. */
export class BundleError extends Error {
  constructor(
    readonly headline: string,
    readonly detail: string,
    readonly problems: Problem[] = [],
  ) {
    super(`${headline}: ${detail}`);
  }
}

/** A bundle as readers get it: the valid rest, and the invalid items left out (to report). */
export type Read<T> = { value: T; skipped: Skipped[] };

export function readable<T>(result: ReadingResult<T>, source: string, msg: Msg): Read<T> {
  if (!result.ok) throw new BundleError(msg('invalidBundle'), source, result.problems);
  return result;
}

/**
 * Validates a bundle's document and notes. Its Q&A, graphics and consultation are checked by
 * the elements that show them (checkParts), whose chunks a plain document never loads. A valid
 * bundle is known as such at once; only an invalid one loads the validator that says why.
 */
export async function checkBundle(input: unknown, source: string, msg: Msg): Promise<Read<DocumentBundle>> {
  const valid = readDocument(input);
  if (valid) return { value: valid, skipped: [] };
  return readable((await loadValidator()).validateDocumentForReading(input), source, msg);
}

/** Validates an interpretation file, or the document and notes of any part of a bundle given to an element. */
export async function checkPartial(input: unknown, source: string, msg: Msg): Promise<Read<DocumentPartial>> {
  return validPartial(input) ?? readable((await loadValidator()).validateDocumentPartialForReading(input), source, msg);
}

/** `checkPartial` in the same task, for a valid input; null for one that needs the validator to say why. */
export function validPartial(input: unknown): Read<DocumentPartial> | null {
  const valid = readDocumentPartial(input);
  return valid ? { value: valid, skipped: [] } : null;
}

/** Fetches and validates a bundle; every failure names the URL and what went wrong. */
export async function loadBundle(url: string, msg: Msg, signal?: AbortSignal): Promise<Read<DocumentBundle>> {
  return checkBundle(await fetchBundle(url, msg, signal), url, msg);
}

/** Fetches a bundle or an interpretation file as JSON, its links made absolute (`linksFrom`). */
export async function fetchBundle(url: string, msg: Msg, signal?: AbortSignal): Promise<unknown> {
  return linksFrom(await fetchJson(url, msg, signal), url);
}

/**
 * A file's own links are relative to the file, not to the page that shows it (an interpretation
 * file kept beside the previous version's bundle, far from the CMS page): `revisionOf.url` made
 * absolute against the file's URL. Anything that is not a URL is left for the validator to name.
 */
function linksFrom(json: unknown, fileUrl: string): unknown {
  const revisionOf = (json as { revisionOf?: { url?: unknown } } | null)?.revisionOf;
  if (typeof revisionOf?.url !== 'string') return json;
  try {
    const url = new URL(revisionOf.url, new URL(fileUrl, document.baseURI)).href;
    return { ...(json as object), revisionOf: { ...revisionOf, url } };
  } catch {
    return json;
  }
}

/** Fetches JSON; every failure names the URL and what went wrong. */
export async function fetchJson(url: string, msg: Msg, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new BundleError(msg('loadFailed'), `${url} — ${msg('networkError')}`);
  }
  if (!response.ok) {
    throw new BundleError(msg('loadFailed'), `${url} — ${msg('httpStatus', { status: response.status })}`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BundleError(msg('loadFailed'), `${url} — ${msg('notJson', { detail: (error as Error).message })}`);
  }
  return json;
}

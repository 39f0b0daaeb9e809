import {
  type Bundle,
  type PartialBundle,
  type Problem,
  type ReadingResult,
  type Skipped,
  validateForReading,
  validatePartialForReading,
} from '@gongkai/format';
import type { Messages } from '../i18n/zh-Hans.js';

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

function readable<T>(result: ReadingResult<T>, source: string, msg: Msg): Read<T> {
  if (!result.ok) throw new BundleError(msg('invalidBundle'), source, result.problems);
  return result;
}

export function checkBundle(input: unknown, source: string, msg: Msg): Read<Bundle> {
  return readable(validateForReading(input), source, msg);
}

/** Validates an interpretation file or any part of a bundle given to an element. */
export function checkPartial(input: unknown, source: string, msg: Msg): Read<PartialBundle> {
  return readable(validatePartialForReading(input), source, msg);
}

/** Fetches and validates a bundle; every failure names the URL and what went wrong. */
export async function loadBundle(url: string, msg: Msg, signal?: AbortSignal): Promise<Read<Bundle>> {
  return checkBundle(await fetchJson(url, msg, signal), url, msg);
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

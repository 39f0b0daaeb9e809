// The one client of the consultation service used by the citizen and staff elements. Every
// failure becomes an ApiError that says what happened, in terms an element can act on.
import type { ApiErrorBody } from '@gongkai/format';

export type ApiFailure =
  /** No answer at all: offline, DNS, CORS refusal, connection reset. Retry later. */
  | 'network'
  /** 5xx, or 503 while the database is away. Retry with backoff. */
  | 'server'
  /** 429: wait `retryAfter` seconds. */
  | 'rate-limited'
  /** Any other 4xx: retrying the same request will not help. */
  | 'refused'
  /** A 2xx whose body is not the JSON we expect. */
  | 'bad-answer';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiFailure,
    readonly url: string,
    readonly status = 0,
    readonly body: Partial<ApiErrorBody> = {},
    /** Seconds to wait before trying again (Retry-After), when the server said. */
    readonly retryAfter: number | null = null,
  ) {
    super(`${url}: ${body.message ?? (status ? `HTTP ${status}` : kind)}`);
  }

  get code(): string {
    return this.body.error ?? this.kind;
  }

  /** Worth trying again unchanged: the network, the server, or a rate limit. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}

/** `endpoint` is the bundle's `consultation.endpoint` (e.g. `/api/v1`); `path` starts with `/`. */
export function apiUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** `no-cache` revalidates with the server (e.g. a window's status, which changes). */
  cache?: RequestCache;
}

/** Calls the API and returns its JSON answer (null for 204); throws ApiError otherwise. */
export async function requestApi<T>(url: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      cache: request.cache,
      // Citizens' requests carry no cookies: the API needs none, and CORS stays simple.
      credentials: 'omit',
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiError('network', url);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new ApiError('bad-answer', url, response.status);
  }
  if (response.ok) return json as T;
  const body = json && typeof json === 'object' ? (json as Partial<ApiErrorBody>) : {};
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const kind: ApiFailure = response.status === 429 ? 'rate-limited' : response.status >= 500 ? 'server' : 'refused';
  throw new ApiError(kind, url, response.status, body, retryAfter);
}

/** Retry-After as seconds from now: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

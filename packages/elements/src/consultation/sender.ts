// Delivers one comment exactly once: the same Idempotency-Key on every attempt, retries with
// backoff on network errors and 5xx, waits out 429 (Retry-After), and waits for the network
// to return when the browser is offline. Stops only on success, a refusal, or abort.
import type { CommentCreate, ReceiptView } from '@gongkai/format';
import { ApiError, apiUrl, requestApi } from '../internal/api.js';
import type { NotifyRequest } from './notify.js';

export type DeliveryState =
  | { kind: 'sending' }
  | { kind: 'waiting' }
  | { kind: 'retrying'; at: number; attempt: number }
  | { kind: 'rate-limited'; at: number };

export interface Delivery {
  endpoint: string;
  consultation: string;
  key: string;
  /** `notify` and the attachments' tokens travel with the comment: every retry carries them, under the same key. */
  comment: CommentCreate & { notify?: NotifyRequest; attachments?: string[] };
  onState: (state: DeliveryState) => void;
  signal: AbortSignal;
}

const MAX_BACKOFF = 60_000;

/** 1 s, 2 s, 4 s … up to a minute, with jitter so many browsers do not retry in step. */
export function backoff(attempt: number): number {
  const base = Math.min(MAX_BACKOFF, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export async function deliver(d: Delivery): Promise<ReceiptView> {
  const url = apiUrl(d.endpoint, `/consultations/${encodeURIComponent(d.consultation)}/comments`);
  return withRetries(
    () =>
      requestApi<ReceiptView>(url, {
        method: 'POST',
        body: d.comment,
        headers: { 'idempotency-key': d.key },
        signal: d.signal,
      }),
    d.onState,
    d.signal,
  );
}

/**
 * Runs `attempt` until it succeeds or is refused: after network errors and 5xx with backoff, after
 * 429 when Retry-After says, and once the browser is back online. The comment and its attachments.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  onState: (state: DeliveryState) => void,
  signal: AbortSignal,
): Promise<T> {
  for (let n = 0; ; n++) {
    if (!navigator.onLine) {
      onState({ kind: 'waiting' });
      await waitFor(null, signal);
    }
    onState({ kind: 'sending' });
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.transient) throw error;
      if (error.kind === 'rate-limited') {
        const at = Date.now() + Math.max(1, error.retryAfter ?? 30) * 1000;
        onState({ kind: 'rate-limited', at });
        await waitFor(at - Date.now(), signal, false);
      } else if (error.kind === 'network' && !navigator.onLine) {
        onState({ kind: 'waiting' });
        await waitFor(null, signal);
      } else {
        const delay = backoff(n);
        onState({ kind: 'retrying', at: Date.now() + delay, attempt: n + 1 });
        await waitFor(delay, signal);
      }
    }
  }
}

const wake = new EventTarget();

/** Cuts every pending wait short ("立即重试"). */
export function retryNow(): void {
  wake.dispatchEvent(new Event('wake'));
}

/**
 * Resolves after `ms` (null: only when the browser comes back online), or earlier when the
 * browser comes back online (unless `wakeOnline` is false, as for a rate limit) or on
 * `retryNow()`. Rejects when aborted.
 */
function waitFor(ms: number | null, signal: AbortSignal, wakeOnline = true): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const cleanup = () => {
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      wake.removeEventListener('wake', done);
      signal.removeEventListener('abort', onAbort);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const onOnline = () => wakeOnline && done();
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    const timer = ms === null ? undefined : setTimeout(done, ms);
    window.addEventListener('online', onOnline);
    wake.addEventListener('wake', done);
    signal.addEventListener('abort', onAbort);
  });
}

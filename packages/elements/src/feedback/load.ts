// Getting the feedback: from the page (a property) or from the consultation service. Every
// outcome is a value the element can show; nothing here throws except an abort.
import type { ConsultationView, FeedbackCommentsPage, FeedbackView } from '@gongkai/format';
import { ApiError, apiUrl, requestApi } from '../internal/api.js';
import { BundleError } from '../internal/load-bundle.js';
import { checkFeedback } from './check.js';
import type { Msg } from './context.js';

export type Loaded =
  | { kind: 'published'; feedback: FeedbackView }
  /** `consultation` gives the dates (closing, expected publication), when the service said. */
  | { kind: 'not-published'; consultation: ConsultationView | null }
  /** The service could not be reached or failed: worth a retry. */
  | { kind: 'failed'; error: ApiError }
  /** Bad input or configuration: a retry will not help; the message says what to fix. */
  | { kind: 'invalid'; error: BundleError };

/** A FeedbackView from outside, checked; `source` names where it came from in the message. */
export function takeFeedback(input: unknown, headline: string, source: string): Loaded {
  const checked = checkFeedback(input);
  return checked.ok
    ? { kind: 'published', feedback: checked.value }
    : { kind: 'invalid', error: new BundleError(headline, source, checked.problems) };
}

export async function fetchFeedback(
  endpoint: string,
  consultation: string,
  msg: Msg,
  signal: AbortSignal,
): Promise<Loaded> {
  const id = encodeURIComponent(consultation);
  const url = apiUrl(endpoint, `/consultations/${id}/feedback`);
  try {
    return takeFeedback(await requestApi<unknown>(url, { signal }), msg('badAnswer'), url);
  } catch (error) {
    if (signal.aborted) throw error;
    if (!(error instanceof ApiError)) return { kind: 'failed', error: new ApiError('network', url) };
    if (error.status === 404 && error.code === 'not-published') {
      // The dates are the consultation's: asked only now, so a published feedback costs one request.
      const view = await requestApi<unknown>(apiUrl(endpoint, `/consultations/${id}`), { signal }).catch(() => null);
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      return { kind: 'not-published', consultation: isConsultation(view) ? view : null };
    }
    if (error.status === 404 || error.status === 400) {
      return {
        kind: 'invalid',
        error: new BundleError(msg('errorHeading'), msg('unknownConsultation', { id: consultation })),
      };
    }
    return { kind: 'failed', error };
  }
}

function isConsultation(value: unknown): value is ConsultationView {
  return !!value && typeof value === 'object' && typeof (value as ConsultationView).closes === 'string';
}

/** Which published comments to list: the server filters, searches and pages them. */
export interface PageQuery {
  decision: string | null;
  /** undefined: every clause; null: comments on the whole text. */
  clause: string | null | undefined;
  query: string;
  cursor: string | null;
  limit: number;
}

/** One page of the latest version's comments (`GET …/feedback/comments`), checked. Throws ApiError. */
export async function fetchCommentsPage(
  endpoint: string,
  consultation: string,
  q: PageQuery,
  signal: AbortSignal,
): Promise<FeedbackCommentsPage> {
  const params = new URLSearchParams({ limit: String(q.limit) });
  if (q.cursor) params.set('cursor', q.cursor);
  if (q.clause !== undefined) params.set('clause', q.clause ?? 'none');
  if (q.decision) params.set('decision', q.decision);
  if (q.query.trim()) params.set('q', q.query.trim());
  const url = apiUrl(endpoint, `/consultations/${encodeURIComponent(consultation)}/feedback/comments?${params}`);
  let page: unknown;
  try {
    page = await requestApi<unknown>(url, { signal });
  } catch (error) {
    if (signal.aborted || error instanceof ApiError) throw error;
    throw new ApiError('network', url);
  }
  const p = page as FeedbackCommentsPage;
  const ok =
    !!p &&
    Array.isArray(p.items) &&
    Number.isInteger(p.total) &&
    (p.next === null || typeof p.next === 'string') &&
    checkFeedback({
      consultation,
      title: '',
      version: 1,
      published: '2000-01-01',
      summary: COUNTS,
      byClause: [],
      comments: p.items,
    }).ok;
  if (!ok) throw new ApiError('bad-answer', url, 200);
  return p;
}

const COUNTS = { received: 0, published: 0, adopted: 0, partlyAdopted: 0, notAdopted: 0, outOfScope: 0, removed: 0 };

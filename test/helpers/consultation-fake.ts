// A stand-in for the consultation service inside the browser (tests and stories): it answers
// the public endpoints gk-consultation calls, keeps comments by Idempotency-Key exactly as the
// real service does, and can be told to fail the way networks and servers fail.
import type { ConsultationStatus, ConsultationView, FeedbackView, ReceiptLookup } from '@gongkai/format';

export const ENDPOINT = '/fake-api/v1';
export const CONSULTATION_ID = 'ezhou-zbf-2016-40-draft';
const DAY = 86_400_000;

export type Failure = 'network' | { status: number; body?: object; headers?: Record<string, string> };

export interface FakeCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeOptions {
  status?: ConsultationStatus;
  /** The consultation view fails this way (the element falls back to the bundle's dates). */
  viewFailure?: Failure;
  feedbackExpected?: string | null;
  /** Comments received, as the view counts them. */
  received?: number;
  feedback?: FeedbackView;
  /** Failures for successive comment submissions (then success). */
  commentFailures?: Failure[];
  /** Comment submissions never answer (a server that hangs) while this is true. */
  hang?: boolean;
}

export interface FakeApi {
  calls: FakeCall[];
  comments: Map<string, { receipt: string; body: unknown }>;
  options: FakeOptions;
  restore(): void;
  posts(): FakeCall[];
}

export function consultationView(
  status: ConsultationStatus = 'open',
  extra: Partial<ConsultationView> = {},
): ConsultationView {
  const now = Date.now();
  const [opens, closes] =
    status === 'upcoming'
      ? [now + 3 * DAY, now + 33 * DAY]
      : status === 'open'
        ? [now - 5 * DAY, now + 25 * DAY + 3_600_000]
        : [now - 40 * DAY, now - 10 * DAY];
  return {
    id: CONSULTATION_ID,
    title: '关于公开征求《鄂州市全面推进政务公开工作实施方案（征求意见稿）》意见的公告',
    policyId: 'ezhou-zbf-2016-40',
    opens: new Date(opens).toISOString(),
    closes: new Date(closes).toISOString(),
    days: 30,
    shortWindowReason: null,
    status,
    contact: '鄂州市人民政府办公室政务公开科，电话 0711-3222222',
    draftingNotes: '为贯彻落实《关于全面推进政务公开工作的意见》，结合我市实际，起草了本实施方案（征求意见稿）。',
    basis: [{ title: '《中华人民共和国政府信息公开条例》' }],
    origins: [],
    feedbackExpected: null,
    counts: { received: 0, byClause: {} },
    ...extra,
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function fail(failure: Failure): Response {
  if (failure === 'network') throw new TypeError('Failed to fetch');
  return json(failure.status, failure.body ?? { error: 'error', message: `HTTP ${failure.status}` }, failure.headers);
}

let serial = 0;

export function fakeConsultationApi(options: FakeOptions = {}): FakeApi {
  const original = window.fetch;
  const calls: FakeCall[] = [];
  const comments = new Map<string, { receipt: string; body: unknown }>();
  const api: FakeApi = {
    calls,
    comments,
    options,
    restore: () => {
      window.fetch = original;
    },
    posts: () => calls.filter((c) => c.method === 'POST'),
  };
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.startsWith(ENDPOINT)) return original(input, init);
    const path = url.pathname.slice(ENDPOINT.length);
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, headers, body });
    const hang = options.hang;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (method === 'GET' && path === `/consultations/${CONSULTATION_ID}`) {
      if (options.viewFailure) return fail(options.viewFailure);
      return json(
        200,
        consultationView(options.status, {
          feedbackExpected: options.feedbackExpected ?? null,
          counts: { received: options.received ?? 0, byClause: {} },
        }),
      );
    }
    if (method === 'POST' && path === `/consultations/${CONSULTATION_ID}/comments`) {
      if (hang) return new Promise<Response>(() => {});
      const failure = options.commentFailures?.shift();
      if (failure) return fail(failure);
      const key = headers['idempotency-key'] ?? '';
      let stored = comments.get(key);
      if (!stored) {
        serial += 1;
        stored = { receipt: `GK7Q-${String(4000 + serial).padStart(4, '0')}-M3XD`, body };
        comments.set(key, stored);
      }
      return json(201, { receipt: stored.receipt, status: 'received' });
    }
    if (method === 'GET' && path.startsWith('/receipts/')) {
      const receipt = decodeURIComponent(path.slice('/receipts/'.length));
      const found = [...comments.values()].find((c) => c.receipt === receipt);
      if (!found) return json(404, { error: 'not-found', message: 'no such receipt' });
      const lookup: ReceiptLookup = {
        receipt,
        consultation: CONSULTATION_ID,
        clause: (found.body as { clause?: string }).clause ?? null,
        submitted: new Date().toISOString(),
        status: 'received',
        decision: null,
        reason: null,
      };
      return json(200, lookup);
    }
    if (method === 'GET' && path === `/consultations/${CONSULTATION_ID}/feedback`) {
      if (options.feedback) return json(200, options.feedback);
      return json(404, { error: 'not-published', message: 'not published', zh: '意见采纳情况尚未公布' });
    }
    return json(404, { error: 'not-found', message: `no route ${method} ${path}` });
  };
  return api;
}

/** The bundle's `consultation` for the same consultation (dates as a bundle carries them). */
export function bundleConsultation(status: ConsultationStatus = 'open') {
  const view = consultationView(status);
  return {
    id: CONSULTATION_ID,
    endpoint: ENDPOINT,
    opens: view.opens.slice(0, 10),
    closes: view.closes.slice(0, 10),
    contact: view.contact ?? undefined,
    draftingNotes: view.draftingNotes ?? undefined,
    basis: view.basis,
  };
}

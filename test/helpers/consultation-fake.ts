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
  /** The server has no notification secret: `notify` is refused (400), follow is 503. */
  notifyOff?: boolean;
  /** The server has an SMS gateway (phone numbers accepted). */
  sms?: boolean;
  /** What the receipt lookup says of a comment's subscription (pending until told otherwise). */
  notifyState?: 'pending' | 'confirmed' | 'unsubscribed';
  /** Failures for successive follow requests (then 202). */
  followFailures?: Failure[];
  /** The channels the view says the server offers (`notify.channels`); absent as from an older server. */
  offered?: ('email' | 'sms')[];
}

export interface FakeApi {
  calls: FakeCall[];
  comments: Map<string, { receipt: string; body: unknown }>;
  /** Bodies of accepted follow requests. */
  follows: unknown[];
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

interface NotifyBody {
  email?: string;
  phone?: string;
  locale?: string;
  acknowledge?: boolean;
}

/** Masked as the server masks (notify/secrets.ts): z***@example.cn, 138****8000. */
function masked(n: NotifyBody): string {
  if (n.phone) {
    const digits = n.phone.replace(/[ -]/g, '');
    return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  }
  const email = n.email ?? '';
  return `${email.slice(0, 1)}***${email.slice(email.lastIndexOf('@'))}`;
}

/** The server's refusals of a wish it cannot keep (notify/subscriptions.ts), before anything is stored. */
function notifyRefusal(n: NotifyBody | undefined, options: FakeOptions): Response | null {
  if (!n) return null;
  if (options.notifyOff) {
    return json(400, {
      error: 'notifications-off',
      message: 'this server sends no notifications: submit without notify',
      zh: '本网站未开通通知，请不勾选通知后提交',
      problems: [{ path: '$.notify', message: 'notifications are not configured' }],
    });
  }
  if (n.phone && !options.sms) {
    return json(400, {
      error: 'invalid',
      message: 'notify: this site sends no SMS; give an e-mail address',
      zh: '本网站不提供短信通知，请填写电子邮箱',
      problems: [{ path: '$.notify.phone', message: 'this site sends no SMS' }],
    });
  }
  return null;
}

export function fakeConsultationApi(options: FakeOptions = {}): FakeApi {
  const original = window.fetch;
  const calls: FakeCall[] = [];
  const comments = new Map<string, { receipt: string; body: unknown }>();
  const follows: unknown[] = [];
  const api: FakeApi = {
    calls,
    comments,
    follows,
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
          ...(options.offered ? { notify: { channels: options.offered } } : {}),
        }),
      );
    }
    if (method === 'POST' && path === `/consultations/${CONSULTATION_ID}/comments`) {
      if (hang) return new Promise<Response>(() => {});
      const failure = options.commentFailures?.shift();
      if (failure) return fail(failure);
      const refused = notifyRefusal((body as { notify?: NotifyBody }).notify, options);
      if (refused) return refused;
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
      const notify = (found.body as { notify?: NotifyBody }).notify;
      return json(200, {
        ...lookup,
        notify: notify
          ? {
              channel: notify.phone ? 'sms' : 'email',
              state: options.notifyState ?? 'pending',
              address: options.notifyState === 'unsubscribed' ? null : masked(notify),
              acknowledge: notify.acknowledge === true,
            }
          : null,
      });
    }
    if (method === 'POST' && path === '/notify/follow') {
      if (options.notifyOff) {
        return json(503, {
          error: 'notifications-off',
          message: 'this server sends no notifications',
          zh: '本网站未开通通知',
        });
      }
      const failure = options.followFailures?.shift();
      if (failure) return fail(failure);
      const follow = body as NotifyBody & { consultation?: string; policy?: string };
      const refused = notifyRefusal(follow, options);
      if (refused) return refused;
      if (follow.consultation && follow.consultation !== CONSULTATION_ID) {
        return json(404, { error: 'not-found', message: `no consultation with id ${follow.consultation}` });
      }
      follows.push(body);
      return json(202, { status: 'pending', channel: follow.phone ? 'sms' : 'email', address: masked(follow) });
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

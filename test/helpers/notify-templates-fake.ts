// The notification routes the review console's 通知 tab calls (issue 20), as a stand-in in front of
// the review console's fake API: a consultation's counts and retry, the message templates with
// their placeholders checked, the preview. The server's own behaviour is tested against the
// server (test/server/notify-pages.test.ts); this gives the console each kind of answer.
import type { NotifyCounts, NotifyTemplateView } from '@gongkai/format';
import { NOTIFY_LOCALES, NOTIFY_MESSAGE_KINDS } from '@gongkai/format';
import { REVIEW_ENDPOINT, TOKENS } from './review-fake-api.js';

const PLACEHOLDERS: Record<string, string[]> = {
  confirm: ['what'],
  ack: ['title', 'receipt', 'submitted'],
  'feedback.published': ['title', 'decision', 'reason', 'changes', 'removal'],
  'changes.published': ['title', 'decision', 'reason', 'changes'],
  'window.changed': ['title', 'change', 'opens', 'closes', 'reason'],
  'consultation.opened': ['title', 'opens', 'closes'],
  'consultation.closing': ['title', 'days', 'daysLeft', 'closes'],
  'policy.version': ['title', 'version', 'note'],
};
const BUILT_IN_CONFIRM = {
  subject: '请确认订阅通知',
  body: '您（或有人以您的地址）申请在{what}时收到通知。请点击下方链接确认；不确认则不会再收到任何消息，地址将于 7 天后删除。',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export class NotifyFake {
  readonly calls: { method: string; path: string; body: unknown }[] = [];
  templates: NotifyTemplateView[] = NOTIFY_MESSAGE_KINDS.flatMap((kind) =>
    NOTIFY_LOCALES.map((locale) => {
      const builtIn =
        kind === 'confirm' && locale === 'zh-Hans'
          ? BUILT_IN_CONFIRM
          : {
              subject: `${kind} (${locale}): {title}`.replace('{title}', kind === 'confirm' ? '' : '{title}'),
              body: '',
            };
      return {
        kind,
        locale,
        ...builtIn,
        placeholders: PLACEHOLDERS[kind]!,
        builtIn,
        custom: false,
        updatedAt: null,
        updatedBy: null,
      };
    }),
  );
  counts: NotifyCounts = {
    subscriptions: { pending: 3, confirmed: 128, unsubscribed: 4 },
    deliveries: { queued: 0, sending: 0, sent: 250, failed: 2, bounced: 1, dropped: 3 },
  };
  private previous: typeof window.fetch | null = null;

  /** Installed over whatever fetch is in place (the review fake's), which gets every other call. */
  install(): this {
    const previous = window.fetch;
    this.previous = previous;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        location.href,
      );
      const path = url.pathname.slice(REVIEW_ENDPOINT.length);
      const method = init?.method ?? 'GET';
      const mine = url.pathname.startsWith(REVIEW_ENDPOINT) && /\/notify-templates|\/notifications/.test(path);
      if (!mine) return previous.call(window, input, init);
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      this.calls.push({ method, path, body });
      await new Promise((r) => setTimeout(r, 5));
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      const role = Object.entries(TOKENS).find(([, token]) => auth === `Bearer ${token}`)?.[0];
      return this.answer(method, path, body, role ?? '');
    };
    return this;
  }

  restore(): void {
    if (this.previous) window.fetch = this.previous;
  }

  private answer(method: string, path: string, body: unknown, role: string): Response {
    if (method === 'GET' && /^\/consultations\/[^/]+\/notifications$/.test(path)) return json(200, this.counts);
    if (method === 'POST' && /^\/consultations\/[^/]+\/notifications\/retry$/.test(path)) {
      const retried = this.counts.deliveries.failed;
      this.counts = { ...this.counts, deliveries: { ...this.counts.deliveries, failed: 0, queued: retried } };
      return json(200, { retried });
    }
    if (method === 'GET' && path === '/staff/notify-templates') return json(200, { items: this.templates });
    const m = /^\/staff\/notify-templates\/([^/]+)\/([^/]+)(\/preview)?$/.exec(path);
    const item = m && this.templates.find((t) => t.kind === decodeURIComponent(m[1]!) && t.locale === m[2]);
    if (!m || !item) return json(404, { error: 'not-found', message: `Route ${method}:${path}` });
    const input = body as { subject: string; body: string };
    if (method !== 'DELETE') {
      const unknown = [...`${input.subject}\n${input.body}`.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)]
        .map((x) => x[1]!)
        .filter((name) => !item.placeholders.includes(name));
      if (unknown.length) {
        return json(400, {
          error: 'unknown-placeholder',
          message: `unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')}; ${item.kind} may use ${item.placeholders.map((p) => `{${p}}`).join(', ')}`,
          zh: `未知占位符：${unknown.map((u) => `{${u}}`).join('、')}`,
        });
      }
    }
    if (m[3]) {
      const fill = (s: string) => s.replaceAll('{what}', '您的意见处理结果公布');
      return json(200, {
        subject: fill(input.subject),
        text: `${fill(input.body)}\n\n确认订阅: https://consult.example.gov.cn/api/v1/notify/confirm?s=1&t=sample\n`,
        html: '',
      });
    }
    if (role !== 'admin' && role !== 'reviewer') {
      return json(403, {
        error: 'forbidden',
        message: 'needs editTemplates: admin or reviewer',
        needs: ['editTemplates'],
      });
    }
    const saved: NotifyTemplateView =
      method === 'DELETE'
        ? { ...item, ...item.builtIn, custom: false, updatedAt: null, updatedBy: null }
        : { ...item, ...input, custom: true, updatedAt: new Date().toISOString(), updatedBy: `${role}:0000000000b` };
    this.templates = this.templates.map((t) => (t === item ? saved : t));
    return json(200, saved);
  }
}

// The pages the confirm and unsubscribe links open: what is confirmed or unsubscribed (the
// consultation's or policy's title, the address masked), one large button that POSTs back to the
// same signed URL, in the subscriber's language with the other two a link away. No script and
// nothing fetched: the style sheet is inline under a per-response nonce (a strict CSP), sized in
// rem so that a reader's larger default font enlarges everything.
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Queryable } from '../db/database.js';
import { escapeHtml } from '../lib/html.js';
import { LOCALES, type Locale } from './templates.js';

export type LinkAction = 'confirm' | 'unsubscribe';

/** What a link's page says of its subscription; never the address itself. */
export interface LinkSubject {
  kind: string;
  state: 'pending' | 'confirmed' | 'unsubscribed';
  channel: string;
  mask: string | null;
  locale: Locale;
  title: string | null;
}

export async function linkSubject(db: Queryable, id: number): Promise<LinkSubject | null> {
  const { rows } = await db.query<{
    kind: string;
    state: LinkSubject['state'];
    channel: string;
    address_mask: string | null;
    locale: Locale;
    title: string | null;
  }>(
    `SELECT s.kind, s.state, s.channel, s.address_mask, s.locale, coalesce(c.title, p.bundle->>'title') AS title
     FROM notify_subscriptions s
     LEFT JOIN consultations c ON c.id = s.consultation_id
     LEFT JOIN policies p ON p.id = s.policy_id
     WHERE s.id = $1`,
    [id],
  );
  const r = rows[0];
  return r
    ? { kind: r.kind, state: r.state, channel: r.channel, mask: r.address_mask, locale: r.locale, title: r.title }
    : null;
}

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

const TEXT = {
  'zh-Hans': {
    languages: '语言',
    site: '公开征求意见 · 通知',
    what: '通知内容',
    address: { email: '接收邮箱', sms: '接收手机', webhook: '接收地址' } as Record<string, string>,
    follows: {
      comment: (t: string) => `您对“${t}”所提意见的处理结果`,
      consultation: (t: string) => `“${t}”的进展：开始征求意见、截止前提醒、期限变更、意见采纳情况公布`,
      policy: (t: string) => `“${t}”的更新：新版本、解读、问答`,
      site: () => '本网站的动态',
    } as Record<string, (t: string) => string>,
    untitled: '（标题不详）',
    confirm: {
      title: '确认订阅',
      lead: '请确认您要接收以下通知。',
      note: '每条通知都附有退订链接。如果不是您本人申请的，无需任何操作：未确认的地址将于 7 天后删除。',
      button: '确认订阅',
      done: '已确认订阅',
      doneText: '已确认，您将收到以下通知；每条通知都附有退订链接。',
      gone: '该订阅已退订，无法再确认。如仍想接收通知，请重新订阅。',
    },
    unsubscribe: {
      title: '退订通知',
      lead: '退订后将不再收到以下通知，您的地址会立即删除。',
      note: '退订无需登录。退订后如想再接收通知，可重新订阅。',
      button: '退订',
      done: '已退订',
      doneText: '您的地址已删除，不会再收到这些通知。',
      gone: '该订阅已退订，您的地址已删除。',
    },
    invalid: '链接无效',
    invalidText: '链接可能不完整：请从邮件中完整复制链接后再打开。',
    missing: '找不到该订阅',
    missingText: '未确认的地址会在 7 天后删除。如仍想接收通知，请重新订阅。',
  },
  'zh-Hant': {
    languages: '語言',
    site: '公開徵求意見 · 通知',
    what: '通知內容',
    address: { email: '接收郵箱', sms: '接收手機', webhook: '接收地址' } as Record<string, string>,
    follows: {
      comment: (t: string) => `您對「${t}」所提意見的處理結果`,
      consultation: (t: string) => `「${t}」的進展：開始徵求意見、截止前提醒、期限變更、意見採納情況公布`,
      policy: (t: string) => `「${t}」的更新：新版本、解讀、問答`,
      site: () => '本網站的動態',
    } as Record<string, (t: string) => string>,
    untitled: '（標題不詳）',
    confirm: {
      title: '確認訂閱',
      lead: '請確認您要接收以下通知。',
      note: '每條通知都附有退訂連結。如果不是您本人申請的，無需任何操作：未確認的地址將於 7 天後刪除。',
      button: '確認訂閱',
      done: '已確認訂閱',
      doneText: '已確認，您將收到以下通知；每條通知都附有退訂連結。',
      gone: '該訂閱已退訂，無法再確認。如仍想接收通知，請重新訂閱。',
    },
    unsubscribe: {
      title: '退訂通知',
      lead: '退訂後將不再收到以下通知，您的地址會立即刪除。',
      note: '退訂無需登入。退訂後如想再接收通知，可重新訂閱。',
      button: '退訂',
      done: '已退訂',
      doneText: '您的地址已刪除，不會再收到這些通知。',
      gone: '該訂閱已退訂，您的地址已刪除。',
    },
    invalid: '連結無效',
    invalidText: '連結可能不完整：請從郵件中完整複製連結後再開啟。',
    missing: '找不到該訂閱',
    missingText: '未確認的地址會在 7 天後刪除。如仍想接收通知，請重新訂閱。',
  },
  en: {
    languages: 'Language',
    site: 'Public consultation · Notifications',
    what: 'What you will be told',
    address: { email: 'Sent to', sms: 'Sent to', webhook: 'Sent to' } as Record<string, string>,
    follows: {
      comment: (t: string) => `What became of your comment on "${t}"`,
      consultation: (t: string) =>
        `News of "${t}": its opening, reminders before it closes, changes to its dates, the published feedback`,
      policy: (t: string) => `Changes to "${t}": new versions, interpretations, Q&A`,
      site: () => 'News from this site',
    } as Record<string, (t: string) => string>,
    untitled: '(title unknown)',
    confirm: {
      title: 'Confirm your subscription',
      lead: 'Please confirm that you want these notifications.',
      note: 'Every message carries an unsubscribe link. If you did not ask for this, do nothing: an address not confirmed is deleted after 7 days.',
      button: 'Confirm',
      done: 'Subscription confirmed',
      doneText: 'Confirmed: you will be sent the notifications below. Every message carries an unsubscribe link.',
      gone: 'This subscription was cancelled and cannot be confirmed. Subscribe again to be told.',
    },
    unsubscribe: {
      title: 'Unsubscribe',
      lead: 'You will no longer be sent these notifications, and your address is deleted at once.',
      note: 'No sign-in is needed. You can subscribe again at any time.',
      button: 'Unsubscribe',
      done: 'Unsubscribed',
      doneText: 'Your address is deleted; nothing more will be sent to it.',
      gone: 'This subscription was already cancelled and its address deleted.',
    },
    invalid: 'This link is not valid',
    invalidText: 'The link may be cut short: copy the whole link from the message and open it again.',
    missing: 'Subscription not found',
    missingText: 'An address not confirmed is deleted after 7 days. Subscribe again to be told.',
  },
} as const;

// System fonts only; rem and em throughout, so the reader's font size scales the page.
const STYLE = `
:root { color-scheme: light; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #f4f6f8; color: #1f2328; line-height: 1.7;
  font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
header { background: #0b4f8a; color: #fff; }
header .bar { max-inline-size: 40rem; margin-inline: auto; padding: 0.75rem 1.25rem; display: flex; flex-wrap: wrap;
  gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
header .site { font-weight: 600; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav a { color: #fff; text-underline-offset: 0.2em; display: inline-block; padding-block: 0.5rem; }
main { max-inline-size: 40rem; margin: 1.5rem auto; padding: 1.5rem 1.25rem; background: #fff;
  border: 1px solid #d0d7de; border-radius: 0.5rem; box-sizing: border-box; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0 0 1rem; }
dl { margin: 1.25rem 0; padding: 1rem; background: #f6f8fa; border-inline-start: 0.25rem solid #0b4f8a; }
dt { font-weight: 600; }
dd { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
dd:last-child { margin-block-end: 0; }
.note { color: #424a53; font-size: 0.95rem; }
form { margin: 1.5rem 0; }
button { font: inherit; font-size: 1.125rem; font-weight: 600; min-block-size: max(44px, 2.75rem);
  min-inline-size: max(44px, 10rem); padding: 0.6rem 1.75rem; border-radius: 0.375rem; border: 2px solid #0b4f8a;
  background: #0b4f8a; color: #fff; cursor: pointer; }
button.danger { background: #a40e26; border-color: #a40e26; }
button:hover { text-decoration: underline; }
:focus-visible { outline: 3px solid #d4a72c; outline-offset: 2px; }
.done h1::before { content: "✓ "; }
@media (max-width: 30rem) { main { margin: 0; border-radius: 0; border-inline: 0; } button { inline-size: 100%; } }
@media (forced-colors: active) { button { border: 2px solid ButtonText; } }
`;

/** The language of a page: the one asked for (`lang`), else the subscription's, else zh-Hans. */
export function pageLocale(asked: string | undefined, subject: LinkSubject | null): Locale {
  if (asked && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  return subject?.locale ?? 'zh-Hans';
}

export interface PageInput {
  action: LinkAction;
  locale: Locale;
  /** The signed link's query (s, t), kept in the language links and the form. */
  s: number;
  t: string;
  /** ask: the page with the button; done: after the POST; gone: already unsubscribed; invalid; missing. */
  state: 'ask' | 'done' | 'gone' | 'invalid' | 'missing';
  subject: LinkSubject | null;
}

export function sendLinkPage(reply: FastifyReply, status: number, p: PageInput) {
  const nonce = randomBytes(16).toString('base64');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    )
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .send(linkPage(p, nonce));
}

export function linkPage(p: PageInput, nonce: string): string {
  const x = TEXT[p.locale];
  const a = x[p.action];
  const url = (lang: Locale) => `/api/v1/notify/${p.action}?s=${p.s}&t=${encodeURIComponent(p.t)}&lang=${lang}`;
  const [heading, lines]: [string, string[]] =
    p.state === 'invalid'
      ? [x.invalid, [x.invalidText]]
      : p.state === 'missing'
        ? [x.missing, [x.missingText]]
        : p.state === 'done'
          ? [a.done, [a.doneText]]
          : p.state === 'gone'
            ? [a.title, [a.gone]]
            : [a.title, [a.lead]];
  const s = p.subject;
  // What is confirmed or unsubscribed, shown while the subscription still says (not after its address went).
  const details =
    s && p.state !== 'invalid' && p.state !== 'missing'
      ? `<dl><dt>${escapeHtml(x.what)}</dt><dd>${escapeHtml((x.follows[s.kind] ?? x.follows.site!)(s.title ?? x.untitled))}</dd>` +
        (s.mask && s.channel !== 'webhook'
          ? `<dt>${escapeHtml(x.address[s.channel] ?? x.address.email!)}</dt><dd><span dir="ltr">${escapeHtml(s.mask)}</span></dd>`
          : '') +
        '</dl>'
      : '';
  const button =
    p.state === 'ask'
      ? `<form method="post" action="${escapeHtml(url(p.locale))}">` +
        // The body RFC 8058 names; the signed query is what is read.
        (p.action === 'unsubscribe' ? '<input type="hidden" name="List-Unsubscribe" value="One-Click">' : '') +
        `<button type="submit"${p.action === 'unsubscribe' ? ' class="danger"' : ''}>${escapeHtml(a.button)}</button></form>` +
        `<p class="note">${escapeHtml(a.note)}</p>`
      : '';
  const others = LOCALES.filter((l) => l !== p.locale)
    .map(
      (l) =>
        `<li><a href="${escapeHtml(url(l))}" lang="${l}" hreflang="${l}">${escapeHtml(LANGUAGE_NAMES[l])}</a></li>`,
    )
    .join('');
  return (
    `<!doctype html><html lang="${p.locale}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(`${heading} · ${x.site}`)}</title><style nonce="${nonce}">${STYLE}</style></head><body>` +
    `<header><div class="bar"><span class="site">${escapeHtml(x.site)}</span>` +
    `<nav aria-label="${escapeHtml(x.languages)}"><ul>${others}</ul></nav></div></header>` +
    `<main class="${p.state === 'done' ? 'done' : p.state}"><h1>${escapeHtml(heading)}</h1>` +
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    details +
    button +
    '</main></body></html>'
  );
}

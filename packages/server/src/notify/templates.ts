// The messages, in zh-Hans (default), zh-Hant and en. Each kind has a subject and a body written
// with {placeholders}; staff may replace them (notify_templates, migrations/040), the built-in
// ones below stand otherwise. The body's lines are its paragraphs, and a line with a placeholder
// that has no value in a message is left out (a follower's message has no decision). The links,
// the footer and the unsubscribe link are added here, never from a template: every message keeps
// them. From one rendering come the plain text, the HTML (every value escaped) and an SMS's text.
import {
  formatReceipt,
  NOTIFY_LOCALES,
  NOTIFY_MESSAGE_KINDS,
  type NotifyLocale,
  type NotifyMessageKind,
} from '@gongkai/format';
import { escapeHtml } from '../lib/html.js';

// The languages and the kinds of message are @gongkai/format's (api/notify.ts).
export type Locale = NotifyLocale;
export const LOCALES: readonly Locale[] = NOTIFY_LOCALES;
/** What a message can be: a confirmation, an acknowledgement of a comment, or an event's kind. */
export const MESSAGE_KINDS = NOTIFY_MESSAGE_KINDS;
export type MessageKind = NotifyMessageKind;

/** The placeholders each kind may use. */
export const PLACEHOLDERS: Record<MessageKind, readonly string[]> = {
  confirm: ['what'],
  ack: ['title', 'receipt', 'submitted'],
  'feedback.published': ['title', 'decision', 'reason', 'changes', 'removal'],
  'changes.published': ['title', 'decision', 'reason', 'changes'],
  'window.changed': ['title', 'change', 'opens', 'closes', 'reason'],
  'consultation.opened': ['title', 'opens', 'closes'],
  'consultation.closing': ['title', 'days', 'daysLeft', 'closes'],
  'policy.version': ['title', 'version', 'note'],
};

export interface Template {
  subject: string;
  body: string;
}
/** Templates staff wrote, by `${kind} ${locale}`; those absent fall back to the built-in ones. */
export type TemplateOverrides = ReadonlyMap<string, Template>;
export const overrideKey = (kind: string, locale: Locale) => `${kind} ${locale}`;

export interface EventData {
  kind: string;
  payload: Record<string, unknown>;
}

export interface MessageInput {
  locale: Locale;
  /** The event, or null for a confirmation or an acknowledgement (`ack`). */
  event: EventData | null;
  /** An acknowledgement of the comment: its receipt, title, time (the delivery's payload). */
  ack?: boolean;
  /** What the subscription follows, for confirmations: comment, consultation, policy. */
  follows: string;
  /** This subscriber's own part (a commenter's decision; an acknowledgement's receipt). */
  own: Record<string, unknown> | null;
  links: { confirm?: string; unsubscribe: string; feedback?: string; receipt?: string; page?: string };
}

export interface Message {
  subject: string;
  text: string;
  html: string;
  /** One line for SMS. */
  short: string;
}

export const BUILT_IN: Record<Locale, Record<MessageKind, Template>> = {
  'zh-Hans': {
    confirm: {
      subject: '请确认订阅通知',
      body: '您（或有人以您的地址）申请在{what}时收到通知。请点击下方链接确认；不确认则不会再收到任何消息，地址将于 7 天后删除。',
    },
    ack: {
      subject: '已收到您的意见：{title}',
      body: '您对“{title}”提出的意见已收到，回执编号：{receipt}。\n提交时间：{submitted}。\n请保存回执编号，凭它可查询处理情况；处理结果公布后将再通知您。',
    },
    'feedback.published': {
      subject: '意见处理结果已公布：{title}',
      body: '“{title}”的意见采纳情况已公布。\n您的意见处理结果：{decision}\n理由：{reason}\n您的意见促成了以下修改：{changes}\n您的意见未予公开，类别：{removal}',
    },
    'changes.published': {
      subject: '您的意见促成的修改已公布：{title}',
      body: '“{title}”的修改稿已公布，意见采纳情况随之更新。\n您的意见促成了以下修改：{changes}\n您的意见处理结果：{decision}\n理由：{reason}',
    },
    'window.changed': {
      subject: '征求意见期限变更：{title}',
      body: '征求意见期限已{change}：{opens} 至 {closes}。\n理由：{reason}',
    },
    'consultation.opened': { subject: '开始征求意见：{title}', body: '征求意见期：{opens} 至 {closes}。' },
    'consultation.closing': { subject: '征求意见还有 {days} 天截止：{title}', body: '截止时间：{closes}。' },
    'policy.version': { subject: '文件已更新（第 {version} 版）：{title}', body: '修订说明：{note}' },
  },
  'zh-Hant': {
    confirm: {
      subject: '請確認訂閱通知',
      body: '您（或有人以您的地址）申請在{what}時收到通知。請點擊下方連結確認；不確認則不會再收到任何訊息，地址將於 7 天後刪除。',
    },
    ack: {
      subject: '已收到您的意見：{title}',
      body: '您對「{title}」提出的意見已收到，回執編號：{receipt}。\n提交時間：{submitted}。\n請保存回執編號，憑它可查詢處理情況；處理結果公布後將再通知您。',
    },
    'feedback.published': {
      subject: '意見處理結果已公布：{title}',
      body: '「{title}」的意見採納情況已公布。\n您的意見處理結果：{decision}\n理由：{reason}\n您的意見促成了以下修改：{changes}\n您的意見未予公開，類別：{removal}',
    },
    'changes.published': {
      subject: '您的意見促成的修改已公布：{title}',
      body: '「{title}」的修改稿已公布，意見採納情況隨之更新。\n您的意見促成了以下修改：{changes}\n您的意見處理結果：{decision}\n理由：{reason}',
    },
    'window.changed': {
      subject: '徵求意見期限變更：{title}',
      body: '徵求意見期限已{change}：{opens} 至 {closes}。\n理由：{reason}',
    },
    'consultation.opened': { subject: '開始徵求意見：{title}', body: '徵求意見期：{opens} 至 {closes}。' },
    'consultation.closing': { subject: '徵求意見還有 {days} 天截止：{title}', body: '截止時間：{closes}。' },
    'policy.version': { subject: '文件已更新（第 {version} 版）：{title}', body: '修訂說明：{note}' },
  },
  en: {
    confirm: {
      subject: 'Please confirm your subscription',
      body: 'You (or someone using your address) asked to be told when {what}. Confirm with the link below; without confirmation nothing else is sent and the address is deleted in 7 days.',
    },
    ack: {
      subject: 'Your comment was received: {title}',
      body: 'Your comment on "{title}" was received. Receipt: {receipt}.\nSubmitted {submitted}.\nKeep the receipt to look up what becomes of your comment; you will be told when the outcome is published.',
    },
    'feedback.published': {
      subject: 'Outcome of the comments published: {title}',
      body: 'The feedback on the comments to "{title}" is published.\nYour comment was {decision}.\nReason: {reason}\nYour comment led to these changes: {changes}\nYour comment was not published: {removal}.',
    },
    'changes.published': {
      subject: 'The changes your comment led to are published: {title}',
      body: 'The revised text of "{title}" is published, and the feedback updated with it.\nYour comment led to these changes: {changes}\nYour comment was {decision}.\nReason: {reason}',
    },
    'window.changed': {
      subject: 'Comment period changed: {title}',
      body: 'The comment period was {change}: {opens} to {closes}.\nReason: {reason}',
    },
    'consultation.opened': { subject: 'Open for comments: {title}', body: 'Comments from {opens} to {closes}.' },
    'consultation.closing': { subject: '{daysLeft} left to comment: {title}', body: 'Comments close {closes}.' },
    'policy.version': { subject: 'New version ({version}): {title}', body: 'What changed: {note}' },
  },
};

const DECISION: Record<Locale, Record<string, string>> = {
  'zh-Hans': {
    adopted: '采纳',
    'partly-adopted': '部分采纳',
    'not-adopted': '未采纳',
    'out-of-scope': '不属于本次征求意见范围',
  },
  'zh-Hant': {
    adopted: '採納',
    'partly-adopted': '部分採納',
    'not-adopted': '未採納',
    'out-of-scope': '不屬於本次徵求意見範圍',
  },
  en: {
    adopted: 'adopted',
    'partly-adopted': 'partly adopted',
    'not-adopted': 'not adopted',
    'out-of-scope': 'out of scope',
  },
};
const REMOVAL: Record<Locale, Record<string, string>> = {
  'zh-Hans': {},
  'zh-Hant': { 违法违规: '違法違規', 广告: '廣告', 与本次征求意见无关: '與本次徵求意見無關', 重复: '重複' },
  en: {
    违法违规: 'unlawful content',
    广告: 'advertising',
    与本次征求意见无关: 'unrelated to this consultation',
    重复: 'duplicate',
  },
};

const WORDS = {
  'zh-Hans': {
    follows: {
      comment: '您的意见处理结果公布',
      consultation: '该征求意见有新进展',
      policy: '该文件有更新',
      site: '有新动态',
    } as Record<string, string>,
    change: { extended: '延长', shortened: '缩短', reopened: '重新开放', changed: '调整' } as Record<string, string>,
    noReason: '未说明',
    version: (v: string) => `第${v}版`,
    daysLeft: (d: number) => `${d} 天`,
    confirmLink: '确认订阅',
    unsubscribe: '退订',
    feedbackLink: '查看意见采纳情况反馈',
    receiptLink: '查看我的回执',
    pageLink: '查看详情',
    footer: '此邮件由系统自动发送，请勿回复。',
  },
  'zh-Hant': {
    follows: {
      comment: '您的意見處理結果公布',
      consultation: '該徵求意見有新進展',
      policy: '該文件有更新',
      site: '有新動態',
    } as Record<string, string>,
    change: { extended: '延長', shortened: '縮短', reopened: '重新開放', changed: '調整' } as Record<string, string>,
    noReason: '未說明',
    version: (v: string) => `第${v}版`,
    daysLeft: (d: number) => `${d} 天`,
    confirmLink: '確認訂閱',
    unsubscribe: '退訂',
    feedbackLink: '查看意見採納情況回饋',
    receiptLink: '查看我的回執',
    pageLink: '查看詳情',
    footer: '此郵件由系統自動發送，請勿回覆。',
  },
  en: {
    follows: {
      comment: 'the outcome of your comment is published',
      consultation: 'this consultation moves on',
      policy: 'this policy changes',
      site: 'anything is published',
    } as Record<string, string>,
    change: { extended: 'extended', shortened: 'shortened', reopened: 'reopened', changed: 'changed' } as Record<
      string,
      string
    >,
    noReason: 'none given',
    version: (v: string) => `version ${v}`,
    daysLeft: (d: number) => `${d} day${d === 1 ? '' : 's'}`,
    confirmLink: 'Confirm',
    unsubscribe: 'Unsubscribe',
    feedbackLink: 'Read the published feedback',
    receiptLink: 'Look up my receipt',
    pageLink: 'Details',
    footer: 'Sent automatically; replies are not read.',
  },
};

/** A time as people there read it (Beijing time). */
export const day = (locale: Locale, value: unknown) => {
  if (typeof value !== 'string') return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(locale === 'en' ? 'en-GB' : locale === 'zh-Hant' ? 'zh-TW' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'long',
    timeStyle: 'short',
  });
};

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * The changes of the final text this commenter's comment led to: the version's label, then each
 * place as printed (正式稿第三条、第五条（新增）). `traced` is the event's (label, place by key),
 * `keys` the commenter's own; a key the event does not place is left out, and none gives ''.
 */
function ledTo(locale: Locale, traced: unknown, keys: unknown): string {
  if (!traced || typeof traced !== 'object' || !Array.isArray(keys)) return '';
  const t = traced as { version?: unknown; label?: unknown; places?: unknown };
  const places = t.places && typeof t.places === 'object' ? (t.places as Record<string, unknown>) : {};
  const named = keys.flatMap((k) => {
    const place = typeof k === 'string' && Object.hasOwn(places, k) ? places[k] : undefined;
    return typeof place === 'string' && place ? [place] : [];
  });
  if (!named.length) return '';
  const label = str(t.label) || WORDS[locale].version(str(t.version));
  return locale === 'en' ? `${label}: ${named.join(', ')}` : `${label}${named.join('、')}`;
}

/** The message's kind: `confirm`, `ack`, or its event's (an unknown event kind has no template). */
export function kindOf(m: MessageInput): string {
  // A commenter told again only because their comment now has changes (outbox.ts marks it).
  if (m.event?.kind === 'feedback.published' && m.own?.update === 'changes') return 'changes.published';
  return m.event ? m.event.kind : m.ack ? 'ack' : 'confirm';
}

/** The placeholders' values for one message (an empty string: this message has none). */
function values(m: MessageInput): Record<string, string> {
  const w = WORDS[m.locale];
  const p = m.event?.payload ?? {};
  const own = m.own ?? {};
  switch (kindOf(m)) {
    case 'confirm':
      return { what: w.follows[m.follows] ?? w.follows.site! };
    case 'ack':
      return {
        title: str(own.title),
        receipt: own.receipt ? formatReceipt(str(own.receipt)) : '',
        submitted: day(m.locale, own.submitted),
      };
    case 'feedback.published':
    case 'changes.published': {
      const removed = own.moderation === 'rejected';
      const r = str(own.removal);
      const d = str(own.decision);
      return {
        title: str(p.title),
        decision: removed ? '' : (DECISION[m.locale][d] ?? d),
        reason: removed ? '' : str(own.reason),
        changes: removed ? '' : ledTo(m.locale, p.changes, own.changes),
        removal: removed ? (REMOVAL[m.locale][r] ?? r) : '',
      };
    }
    case 'window.changed':
      return {
        title: str(p.title),
        change: w.change[str(p.change)] ?? w.change.changed!,
        opens: day(m.locale, p.opens),
        closes: day(m.locale, p.closes),
        reason: str(p.reason) || w.noReason,
      };
    case 'consultation.opened':
      return { title: str(p.title), opens: day(m.locale, p.opens), closes: day(m.locale, p.closes) };
    case 'consultation.closing':
      return {
        title: str(p.title),
        days: str(p.days),
        daysLeft: w.daysLeft(Number(p.days)),
        closes: day(m.locale, p.closes),
      };
    case 'policy.version':
      return { title: str(p.title), version: str(p.version), note: str(p.note) };
    default:
      return { title: str(p.title) };
  }
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Placeholders a template uses that its kind does not have, each once, in order. */
export function unknownPlaceholders(kind: MessageKind, text: string): string[] {
  const allowed = PLACEHOLDERS[kind];
  const found = [...text.matchAll(PLACEHOLDER)].map((x) => x[1]!).filter((name) => !allowed.includes(name));
  return [...new Set(found)];
}

/** One line filled in; null when a placeholder in it has no value (the line is left out). */
function fill(line: string, v: Record<string, string>): string | null {
  let missing = false;
  const out = line.replace(PLACEHOLDER, (all, name: string) => {
    const value = v[name];
    if (value === undefined) return all;
    if (!value) missing = true;
    return value;
  });
  return missing ? null : out;
}

export function render(m: MessageInput, overrides?: TemplateOverrides): Message {
  const w = WORDS[m.locale];
  const kind = kindOf(m);
  const builtIn = (BUILT_IN[m.locale] as Record<string, Template | undefined>)[kind];
  const template = overrides?.get(overrideKey(kind, m.locale)) ?? builtIn;
  const v = values(m);
  const p = m.event?.payload ?? {};
  const subject = template
    ? (fill(template.subject, v) ?? template.subject.replace(PLACEHOLDER, (_a, n: string) => v[n] ?? ''))
    : str(p.title) || kind;
  const paragraphs = (template?.body ?? '')
    .split('\n')
    .map((line) => fill(line, v)?.trim())
    .filter((line): line is string => !!line);
  const links: { label: string; url: string | undefined }[] =
    kind === 'confirm'
      ? [{ label: w.confirmLink, url: m.links.confirm }]
      : kind === 'ack'
        ? [
            { label: w.receiptLink, url: m.links.receipt },
            { label: w.pageLink, url: m.links.page },
          ]
        : kind === 'feedback.published' || kind === 'changes.published'
          ? [
              { label: w.feedbackLink, url: m.links.feedback },
              { label: w.receiptLink, url: m.links.receipt },
            ]
          : [{ label: w.pageLink, url: m.links.page }];
  const shown = links.filter((l): l is { label: string; url: string } => !!l.url);
  const text = [
    ...paragraphs,
    '',
    ...shown.map((l) => `${l.label}: ${l.url}`),
    '',
    '--',
    w.footer,
    `${w.unsubscribe}: ${m.links.unsubscribe}`,
    '',
  ].join('\n');
  const html = `<!doctype html><html lang="${m.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
${paragraphs.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n')}
${shown.length ? `<ul>${shown.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul>` : ''}
<hr><p><small>${escapeHtml(w.footer)} <a href="${escapeHtml(m.links.unsubscribe)}">${escapeHtml(w.unsubscribe)}</a></small></p>
</body></html>`;
  const main = shown[0]?.url ?? '';
  const short =
    `${subject}${paragraphs[1] ? ` ${paragraphs[1]}` : ''} ${main} ${w.unsubscribe}: ${m.links.unsubscribe}`.trim();
  return { subject, text, html, short };
}

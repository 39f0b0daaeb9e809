// The messages, in zh-Hans (default), zh-Hant and en: a subject, paragraphs and links, from which
// the plain text, the HTML (every value escaped) and an SMS's short text are made.
import { escapeHtml } from '../lib/html.js';

export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
export const LOCALES: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en'];

export interface EventData {
  kind: string;
  payload: Record<string, unknown>;
}

export interface MessageInput {
  locale: Locale;
  /** `confirm`, or the event's kind. */
  event: EventData | null;
  /** What the subscription follows, for confirmations: comment, consultation, policy. */
  follows: string;
  /** This subscriber's own part (a commenter's decision). */
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

interface Parts {
  subject: string;
  paragraphs: string[];
  links: { label: string; url: string | undefined }[];
}

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

const day = (locale: Locale, value: unknown) => {
  if (typeof value !== 'string') return '';
  const d = new Date(value);
  return locale === 'en'
    ? d.toLocaleString('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' })
    : d.toLocaleString(locale === 'zh-Hant' ? 'zh-TW' : 'zh-CN', {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'long',
        timeStyle: 'short',
      });
};

const T = {
  'zh-Hans': {
    confirmSubject: '请确认订阅通知',
    confirm: (what: string) =>
      `您（或有人以您的地址）申请在${what}时收到通知。请点击下方链接确认；不确认则不会再收到任何消息，地址将于 7 天后删除。`,
    follows: {
      comment: '您的意见处理结果公布',
      consultation: '该征求意见有新进展',
      policy: '该文件有更新',
      site: '有新动态',
    },
    confirmLink: '确认订阅',
    unsubscribe: '退订',
    feedbackLink: '查看意见采纳情况反馈',
    receiptLink: '查看我的回执',
    pageLink: '查看详情',
    publishedSubject: (t: string) => `意见处理结果已公布：${t}`,
    yourDecision: (d: string) => `您的意见处理结果：${d}`,
    reason: (r: string) => `理由：${r}`,
    removed: (r: string) => `您的意见未予公开，类别：${r}`,
    published: (t: string) => `“${t}”的意见采纳情况已公布。`,
    windowSubject: (t: string) => `征求意见期限变更：${t}`,
    window: (k: string, o: string, c: string) =>
      `征求意见期限已${{ extended: '延长', shortened: '缩短', reopened: '重新开放', changed: '调整' }[k] ?? '调整'}：${o} 至 ${c}。`,
    windowReason: (r: string) => `理由：${r}`,
    noReason: '未说明理由。',
    openedSubject: (t: string) => `开始征求意见：${t}`,
    opened: (o: string, c: string) => `征求意见期：${o} 至 ${c}。`,
    closingSubject: (t: string, d: number) => `征求意见还有 ${d} 天截止：${t}`,
    closing: (c: string) => `截止时间：${c}。`,
    versionSubject: (t: string, v: number) => `文件已更新（第 ${v} 版）：${t}`,
    version: (note: string) => `修订说明：${note}`,
    footer: '此邮件由系统自动发送，请勿回复。',
  },
  'zh-Hant': {
    confirmSubject: '請確認訂閱通知',
    confirm: (what: string) =>
      `您（或有人以您的地址）申請在${what}時收到通知。請點擊下方連結確認；不確認則不會再收到任何訊息，地址將於 7 天後刪除。`,
    follows: {
      comment: '您的意見處理結果公布',
      consultation: '該徵求意見有新進展',
      policy: '該文件有更新',
      site: '有新動態',
    },
    confirmLink: '確認訂閱',
    unsubscribe: '退訂',
    feedbackLink: '查看意見採納情況回饋',
    receiptLink: '查看我的回執',
    pageLink: '查看詳情',
    publishedSubject: (t: string) => `意見處理結果已公布：${t}`,
    yourDecision: (d: string) => `您的意見處理結果：${d}`,
    reason: (r: string) => `理由：${r}`,
    removed: (r: string) => `您的意見未予公開，類別：${r}`,
    published: (t: string) => `「${t}」的意見採納情況已公布。`,
    windowSubject: (t: string) => `徵求意見期限變更：${t}`,
    window: (k: string, o: string, c: string) =>
      `徵求意見期限已${{ extended: '延長', shortened: '縮短', reopened: '重新開放', changed: '調整' }[k] ?? '調整'}：${o} 至 ${c}。`,
    windowReason: (r: string) => `理由：${r}`,
    noReason: '未說明理由。',
    openedSubject: (t: string) => `開始徵求意見：${t}`,
    opened: (o: string, c: string) => `徵求意見期：${o} 至 ${c}。`,
    closingSubject: (t: string, d: number) => `徵求意見還有 ${d} 天截止：${t}`,
    closing: (c: string) => `截止時間：${c}。`,
    versionSubject: (t: string, v: number) => `文件已更新（第 ${v} 版）：${t}`,
    version: (note: string) => `修訂說明：${note}`,
    footer: '此郵件由系統自動發送，請勿回覆。',
  },
  en: {
    confirmSubject: 'Please confirm your subscription',
    confirm: (what: string) =>
      `You (or someone using your address) asked to be told when ${what}. Confirm with the link below; without confirmation nothing else is sent and the address is deleted in 7 days.`,
    follows: {
      comment: 'the outcome of your comment is published',
      consultation: 'this consultation moves on',
      policy: 'this policy changes',
      site: 'anything is published',
    },
    confirmLink: 'Confirm',
    unsubscribe: 'Unsubscribe',
    feedbackLink: 'Read the published feedback',
    receiptLink: 'Look up my receipt',
    pageLink: 'Details',
    publishedSubject: (t: string) => `Outcome of the comments published: ${t}`,
    yourDecision: (d: string) => `Your comment was ${d}.`,
    reason: (r: string) => `Reason: ${r}`,
    removed: (r: string) => `Your comment was not published: ${r}.`,
    published: (t: string) => `The feedback on the comments to "${t}" is published.`,
    windowSubject: (t: string) => `Comment period changed: ${t}`,
    window: (k: string, o: string, c: string) =>
      `The comment period was ${{ extended: 'extended', shortened: 'shortened', reopened: 'reopened', changed: 'changed' }[k] ?? 'changed'}: ${o} to ${c}.`,
    windowReason: (r: string) => `Reason: ${r}`,
    noReason: 'No reason was given.',
    openedSubject: (t: string) => `Open for comments: ${t}`,
    opened: (o: string, c: string) => `Comments from ${o} to ${c}.`,
    closingSubject: (t: string, d: number) => `${d} day${d === 1 ? '' : 's'} left to comment: ${t}`,
    closing: (c: string) => `Comments close ${c}.`,
    versionSubject: (t: string, v: number) => `New version (${v}): ${t}`,
    version: (note: string) => `What changed: ${note}`,
    footer: 'Sent automatically; replies are not read.',
  },
} as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function parts(m: MessageInput): Parts {
  const t = T[m.locale];
  const p = m.event?.payload ?? {};
  const title = str(p.title);
  const links: Parts['links'] = [];
  if (!m.event) {
    return {
      subject: t.confirmSubject,
      paragraphs: [t.confirm(t.follows[m.follows as keyof typeof t.follows] ?? t.follows.site)],
      links: [{ label: t.confirmLink, url: m.links.confirm }],
    };
  }
  switch (m.event.kind) {
    case 'feedback.published': {
      const paragraphs = [t.published(title)];
      if (m.own) {
        if (m.own.moderation === 'rejected') {
          const r = str(m.own.removal);
          paragraphs.push(t.removed((REMOVAL[m.locale] as Record<string, string>)[r] ?? r));
        } else if (m.own.decision) {
          paragraphs.push(t.yourDecision(DECISION[m.locale][str(m.own.decision)] ?? str(m.own.decision)));
          if (m.own.reason) paragraphs.push(t.reason(str(m.own.reason)));
        }
      }
      links.push({ label: t.feedbackLink, url: m.links.feedback }, { label: t.receiptLink, url: m.links.receipt });
      return { subject: t.publishedSubject(title), paragraphs, links };
    }
    case 'window.changed':
      return {
        subject: t.windowSubject(title),
        paragraphs: [
          t.window(str(p.change), day(m.locale, p.opens), day(m.locale, p.closes)),
          p.reason ? t.windowReason(str(p.reason)) : t.noReason,
        ],
        links: [{ label: t.pageLink, url: m.links.page }],
      };
    case 'consultation.opened':
      return {
        subject: t.openedSubject(title),
        paragraphs: [t.opened(day(m.locale, p.opens), day(m.locale, p.closes))],
        links: [{ label: t.pageLink, url: m.links.page }],
      };
    case 'consultation.closing':
      return {
        subject: t.closingSubject(title, Number(p.days)),
        paragraphs: [t.closing(day(m.locale, p.closes))],
        links: [{ label: t.pageLink, url: m.links.page }],
      };
    case 'policy.version':
      return {
        subject: t.versionSubject(title, Number(p.version)),
        paragraphs: p.note ? [t.version(str(p.note))] : [],
        links: [{ label: t.pageLink, url: m.links.page }],
      };
    default:
      return { subject: title || m.event.kind, paragraphs: [], links };
  }
}

export function render(m: MessageInput): Message {
  const t = T[m.locale];
  const { subject, paragraphs, links } = parts(m);
  const shown = links.filter((l): l is { label: string; url: string } => !!l.url);
  const text = [
    ...paragraphs,
    '',
    ...shown.map((l) => `${l.label}: ${l.url}`),
    '',
    '--',
    t.footer,
    `${t.unsubscribe}: ${m.links.unsubscribe}`,
    '',
  ].join('\n');
  const lang = m.locale === 'en' ? 'en' : m.locale;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${shown.length ? `<ul>${shown.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul>` : ''}
<hr><p><small>${escapeHtml(t.footer)} <a href="${escapeHtml(m.links.unsubscribe)}">${escapeHtml(t.unsubscribe)}</a></small></p>
</body></html>`;
  const main = shown[0]?.url ?? '';
  const short =
    `${subject}${paragraphs[1] ? ` ${paragraphs[1]}` : ''} ${main} ${t.unsubscribe}: ${m.links.unsubscribe}`.trim();
  return { subject, text, html, short };
}

// What the view functions of gk-feedback need from the element: text, number and date formats,
// and clause names. Made once per render.
import type { Decision } from '@gongkai/format';
import type { FeedbackMessages } from '../i18n/feedback.js';
import type { UiLang } from '../internal/localize.js';

export type Msg = (key: keyof FeedbackMessages, params?: Record<string, string | number>) => string;

export interface ViewContext {
  msg: Msg;
  lang: UiLang;
  /** A count as the reader's language writes it (10,000). */
  n(value: number): string;
  /** `part` of `whole` as a percentage (41.7%). */
  percent(part: number, whole: number): string;
  /** An ISO date or time as a date (2016年6月1日), with the time when asked. */
  date(iso: string, withTime?: boolean): string;
  /** A clause's name (null: the whole text). */
  clauseName(id: string | null): string;
  /** The outcome's label (采纳). */
  decision(d: Decision): string;
}

const LOCALES: Record<UiLang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en-GB' };

export function makeContext(msg: Msg, lang: UiLang, clauseName: (id: string) => string): ViewContext {
  const locale = LOCALES[lang];
  const count = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  // Chinese government dates are Beijing dates, wherever the reader is.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return {
    msg,
    lang,
    n: (value) => count.format(value),
    percent: (part, whole) => pct.format(whole > 0 ? part / whole : 0),
    date: (iso, withTime = false) => {
      const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00+08:00` : iso);
      return Number.isNaN(at.getTime()) ? iso : (withTime ? time : day).format(at);
    },
    clauseName: (id) => (id === null ? msg('wholeText') : clauseName(id)),
    decision: (d) => msg(`decision_${d}`),
  };
}

// The consultation's window as the citizen should see it: the service's live answer when it
// can be reached, else the dates the bundle carries (the service decides in the end).
import type { Consultation, ConsultationStatus, ConsultationView } from '@gongkai/format';

export interface WindowInfo {
  title: string;
  /** The policy consulted on (for following it and its feeds); null when only the bundle was read. */
  policy: string | null;
  status: ConsultationStatus;
  opens: Date;
  closes: Date;
  days: number;
  feedbackExpected: string | null;
  /** Comments received so far (0 when the service could not be reached). */
  received: number;
  shortWindowReason: string | null;
  contact: string | null;
  draftingNotes: string | null;
  basis: { title: string; url?: string }[];
  /** False when computed from the bundle because the service could not be reached. */
  confirmed: boolean;
}

const DAY = 86_400_000;

/** A date-only `closes` means the end of that day in China Standard Time, as on the server. */
function parse(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}+08:00`);
  return new Date(value);
}

export function fromView(view: ConsultationView): WindowInfo {
  return {
    title: view.title,
    policy: view.policyId ?? null,
    status: view.status,
    opens: new Date(view.opens),
    closes: new Date(view.closes),
    days: view.days,
    feedbackExpected: view.feedbackExpected ?? null,
    received: view.counts?.received ?? 0,
    shortWindowReason: view.shortWindowReason,
    contact: view.contact,
    draftingNotes: view.draftingNotes,
    basis: view.basis ?? [],
    confirmed: true,
  };
}

export function fromBundle(c: Consultation, title = '', now = Date.now()): WindowInfo {
  const opens = parse(c.opens, false);
  const closes = parse(c.closes, true);
  const status: ConsultationStatus = now < opens.getTime() ? 'upcoming' : now < closes.getTime() ? 'open' : 'closed';
  return {
    title,
    policy: null,
    status,
    opens,
    closes,
    days: Math.round((closes.getTime() - opens.getTime()) / DAY),
    feedbackExpected: null,
    received: 0,
    shortWindowReason: c.shortWindowReason ?? null,
    contact: c.contact ?? null,
    draftingNotes: c.draftingNotes ?? null,
    basis: c.basis ?? [],
    confirmed: false,
  };
}

/** The day number of an instant in China (UTC+8 all year). */
const chinaDay = (at: number) => Math.floor((at + 8 * 3_600_000) / DAY);

/**
 * Days from today to the closing day, by the calendar in China (0 on the last day): the count
 * agrees with the closing date shown beside it, whatever the hour.
 */
export function daysLeft(closes: Date, now = Date.now()): number {
  return Math.max(0, chinaDay(closes.getTime()) - chinaDay(now));
}

export function formatDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

/** A date-only value (2030-05-20) is that day in China, whatever the reader's clock says. */
export function parseDay(value: string): Date {
  return parse(value, false);
}

/** `1月5日` (`5 January`): the short date of the status bar, in Beijing time. */
export function formatShortDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

// Times are Beijing time, as the service and the published feedback give them, never the
// reader's clock zone (a citizen abroad would see another hour than staff and the lookup).
export function formatTime(at: number | Date, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(at);
}

/** `2026年12月6日 13:20:57`: the date and time to the second, in Beijing time (the caller labels it). */
export function formatDateTime(at: number | Date, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(at);
}

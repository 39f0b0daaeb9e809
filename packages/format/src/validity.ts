// The validity a reader is shown (有效性), from the status and the dates, on the calendar of China
// time (UTC+8 all year, no daylight saving): the one place that decides it, for the reading page's
// badge and for `gongkai check`. Plain arithmetic, no Intl time zones: it runs in every browser.
import type { Meta } from './schema/document.js';

export type Validity = 'not-yet-effective' | 'valid' | 'expired' | 'repealed' | 'amended' | 'draft';

export interface ValidityNow {
  /** What the badge says now; null when the bundle states neither a status nor a date. */
  validity: Validity | null;
  /** The next China midnight (ms since 1970) at which `validity` changes; null when it never will by the dates. */
  changesAt: number | null;
  /** The China midnight that starts the day of `effective` (−Infinity without one). */
  from: number;
  /** The China midnight after the day of `expires`, the last day in force (Infinity without one). */
  until: number;
}

const DAY = 864e5;
const UTC8 = 288e5;

/**
 * The China midnight starting the day of a bundle date: a date (2017-06-01) or a timestamp without
 * an offset is China's own; a timestamp with one (`Z`, `+08:00`, `-0500`) is that instant.
 */
export function chinaDayStart(iso: string): number {
  const t = /(Z|[+-]\d\d:?\d\d)$/.test(iso)
    ? Date.parse(iso.replace(' ', 'T').replace(/(\d\d)(\d\d)$/, '$1:$2')) + UTC8
    : Date.parse(iso.slice(0, 10));
  return Math.floor(t / DAY) * DAY - UTC8;
}

/** The China calendar date (YYYY-MM-DD) of an instant; '' for none (the ±Infinity of a date not given). */
export const chinaDate = (t: number): string =>
  Number.isFinite(t) ? new Date(t + UTC8).toISOString().slice(0, 10) : '';

/**
 * The validity at an instant. `draft`, `repealed` and `amended` are stated facts and override the
 * dates; `valid` (or no status) follows them: before `effective` not yet in force, after the day
 * of `expires` (its last day in force) expired. A status of `valid` never hides an expiry: the
 * dates win, and `gongkai check` warns about the contradiction. When the dates contradict each
 * other (effective after expires) the expiry wins, so such a text is never shown as in force.
 */
export function validityAt(
  meta: Pick<Meta, 'status' | 'effective' | 'expires'>,
  now: number | Date = Date.now(),
): ValidityNow {
  const { status, effective, expires } = meta;
  const from = effective ? chinaDayStart(effective) : -Infinity;
  const until = expires ? chinaDayStart(expires) + DAY : Infinity;
  const at = (t: number): Validity | null =>
    status && status !== 'valid'
      ? status
      : !(status || effective || expires)
        ? null
        : t >= until
          ? 'expired'
          : t < from
            ? 'not-yet-effective'
            : 'valid';
  const t = +now;
  const validity = at(t);
  // The earlier of the two midnights still ahead at which the answer differs (a stated status never does).
  const next = Math.min(...[from, until].filter((c) => c > t && at(c) !== validity));
  return { validity, changesAt: next < Infinity ? next : null, from, until };
}

const DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Days in a comment window. A date-only `closes` means the end of that day, so
 * 2024-06-01 … 2024-06-30 is the 30 days an editor counts on a calendar.
 */
export function consultationDays(opens: string, closes: string): number {
  const end = Date.parse(closes) + (DATE_ONLY.test(closes) ? DAY : 0);
  return Math.floor((end - Date.parse(opens)) / DAY);
}

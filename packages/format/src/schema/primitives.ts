// The building blocks every schema of the bundle shares (not part of the package's API).
import * as v from 'valibot';
import { RULES } from './messages.js';

export const text = v.pipe(v.string(), v.trim(), v.minLength(1));
export const optionalText = v.optional(v.string());
export const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A calendar date (2017-06-01) or a full ISO 8601 timestamp; 2017-02-30 is refused. */
export const isoDate = v.pipe(
  v.string(),
  v.regex(DATE, RULES.date.en),
  v.check((s) => {
    const [, y, m, d] = DATE.exec(s) ?? [];
    if (!y) return true; // the regex has already said what is wrong
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d);
  }, RULES.date.en),
);
export const id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, RULES.id.en),
  v.maxLength(128, RULES.id.en),
);
/**
 * Links are untrusted: only http(s), mailto, tel and relative URLs are accepted. Spelled
 * without the `i` flag because JSON Schema patterns carry no flags.
 */
export const safeUrl = v.pipe(
  v.string(),
  v.regex(
    /^(?:[Hh][Tt][Tt][Pp][Ss]?:|[Mm][Aa][Ii][Ll][Tt][Oo]:|[Tt][Ee][Ll]:|\/|\.{1,2}\/|#|\?|[^:/?#]+(?:[/?#]|$))/,
    RULES.url.en,
  ),
);
/** Unknown keys are refused so that a typo such as `titel` does not pass silently. */
export const obj = v.strictObject;

// Personal data never appears in published feedback. Names of individuals are masked,
// contacts are never published, and numbers or addresses that identify someone are removed
// from the comment text.
//
// People type on phones with Chinese input methods, so patterns match a folded copy of the text
// (full-width letters, digits and punctuation, 。 and ideographic space as ASCII). Folding maps
// one UTF-16 unit to one, so a match's offsets in the copy are its offsets in the original, and
// everything outside a match is published exactly as written.
//
// Comments are untrusted and long: every quantifier is bounded and every pattern can only start
// where a number or address can start, so masking is linear in the length of the text.

type Span = [start: number, end: number];

const FOLDABLE = /[\uFF01-\uFF5E\u3000\u3002\uFF61\u00A0\t\u2010-\u2015\u2212\uFE63]/;

/** Full-width ASCII, ideographic space and full stops, dashes → ASCII; same length as the input. */
function fold(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  let out = '';
  // Small chunks: fromCharCode takes its arguments on the stack.
  for (let i = 0; i < text.length; i += 4096) {
    const codes: number[] = [];
    for (let j = i; j < Math.min(i + 4096, text.length); j++) codes.push(foldCode(text.charCodeAt(j)));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function foldCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3002 || c === 0xff61) return 0x2e; // 。｡ → .
  if (c === 0x3000 || c === 0xa0 || c === 0x09) return 0x20;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63) return 0x2d; // dashes, minus → -
  return c;
}

// Between digit groups: a dash or dot (spaces around it allowed) or one or two spaces.
const SEP = '(?: {0,2}[-.] {0,2}| {1,2})?';
const NOT_AFTER_DIGIT = '(?<![0-9])';
const NOT_BEFORE_DIGIT = '(?![0-9])';

const spansOf =
  (pattern: RegExp) =>
  (folded: string): Span[] =>
    Array.from(folded.matchAll(pattern), (m) => [m.index, m.index + m[0].length]);

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
// After the @: up to 8 labels of at most 63 characters, then a top-level domain.
const DOMAIN = / {0,2}(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,63}/y;

/** Found from each @ outwards, so text without an @ costs one indexOf. */
function emails(folded: string): Span[] {
  const spans: Span[] = [];
  let floor = 0;
  for (let at = folded.indexOf('@'); at !== -1; at = folded.indexOf('@', at + 1)) {
    let end = at;
    while (end > floor && at - end < 2 && folded[end - 1] === ' ') end--;
    let start = end;
    // A local part is at most 64 characters: a longer run loses only its last 64.
    while (start > floor && end - start < 64 && LOCAL_CHAR.test(folded[start - 1] ?? '')) start--;
    // Keeps the full stop ending the sentence before: a local part never starts with a dot.
    while (start < end && folded[start] === '.') start++;
    if (start === end) continue;
    DOMAIN.lastIndex = at + 1;
    if (!DOMAIN.test(folded)) continue;
    spans.push([start, DOMAIN.lastIndex]);
    floor = DOMAIN.lastIndex;
    at = floor - 1;
  }
  return spans;
}

const RULES: [find: (folded: string) => Span[], replacement: string][] = [
  [emails, '［邮箱已隐去］'],
  // A QQ number is only recognisable by its label: 5–11 digits alone are just a number.
  [
    spansOf(
      new RegExp(
        `(?<![A-Za-z])(?:[Qq]{2}|扣扣)(?:号码|号|群号?|[账帐]号)? {0,3}(?:[:是为] {0,3})?[1-9][0-9]{4,10}${NOT_BEFORE_DIGIT}`,
        'g',
      ),
    ),
    '［QQ号已隐去］',
  ],
  // 18-digit resident ID (last may be X), whole or in the groups people write it in:
  // 3-3-4-4-4 (also 6-8-4, 6-4-4-4) or 4-4-4-4-2.
  [
    spansOf(
      new RegExp(
        `${NOT_AFTER_DIGIT}(?:[0-9]{3}${SEP}[0-9]{3}${SEP}[0-9]{4}${SEP}[0-9]{4}${SEP}[0-9]{3}` +
          `|[0-9]{4}${SEP}[0-9]{4}${SEP}[0-9]{4}${SEP}[0-9]{4}${SEP}[0-9])[0-9Xx]${NOT_BEFORE_DIGIT}`,
        'g',
      ),
    ),
    '［身份证号已隐去］',
  ],
  // The older 15-digit form (6-6-3).
  [
    spansOf(new RegExp(`${NOT_AFTER_DIGIT}[0-9]{6}${SEP}[0-9]{6}${SEP}[0-9]{3}${NOT_BEFORE_DIGIT}`, 'g')),
    '［身份证号已隐去］',
  ],
  // Mainland mobile numbers (3-4-4), with or without +86 / 0086.
  [
    spansOf(
      new RegExp(`(?<![0-9+])(?:(?:\\+|00)?86${SEP})?1[3-9][0-9]${SEP}[0-9]{4}${SEP}[0-9]{4}${NOT_BEFORE_DIGIT}`, 'g'),
    ),
    '［电话已隐去］',
  ],
  // Landlines: area code 0xx(x), maybe in brackets, then 7–8 digits (3-4 or 4-4).
  [
    spansOf(
      new RegExp(
        `${NOT_AFTER_DIGIT}(?:\\(0[0-9]{2,3}\\)|0[0-9]{2,3})${SEP}[0-9]{3,4}${SEP}[0-9]{4}${NOT_BEFORE_DIGIT}`,
        'g',
      ),
    ),
    '［电话已隐去］',
  ],
];

function splice(text: string, spans: Span[], replacement: string): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += text.slice(last, start) + replacement;
    last = end;
  }
  return out + text.slice(last);
}

export function maskText(text: string): string {
  let out = text;
  let folded = fold(text);
  for (const [find, replacement] of RULES) {
    const spans = find(folded);
    out = splice(out, spans, replacement);
    // Replacements fold to the same length, so the two copies stay aligned.
    folded = splice(folded, spans, fold(replacement));
  }
  return out;
}

// Dates are the commonest long digit run in a comment and identify no one.
const DATE = new RegExp(
  `${NOT_AFTER_DIGIT}(?:19|20)[0-9]{2}([-./])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12][0-9]|3[01])${NOT_BEFORE_DIGIT}`,
  'g',
);

/**
 * Runs of 7 or more digits (groups joined by spaces, dashes or dots; full-width too) left in a
 * masked text, as written, dates excepted: numbers no pattern recognised, for a human to look at.
 */
export function digitRuns(masked: string): string[] {
  const folded = fold(masked).replace(DATE, (date) => '_'.repeat(date.length));
  const runs: string[] = [];
  const isDigit = (i: number) => i < folded.length && folded.charCodeAt(i) >= 48 && folded.charCodeAt(i) <= 57;
  const skipSpaces = (j: number) => (folded[j] === ' ' ? (folded[j + 1] === ' ' ? j + 2 : j + 1) : j);
  let i = 0;
  while (i < folded.length) {
    if (!isDigit(i)) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    for (;;) {
      while (isDigit(i)) {
        i++;
        digits++;
      }
      // A separator continues the run only if another digit group follows it.
      let j = skipSpaces(i);
      if (folded[j] === '-' || folded[j] === '.') j = skipSpaces(j + 1);
      if (j === i || !isDigit(j)) break;
      i = j;
    }
    if (digits >= 7) runs.push(masked.slice(start, i));
  }
  return runs;
}

/** 张三丰 → 张**; organisations are published by name; anonymous comments have none. */
export function publicName(type: string, name: string | null): string | null {
  if (!name?.trim() || type === 'anonymous') return null;
  if (type === 'organization') return maskText(name.trim());
  const chars = Array.from(name.trim());
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}

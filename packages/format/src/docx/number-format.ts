// Word's automatic numbers as they are printed: a level's number format (w:numFmt) applied to
// its counter, placed in its text (w:lvlText, `第%1条`, `（%1）`, `%1.`). Word keeps only the
// format in the file, so a converter that drops it loses 一、（一）1. — the document's structure.

const CN_DIGITS = '〇一二三四五六七八九';
const CN_UNITS = ['', '十', '百', '千'];
const LEGAL_DIGITS = { simplified: '零壹贰叁肆伍陆柒捌玖', traditional: '零壹貳參肆伍陸柒捌玖' };
const LEGAL_UNITS = { simplified: ['', '拾', '佰', '仟'], traditional: ['', '拾', '佰', '仟'] };
const TEN_THOUSAND = { simplified: '万', traditional: '萬' };
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 101 → 一百零一, 12345 → 一万二千三百四十五. */
function counting(n: number, digits: string, units: string[], wan: string, bareTen: boolean): string {
  if (n === 0) return digits[0] as string;
  // 一百零一: the zero inside a number is 零 (〇 is a digit of its own, as in 二〇二四).
  const zeroChar = digits[0] === '〇' ? '零' : (digits[0] as string);
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    const rest = low === 0 ? '' : (low < 1000 ? zeroChar : '') + counting(low, digits, units, wan, false);
    return counting(high, digits, units, wan, bareTen) + wan + rest;
  }
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i] as string;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += zeroChar;
    zero = false;
    // 十五, not 一十五 (but 一百一十五).
    out += bareTen && d === 1 && unit === units[1] && out === '' ? unit : (digits[d] as string) + unit;
  }
  return out;
}

const circled = (n: number): string | undefined =>
  n >= 1 && n <= 20
    ? String.fromCharCode(0x2460 + n - 1)
    : n <= 35
      ? String.fromCharCode(0x3251 + n - 21)
      : n <= 50
        ? String.fromCharCode(0x32b1 + n - 36)
        : undefined;

function letters(n: number, base: string): string {
  // Word repeats the letter: a … z, aa … zz.
  const letter = base[(n - 1) % 26] as string;
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/**
 * The counter `n` in the number format `numFmt` (ECMA-376 ST_NumberFormat). Formats with no
 * Chinese or Latin reading of their own fall back to Arabic digits, as Word does.
 */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return counting(n, CN_DIGITS, CN_UNITS, TEN_THOUSAND.simplified, true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
      return counting(n, LEGAL_DIGITS.simplified, LEGAL_UNITS.simplified, TEN_THOUSAND.simplified, false);
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return counting(n, LEGAL_DIGITS.traditional, LEGAL_UNITS.traditional, TEN_THOUSAND.traditional, false);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? (HEAVENLY[n - 1] as string) : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? (EARTHLY[n - 1] as string) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return circled(n) ?? String(n);
    // ⒈ and ⑴ exist up to 20; Word prints the same thing as 21. and (21) after that.
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

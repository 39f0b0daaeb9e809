// The page address (the bundle's id) a drafter starts from: made from the 文号, as the demo's
// ids are (鄂州政办发〔2016〕40号 → ezzbf-2016-40: the issuer's initials in pinyin, the year, the
// number), so that two documents of one year from different offices do not collide.

// The first character of each pinyin initial, in the pinyin collation (I, U and V begin none).
const BOUNDS = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';
const LETTERS = 'abcdefghjklmnopqrstwxyz';
let collator: Intl.Collator | null | undefined;

function pinyinCollator(): Intl.Collator | null {
  if (collator === undefined) {
    try {
      const c = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
      // Without Chinese collation data, 八 would sort before 阿 by code point.
      collator = c.compare('阿', '八') < 0 && c.compare('八', '嚓') < 0 ? c : null;
    } catch {
      collator = null;
    }
  }
  return collator;
}

/** The pinyin initial of a Han character ('' when unknown); ASCII letters and digits as they are. */
function initial(ch: string): string {
  if (/[A-Za-z0-9]/.test(ch)) return ch.toLowerCase();
  const c = pinyinCollator();
  if (!c || !/\p{Script=Han}/u.test(ch) || c.compare(ch, BOUNDS[0]!) < 0) return '';
  let i = BOUNDS.length - 1;
  while (i > 0 && c.compare(ch, BOUNDS[i]!) < 0) i--;
  return LETTERS[i] ?? '';
}

const DOC_NUMBER = /^(.*?)[〔［[(（【]?\s*((?:19|20)\d{2})\s*[〕］\])）】]?\s*第?\s*(\d{1,5})\s*[号號]/;

/** `ezzbf-2016-40` from 鄂州政办发〔2016〕40号; null when the 文号 has no year and number. */
export function idFromDocNumber(docNumber: string): string | null {
  const m = DOC_NUMBER.exec(docNumber.trim());
  if (!m) return null;
  const prefix = [...(m[1] ?? '')].map(initial).join('').slice(0, 16);
  return `${prefix || 'doc'}-${m[2]}-${Number(m[3])}`;
}

// Personal data never appears in published feedback. Names of individuals are masked,
// contacts are never published, and numbers or addresses that identify someone are removed
// from the comment text. Full-width digits count as digits: people type them on phones.
const D = '[0-9０-９]';
const SEP = '[\\s\\-－]?';
const PATTERNS: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+\s*(?:@|＠)\s*[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '［邮箱已隐去］'],
  // 18-digit resident ID (last may be X) and the older 15-digit form.
  [
    new RegExp(`(?<![0-9０-９])${D}{6}${SEP}${D}{8}${SEP}${D}{3}[0-9０-９XxＸｘ](?![0-9０-９])`, 'g'),
    '［身份证号已隐去］',
  ],
  [new RegExp(`(?<![0-9０-９])${D}{15}(?![0-9０-９])`, 'g'), '［身份证号已隐去］'],
  // Mainland mobile numbers, with or without +86 and separators.
  [
    new RegExp(
      `(?:(?:\\+|＋)?86${SEP})?(?<![0-9０-９])[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}(?![0-9０-９])`,
      'g',
    ),
    '［电话已隐去］',
  ],
  // Landlines: area code 0xx(x) then 7–8 digits.
  [new RegExp(`(?<![0-9０-９])[0０]${D}{2,3}${SEP}${D}{7,8}(?![0-9０-９])`, 'g'), '［电话已隐去］'],
];

export function maskText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** 张三丰 → 张**; organisations are published by name; anonymous comments have none. */
export function publicName(type: string, name: string | null): string | null {
  if (!name?.trim() || type === 'anonymous') return null;
  if (type === 'organization') return maskText(name.trim());
  const chars = Array.from(name.trim());
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}

import type { UiLang } from '../internal/localize.js';

const LOCALES: Record<UiLang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };

/**
 * Formats numbers as a reader of `lang` expects: 万 and 亿 (萬, 億) for large Chinese numbers,
 * K/M/B in English, `%` glued to the number, other units after it (`23项`, `4.5 km`).
 */
export function numberFormatter(lang: UiLang, unit?: string): (value: number | null | undefined) => string {
  const locale = LOCALES[lang];
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: lang === 'en' });
  const suffix = !unit ? '' : unit === '%' || lang !== 'en' ? unit : ` ${unit}`;
  return (value) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return '—';
    const text = Math.abs(value) >= 10000 ? compact.format(value) : plain.format(value);
    return `${text}${suffix}`;
  };
}

/** Colour-blind-safe series colours (Okabe & Ito), darkened where needed for contrast on white. */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
] as const;

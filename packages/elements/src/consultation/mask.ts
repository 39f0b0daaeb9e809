// Personal numbers and addresses kept out of what the device stores (a receipt's excerpt), as
// the published feedback does on the server, but simpler: any run of 7 or more digits (phone,
// ID card, QQ; groups may be split by spaces, dashes or dots; full-width digits too) and any
// e-mail-like text. Masking a date too is a price worth paying on a shared computer.
export const MASK = '［已隐去］';

const W = '[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_%+\\-]';
const EMAIL = new RegExp(`${W}+(?:[.．]${W}+)*\\s*[@＠]\\s*${W}+(?:[.．。]${W}+)*`, 'g');
const D = '[0-9０-９]';
const NUMBER = new RegExp(`(?:[+＋]\\s?)?${D}+(?:(?:\\s?[-－.．·]\\s?|\\s)${D}+)*[XxＸｘ]?`, 'g');

const digits = (text: string) => text.replace(/[^0-9０-９]/g, '').length;

export function maskPersonal(text: string): string {
  return text.replace(EMAIL, MASK).replace(NUMBER, (run) => (digits(run) >= 7 ? MASK : run));
}

/** The first `max` characters as a reader counts them, masked before cutting (no half number). */
export function maskedExcerpt(text: string, max = 80): string {
  return Array.from(maskPersonal(text)).slice(0, max).join('');
}

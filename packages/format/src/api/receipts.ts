// Receipts: 15 random symbols (75 bits, unguessable) and a Luhn mod 32 check symbol, in
// Crockford's base 32 (no I, L, O or U), shown in four groups: 7K2M-9QX4-RT8B-ZW3D. The check
// catches every single mistyped symbol and most swapped neighbours, so a typo is refused
// instead of finding someone else's comment. The service issues them; the elements check a
// typed one before asking.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;

function checkSymbol(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(payload[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

/** A new receipt, normalised (no separators): what the database stores. */
export function newReceipt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  const payload = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return payload + checkSymbol(payload);
}

/** 7K2M9QX4RT8BZW3D → 7K2M-9QX4-RT8B-ZW3D */
export function formatReceipt(normalised: string): string {
  return normalised.match(/.{1,4}/g)!.join('-');
}

export type ReceiptProblem = 'empty' | 'malformed' | 'mistyped';

/**
 * Reads a receipt as a person typed it: any case, spaces or dashes (also full-width), O for 0,
 * I and L for 1. Returns the normalised form, or what is wrong with it.
 */
export function readReceipt(input: string): { ok: true; receipt: string } | { ok: false; problem: ReceiptProblem } {
  const s = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―－_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!s) return { ok: false, problem: 'empty' };
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(s)) return { ok: false, problem: 'malformed' };
  if (checkSymbol(s.slice(0, 15)) !== s[15]) return { ok: false, problem: 'mistyped' };
  return { ok: true, receipt: s };
}

/** The normalised receipt, or null when it is malformed or its check symbol is wrong. */
export function parseReceipt(input: string): string | null {
  const read = readReceipt(input);
  return read.ok ? read.receipt : null;
}

/** A valid receipt made from any 15 symbols (for examples and tests), formatted. */
export function receiptFor(payload: string): string {
  const p = payload.toUpperCase().slice(0, 15).padEnd(15, '0');
  return formatReceipt(p + checkSymbol(p));
}

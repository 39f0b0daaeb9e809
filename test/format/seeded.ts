// Seeded randomness and article numbers for generated texts, so a failing property replays.

/** mulberry32: a small seeded generator, so failures replay. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int };
}
export type Rng = ReturnType<typeof rng>;

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 21 → 二十一, 105 → 一百零五: numbers as articles print them. */
export function chinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chinese(rest)}` : chinese(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

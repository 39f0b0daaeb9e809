// Text folding shared by anchoring and search: full-width → half-width, upper → lower case,
// traditional → simplified, and whitespace and punctuation dropped, so that ，/, “/" 、/,
// \u3000 or &nbsp; never decide whether two passages match. `pos` maps every folded
// character back to its offset in the original string, so ranges can be reported there.
import { toSimplified } from './t2s.js';

export interface Folded {
  /** The folded text. */
  text: string;
  /** pos[i] = offset in the original of folded char i; pos[text.length] = original length. */
  pos: Int32Array;
}

const DROP_OTHER = /[\p{P}\p{S}\p{Z}\p{C}]/u;
const otherCache = new Map<number, boolean>();

/** The folded code unit, or -1 when the character is dropped. */
function foldCode(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return toSimplified(c);
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
  if (c < 0x80) {
    if (c >= 0x61 && c <= 0x7a) return c;
    if (c >= 0x30 && c <= 0x39) return c;
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    return -1;
  }
  if (c === 0x3005 || c === 0x3007) return c; // 々 〇 are letters, not punctuation
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xfe10 && c <= 0xfe6f)) return -1;
  if (c >= 0xd800 && c <= 0xdfff) return c; // halves of supplementary ideographs
  let drop = otherCache.get(c);
  if (drop === undefined) {
    drop = DROP_OTHER.test(String.fromCharCode(c));
    otherCache.set(c, drop);
  }
  return drop ? -1 : c;
}

// Scratch buffers reused by every call: folding runs per clause and per keystroke, and
// allocating typed arrays each time cost more than the folding itself.
let codes = new Uint16Array(256);
let positions = new Int32Array(257);

function ensure(n: number): void {
  if (codes.length >= n) return;
  let size = codes.length;
  while (size < n) size *= 2;
  const c = new Uint16Array(size);
  c.set(codes);
  codes = c;
  const p = new Int32Array(size + 1);
  p.set(positions);
  positions = p;
}

function toText(length: number): string {
  if (length <= 4096) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < length; i += 4096) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 4096)) as unknown as number[]));
  }
  return parts.join('');
}

/** Append the folded `input` at folded offset k of the scratch buffers; returns the new end. */
function append(input: string, k: number): number {
  const n = input.length;
  ensure(k + n + 1);
  for (let i = 0; i < n; i++) {
    const f = foldCode(input.charCodeAt(i));
    if (f < 0) continue;
    codes[k] = f;
    positions[k++] = i;
  }
  positions[k] = n;
  return k;
}

/** Fold a string and keep the map back to original offsets. */
export function fold(input: string): Folded {
  const k = append(input, 0);
  return { text: toText(k), pos: positions.slice(0, k + 1) };
}

/** Fold without the offset map (queries, keys). */
export function foldText(input: string): string {
  return toText(append(input, 0));
}

/**
 * Fold several strings into one, each followed by the code unit `sep` (which folding never
 * produces, so no match crosses it). `starts[i]` is where part i begins; `pos` maps into each
 * part's own original string, and a separator maps to its part's length.
 */
export function foldJoin(inputs: readonly string[], sep: number): Folded & { starts: Int32Array } {
  const starts = new Int32Array(inputs.length + 1);
  let k = 0;
  inputs.forEach((input, i) => {
    starts[i] = k;
    k = append(input, k);
    codes[k++] = sep;
  });
  positions[k] = inputs[inputs.length - 1]?.length ?? 0;
  starts[inputs.length] = k;
  return { text: toText(k), pos: positions.slice(0, k + 1), starts };
}

/**
 * The original range [start, end) covered by folded chars [from, to). `to` is exclusive,
 * so the end is just after the last folded char (punctuation after it is not included).
 */
export function originalRange(pos: Int32Array, from: number, to: number): [number, number] {
  return [pos[from]!, to > from ? pos[to - 1]! + 1 : pos[from]!];
}

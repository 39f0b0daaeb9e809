// Near-duplicate detection for campaigns of near-identical letters, in time linear in the text:
// MinHash signatures over character bigrams (Chinese has no spaces to split on), made with one
// permutation hashing (each bigram hashed once, not once per hash function), and LSH banding, so
// that a comment is compared only with those that share a band, never with every other comment.
// Pure (no Node modules): the browser tests' stand-in for the server groups with it too.

/** Values in a signature. */
export const HASHES = 128;
/**
 * Bands of ROWS values (126 of the 128): two texts share a band with probability
 * 1 - (1 - J^ROWS)^BANDS: 0.99 at J = 0.8, 0.40 at 0.6 (a copy is looked for among every indexed
 * member of its campaign, so it is found all the same), 0.0002 at 0.2. Four values a band (32
 * bands) made comments that merely share a clause candidates of one another: at 500,000 every
 * comment was a candidate of every batch.
 */
export const ROWS = 7;
export const BANDS = Math.floor(HASHES / ROWS);
/**
 * Indexed comments a band key holds at most. Keys that many comments share (a clause everyone
 * quotes) stop taking more: a comment's candidates are bounded, however many comments there are.
 */
export const BUCKET = 64;
/**
 * Estimated Jaccard similarity (of bigram sets) from which two comments are one campaign. Two
 * copies of a letter, each with up to 6% of its characters changed and a signature added, keep
 * 0.6 or more of their bigrams in common (99% of the test corpus' copies: 0.625 and up); two
 * comments that share a template sentence but quote different passages reach about 0.5, and
 * unrelated comments built from the same policy's sentences rarely 0.3.
 */
export const SIMILAR = 0.6;
/** A member this similar (and the representative within 0.1 of SIMILAR) also admits a comment. */
export const NEAR = 0.55;

const EMPTY = 0xffffffff;

/** What is compared: letters and digits only, full-width folded, lower case. */
export const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** FNV-1a over 32 bits, then a finaliser (murmur3's) so that neighbouring inputs scatter. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The signature of a text: for each of HASHES buckets, the least hash of the bigrams that fall in it. */
export function signature(text: string): Uint32Array {
  const chars = Array.from(normalise(text));
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  const add = (a: number, b: number) => {
    const h = mix(Math.imul(a ^ 0x9e3779b9, 0x01000193) ^ Math.imul(b, 0x5bd1e995));
    const bucket = h % HASHES;
    const value = Math.floor(h / HASHES);
    if (value < sig[bucket]!) sig[bucket] = value;
  };
  if (chars.length === 1) add(chars[0]!.codePointAt(0)!, 0);
  for (let i = 0; i + 1 < chars.length; i++) add(chars[i]!.codePointAt(0)!, chars[i + 1]!.codePointAt(0)!);
  // Empty buckets (short texts) borrow from the next filled one, offset by the distance, so that
  // two texts' empty buckets agree exactly when their neighbours do.
  for (let i = 0; i < HASHES; i++) {
    if (sig[i] !== EMPTY) continue;
    for (let d = 1; d < HASHES; d++) {
      const v = sig[(i + d) % HASHES]!;
      if (v !== EMPTY && v < EMPTY - 1) {
        sig[i] = mix(v + d) % 0x2000000;
        break;
      }
    }
  }
  return sig;
}

/**
 * The search keys of a text: its distinct character bigrams (of the normalised text), hashed to
 * positive 31-bit integers. A text contains a query only if its keys hold all of the query's: a
 * GIN index on them finds the candidates, and the text itself confirms each. Chinese needs no
 * word breaking for this, and no locale decides which characters count.
 */
export function searchKeys(text: string): number[] {
  const chars = Array.from(normalise(text));
  const keys = new Set<number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    keys.add(mix(Math.imul(chars[i]!.codePointAt(0)!, 0x01000193) ^ chars[i + 1]!.codePointAt(0)!) >>> 1);
  }
  return [...keys];
}

/** The estimated Jaccard similarity of two texts: the share of equal values in their signatures. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/**
 * The LSH keys of a signature: one per band, a band's values hashed with its index and a salt
 * (the consultation), as numbers below 2^38, exact in JavaScript and in a PostgreSQL bigint.
 */
export function bandKeys(sig: ArrayLike<number>, salt = 0): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ salt;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    keys.push(b * 2 ** 32 + mix(h));
  }
  return keys;
}

/** A salt from a consultation id, so that keys of two consultations never meet. */
export function saltOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** A comment already placed: its group (the id of its first comment, the representative) and signature. */
export interface Placed {
  id: number;
  group: number;
  sig: ArrayLike<number>;
}

/** A comment indexed by this call: under `keys`, its band keys that were not full (BUCKET). */
export interface Indexed extends Placed {
  keys: number[];
}

/**
 * Places comments (in id order) among those already placed. Each is compared only with the
 * indexed comments that share one of its band keys (`candidates`, and those of this call). It
 * joins a group only if it is like that group's representative (its first comment), not merely
 * like some member: otherwise chains of comments that each share a sentence with the next would
 * join unrelated comments into one group (nearly like it, within 0.1, suffices when it is also
 * like one of the members). Among such groups it joins the one whose representative
 * it is most like; else it starts its own. Indexed, so later comments can find the group: the
 * first of a group, and members unlike the representative (variants), up to `maxIndexed` a group.
 */
export function place(
  comments: readonly { id: number; sig: ArrayLike<number>; keys: number[] }[],
  candidates: (keys: number[]) => Placed[],
  representative: (group: number) => ArrayLike<number> | undefined,
  indexedPerGroup: (group: number) => number,
  /** Comments indexed under a key before this call (at most BUCKET). */
  inBucket: (key: number) => number = () => 0,
  maxIndexed = 64,
) {
  const local = new Map<number, Placed[]>();
  const reps = new Map<number, ArrayLike<number>>();
  const indexedNow = new Map<number, number>();
  const placed: { id: number; group: number }[] = [];
  const indexed: Indexed[] = [];
  for (const c of comments) {
    // The most similar candidate of each group that has one at NEAR or above.
    const near = new Map<number, number>();
    const consider = (p: Placed) => {
      const s = similarity(c.sig, p.sig);
      if (s >= NEAR && s > (near.get(p.group) ?? 0)) near.set(p.group, s);
    };
    for (const p of candidates(c.keys)) consider(p);
    for (const k of c.keys) for (const p of local.get(k) ?? []) consider(p);
    let group = c.id;
    let best = 0;
    for (const [g, member] of near) {
      const rep = reps.get(g) ?? representative(g);
      const s = rep ? similarity(c.sig, rep) : 0;
      // Like the representative; or nearly, and close to one of its members (a campaign whose
      // copies vary their greeting and closing more than a few characters).
      const joins = s >= SIMILAR || (s >= SIMILAR - 0.1 && member >= NEAR);
      if (joins && (s > best || (s === best && g < group))) {
        best = s;
        group = g;
      }
    }
    placed.push({ id: c.id, group });
    const count = (indexedNow.get(group) ?? 0) + (group === c.id ? 0 : indexedPerGroup(group));
    if (group === c.id || (best < 0.8 && count < maxIndexed)) {
      const keys = c.keys.filter((k) => inBucket(k) + (local.get(k)?.length ?? 0) < BUCKET);
      const p = { id: c.id, group, sig: c.sig, keys };
      if (group === c.id) reps.set(group, c.sig);
      indexed.push(p);
      indexedNow.set(group, (indexedNow.get(group) ?? 0) + 1);
      for (const k of keys) {
        const list = local.get(k);
        if (list) list.push(p);
        else local.set(k, [p]);
      }
    }
  }
  return { placed, indexed };
}

/** Groups of two or more (keyed by their smallest id) among `comments`, all in memory. */
export function groupsOf(comments: readonly { id: number; body: string }[]): Map<number, number[]> {
  const items = [...comments]
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const sig = signature(c.body);
      return { id: c.id, sig, keys: bandKeys(sig) };
    });
  const { placed } = place(
    items,
    () => [],
    () => undefined,
    () => 0,
  );
  const groups = new Map<number, number[]>();
  for (const p of placed) {
    const ids = groups.get(p.group);
    if (ids) ids.push(p.id);
    else groups.set(p.group, [p.id]);
  }
  for (const [g, ids] of groups) if (ids.length < 2) groups.delete(g);
  return groups;
}

// Near-duplicate groups for campaign-style comments: the same text sent many times with small
// edits. Texts are compared on their character bigrams (Chinese has no spaces to split on).

const SIMILAR = 0.8;
const MAX_COMPARISONS = 4_000_000;

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function bigrams(s: string): Set<string> {
  const chars = Array.from(s);
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.add(chars[0]!);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Groups of comment ids (two or more each), each keyed by its smallest id. */
export function nearDuplicates(comments: { id: number; body: string }[]): Map<number, number[]> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const exact = new Map<string, number>();
  const distinct: { id: number; grams: Set<string>; len: number }[] = [];
  for (const c of comments) {
    parent.set(c.id, c.id);
    const key = normalise(c.body);
    const seen = exact.get(key);
    if (seen !== undefined) union(seen, c.id);
    else {
      exact.set(key, c.id);
      distinct.push({ id: c.id, grams: bigrams(key), len: key.length });
    }
  }
  distinct.sort((a, b) => a.len - b.len);
  let budget = MAX_COMPARISONS;
  for (let i = 0; i < distinct.length && budget > 0; i++) {
    const a = distinct[i]!;
    // Sets this much shorter cannot reach the threshold.
    for (let j = i + 1; j < distinct.length && distinct[j]!.len * SIMILAR <= a.len && budget-- > 0; j++) {
      if (jaccard(a.grams, distinct[j]!.grams) >= SIMILAR) union(a.id, distinct[j]!.id);
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of comments) {
    const r = find(c.id);
    groups.set(r, [...(groups.get(r) ?? []), c.id]);
  }
  for (const [k, ids] of groups) if (ids.length < 2) groups.delete(k);
  return groups;
}

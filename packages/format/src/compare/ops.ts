// Character differences inside one clause. Chinese has no spaces between words, so the diff
// is by character, then diff-match-patch's semantic cleanup merges the scattered one- and
// two-character runs into phrases a reader can follow (measured against jsdiff: README).
import { diff_match_patch } from '@dmsnell/diff-match-patch';
import type { DiffOp } from '../schema/comparison.js';

const dmp = new diff_match_patch();
// No time limit: with one, a slow machine could cut a diff short and the same texts would
// not always give the same runs.
dmp.Diff_Timeout = 0;

export function diffText(from: string, to: string): DiffOp[] {
  // Character by character (no line-mode speed-up, which coarsens the result).
  const diffs = dmp.diff_main(from, to, false);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map((d) => [d[0], d[1]] as DiffOp);
}

/**
 * The text the ops turn `from` into; null when they do not fit it (a kept or deleted run that
 * is not the text at that place), so a stale comparison is noticed, not shown wrongly.
 */
export function applyOps(from: string, ops: readonly DiffOp[]): string | null {
  let at = 0;
  let out = '';
  for (const [op, text] of ops) {
    if (op === 1) {
      out += text;
      continue;
    }
    if (from.slice(at, at + text.length) !== text) return null;
    if (op === 0) out += text;
    at += text.length;
  }
  return at === from.length ? out : null;
}

/** Kept characters over the mean length: 1 for equal texts, 0 for nothing in common. */
export function similarity(ops: readonly DiffOp[]): number {
  let kept = 0;
  let total = 0;
  for (const [op, text] of ops) {
    total += op === 0 ? 2 * text.length : text.length;
    if (op === 0) kept += 2 * text.length;
  }
  return total === 0 ? 1 : kept / total;
}

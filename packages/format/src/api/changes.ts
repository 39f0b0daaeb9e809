// 因意见修改: the changes in a later version of a policy that comments led to, as staff link them,
// as the published feedback explains them (修改说明) and as a receipt shows its commenter.
import type { Change, Comparison } from '../schema/comparison.js';

/**
 * A change's name, stable between the two versions compared: its clause's id in the later
 * version, or `-` and its id in the earlier one for a clause the later version removed.
 */
export const changeKey = (change: Pick<Change, 'from' | 'to'>): string =>
  change.to ? change.to.id : `-${change.from?.id ?? ''}`;

/** Changes of a later version, compared with the version a comment was made on. */
export interface TracedChanges {
  /** The later version, and its label (正式稿) when the office gave one. */
  version: number;
  label: string | null;
  /** The version compared with (the one commented on). */
  from: number;
  items: Change[];
}

/** A change the console proposes for a comment, best first. */
export interface ChangeSuggestion {
  key: string;
  change: Change;
  /** 0–1: 1 for the clause the comment was made on; else how much of the comment the change's text shares. */
  score: number;
  why: 'clause' | 'text';
}

/** `GET /consultations/:id/comments/:comment/changes` (staff). */
export interface CommentChanges {
  /** Null when the policy has no version after the one commented on: nothing to link yet. */
  changes: (TracedChanges & { linked: string[]; suggestions: ChangeSuggestion[] }) | null;
}

/** One change of the 修改说明, with the comments behind it. */
export interface ExplainedChange {
  key: string;
  change: Change;
  /** Published comments linked to it, and the campaigns (groups of two or more) among them. */
  comments: number;
  campaigns: number;
  /** Their reasons, most frequent first (at most 10). */
  reasons: { reason: string; count: number }[];
}

/** 修改说明: the later version's changes, and those that comments led to (in the published feedback). */
export interface ChangeExplanation {
  version: number;
  label: string | null;
  from: number;
  /** Every change between the two versions, by kind. */
  summary: Comparison['summary'];
  /** The changes comments led to (本文件根据公众意见修改了 N 处: N is its length). */
  items: ExplainedChange[];
}

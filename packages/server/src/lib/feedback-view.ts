// The adoption feedback (意见采纳情况反馈) built from the comments as they stand: the counts, the
// published comments with personal data masked, and what is still unhandled. Publishing, the
// preview and the printable report all use it. Pure (no database, no Node modules): the browser
// tests' stand-in for the server builds its answers with it too.
import {
  CHANNELS,
  type Channel,
  type Decision,
  type FeedbackComment,
  type FeedbackCounts,
  type FeedbackSummary,
  type FeedbackView,
  REMOVAL_REASONS,
  type RemovalReason,
  SUBMITTER_TYPES,
  type SubmitterType,
} from '@gongkai/format';
import { maskText, publicName } from './mask.js';

export const NONE_RECEIVED = '未收到意见';

const KEYS: Record<Decision, 'adopted' | 'partlyAdopted' | 'notAdopted' | 'outOfScope'> = {
  adopted: 'adopted',
  'partly-adopted': 'partlyAdopted',
  'not-adopted': 'notAdopted',
  'out-of-scope': 'outOfScope',
};

/** One comment, as much of it as the feedback needs. */
export interface FeedbackSource {
  clause: string | null;
  body: string;
  submitterType: string;
  name: string | null;
  moderation: string;
  decision: string | null;
  reason: string | null;
  removalReason: string | null;
  /** How it arrived (online when not said). */
  channel?: string;
}

export type FeedbackDraft = Omit<FeedbackView, 'version' | 'published'>;

/** Counts at nought, for every figure of the feedback. */
export const zeroCounts = (): FeedbackCounts => ({
  received: 0,
  published: 0,
  adopted: 0,
  partlyAdopted: 0,
  notAdopted: 0,
  outOfScope: 0,
  removed: 0,
});

/** Every channel and submitter type at nought: the breakdown of `received`. */
export const zeroByChannel = () => ({
  byChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
  bySubmitterType: Object.fromEntries(SUBMITTER_TYPES.map((t) => [t, 0])) as Record<SubmitterType, number>,
});

/** Adds `n` comments received by `channel` from a `submitterType` to the breakdown (unknown values are left out). */
export function countByChannel(
  summary: ReturnType<typeof zeroByChannel>,
  channel: string,
  submitterType: string,
  n: number,
): void {
  if (channel in summary.byChannel) summary.byChannel[channel as Channel] += n;
  if (submitterType in summary.bySubmitterType) summary.bySubmitterType[submitterType as SubmitterType] += n;
}

const isRemovalReason = (x: string | null): x is RemovalReason => (REMOVAL_REASONS as readonly unknown[]).includes(x);

/**
 * The feedback from `comments` (in id order); `clauseOrder` ranks the draft's clause ids and
 * `labels` names them as printed. Also
 * says how many comments await moderation and how many a decision: publishing refuses while any
 * do, the preview shows the feedback without them.
 */
export function feedbackFrom(
  consultation: { id: string; title: string },
  comments: Iterable<FeedbackSource>,
  clauseOrder: ReadonlyMap<string, number>,
  /** The draft's clauses as printed (printedClauseLabel), by id. */
  labels: ReadonlyMap<string, string> = new Map(),
): { feedback: FeedbackDraft; unmoderated: number; undecided: number } {
  const labelOf = (clause: string | null) => (clause === null ? null : (labels.get(clause) ?? null));
  const summary: FeedbackSummary & { removedBy: Record<RemovalReason, number> } & ReturnType<typeof zeroByChannel> = {
    ...zeroCounts(),
    removedBy: Object.fromEntries(REMOVAL_REASONS.map((r) => [r, 0])) as Record<RemovalReason, number>,
    ...zeroByChannel(),
  };
  const byClause = new Map<string | null, FeedbackCounts>();
  const published: FeedbackComment[] = [];
  let unmoderated = 0;
  let undecided = 0;
  for (const r of comments) {
    const clause = byClause.get(r.clause) ?? zeroCounts();
    byClause.set(r.clause, clause);
    const decision = r.moderation !== 'rejected' && r.decision ? (r.decision as Decision) : null;
    for (const counts of [summary, clause]) {
      counts.received++;
      if (r.moderation === 'rejected') counts.removed++;
      else if (decision) {
        counts.published++;
        counts[KEYS[decision]]++;
      }
    }
    if (r.moderation === 'rejected' && isRemovalReason(r.removalReason)) summary.removedBy[r.removalReason]++;
    countByChannel(summary, r.channel ?? 'online', r.submitterType, 1);
    if (r.moderation === 'pending') unmoderated++;
    else if (r.moderation === 'approved' && !r.decision) undecided++;
    if (decision) {
      published.push({
        no: published.length + 1,
        clause: r.clause,
        clauseLabel: labelOf(r.clause),
        body: maskText(r.body),
        name: publicName(r.submitterType, r.name),
        submitterType: r.submitterType,
        decision,
        reason: r.reason,
      });
    }
  }
  const rank = (k: string | null) => (k === null ? -1 : (clauseOrder.get(k) ?? clauseOrder.size));
  return {
    feedback: {
      consultation: consultation.id,
      title: consultation.title,
      message: summary.received === 0 ? NONE_RECEIVED : null,
      summary,
      byClause: [...byClause]
        .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)))
        .map(([clause, counts]) => ({ clause, label: labelOf(clause), ...counts })),
      comments: published,
    },
    unmoderated,
    undecided,
  };
}

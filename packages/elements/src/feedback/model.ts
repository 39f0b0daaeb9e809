// The published feedback prepared for reading: figures per outcome, the reasons by frequency and,
// when every comment came with it (versions published before paging, a staff preview), the
// comments in clause order with a search over all of them. No DOM here.
import {
  type Clause,
  DECISIONS,
  type Decision,
  type FeedbackComment,
  type FeedbackCounts,
  type FeedbackView,
  fold,
  foldText,
  printedClauseLabel,
} from '@gongkai/format';

export type Range = [number, number];

/** Which comments to show: an outcome (null: all), a clause (undefined: all; null: whole text), a query. */
export interface Criteria {
  decision: Decision | null;
  clause: string | null | undefined;
  query: string;
}

export interface ClauseRow extends FeedbackCounts {
  clause: string | null;
}

export type ReasonRow = NonNullable<FeedbackView['reasons']>[number];

/** The reasons shown, most frequent first: as many as the server lists. */
const REASONS_SHOWN = 30;

export class PreparedFeedback {
  /**
   * Only the first page of comments came with the feedback: the rest, and every filter and
   * search, are asked of the server.
   */
  readonly paged: boolean;
  /** Published comments in all. */
  readonly total: number;
  /** The reasons given, most frequent first, with how many comments each answered. */
  readonly reasons: readonly ReasonRow[];
  /** Comments grouped by clause (in the document's order, as the server sorts `byClause`), then by number. */
  readonly comments: readonly FeedbackComment[];
  /** Clauses with counts, in document order. */
  readonly clauses: readonly ClauseRow[];
  /** The size of the largest campaigns, by the number of their first comment. */
  readonly campaigns: ReadonlyMap<number, number>;
  /** Published comments per outcome. */
  readonly counts: Readonly<Record<Decision, number>>;
  /** Every comment that was not adopted in full carries a reason. */
  readonly reasonsComplete: boolean;
  private folded: string[] | null = null;
  private memo: { key: string; result: readonly FeedbackComment[] } | null = null;

  constructor(readonly view: FeedbackView) {
    this.paged = typeof view.next === 'string';
    this.total = view.total ?? view.comments.length;
    const rank = new Map<string | null, number>(view.byClause.map((row, i) => [row.clause, i]));
    const rows = [...view.byClause];
    for (const c of view.comments) {
      if (!rank.has(c.clause)) {
        rank.set(c.clause, rank.size);
        rows.push({ clause: c.clause, ...countsOf(view.comments.filter((x) => x.clause === c.clause)) });
      }
    }
    this.clauses = rows;
    this.comments = view.comments
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank.get(a.c.clause)! - rank.get(b.c.clause)! || a.c.no - b.c.no || a.i - b.i)
      .map(({ c }) => c);
    const counts = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
    for (const c of view.comments) counts[c.decision]++;
    const s = view.summary;
    this.counts = this.paged
      ? {
          adopted: s.adopted,
          'partly-adopted': s.partlyAdopted,
          'not-adopted': s.notAdopted,
          'out-of-scope': s.outOfScope,
        }
      : counts;
    this.reasons = view.reasons ?? reasonsOf(view.comments);
    this.campaigns = new Map((view.campaigns?.largest ?? []).map((g) => [g.no, g.size]));
    if (this.paged) {
      // Only the listed reasons can vouch for it: every comment not adopted in full is counted there.
      const answered = this.reasons.reduce((sum, r) => sum + (r.decision === 'adopted' ? 0 : r.count), 0);
      this.reasonsComplete = answered === s.published - s.adopted;
    } else {
      this.reasonsComplete = view.comments.every((c) => c.decision === 'adopted' || !!c.reason?.trim());
    }
  }

  /** The comments that meet the criteria, in reading order (the last answer is kept). */
  select(criteria: Criteria): readonly FeedbackComment[] {
    const query = foldText(criteria.query);
    const key = `${criteria.decision}\u0001${criteria.clause === undefined ? '*' : `=${criteria.clause}`}\u0001${query}`;
    if (this.memo?.key === key) return this.memo.result;
    const folded = query ? this.foldedTexts() : null;
    const result: FeedbackComment[] = [];
    this.comments.forEach((c, i) => {
      if (criteria.decision && c.decision !== criteria.decision) return;
      if (criteria.clause !== undefined && c.clause !== criteria.clause) return;
      if (folded && !folded[i]!.includes(query)) return;
      result.push(c);
    });
    this.memo = { key, result };
    return result;
  }

  /** Folded text of each comment (body, reason, name), made on the first search, not before. */
  private foldedTexts(): string[] {
    this.folded ??= this.comments.map(
      (c) => `${foldText(c.body)}\u0001${foldText(c.reason ?? '')}\u0001${foldText(c.name ?? '')}`,
    );
    return this.folded;
  }
}

/** The reasons of a complete list of comments, as the server counts them (most frequent first). */
function reasonsOf(comments: readonly FeedbackComment[]): ReasonRow[] {
  const rows = new Map<string, ReasonRow>();
  for (const c of comments) {
    if (!c.reason) continue;
    const key = `${c.decision}\u0001${c.reason}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { decision: c.decision, reason: c.reason, count: 1 });
  }
  return [...rows.values()].sort((a, b) => b.count - a.count).slice(0, REASONS_SHOWN);
}

function countsOf(comments: readonly FeedbackComment[]): FeedbackCounts {
  const n = (d: Decision) => comments.filter((c) => c.decision === d).length;
  return {
    received: comments.length,
    published: comments.length,
    adopted: n('adopted'),
    partlyAdopted: n('partly-adopted'),
    notAdopted: n('not-adopted'),
    outOfScope: n('out-of-scope'),
    removed: 0,
  };
}

/**
 * Where the folded `query` occurs in `text`, as ranges of the original text: the same folding as
 * the search (traditional → simplified, full → half width, punctuation and spaces ignored).
 */
export function matchRanges(text: string, query: string): Range[] {
  const q = foldText(query);
  if (!q) return [];
  const f = fold(text);
  const out: Range[] = [];
  for (let at = f.text.indexOf(q); at >= 0; at = f.text.indexOf(q, at + q.length)) {
    out.push([f.pos[at]!, f.pos[at + q.length - 1]! + 1]);
  }
  return out;
}

/**
 * Names a clause as printed (`一、（三）工作目标`, `第十二条`): the label the service published with
 * the feedback, else the document's own numbering, else `unknown` — never an internal id.
 */
export function clauseNamer(
  clauses: readonly Clause[],
  labels: ReadonlyMap<string, string>,
  unknown: string,
): (id: string) => string {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const cache = new Map<string, string>();
  return (id) => {
    let name = cache.get(id);
    if (name === undefined) {
      name = labels.get(id) || printedClauseLabel(byId, id) || unknown;
      cache.set(id, name);
    }
    return name;
  };
}

/** The clause labels a published feedback carries (versions published before labels have none). */
export function publishedLabels(view: FeedbackView): Map<string, string> {
  const labels = new Map<string, string>();
  for (const row of view.byClause) if (row.clause !== null && row.label) labels.set(row.clause, row.label);
  for (const c of view.comments) if (c.clause !== null && c.clauseLabel) labels.set(c.clause, c.clauseLabel);
  return labels;
}

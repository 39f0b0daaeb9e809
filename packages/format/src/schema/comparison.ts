// The comparison of two versions of a text, as `gongkai diff --json` prints it and a bundle
// may carry it (`comparison`, derived by `gongkai build --previous`). Declared here, once:
// compareTexts() returns exactly this shape.
import * as v from 'valibot';

export const CHANGE_KINDS = ['unchanged', 'renumbered', 'modified', 'added', 'removed'] as const;

/** A clause of one version: its id there and its number as printed (第三十条, 二、（三）). */
export const ClauseRefSchema = v.strictObject({ id: v.string(), number: v.string() });

/** One run of a character diff: -1 delete, 0 keep, 1 insert (diff-match-patch's tuples). */
export const DiffOpSchema = v.tuple([v.picklist([-1, 0, 1]), v.string()]);

export const ChangeSchema = v.strictObject({
  kind: v.picklist(CHANGE_KINDS),
  /** Absent for an added clause. */
  from: v.optional(ClauseRefSchema),
  /** Absent for a removed clause. */
  to: v.optional(ClauseRefSchema),
  /** The clause changed places relative to the clauses around it (not only its number). */
  moved: v.optional(v.literal(true)),
  /**
   * modified: the runs that turn the old clause's text into the new one; added: one insert
   * run (the new text); removed: one delete run (the old text). Absent otherwise.
   */
  ops: v.optional(v.array(DiffOpSchema)),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ComparisonSchema = v.strictObject({
  summary: v.strictObject({
    added: count,
    removed: count,
    modified: count,
    renumbered: count,
    unchanged: count,
  }),
  /** Every clause of both versions once, in the new text's order; removed clauses where they stood. */
  changes: v.array(ChangeSchema),
});

export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type ClauseRef = v.InferOutput<typeof ClauseRefSchema>;
export type DiffOp = v.InferOutput<typeof DiffOpSchema>;
export type Change = v.InferOutput<typeof ChangeSchema>;
export type Comparison = v.InferOutput<typeof ComparisonSchema>;

// The comparison of two versions of a text, as `gongkai diff --json` prints it and a bundle
// may carry it (`comparison`, derived by `gongkai build --previous`). Declared here, once:
// compareTexts() returns exactly this shape.
import * as v from 'valibot';
import type { Message } from './messages.js';

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

type Obj = Record<string, unknown>;
const at = (x: unknown, key: string): unknown =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj)[key] : undefined;

/**
 * What a stored comparison must agree with, beyond its shape: the version it compares with is
 * named, every new clause it names is in `clauses`, and each change has the sides its kind says.
 * Reads the raw input defensively (it runs beside the schema, like the other cross-checks).
 */
export function comparisonProblems(input: unknown): Array<{ path: string; message: Message }> {
  const comparison = at(input, 'comparison');
  if (comparison === undefined) return [];
  const problems: Array<{ path: string; message: Message }> = [];
  const add = (path: string, en: string, zh: string) => problems.push({ path, message: { en, 'zh-Hans': zh } });
  if (at(input, 'revisionOf') === undefined)
    add(
      '$.comparison',
      'a comparison needs revisionOf: the previous version it compares with',
      '修改对照需要 revisionOf：所比较的上一版本',
    );
  const clauses = at(input, 'clauses');
  const ids = Array.isArray(clauses) ? new Set(clauses.map((c) => at(c, 'id'))) : undefined;
  const changes = at(comparison, 'changes');
  if (!Array.isArray(changes)) return problems;
  changes.forEach((c, i) => {
    const kind = at(c, 'kind');
    const path = `$.comparison.changes[${i}]`;
    if ((kind === 'added') !== (at(c, 'from') === undefined) || (kind === 'removed') !== (at(c, 'to') === undefined))
      add(
        path,
        'an added clause has only "to", a removed one only "from", any other both',
        '新增的条款只有 to，删除的只有 from，其余两者都要有',
      );
    const to = at(at(c, 'to'), 'id');
    if (ids && typeof to === 'string' && !ids.has(to))
      add(`${path}.to.id`, `"${to}" is not a clause id in clauses`, `“${to}”不是 clauses 中的条款编号`);
  });
  return problems;
}

// A comparison checked before readers see it, and the clauses of the text grouped as it
// compares them.
import {
  type Clause,
  type Comparison,
  clauseNumbers,
  comparisonProblems,
  type DocumentBundle,
  type DocumentPartial,
  type Problem,
  validateComparison,
} from '@gongkai/format';
import { type ChangesMessages, changesMessages } from '../i18n/changes.js';
import { BundleError } from '../internal/load-bundle.js';
import { fill } from '../internal/localize.js';

type ChangesMsg = (key: keyof ChangesMessages, params?: Record<string, string | number>) => string;

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** A message in the problem format (both languages the validator speaks). */
function problem(path: string, key: 'notInText' | 'stale', params: Record<string, string>): Problem {
  return {
    path,
    message: { en: fill(changesMessages.en[key], params), 'zh-Hans': fill(changesMessages['zh-Hans'][key], params) },
  };
}

/** The clauses of the text grouped as the comparison compares them (an article with its items). */
export function unitsOf(clauses: readonly Clause[], ids: ReadonlySet<string>) {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const unitOf = (clause: Clause): string | undefined => {
    for (let c: Clause | undefined = clause, guard = 0; c && guard < 64; guard++) {
      if (ids.has(c.id)) return c.id;
      c = c.parent === null ? undefined : byId.get(c.parent);
    }
    return undefined;
  };
  return { byId, unitOf };
}

/**
 * A stored comparison, checked before readers see it: its shape, its agreement with the bundle,
 * and with this text (every clause it names is here, and each change rebuilds the clause as it
 * now reads). A comparison left over from an earlier text would show readers a wrong change.
 */
export function checkComparison(
  loaded: DocumentBundle | DocumentPartial,
  clauses: readonly Clause[],
  source: string,
  t: ChangesMsg,
): Comparison {
  const result = validateComparison(loaded.comparison);
  const problems: Problem[] = result.ok
    ? []
    : result.problems.map((p) => ({ ...p, path: p.path.replace(/^\$/, '$.comparison') }));
  problems.push(...comparisonProblems(loaded));
  if (result.ok) {
    const comparison = result.value;
    const ids = new Set(comparison.changes.flatMap((c) => (c.to ? [c.to.id] : [])));
    const { byId, unitOf } = unitsOf(clauses, ids);
    const texts = new Map<string, string>();
    for (const clause of clauses) {
      const unit = unitOf(clause);
      if (unit) texts.set(unit, (texts.get(unit) ?? '') + squeeze(clause.text));
    }
    comparison.changes.forEach((c, i) => {
      if (!c.to) return;
      const path = `$.comparison.changes[${i}]`;
      const clause = byId.get(c.to.id);
      if (!clause) {
        problems.push(problem(`${path}.to.id`, 'notInText', { id: c.to.id }));
        return;
      }
      const rebuilt = c.ops?.flatMap(([op, text]) => (op === -1 ? [] : [text])).join('');
      // Numbered as the comparison numbers a clause: an article alone, any other from the top (一、（一）).
      if (
        (clauseNumbers(byId, c.to.id) ?? clause.number.trim()) !== c.to.number.trim() ||
        (rebuilt !== undefined && squeeze(rebuilt) !== texts.get(c.to.id))
      )
        problems.push(problem(path, 'stale', { number: c.to.number }));
    });
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(p.path) && !!seen.add(p.path));
  if (unique.length || !result.ok) throw new BundleError(t('invalid'), source, unique);
  return result.value;
}

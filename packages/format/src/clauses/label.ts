// A clause as a reader names it, never by an internal id (`1.3`, `2.1.1`, `a95`): an article
// (第十二条) on its own, since articles are numbered through the whole text; any other clause by
// its numbers from the top (一、（三）), then its title (一、（三）工作目标).
import type { Clause } from '../schema/bundle.js';

type Named = Pick<Clause, 'id' | 'number' | 'parent'> & { title?: string };

const ARTICLE = /^第.+条/;

/** The printed numbers of a clause, from the top (一、（三）), or the article alone; null when unknown. */
export function clauseNumbers(byId: ReadonlyMap<string, Named>, id: string): string | null {
  let clause = byId.get(id);
  if (!clause) return null;
  if (ARTICLE.test(clause.number.trim())) return clause.number.trim();
  const numbers: string[] = [];
  for (let depth = 0; clause && depth < 8; depth++) {
    numbers.unshift(clause.number.trim());
    clause = clause.parent === null ? undefined : byId.get(clause.parent);
  }
  return numbers.join('') || null;
}

/**
 * `一、（三）工作目标`, `第十二条`: the clause as printed, with its title when it has one. Null for an
 * id the text does not have (the caller says so in words).
 */
export function printedClauseLabel(clauses: readonly Named[] | ReadonlyMap<string, Named>, id: string): string | null {
  const byId = clauses instanceof Map ? clauses : new Map((clauses as readonly Named[]).map((c) => [c.id, c]));
  const numbers = clauseNumbers(byId, id);
  if (numbers === null) return null;
  const title = byId.get(id)?.title?.trim() ?? '';
  return `${numbers}${title}` || null;
}

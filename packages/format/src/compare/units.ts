// What is compared: in a law or regulation (第X条), each article with its items, since
// articles are what is numbered through the text and renumbered as a whole; 编/章/节 headings
// are structure, not text, and are left out. In a notice (一、（一）1.), every clause.
import { clauseNumbers } from '../clauses/label.js';
import type { Clause } from '../schema/bundle.js';
import { segment } from '../segment/index.js';

export interface Unit {
  id: string;
  /** As printed: 第三十条, or the numbers from the top (二、（三）). */
  number: string;
  /** The clause as written, its items joined with `\n` for an article. */
  text: string;
  /** The text after the clause's own number marker, whitespace removed: what decides "unchanged". */
  key: string;
  /** The same, paragraph by paragraph: an article split in two is found by its paragraphs. */
  paragraphs: string[];
}

/** Clauses, or a bundle's clauses, or the clauses of its body. */
export type CompareInput = readonly Clause[] | { clauses?: readonly Clause[] | undefined; body?: string | undefined };

const ARTICLE = /^第[^条條]+[条條]/;
const HEADING = /^第[^编編章节節]+[编編章节節]/;

export function clausesOf(input: CompareInput): readonly Clause[] {
  if (Array.isArray(input)) return input as readonly Clause[];
  const bundle = input as { clauses?: readonly Clause[]; body?: string };
  return bundle.clauses ?? (bundle.body ? segment(bundle.body) : []);
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');

function unit(id: string, number: string, marker: string, text: string): Unit {
  const rest = text.trimStart().startsWith(marker) ? text.trimStart().slice(marker.length) : text;
  const paragraphs = rest.split('\n').map(squeeze).filter(Boolean);
  return { id, number, text, key: squeeze(rest), paragraphs };
}

export function unitsOf(clauses: readonly Clause[]): Unit[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const isArticle = (c: Clause) => ARTICLE.test(c.number.trim());
  if (!clauses.some(isArticle)) {
    return clauses.map((c) => unit(c.id, clauseNumbers(byId, c.id) ?? c.number.trim(), c.number.trim(), c.text));
  }
  const articleOf = (c: Clause): Clause | undefined => {
    for (let x: Clause | undefined = c, guard = 0; x && guard < 64; guard++) {
      if (isArticle(x)) return x;
      x = x.parent === null ? undefined : byId.get(x.parent);
    }
    return undefined;
  };
  const units: Unit[] = [];
  const texts = new Map<string, string[]>();
  for (const c of clauses) {
    const article = articleOf(c);
    if (article) {
      const list = texts.get(article.id);
      if (list) list.push(c.text);
      else texts.set(article.id, [c.text]);
      if (article === c) units.push(unit(c.id, c.number.trim(), c.number.trim(), ''));
    } else if (!HEADING.test(c.number.trim())) {
      units.push(unit(c.id, clauseNumbers(byId, c.id) ?? c.number.trim(), c.number.trim(), c.text));
    }
  }
  return units.map((u) => (texts.has(u.id) ? unit(u.id, u.number, u.number, texts.get(u.id)!.join('\n')) : u));
}

/** The clauses as compared (articles with their items): `text` is what a change's ops apply to. */
export function comparisonUnits(input: CompareInput): Array<{ id: string; number: string; text: string }> {
  return unitsOf(clausesOf(input)).map(({ id, number, text }) => ({ id, number, text }));
}

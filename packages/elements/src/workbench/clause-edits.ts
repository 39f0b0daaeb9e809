// Hand fixes of the clause segmentation, made in the body text. gk-document finds the clauses in
// the rendered text of the body (not in the bundle's `clauses`), so a fix must be in the text
// for citizens to see it: a new paragraph before a number splits a clause; a number that is
// not a clause gets an invisible mark in front of it so segmentation passes over it. After
// each edit the body is segmented again and the edit is kept only if it did what was asked.
import { type Clause, segmentDocument } from '@gongkai/format';
import { clausesOf } from './model.js';

/** U+2060 WORD JOINER before a number: invisible, and not a clause start (not a space). */
export const NOT_A_CLAUSE = '\u2060';

export type EditFailure =
  /** The clause could not be found in the text (e.g. markdown formatting inside its number). */
  | 'not-located'
  /** The text to split at is not in this clause. */
  | 'not-found'
  /** After the edit, segmentation does not find what was asked. */
  | 'not-recognised'
  /** The first clause has no clause before it. */
  | 'first';

export type EditResult = { ok: true; body: string; clauses: Clause[] } | { ok: false; failure: EditFailure };

/** Where each clause starts in the body (its number), found in document order. */
export function locateClauses(body: string): Map<string, number> {
  const { parts, clauses } = segmentDocument(body, { format: 'markdown' });
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const starts = new Map<string, number>();
  let cursor = 0;
  for (const part of parts) {
    const clause = part.clause ? byId.get(part.clause) : undefined;
    const isStart = part.start && clause && !starts.has(clause.id);
    // The first characters of the piece; markdown inside them (**, \) makes us fall back to the number.
    const needles = isStart ? [part.text.slice(0, clause.number.length + 6), clause.number] : [part.text.slice(0, 6)];
    for (const needle of needles) {
      const at = needle ? body.indexOf(needle, cursor) : -1;
      if (at < 0) continue;
      if (isStart) starts.set(clause.id, at);
      cursor = at + needle.length;
      break;
    }
  }
  return starts;
}

/** The body from `start` up to the next clause's start (or the end). */
function regionOf(body: string, starts: Map<string, number>, id: string): [number, number] | null {
  const start = starts.get(id);
  if (start === undefined) return null;
  let end = body.length;
  for (const s of starts.values()) if (s > start && s < end) end = s;
  return [start, end];
}

const startsWithText = (c: Clause, text: string) => c.text.replace(/\s+/g, '').startsWith(text.replace(/\s+/g, ''));

/** "This number is not a clause": its text joins the clause before it. */
export function mergeIntoPrevious(body: string, id: string): EditResult {
  const before = clausesOf(body);
  const index = before.findIndex((c) => c.id === id);
  if (index <= 0) return { ok: false, failure: 'first' };
  const at = locateClauses(body).get(id);
  if (at === undefined) return { ok: false, failure: 'not-located' };
  const next = `${body.slice(0, at)}${NOT_A_CLAUSE}${body.slice(at)}`;
  const clauses = clausesOf(next);
  // Done when the clause no longer starts there: fewer clauses, none starting with its text.
  const target = before[index] as Clause;
  const still = clauses.some((c) => c.number === target.number && c.text === target.text);
  if (still || clauses.length >= before.length) return { ok: false, failure: 'not-recognised' };
  return { ok: true, body: next, clauses };
}

/**
 * "A new clause starts here": a new paragraph before `at` (text found in the clause), with
 * `number` written in front of it when the text has none (e.g. a marker lost in the source).
 */
export function splitClause(body: string, id: string, at: string, number = ''): EditResult {
  const needle = at.trim();
  if (!needle) return { ok: false, failure: 'not-found' };
  const region = regionOf(body, locateClauses(body), id);
  if (!region) return { ok: false, failure: 'not-located' };
  // Not at the clause's own number: that would split nothing.
  const from = body.indexOf(needle, region[0] + 1);
  if (from < 0 || from >= region[1]) return { ok: false, failure: 'not-found' };
  let cut = from;
  if (body[cut - 1] === NOT_A_CLAUSE) cut--; // an earlier "not a clause" is undone
  const head = body.slice(0, cut).replace(/[ \t\u3000]+$/, '');
  const mark = number.trim();
  const tail = `${mark}${body.slice(from)}`;
  const next = `${head.replace(/\n*$/, '')}\n\n${tail}`;
  const before = clausesOf(body);
  const clauses = clausesOf(next);
  const wanted = `${mark}${needle}`;
  if (clauses.length <= before.length || !clauses.some((c) => startsWithText(c, wanted.slice(0, 24))))
    return { ok: false, failure: 'not-recognised' };
  return { ok: true, body: next, clauses };
}

/**
 * Changes how a clause's heading is written: its number and its title. A title that is the
 * start of a run-in paragraph (`（一）指导思想全面贯彻…`) becomes a heading of its own.
 */
export function editHeading(body: string, id: string, number: string, title: string): EditResult {
  const before = clausesOf(body);
  const clause = before.find((c) => c.id === id);
  const region = regionOf(body, locateClauses(body), id);
  if (!clause || !region) return { ok: false, failure: 'not-located' };
  const newNumber = number.trim() || clause.number;
  const newTitle = title.trim();
  const [start, end] = region;
  const paraEnd = Math.min(end, ...[body.indexOf('\n\n', start)].filter((i) => i >= 0));
  const paragraph = body.slice(start, paraEnd);
  if (!paragraph.startsWith(clause.number)) return { ok: false, failure: 'not-located' };
  let rest = paragraph.slice(clause.number.length);
  if (newTitle && newTitle !== clause.title) {
    const text = rest.trimStart();
    if (text.trim() === clause.title.trim() || !text.trim()) rest = newTitle;
    else if (text.startsWith(newTitle))
      rest = `${newTitle}\n\n${text.slice(newTitle.length).replace(/^[\s。．.:：]+/, '')}`;
    else rest = `${newTitle}\n\n${text}`;
  }
  const next = `${body.slice(0, start)}${newNumber}${rest}${body.slice(paraEnd)}`;
  const clauses = clausesOf(next);
  const found = clauses.some((c) => c.number === newNumber && (!newTitle || c.title === newTitle));
  if (!found) return { ok: false, failure: 'not-recognised' };
  return { ok: true, body: next, clauses };
}

/** The paragraphs of a clause's text after its first (where a split would go). */
export function splitCandidates(clause: Clause): string[] {
  return clause.text
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean);
}

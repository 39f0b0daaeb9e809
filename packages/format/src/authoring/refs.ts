// Clause references as drafters write them: a clause id (`2.2.4`, `a5`), or the numbers as
// printed in the document (`二、4.`, `（二）`, `第五条`, `二、（二）4. 推进…`), or a quote.
import { type AnchorIndex, createAnchorIndex } from '../anchor/haystack.js';
import { locate } from '../anchor/locate.js';
import type { Clause } from '../schema/bundle.js';
import { foldText } from '../search/fold.js';
import { KIND, type Marker, matchMarker } from '../segment/numbering.js';
import { type Message, msg } from './problems.js';

export type RefResult = { ok: true; clause: Clause; warning?: Message } | { ok: false; message: Message };

type Step = Pick<Marker, 'style' | 'n' | 'sub'>;

const CN = '〇零一二两兩三四五六七八九十百千';
// Marker tokens without the segmenter's look-alike guards (`三、4.` is two markers here).
const TOKEN = new RegExp(
  [
    `第(?:[${CN}]+|[0-9０-９]{1,3})[编編章节節条條](?:之(?:[${CN}]+|[0-9０-９]{1,2}))?`,
    `[(（][${CN}0-9０-９]{1,4}[)）]`,
    `[${CN}]+[、.．)）]`,
    `[${CN}]+(?=[(（])`,
    '[0-9０-９]{1,3}[.．、)）]',
    '[0-9０-９]{1,3}(?=\\s|$)',
    '[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2474-\u249b]',
  ].join('|'),
  'y',
);
const SEPARATOR = /[\s/>→·]+/y;

/** The markers written at the start of `text`, and what follows them (a title hint). */
export function parseNumbers(text: string): { steps: Step[]; rest: string } {
  const steps: Step[] = [];
  let pos = 0;
  for (;;) {
    SEPARATOR.lastIndex = pos;
    const start = SEPARATOR.exec(text) ? SEPARATOR.lastIndex : pos;
    TOKEN.lastIndex = start;
    const m = TOKEN.exec(text);
    if (!m) break;
    // A bare `4` is read as `4.`, a bare `一` (in `一（一）`) as `一、`; the trailing space
    // lets the segmenter's look-alike guards pass.
    const token = /^[0-9０-９]+$/.test(m[0]) ? `${m[0]}.` : new RegExp(`^[${CN}]+$`).test(m[0]) ? `${m[0]}、` : m[0];
    const marker = matchMarker(`${token} `, 0);
    if (!marker) break;
    steps.push({ style: marker.style, n: marker.n, sub: marker.sub });
    pos = TOKEN.lastIndex;
  }
  return { steps, rest: text.slice(pos).trim() };
}

const same = (a: Step, b: Step, loose: boolean) =>
  a.n === b.n &&
  a.sub === b.sub &&
  (a.style === b.style || (loose && KIND[a.style] !== '' && KIND[a.style] === KIND[b.style]));

/** True when `steps` ends at the clause and the earlier steps appear, in order, on its path. */
function matches(path: Step[], steps: Step[], loose: boolean): boolean {
  const last = steps[steps.length - 1];
  if (!last || !same(path[path.length - 1] as Step, last, loose)) return false;
  let i = 0;
  for (let p = 0; p < path.length - 1 && i < steps.length - 1; p++)
    if (same(path[p] as Step, steps[i] as Step, loose)) i++;
  return i === steps.length - 1;
}

export interface ClauseResolver {
  clauses: readonly Clause[];
  index: AnchorIndex;
  /** A clause id or written numbers (with an optional title after them). */
  resolve(written: string): RefResult;
  /** A quote from the document (in clause `named`, when given): the clause that holds it. */
  resolveQuote(quote: string, named?: Clause): RefResult;
  /** `2.2.4「二、(二)4. 推进经济社会政策信息公开」` for messages. */
  describe(c: Clause): string;
  /** A short passage that occurs only in clause `c`, so a note re-anchors after a revision. */
  quoteFor(c: Clause): string | undefined;
}

export function createClauseResolver(clauses: readonly Clause[]): ClauseResolver {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const paths = new Map<string, Step[]>();
  const pathOf = (c: Clause): Step[] => {
    const known = paths.get(c.id);
    if (known) return known;
    const parent = c.parent === null ? undefined : byId.get(c.parent);
    const m = matchMarker(`${c.number} `, 0);
    const path = [
      ...(parent ? pathOf(parent) : []),
      m ? { style: m.style, n: m.n, sub: m.sub } : { style: 'circled', n: -1, sub: 0 },
    ];
    paths.set(c.id, path as Step[]);
    return path as Step[];
  };
  const numbersOf = (c: Clause): string => {
    const chain: string[] = [];
    for (let x: Clause | undefined = c; x; x = x.parent === null ? undefined : byId.get(x.parent))
      chain.unshift(x.number);
    return chain.join('');
  };
  const describe = (c: Clause) => `${c.id}「${numbersOf(c)} ${c.title.slice(0, 20)}」`;
  const index = createAnchorIndex(clauses);
  const fold = (c: Clause) => foldText(`${c.title}${c.text}`);

  function resolve(written: string): RefResult {
    const text = written.trim();
    const direct = byId.get(text);
    if (direct) return { ok: true, clause: direct };
    const { steps, rest } = parseNumbers(text);
    if (steps.length === 0) {
      return {
        ok: false,
        message: msg(
          `"${text}" is neither a clause id nor a clause number such as 三、4. or （二） or 第五条`,
          `“${text}”既不是条款编号（如 2.2.4），也不是文中的序号（如 三、4. 或 （二） 或 第五条）`,
        ),
      };
    }
    let found = clauses.filter((c) => matches(pathOf(c), steps, false));
    const hint = foldText(rest);
    if (hint && found.length > 1) {
      const titled = found.filter((c) => fold(c).includes(hint));
      if (titled.length > 0) found = titled;
    }
    const [only] = found;
    if (found.length === 1 && only) {
      if (hint && !fold(only).includes(hint)) {
        const warning = msg(
          `"${text}" names clause ${describe(only)}, whose text does not contain "${rest}"`,
          `“${text}”指向条款 ${describe(only)}，但该条款中没有“${rest}”`,
        );
        return { ok: true, clause: only, warning };
      }
      return { ok: true, clause: only };
    }
    if (found.length === 0) {
      // The same numbers in another style (`（五）` for `五、`) are a hint, never an answer.
      const near = clauses
        .filter((c) => matches(pathOf(c), steps, true))
        .slice(0, 3)
        .map(describe)
        .join(', ');
      return {
        ok: false,
        message: msg(
          `no clause with the number or id "${text}" in the document${near ? ` (did you mean ${near}?)` : ''}`,
          `文中没有序号或编号为“${text}”的条款${near ? `（是否指 ${near}？）` : ''}`,
        ),
      };
    }
    const list = found.slice(0, 6).map(describe).join(', ');
    return {
      ok: false,
      message: msg(
        `"${text}" matches several clauses: ${list}; write the full number path (e.g. 二、（一）) or the clause id`,
        `“${text}”对应多个条款：${list}；请写出完整序号（如 二、（一））或条款编号`,
      ),
    };
  }

  function resolveQuote(quote: string, named?: Clause): RefResult {
    const r = locate(index, named ? { clause: named.id, quote: { exact: quote } } : { quote: { exact: quote } });
    if ('orphan' in r) return { ok: false, message: r.orphan.message };
    const clause = byId.get(r.clause) as Clause;
    if (named && r.clause !== named.id) {
      return {
        ok: false,
        message: msg(
          `the quote is in clause ${describe(clause)}, not in ${describe(named)}`,
          `引文位于条款 ${describe(clause)}，而不是 ${describe(named)}`,
        ),
      };
    }
    if (r.method !== 'fuzzy') return { ok: true, clause };
    const pct = Math.round(r.score * 100);
    const warning = msg(
      `the quote is not in the text word for word; it matches clause ${describe(clause)} at ${pct}%`,
      `引文与原文不完全一致；与条款 ${describe(clause)} 的相似度为 ${pct}%`,
    );
    return { ok: true, clause, warning };
  }

  function quoteFor(c: Clause): string | undefined {
    const body = c.text.startsWith(c.number) ? c.text.slice(c.number.length).trim() : c.text.trim();
    const first = /^[^。；;！!？?\n]*/.exec(body)?.[0] ?? '';
    for (const len of [24, 48, 96]) {
      const quote = (first.length >= 4 ? first : body).slice(0, len).trim();
      if (!quote) return undefined;
      const r = locate(index, { quote: { exact: quote } });
      if (!('orphan' in r) && r.clause === c.id) return quote;
    }
    return undefined;
  }

  return { clauses, index, resolve, resolveQuote, describe, quoteFor };
}

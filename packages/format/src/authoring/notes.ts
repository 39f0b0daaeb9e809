// interpretation.md → interpretations, qa.md → Q&A items.
import type { Clause, Interpretation, QaItem, Target } from '../schema/bundle.js';
import { toIsoDate } from '../segment/meta.js';
import { type AuthoringProblem, type Message, msg, problem } from './problems.js';
import type { ClauseResolver } from './refs.js';
import { type Section, splitSections } from './sections.js';

export type Mark = (path: string, line: number) => void;

const NOTE_KEYS: Record<string, string> = {
  id: 'id',
  role: 'role',
  角色: 'role',
  author: 'author',
  解读人: 'author',
  作者: 'author',
  date: 'date',
  日期: 'date',
  kind: 'kind',
  形式: 'kind',
  media: 'media',
  url: 'media',
  视频: 'media',
  poster: 'poster',
  封面: 'poster',
  transcript: 'transcript',
  实录: 'transcript',
};
const ROLES: Record<string, string> = {
  起草部门: 'department',
  起草处室: 'department',
  部门: 'department',
  第一解读人: 'principal',
  主要负责人: 'principal',
  负责人: 'principal',
  专家: 'expert',
  专家解读: 'expert',
  媒体: 'media',
};
const KINDS: Record<string, string> = {
  文字: 'text',
  图解: 'graphic',
  视频: 'video',
  访谈: 'interview',
  在线访谈: 'interview',
};
const QA_KEYS: Record<string, string> = {
  id: 'id',
  clauses: 'clauses',
  条款: 'clauses',
  category: 'category',
  分类: 'category',
};

const QUOTE_MARKS = /^[“"「『‘']+|[”"」』’']+$/g;
const date = (s: string) => (/^\d{4}-\d{2}-\d{2}/.test(s) ? s : (toIsoDate(s) ?? s));

/** Section heading → target: `> “引文”`, `二、4.`, `二、4. > “引文”`, or a clause id. */
function target(s: Section, file: string, r: ClauseResolver, problems: AuthoringProblem[]): Target | undefined {
  const at = s.heading.search(/(^|\s)>/);
  const ref = (at < 0 ? s.heading : s.heading.slice(0, at)).trim();
  const quote =
    at < 0
      ? ''
      : s.heading
          .slice(at)
          .replace(/^\s*>\s*/, '')
          .replace(QUOTE_MARKS, '')
          .trim();
  const report = (m: Message, warning = false) => {
    const p = problem(file, s.line, msg(`"## ${s.heading}": ${m.en}`, `“## ${s.heading}”：${m['zh-Hans']}`));
    problems.push(warning ? { ...p, warning } : p);
  };
  if (!ref && !quote) {
    report(msg('the heading names no clause', '标题没有指明条款'));
    return undefined;
  }
  let named: Clause | undefined;
  if (ref) {
    const byRef = r.resolve(ref);
    if (!byRef.ok) return void report(byRef.message);
    if (byRef.warning) report(byRef.warning, true);
    named = byRef.clause;
  }
  if (!quote) {
    const auto = named && r.quoteFor(named);
    return { clause: named?.id, ...(auto ? { quote: { exact: auto } } : {}) };
  }
  const found = r.resolveQuote(quote, named);
  if (!found.ok) return void report(found.message);
  if (found.warning) report(found.warning, true);
  return { clause: found.clause.id, quote: { exact: quote } };
}

export function parseInterpretations(
  text: string,
  file: string,
  resolver: ClauseResolver,
  mark: Mark,
  problems: AuthoringProblem[],
): Interpretation[] {
  const out: Interpretation[] = [];
  const seen = new Map<string, number>();
  for (const s of splitSections(text, file, NOTE_KEYS, problems)) {
    const t = target(s, file, resolver, problems);
    if (!t) continue;
    const path = `$.interpretations[${out.length}]`;
    mark(path, s.line);
    const a = (k: string) => s.attrs.get(k);
    const attr = (k: string) => a(k)?.value;
    const n = (seen.get(t.clause ?? '') ?? 0) + 1;
    seen.set(t.clause ?? '', n);
    const note: Record<string, unknown> = {
      id: attr('id') ?? `n-${t.clause ?? 'q'}${n > 1 ? `-${n}` : ''}`,
      target: t.quote ? { clause: t.clause, quote: t.quote } : { clause: t.clause },
      body: s.body,
    };
    const role = attr('role');
    if (role !== undefined) note.role = ROLES[role] ?? role;
    const kind = attr('kind');
    if (kind !== undefined) note.kind = KINDS[kind] ?? kind;
    if (attr('author') !== undefined) note.author = attr('author');
    if (attr('date') !== undefined) note.date = date(attr('date') as string);
    const transcript = s.transcript ?? attr('transcript');
    if (attr('media') !== undefined || transcript !== undefined) {
      note.media = { url: attr('media') ?? '', transcript: transcript ?? '' };
      if (attr('poster') !== undefined) (note.media as Record<string, string>).poster = attr('poster') as string;
    }
    for (const [key, v] of s.attrs) mark(`${path}.${key === 'transcript' || key === 'poster' ? 'media' : key}`, v.line);
    out.push(note as Interpretation);
  }
  return out;
}

/** `clauses:` values: ids or written numbers, separated by commas or semicolons. */
export function resolveList(
  values: string[],
  resolver: ClauseResolver,
  file: string,
  line: number | undefined,
  problems: AuthoringProblem[],
): string[] {
  const ids: string[] = [];
  for (const v of values) {
    const r = resolver.resolve(v);
    if (r.ok) ids.push(r.clause.id);
    else problems.push(problem(file, line, r.message));
  }
  return ids;
}

export function parseQa(
  text: string,
  file: string,
  resolver: ClauseResolver,
  mark: Mark,
  problems: AuthoringProblem[],
): QaItem[] {
  const out: QaItem[] = [];
  for (const s of splitSections(text, file, QA_KEYS, problems)) {
    const path = `$.qa[${out.length}]`;
    mark(path, s.line);
    const item: Record<string, unknown> = { id: s.attrs.get('id')?.value ?? `q${out.length + 1}`, question: s.heading };
    item.answer = s.body;
    const clauses = s.attrs.get('clauses');
    if (clauses) {
      const values = clauses.value.split(/[,，;；\s]+/).filter(Boolean);
      item.clauses = resolveList(values, resolver, file, clauses.line, problems);
    }
    const category = s.attrs.get('category')?.value;
    if (category !== undefined) item.category = category;
    for (const [key, v] of s.attrs) mark(`${path}.${key}`, v.line);
    out.push(item as QaItem);
  }
  return out;
}

// Rules that tie one part of a bundle to another, which a per-field schema cannot state.
// They read the raw input defensively, so they run even when the schema found problems and
// the editor sees everything in one pass.
import { consultationDays } from './dates.js';
import { jsonPath, type Problem } from './problem.js';

type Obj = Record<string, unknown>;
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const field = (x: unknown, key: string): unknown =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj)[key] : undefined;
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

const COLLECTIONS = ['clauses', 'qa', 'graphics', 'interpretations'] as const;

export function crossCheck(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (path: (string | number)[], en: string, zh: string) =>
    problems.push({ path: jsonPath(path), message: { en, 'zh-Hans': zh } });

  for (const name of COLLECTIONS) {
    const seen = new Map<string, number>();
    list(field(input, name)).forEach((item, i) => {
      const id = str(field(item, 'id'));
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else {
        const other = jsonPath([name, first]);
        add([name, i, 'id'], `duplicate id "${id}": already used by ${other}`, `标识“${id}”重复：已被 ${other} 使用`);
      }
    });
  }

  const clauses = field(input, 'clauses');
  if (Array.isArray(clauses)) {
    const ids = new Set(clauses.map((c) => str(field(c, 'id'))));
    const unknownClause = (path: (string | number)[], id: unknown, what: { en: string; zh: string }) => {
      if (typeof id === 'string' && !ids.has(id)) {
        add(path, `${what.en} "${id}" is not a clause id in clauses`, `${what.zh}“${id}”不是 clauses 中的条款编号`);
      }
    };
    clauses.forEach((c, i) => {
      unknownClause(['clauses', i, 'parent'], field(c, 'parent'), { en: 'parent', zh: '上级条款' });
    });
    for (const name of ['qa', 'graphics'] as const) {
      list(field(input, name)).forEach((item, i) => {
        list(field(item, 'clauses')).forEach((id, j) => {
          unknownClause([name, i, 'clauses', j], id, { en: 'clause', zh: '条款' });
        });
      });
    }
    list(field(input, 'interpretations')).forEach((note, i) => {
      unknownClause(['interpretations', i, 'target', 'clause'], field(field(note, 'target'), 'clause'), {
        en: 'target clause',
        zh: '解读对象条款',
      });
      const candidate = field(field(field(note, 'target'), 'pending'), 'candidate');
      unknownClause(['interpretations', i, 'target', 'pending', 'candidate', 'clause'], field(candidate, 'clause'), {
        en: 'candidate clause',
        zh: '待确认的条款',
      });
    });
  }

  const consultation = field(input, 'consultation');
  const opens = str(field(consultation, 'opens'));
  const closes = str(field(consultation, 'closes'));
  if (opens && closes && consultationDays(opens, closes) < 0) {
    add(['consultation', 'closes'], 'the consultation closes before it opens', '征求意见截止时间早于开始时间');
  }
  return problems;
}

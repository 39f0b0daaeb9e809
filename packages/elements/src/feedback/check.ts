// Checks a FeedbackView from outside (a page's property or the server's answer) before it is
// shown: every problem is named with its path, in zh-Hans and en, as the bundle's problems are.
import { DECISIONS, type FeedbackView, type Problem } from '@gongkai/format';

const COUNTS = ['received', 'published', 'adopted', 'partlyAdopted', 'notAdopted', 'outOfScope', 'removed'] as const;
/** Enough to act on; a list of ten thousand identical problems helps nobody. */
const MAX_PROBLEMS = 20;

type Check = { ok: true; value: FeedbackView } | { ok: false; problems: Problem[] };

const kinds: Record<string, [string, string]> = {
  object: ['对象', 'an object'],
  array: ['数组', 'an array'],
  string: ['文本', 'a string'],
  'string-or-null': ['文本或 null', 'a string or null'],
  count: ['非负整数', 'a whole number ≥ 0'],
  number: ['正整数', 'a whole number ≥ 1'],
  date: ['日期（ISO 8601）', 'a date (ISO 8601)'],
  decision: [`以下之一：${DECISIONS.join('、')}`, `one of ${DECISIONS.join(', ')}`],
};

function found(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  return typeof value === 'object' ? 'object' : String(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

const tests: Record<string, (v: unknown) => boolean> = {
  object: isObject,
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  'string-or-null': (v) => v === null || typeof v === 'string',
  count: isCount,
  number: (v) => Number.isInteger(v) && (v as number) >= 1,
  date: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  decision: (v) => (DECISIONS as readonly unknown[]).includes(v),
};

export function checkFeedback(input: unknown): Check {
  const problems: Problem[] = [];
  let more = 0;
  const expect = (path: string, value: unknown, kind: keyof typeof kinds): boolean => {
    if (tests[kind]!(value)) return true;
    if (problems.length >= MAX_PROBLEMS) {
      more++;
      return false;
    }
    const [zh, en] = kinds[kind]!;
    problems.push({
      path: path || '(root)',
      message: { 'zh-Hans': `应为${zh}，实际为 ${found(value)}`, en: `expected ${en}, found ${found(value)}` },
    });
    return false;
  };
  const counts = (path: string, value: Record<string, unknown>) => {
    for (const key of COUNTS) expect(`${path}.${key}`, value[key], 'count');
  };

  if (!expect('', input, 'object')) return { ok: false, problems };
  const v = input as Record<string, unknown>;
  expect('consultation', v.consultation, 'string');
  expect('title', v.title, 'string');
  expect('version', v.version, 'number');
  expect('published', v.published, 'date');
  if (v.message !== undefined) expect('message', v.message, 'string-or-null');
  if (expect('summary', v.summary, 'object')) counts('summary', v.summary as Record<string, unknown>);
  if (expect('byClause', v.byClause, 'array')) {
    (v.byClause as unknown[]).forEach((row, i) => {
      if (!expect(`byClause[${i}]`, row, 'object')) return;
      const r = row as Record<string, unknown>;
      expect(`byClause[${i}].clause`, r.clause, 'string-or-null');
      if (r.label !== undefined) expect(`byClause[${i}].label`, r.label, 'string-or-null');
      counts(`byClause[${i}]`, r);
    });
  }
  if (expect('comments', v.comments, 'array')) {
    (v.comments as unknown[]).forEach((comment, i) => {
      const path = `comments[${i}]`;
      if (!expect(path, comment, 'object')) return;
      const c = comment as Record<string, unknown>;
      expect(`${path}.no`, c.no, 'number');
      expect(`${path}.clause`, c.clause, 'string-or-null');
      if (c.clauseLabel !== undefined) expect(`${path}.clauseLabel`, c.clauseLabel, 'string-or-null');
      expect(`${path}.body`, c.body, 'string');
      if (c.name !== undefined) expect(`${path}.name`, c.name, 'string-or-null');
      if (c.submitterType !== undefined) expect(`${path}.submitterType`, c.submitterType, 'string');
      expect(`${path}.decision`, c.decision, 'decision');
      if (c.reason !== undefined) expect(`${path}.reason`, c.reason, 'string-or-null');
    });
  }
  if (more) {
    problems.push({
      path: '…',
      message: { 'zh-Hans': `另有 ${more} 处问题未列出`, en: `${more} more problems not listed` },
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: input as unknown as FeedbackView };
}

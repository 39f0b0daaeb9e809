// Turns valibot issues into problems a site editor can act on: a JSON path and a sentence in
// zh-Hans and en that names the field, what was expected and what was found.
import type * as v from 'valibot';
import { type Message, ruleMessage } from './messages.js';
import { found, jsonPath, type Problem } from './problem.js';

type PathItem = { type: string; key?: unknown; input?: unknown };
// biome-ignore lint/suspicious/noExplicitAny: walks valibot's schema objects generically
type AnySchema = any;

const keysOf = (issue: v.BaseIssue<unknown>) => (issue.path ?? []).map((i) => (i as PathItem).key as string | number);

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['text', '文本'],
  number: ['a number', '数字'],
  Array: ['a list', '列表'],
  Object: ['an object', '对象'],
  null: ['null', 'null'],
  boolean: ['true or false', '布尔值'],
};

function expectedTypes(expected: string | null): Message {
  const parts = (expected ?? '')
    .replace(/^\(|\)$/g, '')
    .split(' | ')
    .map((t) => TYPE_NAMES[t] ?? [t, t]);
  return { en: parts.map((p) => p[0]).join(' or '), 'zh-Hans': parts.map((p) => p[1]).join('或') };
}

/** `"valid" | "draft"` → `valid, draft`. */
const choices = (expected: string | null) =>
  (expected ?? '')
    .replace(/^\(|\)$|"/g, '')
    .split(' | ')
    .join(', ');

function suggest(key: string, allowed: string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const a of allowed) {
    const d = distance(k, a.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** Follows the issue path through the schema to list the keys allowed in the offending object. */
function allowedKeys(root: AnySchema, path: readonly PathItem[]): string[] {
  const unwrap = (s: AnySchema, value: unknown): AnySchema => {
    for (;;) {
      if (s?.wrapped) s = s.wrapped;
      else if (s?.type === 'variant') {
        const kind = (value as Record<string, unknown> | null)?.[s.key];
        s = s.options.find((o: AnySchema) => o.entries[s.key].literal === kind);
      } else return s;
    }
  };
  let s = root;
  for (const item of path.slice(0, -1)) {
    s = unwrap(s, item.input);
    s = item.type === 'array' ? s?.item : s?.entries?.[item.key as string];
  }
  s = unwrap(s, path.at(-1)?.input);
  return Object.keys(s?.entries ?? {});
}

/** Every problem valibot reports, in the editor's terms. One issue may yield several problems. */
export function describe(issue: v.BaseIssue<unknown>, root: AnySchema): Problem[] {
  const keys = keysOf(issue);
  const path = jsonPath(keys);
  const one = (en: string, zh: string): Problem[] => [{ path, message: { en, 'zh-Hans': zh } }];
  const last = issue.path?.at(-1) as (PathItem & { origin?: string }) | undefined;
  const fieldName = String(last?.key ?? '');
  const got = found(issue.input);

  const rule = ruleMessage(issue.message);
  if (rule) return [{ path, message: rule }];

  switch (issue.type) {
    case 'object':
    case 'strict_object':
    case 'variant':
      if (last?.origin === 'key' && issue.expected === 'never') {
        // valibot stops at the first unknown key; report them all at once.
        const allowed = allowedKeys(root, issue.path as PathItem[]);
        const object = last.input as Record<string, unknown>;
        const unknown = Object.keys(object).filter((k) => !allowed.includes(k));
        const list = allowed.join(', ');
        return unknown.map((key) => {
          const hint = suggest(key, allowed);
          return {
            path: jsonPath([...keys.slice(0, -1), key]),
            message: {
              en: `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed here: ${list}`,
              'zh-Hans': `未知字段“${key}”${hint ? `（是否应为“${hint}”？）` : ''}；此处允许的字段：${list}`,
            },
          };
        });
      }
      if (issue.type === 'variant' && last?.key === 'kind') {
        const allowed = choices(issue.expected);
        if (issue.input === undefined) {
          return one(
            `required field "kind" is missing; one of: ${allowed}`,
            `缺少必填字段“kind”，应为以下之一：${allowed}`,
          );
        }
        return one(
          `unknown kind ${JSON.stringify(issue.input)}; allowed kinds: ${allowed}`,
          `未知类型 ${JSON.stringify(issue.input)}；允许的类型：${allowed}`,
        );
      }
      if (issue.input === undefined && last?.origin === 'key') {
        return one(`required field "${fieldName}" is missing`, `缺少必填字段“${fieldName}”`);
      }
      break;
    case 'picklist':
    case 'literal': {
      const allowed = choices(issue.expected);
      return one(
        `must be one of: ${allowed}; found ${got.en}`,
        `取值应为以下之一：${allowed}；实际为 ${got['zh-Hans']}`,
      );
    }
    case 'min_length':
      if (Array.isArray(issue.input)) return one('needs at least one item', '至少需要一项');
      return one('must not be empty', '不能为空');
    case 'max_length':
      return one(`is too long: at most ${issue.requirement} characters`, `过长：最多 ${issue.requirement} 个字符`);
    case 'integer':
      return one(`must be a whole number; found ${got.en}`, `应为整数；实际为 ${got['zh-Hans']}`);
    case 'min_value':
      return one(
        `must be at least ${issue.requirement}; found ${got.en}`,
        `应不小于 ${issue.requirement}；实际为 ${got['zh-Hans']}`,
      );
  }
  if (issue.kind === 'schema') {
    const want = expectedTypes(issue.expected);
    return one(`expected ${want.en}, found ${got.en}`, `应为${want['zh-Hans']}，实际为 ${got['zh-Hans']}`);
  }
  return one(issue.message, `不符合要求：${issue.message}`);
}

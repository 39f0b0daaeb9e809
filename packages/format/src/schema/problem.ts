// A problem found in a bundle: where (a JSON path) and what, in zh-Hans and en.
import type { Message } from './messages.js';

export interface Problem {
  path: string;
  message: Message;
}

export function jsonPath(items: readonly (string | number)[]): string {
  let out = '$';
  for (const key of items)
    out +=
      typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return out;
}

/** What the editor actually wrote, short enough for one line. */
export function found(input: unknown): Message {
  if (input === null) return { en: 'null', 'zh-Hans': 'null' };
  if (Array.isArray(input)) return { en: 'a list', 'zh-Hans': '列表' };
  if (typeof input === 'object') return { en: 'an object', 'zh-Hans': '对象' };
  if (typeof input === 'string') {
    const s = JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
    return { en: `text ${s}`, 'zh-Hans': `文本 ${s}` };
  }
  return { en: String(input), 'zh-Hans': String(input) };
}

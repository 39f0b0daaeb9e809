// Where JSON is broken. JSON.parse does not always say (V8 sometimes gives only a snippet),
// so a small scanner finds the first offending character and what was expected there.
import { type AuthoringProblem, msg, problem } from './problems.js';

interface Broken {
  at: number;
  en: string;
  zh: string;
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\n]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The first error in `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): Broken | undefined {
  let i = 0;
  const ws = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const shown = () => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);
  const shownZh = () => (i >= text.length ? '文件结尾' : `“${text[i]}”`);
  const expect = (en: string, zh: string): Broken => ({
    at: i,
    en: `expected ${en}, found ${shown()}`,
    zh: `此处应为${zh}，实际为${shownZh()}`,
  });
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  const value = (): Broken | undefined => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (!sticky(STRING)) return expect('a "quoted" key', '带双引号的键名');
          ws();
          if (text[i] !== ':') return expect('":"', '“:”');
          i++;
        }
        const inner = value();
        if (inner) return inner;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) return void i++;
        return expect(`"," or "${close}"`, `“,”或“${close}”`);
      }
    }
    if (c === '"') {
      const start = i;
      if (!sticky(STRING)) return expect('a closed "string" (no raw line breaks)', '闭合的字符串');
      // Raw control characters (a pasted tab) are not allowed inside JSON strings either.
      for (let k = start; k < i; k++) {
        if (text.charCodeAt(k) < 0x20)
          return {
            at: k,
            en: 'a raw control character (tab?) inside a string; write \\t',
            zh: '字符串中有控制字符（制表符？），请写作 \\t',
          };
      }
      return undefined;
    }
    if (sticky(NUMBER) || sticky(/true|false|null/y)) return undefined;
    return expect('a value', '一个值');
  };
  const broken = value();
  if (broken) return broken;
  ws();
  return i < text.length ? expect('the end of the file', '文件结尾') : undefined;
}

/** A JSON.parse failure of `text` as a problem with the file, line and column. */
export function jsonError(file: string, text: string, error?: unknown): AuthoringProblem {
  let b: Broken | undefined;
  try {
    b = findJsonError(text);
  } catch {
    // nested deeper than the stack allows: fall back to the parser's own words
  }
  if (!b) {
    const why = error instanceof Error ? error.message : String(error);
    return problem(file, undefined, msg(`broken JSON: ${why}`, `JSON 格式错误：${why}`));
  }
  const before = text.slice(0, b.at).split('\n');
  const column = (before[before.length - 1] ?? '').length + 1;
  return problem(file, before.length, msg(`broken JSON: ${b.en}`, `JSON 格式错误：${b.zh}`), column);
}

/** Parses JSON or throws nothing: the value, or the problem. */
export function parseJson(
  file: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: AuthoringProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problem: jsonError(file, text, e) };
  }
}

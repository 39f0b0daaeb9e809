// The front matter of policy.md: a small YAML subset, enough for metadata and a consultation.
//
//   key: value            plain, "double-quoted" (JSON escapes) or 'single-quoted' text
//   key：value            a full-width colon is accepted (typed with a Chinese IME)
//   key:                  followed by an indented map or list
//     sub: value
//   list:
//     - text
//     - title: …          a list of maps; the map's other keys indented under the first
//       url: …
//   tags: [a, b]          a flow list of plain texts
//   notes: |              a block of text: the indented lines below, newlines kept
//   # comment             whole-line comments; ` #` after a plain value starts a comment
//
// Every value is text (no numbers, booleans or dates: the bundle validator judges them).
// Anything else — tabs, a line without `key:`, bad indentation, a duplicate key — is an
// error naming its line.
import { fail, msg } from './problems.js';

export type FmNode =
  | { type: 'text'; value: string; line: number }
  | { type: 'list'; items: FmNode[]; line: number }
  | { type: 'map'; entries: FmEntry[]; line: number };

export interface FmEntry {
  key: string;
  line: number;
  value: FmNode;
}

interface Line {
  no: number;
  indent: number;
  text: string;
}

// `key: value` (a space after an ASCII colon, as in YAML) or `键：值` (none needed).
const KEY = /^([^\s:：'"#[\]{},-][^:：]*?|-[^\s:：][^:：]*?)\s*(?::(?:\s+(.*))?|：\s*(.*))$/;

class Parser {
  pos = 0;
  constructor(
    readonly file: string,
    readonly lines: Line[],
  ) {}

  error(line: number, en: string, zh: string): never {
    return fail(this.file, line, msg(`front matter: ${en}`, `前置元数据（front matter）：${zh}`));
  }

  peek(): Line | undefined {
    return this.lines[this.pos];
  }

  block(indent: number): FmNode {
    const first = this.peek() as Line;
    return isItem(first.text) ? this.list(indent) : this.map(indent);
  }

  map(indent: number): FmNode {
    const entries: FmEntry[] = [];
    const line = this.peek()?.no ?? 0;
    for (let l = this.peek(); l && l.indent >= indent; l = this.peek()) {
      if (l.indent > indent) this.error(l.no, 'unexpected indentation', '缩进不正确');
      if (isItem(l.text))
        this.error(
          l.no,
          'a list item "- …" where a "key: value" line was expected',
          '此处应为“键: 值”，而不是列表项“- …”',
        );
      const m = KEY.exec(l.text);
      if (!m) {
        this.error(
          l.no,
          `expected "key: value", found "${l.text.slice(0, 40)}"`,
          `应为“键: 值”格式，实际为“${l.text.slice(0, 40)}”`,
        );
      }
      const key = (m?.[1] ?? '').trim();
      if (entries.some((e) => e.key === key)) this.error(l.no, `duplicate key "${key}"`, `重复的键“${key}”`);
      this.pos++;
      entries.push({ key, line: l.no, value: this.after(l, m?.[2] ?? m?.[3] ?? '') });
    }
    return { type: 'map', entries, line };
  }

  list(indent: number): FmNode {
    const items: FmNode[] = [];
    const line = this.peek()?.no ?? 0;
    for (let l = this.peek(); l && l.indent === indent && isItem(l.text); l = this.peek()) {
      const rest = l.text.slice(1).trimStart();
      const offset = l.text.length - rest.length;
      if (rest === '') {
        this.pos++;
        const next = this.peek();
        items.push(next && next.indent > indent ? this.block(next.indent) : { type: 'text', value: '', line: l.no });
      } else if (KEY.test(rest) && !/^["']/.test(rest)) {
        // `- title: …` opens a map whose keys line up with `title`.
        this.lines[this.pos] = { no: l.no, indent: indent + offset, text: rest };
        items.push(this.map(indent + offset));
      } else {
        this.pos++;
        items.push(this.scalar(rest, l.no));
      }
    }
    const stray = this.peek();
    if (stray && stray.indent > indent) this.error(stray.no, 'unexpected indentation', '缩进不正确');
    return { type: 'list', items, line };
  }

  after(l: Line, written: string): FmNode {
    const rest = written.startsWith('#') ? '' : written; // `key:   # comment`
    if (rest === '') {
      const next = this.peek();
      if (next && next.indent > l.indent) return this.block(next.indent);
      if (next && next.indent === l.indent && isItem(next.text)) return this.list(l.indent);
      return { type: 'text', value: '', line: l.no };
    }
    const block = /^([|>][+-]?)(?:\s+#.*)?$/.exec(rest)?.[1];
    if (block) return this.textBlock(l, block);
    return this.scalar(rest, l.no);
  }

  /** `key: |` — the more-indented lines below, as written; blank lines kept. */
  textBlock(l: Line, mark: string): FmNode {
    if (mark.startsWith('>'))
      this.error(l.no, 'folded text ">" is not supported; use "|"', '不支持折叠文本“>”，请使用“|”');
    const body: Line[] = [];
    while (this.peek() && (this.peek() as Line).indent > l.indent) body.push(this.lines[this.pos++] as Line);
    const min = Math.min(...body.filter((b) => b.text).map((b) => b.indent));
    let last = l.no;
    const out: string[] = [];
    for (const b of body) {
      for (; last + 1 < b.no; last++) out.push(''); // blank lines inside the block
      out.push(' '.repeat(b.indent - min) + b.text);
      last = b.no;
    }
    const value = mark === '|-' ? out.join('\n') : `${out.join('\n')}\n`;
    return { type: 'text', value: body.length ? value : '', line: l.no };
  }

  scalar(raw: string, line: number): FmNode {
    const text = (value: string): FmNode => ({ type: 'text', value, line });
    if (raw.startsWith('"')) {
      const m = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(raw);
      if (!m) this.error(line, 'unterminated "double-quoted" text', '双引号文本未闭合');
      try {
        return text(JSON.parse(`"${m?.[1]}"`) as string);
      } catch {
        return this.error(line, 'bad escape in "double-quoted" text', '双引号文本中的转义字符有误');
      }
    }
    if (raw.startsWith("'")) {
      const m = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(raw);
      if (!m) this.error(line, "unterminated 'single-quoted' text", '单引号文本未闭合');
      return text((m?.[1] ?? '').replaceAll("''", "'"));
    }
    const plain = raw.replace(/\s+#.*$/, '').trim();
    if (plain.startsWith('[')) {
      if (!plain.endsWith(']')) this.error(line, 'unterminated list "[…"', '列表“[…”未闭合');
      const inner = plain.slice(1, -1).trim();
      const items = inner ? inner.split(/[,，]/).map((s) => text(s.trim().replace(/^(["'])(.*)\1$/, '$2'))) : [];
      return { type: 'list', items, line };
    }
    if (plain.startsWith('{')) this.error(line, 'flow maps "{…}" are not supported', '不支持“{…}”写法');
    return text(plain);
  }
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

/** Parses front matter text; `firstLine` is the file line of its first line. Throws AuthoringError. */
export function parseFrontMatter(source: string, file: string, firstLine = 1): FmNode {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const no = firstLine + i;
    const indentText = /^[ \t]*/.exec(raw)?.[0] ?? '';
    if (indentText.includes('\t') && raw.trim()) {
      fail(
        file,
        no,
        msg('front matter: indent with spaces, not tabs', '前置元数据（front matter）：请用空格缩进，不要用制表符'),
      );
    }
    const text = raw.trim();
    if (!text || text.startsWith('#')) return;
    lines.push({ no, indent: indentText.length, text });
  });
  if (lines.length === 0) return { type: 'map', entries: [], line: firstLine };
  const parser = new Parser(file, lines);
  const first = lines[0] as Line;
  if (isItem(first.text))
    parser.error(first.no, 'must be "key: value" lines, not a list', '应为“键: 值”行，而不是列表');
  const root = parser.map(first.indent);
  const stray = parser.peek();
  if (stray) parser.error(stray.no, 'unexpected indentation', '缩进不正确');
  return root;
}

/** Splits `---\n…\n---\n` off the start of a markdown file. */
export function splitFrontMatter(
  text: string,
  file: string,
): { front: string | null; frontLine: number; body: string; bodyLine: number } {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { front: null, frontLine: 0, body: text, bodyLine: 1 };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) {
    fail(
      file,
      1,
      msg(
        'front matter opened with "---" on line 1 is never closed: add a line "---" after it',
        '第 1 行以“---”开始的前置元数据没有结束：请在其后加一行“---”',
      ),
    );
  }
  return {
    front: lines.slice(1, end).join('\n'),
    frontLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

/** A child path in the form `validate` reports (`$.meta.title`, `$.basis[0]`, `$["索引号"]`). */
export const childPath = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

/** The node as plain JSON, calling `mark(path, line)` for every key and list item. */
export function toPlain(node: FmNode, path: string, mark: (path: string, line: number) => void): unknown {
  if (node.type === 'text') return node.value;
  if (node.type === 'list') {
    return node.items.map((item, i) => {
      mark(childPath(path, i), item.line);
      return toPlain(item, childPath(path, i), mark);
    });
  }
  const out: Record<string, unknown> = {};
  for (const e of node.entries) {
    mark(childPath(path, e.key), e.line);
    out[e.key] = toPlain(e.value, childPath(path, e.key), mark);
  }
  return out;
}

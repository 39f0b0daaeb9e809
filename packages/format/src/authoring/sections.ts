// Splits interpretation.md and qa.md into `## ` sections, each with its attribute lines
// (`role: expert`, `日期：2016-08-01`) directly under the heading and its markdown body.
import { type AuthoringProblem, msg, problem } from './problems.js';

export interface Section {
  /** File line of the `## ` heading. */
  line: number;
  heading: string;
  attrs: Map<string, { value: string; line: number }>;
  /** Markdown until the next `## ` heading, trimmed. */
  body: string;
  /** `### 文字实录` / `### Transcript` and what follows it, for video and interview notes. */
  transcript?: string;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const H2 = /^\s{0,3}##(?!#)\s*(.*?)\s*#*\s*$/;
const H1 = /^\s{0,3}#(?!#)\s/;
const TRANSCRIPT = /^\s{0,3}###\s*(文字实录|实录|文字稿|transcript)\s*#*\s*$/i;
const ATTR = /^\s*([A-Za-z]+|[\u4e00-\u9fff]{2,4})\s*[:：]\s*(.*?)\s*$/;
const COMMENT = /^\s*<!--.*-->\s*$/;

/**
 * `aliases` maps every accepted attribute key (English or Chinese) to its field name. An
 * ASCII `word: …` line under a heading that is not a known key is a typo and a problem; a
 * Chinese one is the first line of the body.
 */
export function splitSections(
  text: string,
  file: string,
  aliases: Record<string, string>,
  problems: AuthoringProblem[],
): Section[] {
  const lines = text.split(/\r?\n/);
  const sections: Section[] = [];
  let current: (Section & { lines: string[]; inAttrs: boolean; tAt?: number }) | undefined;
  let fence: string | undefined;
  let stray = false;
  const close = () => {
    if (!current) return;
    const body = current.lines.slice(0, current.tAt).join('\n').trim();
    const s: Section = { line: current.line, heading: current.heading, attrs: current.attrs, body };
    if (current.tAt !== undefined)
      s.transcript = current.lines
        .slice(current.tAt + 1)
        .join('\n')
        .trim();
    sections.push(s);
  };
  lines.forEach((raw, i) => {
    const no = i + 1;
    const f = FENCE.exec(raw)?.[1];
    if (f && (fence === undefined || f.startsWith(fence))) fence = fence === undefined ? f.slice(0, 3) : undefined;
    const h2 = fence === undefined && !f ? H2.exec(raw) : null;
    if (h2) {
      close();
      current = { line: no, heading: h2[1] ?? '', attrs: new Map(), body: '', lines: [], inAttrs: true };
      return;
    }
    if (!current) {
      if (!stray && raw.trim() && !H1.test(raw) && !COMMENT.test(raw)) {
        stray = true;
        problems.push(
          problem(
            file,
            no,
            msg(
              'text before the first "## " heading belongs to no section; start each section with "## "',
              '第一个“## ”标题之前的文字不属于任何条目；请以“## ”开始每个条目',
            ),
          ),
        );
      }
      return;
    }
    if (current.inAttrs) {
      if (!raw.trim() || COMMENT.test(raw)) return;
      const a = ATTR.exec(raw);
      const key = a ? aliases[a[1] as string] : undefined;
      if (a && key) {
        if (current.attrs.has(key)) {
          problems.push(problem(file, no, msg(`"${key}" is given twice in this section`, `本条目中“${key}”重复`)));
        }
        current.attrs.set(key, { value: a[2] ?? '', line: no });
        return;
      }
      if (a && /^[A-Za-z]+$/.test(a[1] as string)) {
        const known = [...new Set(Object.values(aliases))].join(', ');
        problems.push(
          problem(
            file,
            no,
            msg(`unknown attribute "${a[1]}"; known: ${known}`, `未知属性“${a[1]}”；可用属性：${known}`),
          ),
        );
        return;
      }
      current.inAttrs = false;
    }
    if (fence === undefined && current.tAt === undefined && TRANSCRIPT.test(raw)) current.tAt = current.lines.length;
    current.lines.push(raw);
  });
  close();
  return sections;
}

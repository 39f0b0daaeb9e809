// One document (text, markdown or CMS HTML) → a bundle with derived clauses and meta.
import type { Bundle } from '../schema/bundle.js';
import { validate } from '../schema/validate.js';
import { type SegmentFormat, segment, toParagraphs } from '../segment/index.js';
import { decodeText, type FileContent } from './decode.js';
import { parsePolicy } from './policy.js';
import { AuthoringError, type AuthoringProblem, type Message, msg } from './problems.js';

export interface ParseResult {
  bundle?: Bundle;
  problems: AuthoringProblem[];
  notes: Message[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** The file's base name without extension, when it can be an id (`ezhou-2016-plan.txt`). */
function idFrom(fileName: string, docNumber: unknown): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  if (ID.test(base) && base.length <= 128) return base;
  const m = typeof docNumber === 'string' ? /((?:19|20)\d{2})\D+(\d{1,5})\s*[号號]/.exec(docNumber) : null;
  return m ? `doc-${m[1]}-${m[2]}` : 'policy';
}

function formatOf(fileName: string): SegmentFormat | undefined {
  if (/\.html?$/i.test(fileName)) return 'html';
  if (/\.(md|markdown)$/i.test(fileName)) return 'markdown';
  if (/\.txt$/i.test(fileName)) return 'text';
  return undefined;
}

/**
 * `gongkai parse`: markdown (front matter optional) is read as policy.md; text and HTML
 * become markdown paragraphs. The id is the file name when it can be one (ASCII), else
 * `doc-<year>-<number>` from the 文号; the title falls back to the file name.
 */
export function parseDocument(content: FileContent, fileName: string): ParseResult {
  const problems: AuthoringProblem[] = [];
  try {
    const text = decodeText(fileName, content);
    const format = formatOf(fileName);
    const md = format === 'markdown' ? text : `${toParagraphs(text, format ? { format } : undefined).join('\n\n')}\n`;
    const policy = parsePolicy(md, fileName, () => {});
    const notes = [...policy.notes];
    const meta = policy.meta;
    if (meta.title === undefined) {
      meta.title = fileName.split(/[\\/]/).pop();
      notes.push(msg(`no title found; using the file name`, '未找到标题；使用文件名'));
    }
    const draft = {
      schemaVersion: 1,
      id: policy.id ?? idFrom(fileName, meta.docNumber),
      ...(policy.lang ? { lang: policy.lang } : {}),
      meta,
      body: policy.body,
      clauses: segment(policy.body),
      ...(policy.consultation ? { consultation: policy.consultation } : {}),
    };
    const result = validate(draft);
    if (!result.ok) {
      for (const p of result.problems) problems.push({ file: fileName, path: p.path, message: p.message });
      return { problems, notes };
    }
    return { bundle: result.value, problems, notes };
  } catch (e) {
    if (!(e instanceof AuthoringError)) throw e;
    problems.push(e.problem);
    return { problems, notes: [] };
  }
}

// Authoring files → a validated bundle with its derived fields (clauses, search index).
import { type AnchorResult, anchor } from '../anchor/index.js';
import { compareTexts } from '../compare/compare.js';
import type { Bundle, Clause, RevisionOf } from '../schema/bundle.js';
import { validate } from '../schema/validate.js';
import { buildBundleIndex, serializeSearchIndex } from '../search/index.js';
import { segment } from '../segment/index.js';
import { decodeText, type FileContent } from './decode.js';
import { parseJson } from './json.js';
import { type Mark, parseInterpretations, parseQa, resolveList } from './notes.js';
import { parsePolicy } from './policy.js';
import { AuthoringError, type AuthoringProblem, type Message, msg, problem } from './problems.js';
import { createClauseResolver } from './refs.js';

export const AUTHORING_FILES = ['policy.md', 'interpretation.md', 'qa.md', 'graphics.json'] as const;
export type AuthoringFile = (typeof AUTHORING_FILES)[number];

export interface BuildOptions {
  /** Shown before each file name in messages, e.g. `demo/authoring/ezhou-2016-40`. */
  dir?: string;
  /** The bundle id when policy.md gives none (e.g. the folder name). */
  fallbackId?: string;
  /** Add the serialised search index (default true). */
  searchIndex?: boolean;
  /**
   * The version this text revises: its clauses are compared with this text's and the result
   * stored as `comparison`. `revisionOf` names it when policy.md does not.
   */
  previous?: { clauses: readonly Clause[]; revisionOf?: RevisionOf };
}

export interface BuildResult {
  /** The validated bundle, when there are no errors. */
  bundle?: Bundle;
  /** Errors and warnings (`warning: true`), each naming its file and line. */
  problems: AuthoringProblem[];
  /** What the build derived or normalised, for a verbose report. */
  notes: Message[];
  /** Where every interpretation, Q&A link and graphic link landed (when policy.md was read). */
  anchoring?: AnchorResult;
}

/** The problem's bundle path, or its nearest ancestor, mapped to the authoring line. */
function locateProblem(path: string, sources: Map<string, [string, number]>, fallback: string) {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '')) {
    const hit = sources.get(p);
    if (hit) return hit;
    if (p === '$') break;
  }
  return [fallback, undefined] as const;
}

export function buildBundle(
  files: Partial<Record<AuthoringFile, FileContent>>,
  options: BuildOptions = {},
): BuildResult {
  const name = (f: AuthoringFile) => (options.dir ? `${options.dir.replace(/\/+$/, '')}/${f}` : f);
  const problems: AuthoringProblem[] = [];
  const notes: Message[] = [];
  const sources = new Map<string, [string, number]>();
  const markIn =
    (f: AuthoringFile): Mark =>
    (path, line) =>
      sources.set(path, [name(f), line]);
  const read = (f: AuthoringFile): string | undefined => {
    const content = files[f];
    if (content === undefined) return undefined;
    try {
      return decodeText(name(f), content);
    } catch (e) {
      if (e instanceof AuthoringError) problems.push(e.problem);
      else throw e;
      return undefined;
    }
  };
  const guard = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (e) {
      if (!(e instanceof AuthoringError)) throw e;
      problems.push(e.problem);
      return undefined;
    }
  };

  const policyText = read('policy.md');
  if (files['policy.md'] === undefined) {
    problems.push(problem(name('policy.md'), undefined, msg('policy.md is missing', '缺少 policy.md')));
  }
  const policy =
    policyText === undefined ? undefined : guard(() => parsePolicy(policyText, name('policy.md'), markIn('policy.md')));
  if (policy) notes.push(...policy.notes);
  const clauses: Clause[] = policy ? segment(policy.body) : [];
  const resolver = createClauseResolver(clauses);

  const draft: Record<string, unknown> = { schemaVersion: 1 };
  if (policy) {
    let id = policy.id;
    if (id === undefined && options.fallbackId) {
      id = options.fallbackId;
      notes.push(msg(`id not given in policy.md; using "${id}"`, `policy.md 未给出 id；使用“${id}”`));
    }
    if (id !== undefined) draft.id = id;
    else
      problems.push(
        problem(name('policy.md'), 1, msg('add "id: …" to the front matter', '请在前置元数据中加入“id: …”')),
      );
    if (policy.lang !== undefined) draft.lang = policy.lang;
    draft.meta = policy.meta;
    draft.body = policy.body;
    draft.clauses = clauses;
    notes.push(msg(`${clauses.length} clauses found in the document`, `正文中识别出 ${clauses.length} 个条款`));
  }
  const interpretation = read('interpretation.md');
  if (policy && interpretation !== undefined) {
    draft.interpretations = parseInterpretations(
      interpretation,
      name('interpretation.md'),
      resolver,
      markIn('interpretation.md'),
      problems,
    );
  }
  const qa = read('qa.md');
  if (policy && qa !== undefined) draft.qa = parseQa(qa, name('qa.md'), resolver, markIn('qa.md'), problems);
  const graphics = read('graphics.json');
  if (graphics !== undefined) {
    const file = name('graphics.json');
    const parsed = parseJson(file, graphics);
    const list = parsed.ok ? parsed.value : undefined;
    if (!parsed.ok) problems.push(parsed.problem);
    else if (!Array.isArray(list)) {
      problems.push(
        problem(file, 1, msg('must be a JSON array of graphics: [ { … }, … ]', '应为图解的 JSON 数组：[ { … }, … ]')),
      );
    } else {
      // Graphics may name clauses as written (`二、4.`), like qa.md.
      for (const [i, g] of list.entries()) {
        sources.set(`$.graphics[${i}]`, [file, 0]);
        const c = (g as { clauses?: unknown })?.clauses;
        if (policy && Array.isArray(c) && c.every((x) => typeof x === 'string')) {
          const before = problems.length;
          (g as { clauses: string[] }).clauses = resolveList(c, resolver, file, undefined, problems);
          for (const p of problems.slice(before)) p.path = `$.graphics[${i}].clauses`;
        }
      }
      draft.graphics = list;
    }
  }
  if (policy?.consultation) draft.consultation = policy.consultation;
  if (policy?.revisionOf) draft.revisionOf = policy.revisionOf;
  if (policy && options.previous) {
    if (!draft.revisionOf && options.previous.revisionOf) {
      draft.revisionOf = options.previous.revisionOf;
      const named = JSON.stringify(options.previous.revisionOf);
      notes.push(
        msg(`revisionOf not given in policy.md; using ${named}`, `policy.md 未给出 revisionOf；使用 ${named}`),
      );
    }
    const comparison = compareTexts(options.previous.clauses, clauses);
    draft.comparison = comparison;
    const s = comparison.summary;
    notes.push(
      msg(
        `compared with the previous version: ${s.modified} modified, ${s.added} added, ${s.removed} removed, ${s.renumbered} renumbered`,
        `与上一版本相比：修改 ${s.modified} 条，新增 ${s.added} 条，删除 ${s.removed} 条，仅调整序号 ${s.renumbered} 条`,
      ),
    );
  }

  if (problems.some((p) => !p.warning) || !policy) return { problems, notes };
  const result = validate(draft);
  if (!result.ok) {
    for (const p of result.problems) {
      const [file, line] = locateProblem(p.path, sources, name('policy.md'));
      const out: AuthoringProblem = { file, path: p.path, message: p.message };
      if (line) out.line = line;
      problems.push(out);
    }
    return { problems, notes };
  }
  const bundle = result.value;
  if (options.searchIndex !== false) {
    bundle.searchIndex = serializeSearchIndex(buildBundleIndex(bundle, clauses));
  }
  return { bundle, problems, notes, anchoring: anchor(bundle, clauses) };
}

// policy.md: front matter (id, lang, meta fields, consultation) and the document as markdown.
import type { Meta } from '../schema/bundle.js';
import { extractMeta, toIsoDate, toStatus } from '../segment/meta.js';
import { type FmEntry, parseFrontMatter, splitFrontMatter, toPlain } from './frontmatter.js';
import { type Message, msg } from './problems.js';

export type Mark = (path: string, line: number) => void;

export interface PolicySource {
  id?: string;
  lang?: string;
  meta: Record<string, unknown>;
  consultation?: Record<string, unknown>;
  /** The version this one revises (`revisionOf:` in the front matter). */
  revisionOf?: Record<string, unknown>;
  body: string;
  /** What was filled in or normalised, for `--verbose`. */
  notes: Message[];
}

const META_KEYS = [
  'title',
  'docNumber',
  'issuer',
  'indexNumber',
  'published',
  'effective',
  'expires',
  'status',
  'supersededBy',
  'amends',
  'category',
] as const;
/** Chinese keys a drafter may type, as printed in a 政府信息公开 header. */
const ALIASES: Record<string, string> = {
  标题: 'title',
  名称: 'title',
  文号: 'docNumber',
  发文字号: 'docNumber',
  发布机构: 'issuer',
  发文机关: 'issuer',
  索引号: 'indexNumber',
  发布日期: 'published',
  成文日期: 'published',
  施行日期: 'effective',
  生效日期: 'effective',
  实施日期: 'effective',
  失效日期: 'expires',
  有效性: 'status',
  分类: 'category',
  信息分类: 'category',
  主题分类: 'category',
  语言: 'lang',
  征求意见: 'consultation',
  上一版本: 'revisionOf',
};
const DATES = new Set(['published', 'effective', 'expires', 'opens', 'closes', 'date']);
const ISO = /^\d{4}-\d{2}-\d{2}/;

/** `2016年7月21日` → `2016-07-21`, `有效` → `valid`; anything else is left for `validate` to judge. */
function normalise(key: string, value: unknown, notes: Message[], where: string): unknown {
  if (typeof value !== 'string') return value;
  if (DATES.has(key) && !ISO.test(value)) {
    const iso = toIsoDate(value);
    if (iso) {
      notes.push(msg(`${where}: read "${value}" as ${iso}`, `${where}：“${value}”按 ${iso} 处理`));
      return iso;
    }
  }
  if (key === 'status' && !/^[a-z]+$/.test(value)) {
    const status = toStatus(value);
    if (status) {
      notes.push(msg(`${where}: read "${value}" as ${status}`, `${where}：“${value}”按 ${status} 处理`));
      return status;
    }
  }
  // A linked document may be given by its title alone.
  if (key === 'supersededBy' || key === 'amends') return { title: value };
  return value;
}

function mapEntries(entries: FmEntry[], path: string, mark: Mark, notes: Message[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of entries) {
    const key = ALIASES[e.key] ?? e.key;
    const p = `${path}.${key}`;
    mark(p, e.line);
    let value = toPlain(e.value, p, mark);
    if (key === 'basis' && Array.isArray(value)) value = value.map((b) => (typeof b === 'string' ? { title: b } : b));
    out[key] = normalise(key, value, notes, `${path}.${key}`.replace(/^\$\./, ''));
  }
  return out;
}

/** Reads policy.md; throws AuthoringError for broken front matter. */
export function parsePolicy(text: string, file: string, mark: Mark): PolicySource {
  const { front, frontLine, body } = splitFrontMatter(text, file);
  const notes: Message[] = [];
  const root = front === null ? undefined : parseFrontMatter(front, file, frontLine);
  const meta: Record<string, unknown> = {};
  const out: PolicySource = { meta, body: body.trim(), notes };
  for (const e of root?.type === 'map' ? root.entries : []) {
    const key = ALIASES[e.key] ?? e.key;
    if (key === 'meta' && e.value.type === 'map') {
      mark('$.meta', e.line);
      Object.assign(meta, mapEntries(e.value.entries, '$.meta', mark, notes));
    } else if (key === 'consultation' && e.value.type === 'map') {
      mark('$.consultation', e.line);
      out.consultation = mapEntries(e.value.entries, '$.consultation', mark, notes);
    } else if (key === 'revisionOf' && e.value.type === 'map') {
      mark('$.revisionOf', e.line);
      out.revisionOf = mapEntries(e.value.entries, '$.revisionOf', mark, notes);
    } else if ((key === 'id' || key === 'lang') && e.value.type === 'text') {
      mark(`$.${key}`, e.line);
      out[key] = e.value.value;
    } else {
      // Everything else is a meta field; an unknown one is reported by `validate` at its line.
      Object.assign(meta, mapEntries([{ ...e, key }], '$.meta', mark, notes));
    }
  }
  const found = extractMeta(out.body);
  for (const key of META_KEYS) {
    const value = found[key as keyof Meta];
    if (meta[key] !== undefined || value === undefined) continue;
    meta[key] = value;
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    notes.push(msg(`meta.${key} taken from the document text: ${shown}`, `meta.${key} 取自正文：${shown}`));
  }
  return out;
}

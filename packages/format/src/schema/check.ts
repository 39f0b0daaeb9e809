// The validation engine: a schema run safely over untrusted input, the cross-checks, and the
// reading mode that leaves single invalid items out. How an issue is put into words is passed
// in (describe.ts), so a page that only needs to know whether a bundle is valid can do without it.
import * as v from 'valibot';
import { crossCheck } from './cross.js';
import { SUPPORTED_SCHEMA_VERSIONS } from './document.js';
import { found, type Problem } from './problem.js';

/** Puts a schema issue into words: one or more problems (none, for a yes-or-no check). */
export type Explain = (issue: v.BaseIssue<unknown>, schema: v.GenericSchema) => Problem[];
/** Rules across fields: the document's (crossCheck), or more for a validator of the whole bundle. */
export type CrossCheck = (input: unknown) => Problem[];

export type ValidationResult<T> = { ok: true; value: T; problems: [] } | { ok: false; problems: Problem[] };

const fail = (path: string, en: string, zh: string): { ok: false; problems: Problem[] } => ({
  ok: false,
  problems: [{ path, message: { en, 'zh-Hans': zh } }],
});

function run<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
  explain: Explain,
  cross: CrossCheck,
): ValidationResult<T> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    const got = found(input);
    return fail(
      '$',
      `a bundle must be a JSON object; found ${got.en}`,
      `数据包应为 JSON 对象；实际为 ${got['zh-Hans']}`,
    );
  }
  if ('schemaVersion' in input) {
    const version = (input as { schemaVersion: unknown }).schemaVersion;
    if (!(SUPPORTED_SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
      const supported = SUPPORTED_SCHEMA_VERSIONS.join(', ');
      return fail(
        '$.schemaVersion',
        `unsupported schemaVersion ${JSON.stringify(version)}; supported versions: ${supported}`,
        `不支持的 schemaVersion ${JSON.stringify(version)}，支持的版本：${supported}`,
      );
    }
  }
  const result = v.safeParse(schema, input);
  const problems = [...(result.issues ?? []).flatMap((i) => explain(i, schema)), ...cross(input)];
  if (result.success && problems.length === 0) return { ok: true, value: result.output, problems: [] };
  return { ok: false, problems };
}

/**
 * Runs `fn` with the page's enumerable Object.prototype additions (old libraries add them)
 * made non-enumerable for its duration. The validator walks schema entries and input keys with
 * `for…in`, which would otherwise meet them as required or unknown fields.
 */
function withPrototypeAdditionsHidden<T>(fn: () => T): T {
  const added: [string, PropertyDescriptor][] = [];
  for (const key in {}) {
    const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, key);
    if (descriptor?.configurable) added.push([key, descriptor]);
  }
  if (added.length === 0) return fn();
  for (const [key, descriptor] of added)
    Object.defineProperty(Object.prototype, key, { ...descriptor, enumerable: false });
  try {
    return fn();
  } finally {
    for (const [key, descriptor] of added) Object.defineProperty(Object.prototype, key, descriptor);
  }
}

export function safely<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
  explain: Explain,
  cross: CrossCheck = crossCheck,
): ValidationResult<T> {
  try {
    return withPrototypeAdditionsHidden(() => run(schema, input, explain, cross));
  } catch (error) {
    // A validator that throws would take the page down with it; report instead.
    const why = error instanceof Error ? error.message : String(error);
    return fail('$', `the bundle could not be read: ${why}`, `无法读取数据包：${why}`);
  }
}

/** The parts a reader can do without, item by item: the document is read without them. */
export const SKIPPABLE = ['interpretations', 'qa', 'graphics'] as const;
export type Skippable = (typeof SKIPPABLE)[number];
/** An invalid item left out for readers: its list, its index there, and its problems. */
export interface Skipped {
  part: Skippable;
  index: number;
  problems: Problem[];
}
export type ReadingResult<T> = { ok: true; value: T; skipped: Skipped[] } | { ok: false; problems: Problem[] };

const ITEM = /^\$\.(interpretations|qa|graphics)\[(\d+)\]/;

/**
 * For pages, not for publishing: a bundle whose only problems lie in single notes, Q&A items or
 * graphics is valid without them, so readers still get the rest. Anything else fails as in
 * `validate`, which `gongkai validate` and the self-check keep using.
 */
export function forReading<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
  explain: Explain,
  cross: CrossCheck = crossCheck,
): ReadingResult<T> {
  const strict = safely(schema, input, explain, cross);
  if (strict.ok) return { ok: true, value: strict.value, skipped: [] };
  const skipped: Skipped[] = [];
  for (const problem of strict.problems) {
    const [, part, at] = ITEM.exec(problem.path) ?? [];
    if (!part) return strict;
    const index = Number(at);
    const known = skipped.find((s) => s.part === part && s.index === index);
    if (known) known.problems.push(problem);
    else skipped.push({ part: part as Skippable, index, problems: [problem] });
  }
  const rest: Record<string, unknown> = { ...(input as object) };
  for (const part of SKIPPABLE) {
    const list = rest[part];
    if (Array.isArray(list)) rest[part] = list.filter((_, i) => !skipped.some((s) => s.part === part && s.index === i));
  }
  const again = safely(schema, rest, explain, cross);
  return again.ok ? { ok: true, value: again.value, skipped: skipped.sort((a, b) => a.index - b.index) } : strict;
}

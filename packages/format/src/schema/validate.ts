import * as v from 'valibot';
import {
  type Bundle,
  BundleSchema,
  type PartialBundle,
  PartialBundleSchema,
  SUPPORTED_SCHEMA_VERSIONS,
} from './bundle.js';
import { type Comparison, ComparisonSchema } from './comparison.js';
import { crossCheck } from './cross.js';
import { describe, found, type Problem } from './describe.js';

export type { Problem } from './describe.js';

export type ValidationResult<T> = { ok: true; value: T; problems: [] } | { ok: false; problems: Problem[] };

const fail = (path: string, en: string, zh: string): { ok: false; problems: Problem[] } => ({
  ok: false,
  problems: [{ path, message: { en, 'zh-Hans': zh } }],
});

function run<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ValidationResult<T> {
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
  const problems = [...(result.issues ?? []).flatMap((i) => describe(i, schema)), ...crossCheck(input)];
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

function safely<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ValidationResult<T> {
  try {
    return withPrototypeAdditionsHidden(() => run(schema, input));
  } catch (error) {
    // A validator that throws would take the page down with it; report instead.
    const why = error instanceof Error ? error.message : String(error);
    return fail('$', `the bundle could not be read: ${why}`, `无法读取数据包：${why}`);
  }
}

/** Validates a whole policy bundle and returns every problem, never throwing. */
export function validate(input: unknown): ValidationResult<Bundle> {
  return safely(BundleSchema, input);
}

/** Validates an interpretation file that enhances a document already on the page. */
export function validatePartial(input: unknown): ValidationResult<PartialBundle> {
  return safely(PartialBundleSchema, input);
}

/** Validates a comparison of two versions (`gongkai diff --json`, or one stored by the server). */
export function validateComparison(input: unknown): ValidationResult<Comparison> {
  return safely(ComparisonSchema, input);
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
function forReading<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ReadingResult<T> {
  const strict = safely(schema, input);
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
  const again = safely(schema, rest);
  return again.ok ? { ok: true, value: again.value, skipped: skipped.sort((a, b) => a.index - b.index) } : strict;
}

/** Validates a bundle for readers: invalid notes, Q&A items and graphics are left out (see `skipped`). */
export function validateForReading(input: unknown): ReadingResult<Bundle> {
  return forReading(BundleSchema, input);
}

/** `validateForReading` for an interpretation file or any part of a bundle. */
export function validatePartialForReading(input: unknown): ReadingResult<PartialBundle> {
  return forReading(PartialBundleSchema, input);
}

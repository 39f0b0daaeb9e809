import * as v from 'valibot';
import {
  type Bundle,
  BundleSchema,
  type PartialBundle,
  PartialBundleSchema,
  SUPPORTED_SCHEMA_VERSIONS,
} from './bundle.js';

/** One thing wrong with a bundle, located by a JSON path such as `$.qa[2].question`. */
export interface Problem {
  path: string;
  message: { 'zh-Hans': string; en: string };
}

export type ValidationResult<T> = { ok: true; value: T; problems: [] } | { ok: false; problems: Problem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '$';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

function describe(issue: v.BaseIssue<unknown>): Problem['message'] {
  switch (issue.type) {
    case 'object':
    case 'string':
    case 'number':
    case 'array':
      if (issue.input === undefined) return { 'zh-Hans': '缺少必填字段', en: 'required field is missing' };
      return {
        'zh-Hans': `类型应为 ${issue.expected}，实际为 ${issue.received}`,
        en: `expected ${issue.expected}, got ${issue.received}`,
      };
    case 'min_length':
      return { 'zh-Hans': '不能为空', en: 'must not be empty' };
    case 'picklist':
    case 'literal':
    case 'variant':
      return {
        'zh-Hans': `取值应为 ${issue.expected}，实际为 ${issue.received}`,
        en: `must be one of ${issue.expected}, got ${issue.received}`,
      };
    default:
      return { 'zh-Hans': `不符合要求：${issue.message}`, en: issue.message };
  }
}

function run<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ValidationResult<T> {
  if (input && typeof input === 'object' && 'schemaVersion' in input) {
    const version = (input as { schemaVersion: unknown }).schemaVersion;
    if (!(SUPPORTED_SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
      const supported = SUPPORTED_SCHEMA_VERSIONS.join(', ');
      return {
        ok: false,
        problems: [
          {
            path: '$.schemaVersion',
            message: {
              'zh-Hans': `不支持的 schemaVersion ${JSON.stringify(version)}，支持的版本：${supported}`,
              en: `unsupported schemaVersion ${JSON.stringify(version)}; supported versions: ${supported}`,
            },
          },
        ],
      };
    }
  }
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output, problems: [] };
  return { ok: false, problems: result.issues.map((i) => ({ path: pathOf(i), message: describe(i) })) };
}

/** Validates a whole policy bundle and returns every problem, never throwing. */
export function validate(input: unknown): ValidationResult<Bundle> {
  return run(BundleSchema, input);
}

/** Validates an interpretation file that enhances a document already on the page. */
export function validatePartial(input: unknown): ValidationResult<PartialBundle> {
  return run(PartialBundleSchema, input);
}

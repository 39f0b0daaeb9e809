import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BundleSchema, bundleJsonSchema, CHART_TYPES, LANGS, STATUSES, validate } from '@gongkai/format';

type Node = Record<string, unknown>;
const schema = bundleJsonSchema() as Node;
const prop = (node: Node, ...keys: string[]): Node =>
  keys.reduce((n, k) => ((n.properties as Record<string, Node>)[k] ?? (n.items as Node)) as Node, node);

const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
// The 2020-12 vocabulary the generator may use; anything else is a drafting mistake.
const KEYWORDS = new Set([
  ...['$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'const', 'enum'],
  ...['properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'anyOf', 'oneOf', 'allOf'],
  ...['pattern', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum', 'format'],
]);

/** Walks every subschema, calling `visit` with its JSON pointer. */
function walk(node: unknown, at: string, visit: (n: Node, at: string) => void): void {
  if (typeof node === 'boolean') return;
  assert.ok(node && typeof node === 'object' && !Array.isArray(node), `${at} is not a schema`);
  const n = node as Node;
  visit(n, at);
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties' || k === '$defs') {
      for (const [name, sub] of Object.entries(v as Node)) walk(sub, `${at}/${k}/${name}`, visit);
    } else if (k === 'items' || k === 'additionalProperties') walk(v, `${at}/${k}`, visit);
    else if (k === 'anyOf' || k === 'oneOf' || k === 'allOf' || k === 'prefixItems') {
      (v as unknown[]).forEach((sub, i) => {
        walk(sub, `${at}/${k}/${i}`, visit);
      });
    }
  }
}

const good = {
  schemaVersion: 1,
  id: 'ezhou-2016-plan',
  lang: 'zh-Hans',
  meta: { title: '鄂州市2016年政务公开工作实施方案', status: 'valid', published: '2016-07-01' },
  clauses: [{ id: '1', number: '一、', level: 1, parent: null, title: '总体要求', text: '' }],
  interpretations: [{ target: { clause: '1' }, body: '解读' }],
  qa: [{ id: 'q1', question: '问', answer: '答', clauses: ['1'] }],
  graphics: [
    {
      id: 'g1',
      kind: 'chart',
      caption: '公开数量',
      description: '2016年主动公开信息数量',
      chart: { type: 'bar', labels: ['一季度'], datasets: [{ label: '条', data: [12] }] },
    },
  ],
  consultation: { id: 'c1', endpoint: '/api/v1', opens: '2016-06-01', closes: '2016-06-30' },
};

describe('bundleJsonSchema', () => {
  test('declares the 2020-12 dialect and an id', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.match(String(schema.$id), /^https:\/\//);
    assert.equal(schema.type, 'object');
  });

  test('uses only 2020-12 keywords, well formed', () => {
    let nodes = 0;
    walk(schema, '#', (n, at) => {
      nodes++;
      for (const k of Object.keys(n)) assert.ok(KEYWORDS.has(k), `${at}: unexpected keyword ${k}`);
      if ('type' in n) assert.ok(TYPES.has(n.type as string), `${at}: type ${String(n.type)}`);
      if ('enum' in n) assert.ok(Array.isArray(n.enum) && n.enum.length > 0, `${at}: enum`);
      if ('pattern' in n) new RegExp(n.pattern as string, 'u'); // JSON Schema regexes are ECMA-262 with /u
      if ('required' in n) {
        const props = Object.keys((n.properties as Node) ?? {});
        for (const r of n.required as string[]) assert.ok(props.includes(r), `${at}: required ${r} has no property`);
      }
    });
    assert.ok(nodes > 50, `only ${nodes} subschemas: generation lost most of the bundle`);
  });

  test('top-level properties and required fields match the valibot schema', () => {
    const entries = BundleSchema.entries as Record<string, { type: string }>;
    assert.deepEqual(Object.keys(schema.properties as Node).sort(), Object.keys(entries).sort());
    const required = Object.keys(entries).filter((k) => entries[k]?.type !== 'optional');
    assert.deepEqual([...(schema.required as string[])].sort(), required.sort());
  });

  test('enums equal the exported value lists', () => {
    assert.deepEqual(prop(schema, 'meta', 'status').enum, [...STATUSES]);
    assert.deepEqual(prop(schema, 'lang').enum, [...LANGS]);
    const chart = (prop(schema, 'graphics').items as { oneOf: Node[] }).oneOf.find(
      (o) => (o.properties as Record<string, Node>).kind?.const === 'chart',
    );
    assert.deepEqual(prop(chart!, 'chart', 'type').enum, [...CHART_TYPES]);
  });

  test('graphic kinds are the variant options', () => {
    const kinds = (prop(schema, 'graphics').items as { oneOf: Node[] }).oneOf.map(
      (o) => (o.properties as Record<string, Node>).kind?.const,
    );
    assert.deepEqual(kinds, ['chart', 'figures', 'steps', 'timeline', 'compare']);
  });

  test('unknown keys are refused here too', () => {
    assert.equal(schema.additionalProperties, false);
    assert.equal(prop(schema, 'meta').additionalProperties, false);
  });

  test('a bundle the validator accepts has every key the JSON schema requires, at every level', () => {
    assert.equal(validate(good).ok, true);
    const check = (value: unknown, node: Node, at: string): void => {
      if (Array.isArray(value) && node.items) {
        value.forEach((v, i) => {
          check(v, node.items as Node, `${at}[${i}]`);
        });
        return;
      }
      if (!value || typeof value !== 'object') return;
      const options = (node.oneOf ?? node.anyOf) as Node[] | undefined;
      const kind = (value as Node).kind;
      const n = options?.find((o) => (o.properties as Record<string, Node>)?.kind?.const === kind) ?? node;
      for (const r of (n.required as string[]) ?? [])
        assert.ok(r in value, `${at}: ${r} is required by the JSON schema`);
      for (const [k, v] of Object.entries(value)) {
        const sub = (n.properties as Record<string, Node> | undefined)?.[k];
        assert.ok(sub, `${at}.${k} is not in the JSON schema`);
        check(v, sub, `${at}.${k}`);
      }
    };
    check(good, schema, '$');
  });
});

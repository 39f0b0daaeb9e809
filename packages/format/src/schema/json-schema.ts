import { toJsonSchema } from '@valibot/to-json-schema';
import { BundleSchema } from './bundle.js';

/** The bundle's JSON Schema, generated from the same valibot definition that validates it. */
export function bundleJsonSchema(): Record<string, unknown> {
  // The converter leaves `$schema` out for 2020-12; validators and editors need it to pick the dialect.
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...toJsonSchema(BundleSchema, { target: 'draft-2020-12', errorMode: 'ignore' }),
    $id: 'https://gongkai.dev/schema/bundle-1.json',
    title: 'Gongkai policy bundle',
  };
}

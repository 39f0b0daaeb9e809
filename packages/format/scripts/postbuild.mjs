// Makes the CLI executable and writes the JSON Schema generated from the one schema definition.
import { chmodSync, writeFileSync } from 'node:fs';

const { bundleJsonSchema } = await import('../dist/index.js');
writeFileSync(
  new URL('../dist/bundle.schema.json', import.meta.url),
  `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`,
);
chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);

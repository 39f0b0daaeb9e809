// `pnpm size`: raw and gzip size of gongkai.js and every chunk beside it, then the budgets
// in .size-limit.mjs (size-limit exits non-zero when one is exceeded).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../packages/elements/dist/', import.meta.url).pathname;
if (!existsSync(join(dist, 'gongkai.js'))) {
  console.error('packages/elements/dist/gongkai.js is missing: run `pnpm build` first.');
  process.exit(1);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
console.log(`${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
for (const name of readdirSync(dist)
  .filter((f) => f.endsWith('.js'))
  .sort()) {
  const bytes = readFileSync(join(dist, name));
  console.log(`${name.padEnd(44)}${kb(bytes.length)}${kb(gzipSync(bytes, { level: 9 }).length)}`);
}
const result = spawnSync('pnpm', ['exec', 'size-limit'], { stdio: 'inherit' });
process.exit(result.status ?? 1);

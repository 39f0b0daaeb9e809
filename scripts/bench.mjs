// `pnpm bench`: runs every test/bench/*.bench.ts in turn. Each prints its figures beside a
// baseline measured in the same run, so the ratio, not a noisy absolute, tells the story.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('../test/bench/', import.meta.url).pathname;
// Names choose benchmarks; a number is handed to them (`pnpm bench scale 50000`: the corpus size).
const only = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n── ${file}`);
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', dir + file, ...sizes], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

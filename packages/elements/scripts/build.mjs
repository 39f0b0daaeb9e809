// Builds the ESM library, the embed (its loaders and content-hashed chunks), the types and the
// custom-elements manifest.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const pkg = new URL('..', import.meta.url).pathname;
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: pkg, stdio: 'inherit', env: { ...process.env, ...env } });

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// The loaders read the embed's manifest, so they come after it.
for (const target of ['esm', 'embed', 'loader-reading', 'loader-staff']) {
  run('pnpm', ['exec', 'vite', 'build'], { GK_TARGET: target });
}
// The loaders' own SRI hashes, for sites that pin a release (README: the files and their integrity).
const dist = new URL('../dist/', import.meta.url);
const integrity = ['gongkai.js', 'gongkai-staff.js'].map(
  (file) =>
    `${file} sha384-${createHash('sha384')
      .update(readFileSync(new URL(file, dist)))
      .digest('base64')}`,
);
writeFileSync(new URL('INTEGRITY.txt', dist), `${integrity.join('\n')}\n`);
run('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json']);
run('pnpm', [
  'exec',
  'cem',
  'analyze',
  '--litelement',
  '--globs',
  'src/**/*.ts',
  '--exclude',
  'src/loader.ts',
  '--outdir',
  '.',
]);

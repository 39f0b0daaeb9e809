// Builds the ESM library, the one-file embed and its lazy chunks, the types and the manifest.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const pkg = new URL('..', import.meta.url).pathname;
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: pkg, stdio: 'inherit', env: { ...process.env, ...env } });

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// The loaders read the embed's manifest, so they come after it.
for (const target of ['esm', 'embed', 'loader-reading', 'loader-staff']) {
  run('pnpm', ['exec', 'vite', 'build'], { GK_TARGET: target });
}
run('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json']);
run('pnpm', [
  'exec',
  'cem',
  'analyze',
  '--litelement',
  '--globs',
  'src/**/*.ts',
  '--exclude',
  'src/**/*.embed.ts',
  '--outdir',
  '.',
]);

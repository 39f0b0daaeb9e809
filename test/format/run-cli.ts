// The gongkai CLI run from its sources, as the CLI tests call it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const main = join(root, 'packages/format/src/cli/main.ts');

/** Runs the CLI from source; LANG=C unless given, so messages are English by default. */
export function gongkai(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', main, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The real server as a child process, for the tests of what survives kill -9.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
const main = join(root, 'packages/server/src/main.ts');

/** The command that runs the server's CLI (`gongkai-server`) from its sources, with `args`. */
export const serverCommand = (args: string[]) =>
  [process.execPath, ['--conditions=source', '--import', 'tsx', main, ...args]] as const;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  logs: () => string;
}

/**
 * Starts the server with `args` and resolves once it says where it listens (rejecting with its
 * output if it exits first). The child goes into `running`, for the test to kill at the end.
 */
export function spawnServer(
  args: string[],
  running: Set<ChildProcess>,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const [cmd, argv] = serverCommand(args);
  const child = spawn(cmd, argv, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, logs: () => out });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.once('exit', (code, signal) => reject(new Error(`server exited with ${code ?? signal}: ${out}`)));
  });
}

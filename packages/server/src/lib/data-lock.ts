// One process per PGlite data directory: a second one (a CLI command beside a running server, or
// a second server) would corrupt it or crash. The holder writes its pid in a lock file inside the
// directory; a lock whose process is gone (kill -9) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FILE = 'gongkai-server.lock';

export class DataDirBusyError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the directory for this process, or throws DataDirBusyError naming who holds it. Returns the release. */
export function lockDataDir(dir: string, what: string): () => void {
  const path = join(resolve(dir), FILE);
  mkdirSync(resolve(dir), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; what?: string; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // Half-written by a process that died at once: stale.
      }
      if (holder.pid && holder.pid !== process.pid && alive(holder.pid)) {
        throw new DataDirBusyError(
          `${dir} is in use by ${holder.what ?? 'another process'} (pid ${holder.pid}, since ${holder.since ?? '?'}). ` +
            'The embedded database allows one process per data directory: stop it first, or, for tokens, use the ' +
            'running server: GET/POST /api/v1/staff/tokens and DELETE /api/v1/staff/tokens/ID with an admin token. ' +
            `If no such process is running, delete ${path}.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirBusyError(`could not lock ${dir}`);
}

// One process per PGlite data directory: a second one (a CLI command beside a running server, or
// a second server) would corrupt it or crash. The holder writes its pid in a lock file inside the
// directory; a lock whose process is gone (kill -9) is taken over.
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  // Written whole to a file of our own, then linked into place: link() fails if the lock exists,
  // so of two processes exactly one gets it, and nobody ever reads a half-written lock.
  const mine = `${path}.${process.pid}`;
  writeFileSync(mine, JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() }));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path);
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
      }
      let holder: { pid?: number; what?: string; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // Gone meanwhile (released): try again.
        continue;
      }
      if (holder.pid && holder.pid !== process.pid && alive(holder.pid)) {
        throw new DataDirBusyError(
          `${dir} is in use by ${holder.what ?? 'another process'} (pid ${holder.pid}, since ${holder.since ?? '?'}). ` +
            'The embedded database allows one process per data directory: stop it first, or, for tokens, use the ' +
            'running server: GET/POST /api/v1/staff/tokens and DELETE /api/v1/staff/tokens/ID with an admin token. ' +
            `If no such process is running, delete ${path}.`,
        );
      }
      // Left by a process that died (kill -9). Moved aside, not deleted: if another process moved
      // it first, this rename fails and the next link() finds that process's lock instead.
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
        // What was moved may be a live lock another process took a moment ago: put it back.
        if (JSON.parse(readFileSync(aside, 'utf8')).pid !== holder.pid) linkSync(aside, path);
      } catch {
        // Someone else took it over: the next attempt reads their lock.
      }
      rmSync(aside, { force: true });
    }
    throw new DataDirBusyError(`could not lock ${dir}; if no server is running, delete ${path}`);
  } finally {
    rmSync(mine, { force: true });
  }
}

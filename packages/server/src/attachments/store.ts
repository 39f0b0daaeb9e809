// Where uploaded files live: outside the database, behind this small interface, so that a site can
// put them in object storage (S3, OSS, COS, MinIO) by passing its own `FileStore` to buildApp. The
// directory store is the default (`<data>/attachments`, or `--attachments-dir`); several instances
// behind a load balancer must share it (a network file system), or use object storage instead.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Files by key. Keys are made by the service: 1–128 characters of `[A-Za-z0-9_-]`, never a name
 * from outside. The service never lists a store, so a bucket needs no list permission.
 */
export interface FileStore {
  /**
   * Writes `data` under `key`, whole or not at all: a failed or aborted stream (the upload was
   * cut off, or was too large) leaves nothing under `key`. Resolves once the file is durable.
   */
  put(key: string, data: Readable): Promise<void>;
  /** The file under `key`, or null when there is none. */
  get(key: string): Promise<Readable | null>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{1,128}$/;

export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a file store key: ${JSON.stringify(key).slice(0, 40)}`);
  return key;
}

/** Files in a directory, spread over 256 subdirectories by the key's first two characters. */
export class DirectoryStore implements FileStore {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    checkKey(key);
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, data: Readable): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    // Written beside its place and renamed into it: a reader never sees half a file.
    const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
    try {
      const out = createWriteStream(partial, { flags: 'wx', flush: true });
      await pipeline(data, out);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

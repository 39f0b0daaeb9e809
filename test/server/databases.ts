// Server tests run against a real database: PGlite always, and PostgreSQL when
// GK_TEST_DATABASE_URL is set (CI starts one). Never a mock. Each test gets an empty schema
// of its own; one PGlite instance is shared per test file, and it starts from a dump of a
// newly created cluster kept in the temporary directory, because creating a cluster (initdb,
// in WebAssembly) takes seconds of CPU each time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrate, openDatabase } from '@gongkai/server';

let sharedPglite: Promise<Database> | null = null;
const schemaName = () => `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

// Named after the PGlite build in use, so another version never loads this one's files.
const pgliteBuild = createHash('sha1')
  .update(realpathSync(new URL('../../packages/server/node_modules/@electric-sql/pglite', import.meta.url)))
  .digest('hex')
  .slice(0, 12);
const templateFile = join(tmpdir(), `gk-pglite-template-${pgliteBuild}.tar`);

/** A tar of a new, empty PGlite cluster: made once per machine, shared by test files and runs. */
export async function pgliteTemplate(): Promise<string> {
  if (existsSync(templateFile)) return templateFile;
  const dir = mkdtempSync(join(tmpdir(), 'gk-pglite-template-'));
  try {
    const data = join(dir, 'data');
    await (await openDatabase({ dataDir: data })).close();
    const tar = spawnSync('tar', ['-cf', join(dir, 'template.tar'), '-C', data, ...readdirSync(data)]);
    if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
    // Renamed into place whole: a concurrent test file sees no file or a complete one.
    renameSync(join(dir, 'template.tar'), templateFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return templateFile;
}

/** Fills an empty PGlite data directory from the template, as a server would have created it. */
export async function pgliteDataDir(dataDir: string): Promise<void> {
  const file = await pgliteTemplate();
  mkdirSync(dataDir, { recursive: true });
  const tar = spawnSync('tar', ['-xf', file, '-C', dataDir]);
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
}

/** A PGlite instance of its own (not the shared one), from the template; close it when done. */
export async function ownPglite(): Promise<Database> {
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(await pgliteTemplate())]) });
}

async function freshPglite(): Promise<Database> {
  sharedPglite ??= pgliteTemplate().then((file) =>
    openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) }),
  );
  const db = await sharedPglite;
  const schema = schemaName();
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  await migrate(db);
  return { ...db, close: async () => {} };
}

async function freshPostgres(url: string): Promise<Database> {
  const schema = schemaName();
  const admin = await openDatabase({ url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  // Every pooled connection must see the schema, so it goes in the connection options.
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase({ url: scoped.href });
  await migrate(db);
  scopedUrls.set(db, scoped.href);
  return db;
}

const scopedUrls = new WeakMap<Database, string>();

/**
 * Another connection to the same database and schema, as a second instance of the server would
 * open: a pool of its own on PostgreSQL; on PGlite, which one process owns, the same instance.
 */
export async function sameDatabase(db: Database): Promise<Database> {
  const url = scopedUrls.get(db);
  return url ? openDatabase({ url }) : { ...db, close: async () => {} };
}

export const databases: { name: string; fresh: () => Promise<Database> }[] = [{ name: 'PGlite', fresh: freshPglite }];
const url = process.env.GK_TEST_DATABASE_URL;
if (url) databases.push({ name: 'PostgreSQL', fresh: () => freshPostgres(url) });

/** Closes the shared PGlite instance; call from an `after` hook at the end of a test file. */
export async function closeDatabases(): Promise<void> {
  if (sharedPglite) await (await sharedPglite).close();
  sharedPglite = null;
}

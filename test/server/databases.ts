// Server tests run against a real database: PGlite always, and PostgreSQL when
// GK_TEST_DATABASE_URL is set (CI starts one). Never a mock. Each test gets an empty schema
// of its own; one PGlite instance is shared per test file because creating one takes seconds.
import { type Database, migrate, openDatabase } from '@gongkai/server';

let sharedPglite: Promise<Database> | null = null;
const schemaName = () => `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

async function freshPglite(): Promise<Database> {
  sharedPglite ??= openDatabase({ dataDir: 'memory://' });
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
  return db;
}

export const databases: { name: string; fresh: () => Promise<Database> }[] = [{ name: 'PGlite', fresh: freshPglite }];
const url = process.env.GK_TEST_DATABASE_URL;
if (url) databases.push({ name: 'PostgreSQL', fresh: () => freshPostgres(url) });

/** Closes the shared PGlite instance; call from an `after` hook at the end of a test file. */
export async function closeDatabases(): Promise<void> {
  if (sharedPglite) await (await sharedPglite).close();
  sharedPglite = null;
}

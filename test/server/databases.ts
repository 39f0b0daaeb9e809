// Server tests run against a real database: PGlite always, and PostgreSQL when
// GK_TEST_DATABASE_URL is set (CI starts one). Never a mock.
import { type Database, migrate, openDatabase } from '@gongkai/server';

export const databases: { name: string; open: () => Promise<Database> }[] = [
  { name: 'PGlite', open: () => openDatabase({ dataDir: 'memory://' }) },
];
const url = process.env.GK_TEST_DATABASE_URL;
if (url) databases.push({ name: 'PostgreSQL', open: () => openDatabase({ url }) });

/** A fresh, migrated database: PostgreSQL gets an empty schema of its own per call. */
export async function freshDatabase(open: () => Promise<Database>): Promise<Database> {
  const db = await open();
  if (db.kind === 'postgres') {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  }
  await migrate(db);
  return db;
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './database.js';

export async function openPglite(dataDir: string): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  // PGlite creates only the last path segment itself.
  if (!memory) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const db = await PGlite.create(memory ? dataDir : resolve(dataDir));
  return {
    kind: 'pglite',
    query: async (sql, params) => ({ rows: (await db.query(sql, params)).rows as never[] }),
    transaction: (work) =>
      db.transaction((tx) =>
        work({ query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }) }),
      ),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

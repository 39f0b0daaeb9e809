import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './database.js';

export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  // PGlite creates only the last path segment itself.
  if (!memory) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const db = await PGlite.create({ dataDir: memory ? dataDir : resolve(dataDir), loadDataDir });
  // PGlite's query() parses and plans its statement on every call (an unnamed extended-protocol
  // statement), which costs more than the insert itself for the comment statement. A statement
  // PREPAREd once is run with EXECUTE and its parameters as quoted literals (standard-conforming
  // strings, so doubling quotes is the whole escape): parsing that is cheap, the plan is kept.
  await db.exec('SET standard_conforming_strings = on');
  // One PREPARE per name, also when the first requests arrive together.
  const prepared = new Map<string, Promise<unknown>>();
  return {
    kind: 'pglite',
    async prepared(name, sql, params) {
      let ready = prepared.get(name);
      if (!ready) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad statement name ${name}`);
        ready = db.exec(`PREPARE ${name} AS ${sql}`);
        ready.catch(() => prepared.delete(name));
        prepared.set(name, ready);
      }
      await ready;
      const args = params.map(literal).join(', ');
      const [result] = await db.exec(`EXECUTE ${name}${args ? `(${args})` : ''}`);
      return { rows: (result?.rows ?? []) as never[] };
    },
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

function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('parameter is not a finite number');
    return `'${value}'`;
  }
  if (typeof value !== 'string') throw new Error('parameter is not a string, number or null');
  // PostgreSQL text cannot hold NUL; refused here as the extended protocol would refuse it.
  if (value.includes('\0')) throw new Error('parameter contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

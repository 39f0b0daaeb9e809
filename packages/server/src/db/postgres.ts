import { createHash } from 'node:crypto';
import pg from 'pg';

// Statements with parameters are prepared once per connection (named by their text), so the
// server's few hot statements are not parsed and planned again on every request.
const names = new Map<string, string>();
const nameOf = (sql: string) => {
  let name = names.get(sql);
  if (!name) {
    name = `gk_${createHash('sha1').update(sql).digest('base64url')}`;
    if (names.size < 1000) names.set(sql, name);
  }
  return name;
};
const named = (sql: string, params?: unknown[]) =>
  params?.length ? { name: nameOf(sql), text: sql, values: params as unknown[] } : { text: sql };

import type { Database } from './database.js';

export async function openPostgres(url: string): Promise<Database> {
  // allowExitOnIdle: idle connections alone do not keep a process (a CLI command, a test) alive.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, allowExitOnIdle: true });
  // A dropped idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: async (sql, params) => ({ rows: (await pool.query(named(sql, params))).rows }),
    prepared: async (name, sql, params) => ({ rows: (await pool.query({ name, text: sql, values: params })).rows }),
    async transaction(work) {
      // A deadlock (40P01) or serialization failure (40001) aborts one of the transactions
      // involved; the work is database work only, so it is run again, a few times.
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        // A connection lost while checked out (its backend terminated) emits 'error' on the
        // client: unheard, that would end the process. The query in flight fails anyway.
        let lost: unknown;
        const onError = (error: unknown) => {
          lost = error;
        };
        client.on('error', onError);
        try {
          await client.query('BEGIN');
          const result = await work({
            query: async (sql, params) => ({ rows: (await client.query(named(sql, params))).rows }),
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          const code = (error as { code?: string }).code;
          if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw error;
        } finally {
          client.off('error', onError);
          // A lost connection is discarded, not returned to the pool.
          client.release(lost instanceof Error ? lost : undefined);
        }
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

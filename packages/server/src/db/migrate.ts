import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.js';

const dir = new URL('../../migrations/', import.meta.url);

/** Migration files, in order: `NNN_name.sql`. Released files are never edited; add a new one. */
export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(new URL(name, dir), 'utf8') }));
}

/** Applies pending migrations at start. An advisory lock keeps concurrent instances from racing. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7361626)');
    // Created only when missing: a service role without CREATE on the schema can still start.
    const { rows: exists } = await tx.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    if (!exists[0]?.t) {
      await tx.query(
        'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
    }
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of migrationFiles()) {
      if (done.has(m.version)) continue;
      for (const statement of statements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/**
 * A migration's statements: split where a line ends with `;`, except inside a dollar-quoted body
 * (a function's `BEGIN … END` has semicolons of its own).
 */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const line of sql.split('\n')) {
    current += `${line}\n`;
    const code = line.replace(/--.*$/, '');
    if ((code.match(/\$\$/g)?.length ?? 0) % 2 === 1) quoted = !quoted;
    if (!quoted && /;\s*$/.test(code)) {
      out.push(current.replace(/;\s*$/, ''));
      current = '';
    }
  }
  out.push(current);
  return out.filter((s) => s.replace(/--.*$/gm, '').trim());
}

export async function pendingMigrations(db: Database): Promise<number> {
  const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((r) => r.version));
  return migrationFiles().filter((m) => !done.has(m.version)).length;
}

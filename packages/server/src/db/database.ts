/** The one interface the service uses, over PGlite (embedded) or PostgreSQL (`pg`). Same SQL on both. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs one of the service's hot statements with its plan kept: parsed and planned once per
   * connection (`name` must be unique to `sql`), not on every request. Parameters are strings,
   * finite numbers or null.
   */
  prepared<T = Record<string, unknown>>(
    name: string,
    sql: string,
    params: (string | number | null)[],
  ): Promise<{ rows: T[] }>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — PostgreSQL through `pg`; otherwise the embedded PGlite. */
  url?: string;
  /** PGlite data directory; `memory://` keeps it in memory. */
  dataDir?: string;
  /** PGlite: start from this dump of a data directory (a tar) instead of creating the cluster. */
  loadDataDir?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.url);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir ?? './data', options.loadDataDir);
}

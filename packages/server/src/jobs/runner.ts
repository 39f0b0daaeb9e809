// Jobs in the database (the `jobs` table): work that grows with the number of comments runs here,
// never on a request. Each instance polls; a job is taken with a lease (FOR UPDATE SKIP LOCKED), so
// exactly one instance works it; the lease is renewed while it runs, and a job whose instance died
// (kill -9) is taken over once its lease runs out. A failed job is retried later, with its error kept.

import { hostname } from 'node:os';
import type { Database } from '../db/database.js';
import { PollLoop } from './poll-loop.js';

export interface Job {
  id: number;
  kind: string;
  key: string;
  attempts: number;
  /** The instance working it. */
  worker: string;
  /** Still ours: false once the lease was lost (taken over after a stall). Checked before writing. */
  holds(tx: { query: Database['query'] }): Promise<boolean>;
}

export interface JobKind {
  /** Adds the jobs that are due (idempotently: one row per kind and key). */
  discover(db: Database): Promise<void>;
  run(db: Database, job: Job): Promise<void>;
}

export interface JobOptions {
  /** How often an idle instance looks for work; 1 s by default. */
  pollMs?: number;
  /** How long a taken job is this instance's without renewal; 60 s by default. */
  leaseMs?: number;
}

export class JobRunner {
  readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly loop: PollLoop;
  private readonly pollMs: number;
  private readonly leaseMs: number;

  constructor(
    private readonly db: Database,
    private readonly kinds: Record<string, JobKind>,
    options: JobOptions = {},
    /** Each job's start and end; with `error`, what failed. */
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.loop = new PollLoop(
      () => this.tick(),
      this.pollMs,
      (error) => this.log('job runner', error),
    );
  }

  start(): void {
    // The embedded database has one process (the data-directory lock): a lease still held in it
    // belonged to this server before it was killed, and its job can start again at once.
    const released =
      this.db.kind === 'pglite'
        ? this.db
            .query('UPDATE jobs SET locked_by = NULL, locked_until = NULL WHERE locked_by IS NOT NULL')
            .catch((error) => this.log('job runner', error))
        : undefined;
    this.loop.start(this.pollMs, released);
  }

  /** Stops polling and waits for the job under way. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Work was just queued (a request waits on it): look for it now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  /** Looks for due work and runs at most one job; true if it ran one. */
  async tick(): Promise<boolean> {
    for (const kind of Object.values(this.kinds)) await kind.discover(this.db);
    const { rows } = await this.db.query<{ id: string; kind: string; key: string; attempts: number }>(
      `UPDATE jobs SET locked_by = $1, locked_until = now() + make_interval(secs => $2::float8 / 1000),
         attempts = attempts + 1
       WHERE id = (
         SELECT id FROM jobs WHERE kind = ANY($3) AND run_at <= now() AND (locked_until IS NULL OR locked_until < now())
         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
       )
       RETURNING id, kind, key, attempts`,
      [this.worker, this.leaseMs, Object.keys(this.kinds)],
    );
    const row = rows[0];
    if (!row) return false;
    const id = Number(row.id);
    const job: Job = {
      id,
      kind: row.kind,
      key: row.key,
      attempts: row.attempts,
      worker: this.worker,
      holds: async (tx) =>
        (
          await tx.query('SELECT 1 FROM jobs WHERE id = $1 AND locked_by = $2 AND locked_until > now() FOR UPDATE', [
            id,
            this.worker,
          ])
        ).rows.length > 0,
    };
    const renew = setInterval(() => {
      this.db
        .query(
          'UPDATE jobs SET locked_until = now() + make_interval(secs => $3::float8 / 1000) WHERE id = $1 AND locked_by = $2',
          [id, this.worker, this.leaseMs],
        )
        .catch(() => {});
    }, this.leaseMs / 3);
    renew.unref();
    const started = Date.now();
    this.log(`job ${row.kind} ${row.key} started (attempt ${row.attempts})`);
    try {
      await this.kinds[row.kind]!.run(this.db, job);
      await this.db.query('DELETE FROM jobs WHERE id = $1 AND locked_by = $2', [id, this.worker]);
      this.log(`job ${row.kind} ${row.key} finished in ${Date.now() - started} ms`);
    } catch (error) {
      this.log(`job ${row.kind} ${row.key} failed`, error);
      // Retried later, sooner the first times.
      const delay = Math.min(600, 5 * 2 ** Math.min(row.attempts, 7));
      await this.db
        .query(
          `UPDATE jobs SET locked_by = NULL, locked_until = NULL, last_error = $3,
             run_at = now() + make_interval(secs => $4) WHERE id = $1 AND locked_by = $2`,
          [id, this.worker, String((error as Error)?.message ?? error).slice(0, 1000), delay],
        )
        .catch(() => {});
    } finally {
      clearInterval(renew);
    }
    return true;
  }
}

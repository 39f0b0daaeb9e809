// Publishing the feedback and building its preview as jobs (jobs/runner.ts): both read, mask and
// write every published comment, minutes of work at national scale, so no request does it. A
// request records a run (`publication_runs`) with its job, wakes the runner and waits a moment:
// a small consultation gets its answer as before; a large one gets 202 and the run to follow.
// The run is finished in the publishing transaction itself, so a run is published exactly once
// however often its job is taken up (kill -9, a lease taken over, two instances).
import type { FeedbackPreview, FeedbackView, PublicationRun } from '@gongkai/format';
import type { Database, Queryable } from './db/database.js';
import { previewFeedback, publishFeedback } from './feedback.js';
import type { JobKind } from './jobs/runner.js';
import { HttpError, notFound } from './lib/errors.js';

export type RunKind = PublicationRun['kind'];

interface RunRow {
  id: string;
  consultation_id: string;
  kind: RunKind;
  requested_by: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  version: number | null;
  result: FeedbackPreview | null;
  error: PublicationRun['error'] | null;
}

/** How long a request waits for its run before answering 202. */
export const RUN_WAIT_MS = 2000;
/** Finished previews are kept this long (they are only ever read right after). */
const PREVIEWS_KEPT = '1 day';

/** Runs this process is working now, per database: answered without it (PGlite is busy with them). */
const workingOn = new WeakMap<Queryable, Map<number, RunRow>>();
function working(db: Queryable): Map<number, RunRow> {
  let map = workingOn.get(db);
  if (!map) {
    map = new Map();
    workingOn.set(db, map);
  }
  return map;
}

/**
 * Records a run of `kind` with its job, or joins the unfinished one of the same kind: two staff
 * pressing 发布 at once (on two instances) share one run and one version.
 */
export async function requestRun(db: Database, consultationId: string, kind: RunKind, actor: string): Promise<RunRow> {
  return db.transaction(async (tx) => {
    if (kind === 'preview') {
      await tx.query(`DELETE FROM publication_runs WHERE kind = 'preview' AND finished_at < now() - $1::interval`, [
        PREVIEWS_KEPT,
      ]);
    }
    const { rows: made } = await tx.query<RunRow>(
      `INSERT INTO publication_runs (consultation_id, kind, requested_by) VALUES ($1, $2, $3)
       ON CONFLICT (consultation_id, kind) WHERE finished_at IS NULL DO NOTHING RETURNING *`,
      [consultationId, kind, actor],
    );
    if (made[0]) {
      await tx.query(`INSERT INTO jobs (kind, key) VALUES ('publication', $1)`, [made[0].id]);
      return made[0];
    }
    const { rows } = await tx.query<RunRow>(
      'SELECT * FROM publication_runs WHERE consultation_id = $1 AND kind = $2 AND finished_at IS NULL',
      [consultationId, kind],
    );
    // Finished between the two statements: ask again.
    return rows[0] ?? requestRun(db, consultationId, kind, actor);
  });
}

async function readRun(db: Queryable, id: number): Promise<RunRow | null> {
  const { rows } = await db.query<RunRow>('SELECT * FROM publication_runs WHERE id = $1', [id]);
  return rows[0] ?? null;
}

const sleep = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

/**
 * The run once finished, or as last seen when `ms` have passed. Bounded even when the database
 * cannot answer meanwhile (the embedded one is busy with the publishing transaction).
 */
export async function awaitRun(db: Database, run: RunRow, ms: number): Promise<RunRow> {
  const until = Date.now() + ms;
  let last = run;
  for (let pause = 20; !last.finished_at; pause = Math.min(pause * 2, 200)) {
    const left = until - Date.now();
    if (left <= 0) break;
    const seen = await Promise.race([
      sleep(Math.min(pause, left)).then(() => readRun(db, Number(run.id))),
      sleep(left),
    ]);
    if (seen) last = seen;
  }
  return last;
}

/** A run of the consultation as the API shows it, with its result once done. */
export async function runView(db: Queryable, row: RunRow): Promise<PublicationRun> {
  const id = Number(row.id);
  const started = row.started_at ?? working(db).get(id)?.started_at ?? null;
  const view: PublicationRun = {
    id,
    consultation: row.consultation_id,
    kind: row.kind,
    state: row.finished_at ? (row.error ? 'failed' : 'done') : started ? 'running' : 'queued',
    requestedBy: row.requested_by,
    requestedAt: new Date(row.requested_at).toISOString(),
    startedAt: started ? new Date(started).toISOString() : null,
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    version: row.version,
  };
  if (row.error) view.error = row.error;
  if (view.state === 'done') {
    if (row.kind === 'preview') view.result = row.result ?? undefined;
    else {
      const { rows } = await db.query<{ content: string }>(
        'SELECT content FROM feedback_versions WHERE consultation_id = $1 AND version = $2',
        [row.consultation_id, row.version],
      );
      if (rows[0]) view.result = JSON.parse(rows[0].content) as FeedbackView;
    }
  }
  return view;
}

/**
 * `GET …/feedback/runs/:run`. A run this process is working is answered from memory: the
 * embedded database answers nothing else until the publishing transaction ends.
 */
export async function getRun(db: Database, consultationId: string, id: number): Promise<PublicationRun> {
  const mine = working(db).get(id);
  if (mine?.consultation_id === consultationId) {
    const row = await Promise.race([readRun(db, id), sleep(200)]);
    if (!row) return runView(db, mine);
  }
  const row = await readRun(db, id);
  if (!row || row.consultation_id !== consultationId) throw notFound('such publication run');
  return runView(db, row);
}

/** The error a request would have answered, kept with the run. */
function stored(error: HttpError): NonNullable<PublicationRun['error']> {
  return { ...error.extra, status: error.statusCode, error: error.code, message: error.message };
}

/** The run finished with an error the request would have answered (409 and the like). */
export function failure(run: PublicationRun): HttpError | null {
  const e = run.error;
  if (run.state !== 'failed' || !e) return null;
  const { status, error, message, ...extra } = e;
  return new HttpError(status, error, message, extra);
}

class AlreadyDone extends Error {}

export const publicationJob = (): JobKind => ({
  // Requests queue their job with the run; nothing to discover.
  async discover() {},
  async run(db, job) {
    const id = Number(job.key);
    const row = await readRun(db, id);
    if (!row || row.finished_at) return;
    working(db).set(id, { ...row, started_at: new Date() });
    try {
      await db.query('UPDATE publication_runs SET started_at = coalesce(started_at, now()) WHERE id = $1', [id]);
      if (row.kind === 'preview') {
        const result = await previewFeedback(db, row.consultation_id);
        await db.query('UPDATE publication_runs SET finished_at = now(), result = $2 WHERE id = $1', [
          id,
          JSON.stringify(result),
        ]);
        return;
      }
      await publishFeedback(db, row.consultation_id, row.requested_by, {
        async begin(tx) {
          const { rows } = await tx.query<{ finished_at: Date | null }>(
            'SELECT finished_at FROM publication_runs WHERE id = $1 FOR UPDATE',
            [id],
          );
          if (!rows[0] || rows[0].finished_at) throw new AlreadyDone();
        },
        async end(tx, version) {
          await tx.query('UPDATE publication_runs SET finished_at = now(), version = $2 WHERE id = $1', [id, version]);
        },
      });
    } catch (error) {
      if (error instanceof AlreadyDone) return;
      // Refused (still open, undecided comments, gone): recorded for the request; retrying cannot help.
      if (error instanceof HttpError) {
        await db.query('UPDATE publication_runs SET finished_at = now(), error = $2 WHERE id = $1', [
          id,
          JSON.stringify(stored(error)),
        ]);
        return;
      }
      throw error;
    } finally {
      working(db).delete(id);
    }
  },
});

// Publishing the feedback as a job: a request that waits a moment and otherwise answers 202 with
// the run to follow; a refusal kept with the run; one version however many ask at once, on one
// instance or two.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { buildApp } from '@gongkai/server';
import { closeDatabases, databases, sameDatabase } from './databases.js';
import { type Ctx, consultation, setup, signOffAll } from './helpers.js';

after(closeDatabases);

/** A closed consultation of `n` comments, every one approved and decided. */
async function decided(ctx: Ctx, n: number) {
  const id = await consultation(ctx);
  await ctx.db.query(
    `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body, moderation, decision, reason)
     SELECT $1, 'R' || $1 || n, 'k' || n, 'h', '第' || n || '条：建议公开办理时限。', 'approved',
       CASE WHEN n % 3 = 0 THEN 'not-adopted' ELSE 'adopted' END,
       CASE WHEN n % 3 = 0 THEN '现行规定已有要求。' END
     FROM generate_series(1, $2::int) AS n`,
    [id, n],
  );
  await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
  await signOffAll(ctx, id);
  return id;
}

const ASYNC = { prefer: 'respond-async' };

/** Follows a run's Location until it is done or failed. */
async function follow(ctx: Ctx, location: string) {
  for (let i = 0; i < 600; i++) {
    const run = (await ctx.staff({ url: location })).json();
    if (run.state === 'done' || run.state === 'failed') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${location} did not finish`);
}

for (const { name, fresh } of databases) {
  describe(`publication runs on ${name}`, () => {
    test('a small consultation is published within the request; asked to answer at once, 202 and a run to follow', async () => {
      const ctx = await setup(fresh);
      const id = await decided(ctx, 120);
      const waited = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
      assert.equal(waited.statusCode, 201, waited.body);
      assert.equal(waited.json().version, 1);
      assert.equal(waited.json().total, 120);

      const queued = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback`, headers: ASYNC });
      assert.equal(queued.statusCode, 202, queued.body);
      const location = String(queued.headers.location);
      assert.match(location, new RegExp(`^/api/v1/consultations/${id}/feedback/runs/\\d+$`));
      assert.ok(['queued', 'running'].includes(queued.json().state));
      assert.equal(queued.json().kind, 'publish');
      const run = await follow(ctx, location);
      assert.equal(run.state, 'done');
      assert.equal(run.version, 2);
      assert.equal(run.result.version, 2);
      assert.ok(run.startedAt && run.finishedAt);
      const published = (await ctx.app.inject({ url: `/api/v1/consultations/${id}/feedback` })).json();
      assert.equal(published.version, 2);

      // The preview is a run too, and rolls back what it wrote.
      const preview = await ctx.staff({ url: `/api/v1/consultations/${id}/feedback/preview`, headers: ASYNC });
      assert.equal(preview.statusCode, 202);
      const previewed = await follow(ctx, String(preview.headers.location));
      assert.equal(previewed.result.feedback.version, 3);
      assert.equal(previewed.result.publishable, true);
      const versions = (await ctx.staff({ url: `/api/v1/consultations/${id}/feedback/versions` })).json().versions;
      assert.equal(versions.length, 2);
      await ctx.close();
    });

    test('a run that outlasts the wait is answered 202 with the run to follow, and published once', async () => {
      const ctx = await setup(fresh, { runWaitMs: 0 });
      const id = await decided(ctx, 30);
      const answer = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
      assert.equal(answer.statusCode, 202, answer.body);
      const run = await follow(ctx, String(answer.headers.location));
      assert.equal(run.state, 'done');
      assert.equal(run.result.total, 30);
      const published = (await ctx.app.inject({ url: `/api/v1/consultations/${id}/feedback` })).json();
      assert.equal(published.version, 1);
      await ctx.close();
    });

    test('a refused publication is kept with its run: 409 and what blocks it, and nothing published', async () => {
      const ctx = await setup(fresh);
      const id = await decided(ctx, 30);
      await ctx.db.query(
        `UPDATE comments SET decision = NULL, reason = NULL WHERE consultation_id = $1 AND id IN (
           SELECT id FROM comments WHERE consultation_id = $1 ORDER BY id LIMIT 4)`,
        [id],
      );
      const refused = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error, 'undecided');
      assert.equal(refused.json().undecided, 4);

      const queued = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback`, headers: ASYNC });
      const run = await follow(ctx, String(queued.headers.location));
      assert.equal(run.state, 'failed');
      assert.equal(run.error.status, 409);
      assert.equal(run.error.undecided, 4);
      assert.equal(run.error.zh, '尚有 0 条意见未审核、4 条意见未作处理');
      const none = await ctx.app.inject({ url: `/api/v1/consultations/${id}/feedback` });
      assert.equal(none.statusCode, 404);

      // Still open: refused at once, no run at all.
      const open = await consultation(ctx);
      const early = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${open}/feedback`, headers: ASYNC });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error, 'still-open');
      // Another consultation's run is not found under this one.
      const elsewhere = await ctx.staff({ url: `/api/v1/consultations/${open}/feedback/runs/${run.id}` });
      assert.equal(elsewhere.statusCode, 404);
      await ctx.close();
    });

    test('staff pressing 发布 at once share one run and one version, on one instance or two', async () => {
      const ctx = await setup(fresh);
      const id = await decided(ctx, 600);
      const db2 = await sameDatabase(ctx.db);
      const second = await buildApp(db2, { jobs: { pollMs: 100 } });
      await second.ready();
      try {
        const post = (app: typeof second) =>
          app.inject({
            method: 'POST',
            url: `/api/v1/consultations/${id}/feedback`,
            headers: { authorization: `Bearer ${ctx.tokens.admin}`, ...ASYNC },
          });
        const answers = await Promise.all([post(ctx.app), post(second), post(ctx.app), post(second)]);
        assert.ok(answers.every((a) => a.statusCode === 202));
        const runs = new Set(answers.map((a) => a.json().id));
        assert.equal(runs.size, 1, 'one run');
        const run = await follow(ctx, String(answers[0]!.headers.location));
        assert.equal(run.state, 'done');
        assert.equal(run.version, 1);
        const { rows } = await ctx.db.query<{ version: number; n: number }>(
          `SELECT v.version, (SELECT count(*)::int FROM feedback_comments f
             WHERE f.consultation_id = v.consultation_id AND f.version = v.version) AS n
           FROM feedback_versions v WHERE consultation_id = $1`,
          [id],
        );
        assert.deepEqual(rows, [{ version: 1, n: 600 }]);
      } finally {
        await second.close();
        await db2.close();
      }
      await ctx.close();
    });
  });
}

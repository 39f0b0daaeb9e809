// The demo's seed files: consultations with their comments, the expected feedback date, and the
// draft policy bundle that carries its consultation (what makes gk-consultation appear).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validate } from '@gongkai/format';
import { Attachments, buildApp, createToken, DirectoryStore, seedFile } from '@gongkai/server';
import { closeDatabases, databases } from './databases.js';

after(closeDatabases);

const demo = (path: string) => fileURLToPath(new URL(`../../demo/${path}`, import.meta.url));
const seedData = (file: string) => JSON.parse(readFileSync(demo(`consultations/${file}.json`), 'utf8'));
const DAY = 86_400_000;

for (const { name, fresh } of databases) {
  describe(`demo seed on ${name}`, () => {
    test('a consultation with draftPolicy stores the draft bundle, valid, carrying the consultation', async () => {
      const db = await fresh();
      const app = await buildApp(db);
      try {
        // Twice: seeding is repeatable, and the second time finds everything there.
        for (const again of ['', ' (exists, left as it is)']) {
          assert.equal(await seedFile(db, demo('policies/ezhou-2016-40.json')), `policy ezhou-zbf-2016-40${again}`);
          const consultationAgain = again && ' (exists, left as it is; 0 comments added)';
          assert.equal(
            await seedFile(db, demo('consultations/open-now.json')),
            `consultation demo-open-consultation${consultationAgain}`,
          );
          assert.equal(
            await seedFile(db, demo('consultations/ezhou-2016-40-draft.json')),
            `consultation ezhou-zbf-2016-40-draft${consultationAgain}`,
          );
        }
        const source = (await app.inject('/api/v1/policies/ezhou-zbf-2016-40')).json();
        assert.equal(source.meta.status, 'valid');
        assert.equal(source.consultation, undefined);

        const res = await app.inject('/api/v1/policies/demo-open-draft');
        assert.equal(res.statusCode, 200);
        const draft = res.json();
        const checked = validate(draft);
        assert.ok(checked.ok, JSON.stringify(checked));
        assert.equal(draft.id, 'demo-open-draft');
        assert.equal(draft.meta.status, 'draft');
        assert.equal(draft.meta.title, `${source.meta.title}（征求意见稿）`);
        assert.equal(draft.meta.docNumber, undefined);
        assert.deepEqual(draft.clauses, source.clauses);
        const view = (await app.inject('/api/v1/consultations/demo-open-consultation')).json();
        assert.equal(view.status, 'open');
        assert.deepEqual(draft.consultation, {
          id: 'demo-open-consultation',
          endpoint: '/api/v1',
          opens: view.opens,
          closes: view.closes,
          contact: view.contact,
          draftingNotes: view.draftingNotes,
          basis: view.basis,
        });
        assert.ok(Math.abs(Date.parse(view.opens) - (Date.now() - 5 * DAY)) < 60_000);
        // 20 days after closing, as a date in China Standard Time.
        const expected = new Date(Date.parse(view.closes) + 20 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
        assert.equal(view.feedbackExpected, expected);

        // The closed one, whose feedback is published: dates given as days are the server's instants.
        const old = (await app.inject('/api/v1/policies/ezhou-zbf-2016-40-draft?version=1')).json();
        assert.ok(validate(old).ok);
        assert.equal(old.meta.status, 'draft');
        assert.equal(old.meta.title, '关于全面推进政务公开工作实施方案（征求意见稿）');
        assert.equal(old.consultation.id, 'ezhou-zbf-2016-40-draft');
        assert.equal(old.consultation.opens, '2016-05-02T16:00:00.000Z');
        assert.equal(old.consultation.closes, '2016-06-01T15:59:59.999Z');
        const closed = (await app.inject('/api/v1/consultations/ezhou-zbf-2016-40-draft')).json();
        assert.equal(closed.status, 'feedback-published');
        assert.equal(closed.closes, old.consultation.closes);
        assert.equal(closed.feedbackExpected, null);
        // Its final text is the draft's next version: issued, compared with the draft, the changes
        // comments led to in the published feedback; seeding again stores it once.
        const final = (await app.inject('/api/v1/policies/ezhou-zbf-2016-40-draft')).json();
        assert.ok(validate(final).ok);
        assert.equal(final.meta.status, 'valid');
        assert.equal(final.meta.docNumber, source.meta.docNumber);
        assert.equal(final.consultation, undefined);
        assert.deepEqual(final.revisionOf, {
          label: '征求意见稿',
          date: '2016-05-03',
          id: 'ezhou-zbf-2016-40-draft',
          url: '/api/v1/policies/ezhou-zbf-2016-40-draft?version=1',
        });
        assert.deepEqual(final.comparison.summary, { added: 0, removed: 0, modified: 3, renumbered: 0, unchanged: 39 });
        const versions = (await app.inject('/api/v1/policies/ezhou-zbf-2016-40-draft/versions')).json().versions;
        assert.deepEqual(
          versions.map((v: { label: string | null }) => v.label),
          [null, '正式稿'],
        );
        const feedback = (await app.inject('/api/v1/consultations/ezhou-zbf-2016-40-draft/feedback')).json();
        assert.deepEqual(
          feedback.changes.items.map((i: { key: string; comments: number }) => [i.key, i.comments]),
          [
            ['2.1.1', 1],
            ['2.1.3', 1],
            ['4.3', 1],
          ],
        );
        // Comments were stored once, not once per seeding.
        const { rows } = await db.query<{ id: string; n: number }>(
          'SELECT consultation_id AS id, count(*)::int AS n FROM comments GROUP BY 1 ORDER BY 1',
        );
        assert.deepEqual(rows, [
          { id: 'demo-open-consultation', n: seedData('open-now').comments.length },
          { id: 'ezhou-zbf-2016-40-draft', n: seedData('ezhou-2016-40-draft').comments.length },
        ]);
      } finally {
        await app.close();
        await db.close();
      }
    });

    test('a citizen’s attached file in the demo: stored as an upload, checked by its bytes, for staff only, once', async () => {
      const db = await fresh();
      const dir = mkdtempSync(join(tmpdir(), 'gk-seed-files-'));
      const attachments = { store: new DirectoryStore(dir) };
      const app = await buildApp(db, { attachments });
      try {
        const files = new Attachments(db, attachments);
        await seedFile(db, demo('policies/ezhou-2016-40.json'), files);
        assert.equal(
          await seedFile(db, demo('consultations/closed-review.json'), files),
          'consultation demo-review-consultation (1 attachments)',
        );
        assert.equal(
          await seedFile(db, demo('consultations/closed-review.json'), files),
          'consultation demo-review-consultation (exists, left as it is; 0 comments added)',
        );
        const { rows } = await db.query<{ comment: string; name: string; media_type: string; body: string }>(
          `SELECT a.comment_id AS comment, a.name, a.media_type, m.body FROM attachments a JOIN comments m ON m.id = a.comment_id`,
        );
        assert.equal(rows.length, 1, 'seeded once');
        assert.equal(rows[0]!.name, '救助标准测算方法说明.pdf');
        assert.equal(rows[0]!.media_type, 'application/pdf');
        assert.match(rows[0]!.body, /见附件/);

        const { token } = await createToken(db, 'reviewer');
        const auth = { authorization: `Bearer ${token}` };
        const listed = await app.inject({ url: `/api/v1/comments/${rows[0]!.comment}/attachments`, headers: auth });
        assert.equal(listed.statusCode, 200, listed.body);
        const [item] = listed.json().items;
        const got = await app.inject({ url: `/api/v1/attachments/${item.id}`, headers: auth });
        assert.equal(got.statusCode, 200);
        assert.match(String(got.headers['content-disposition']), /^attachment;/);
        assert.deepEqual(got.rawPayload, readFileSync(demo('attachments/救助标准测算方法说明.pdf')));
        assert.equal((await app.inject({ url: `/api/v1/attachments/${item.id}` })).statusCode, 401);
      } finally {
        await app.close();
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

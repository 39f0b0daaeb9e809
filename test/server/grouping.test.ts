// Campaigns of near-identical letters are found as comments arrive: MinHash over character
// bigrams with LSH banding, placed incrementally by a job, stored as data. Quality on a corpus
// where 30% of comments are lightly edited copies of 20 letters of very different sizes.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { buildApp } from '@gongkai/server';
import { groupsOf, signature, similarity } from '../../packages/server/src/lib/minhash.js';
import { campaignCorpus, membershipQuality } from '../helpers/campaign-corpus.js';
import { closeDatabases, databases, sameDatabase } from './databases.js';
import { consultation, settledGroups, setup } from './helpers.js';

after(closeDatabases);

test('signatures: copies with a few characters changed stay close, unrelated comments do not', () => {
  const letter = '强烈建议保留老城区菜市场，方便老年人就近买菜，不要拆除，请市政府慎重考虑群众的实际需要。';
  const copy = `${letter.replace('方便', '便于').replace('慎重', '认真')}\n张先生`;
  const other = '建议第五条增加关于信息公开时限的规定，明确二十个工作日内答复。';
  assert.ok(similarity(signature(letter), signature(copy)) >= 0.5);
  assert.ok(similarity(signature(letter), signature(other)) < 0.2);
  // Full-width and half-width, spaces and punctuation do not matter.
  assert.equal(similarity(signature('ＡＢＣ，测试 文本'), signature('abc测试文本')), 1);
});

test('in memory, a 6,000-comment corpus: campaign membership with precision and recall of at least 0.95', () => {
  const corpus = campaignCorpus(6000, { seed: 11 });
  const groups = groupsOf(corpus.map((c, i) => ({ id: i + 1, body: c.body })));
  const of = new Map<number, number>();
  for (const [g, ids] of groups) for (const id of ids) of.set(id - 1, g);
  const q = membershipQuality(corpus, (i) => of.get(i) ?? null);
  assert.ok(q.precision >= 0.95, `precision ${q.precision}`);
  assert.ok(q.recall >= 0.95, `recall ${q.recall}`);
});

for (const { name, fresh } of databases) {
  describe(`grouping job on ${name}`, () => {
    if (name === 'PostgreSQL') {
      test('two instances on one database share the grouping work, each job worked by one', async () => {
        const ctx = await setup(fresh, { jobs: { pollMs: 20 } });
        const db2 = await sameDatabase(ctx.db);
        const second = await buildApp(db2, { jobs: { pollMs: 20 }, grouping: { minGapMs: 0 } });
        await second.ready();
        try {
          const ids: string[] = [];
          for (let c = 0; c < 4; c++) ids.push(await consultation(ctx));
          const corpus = campaignCorpus(4000, { seed: 9 });
          // Long comments, so each consultation's job takes a while and the other instance takes the next.
          for (const [c, id] of ids.entries()) {
            await ctx.db.query(
              `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
               SELECT $1, 'R' || $2 || '-' || n, 'k' || n, 'h', b FROM unnest($3::text[]) WITH ORDINALITY AS x(b, n)`,
              [id, c, corpus.slice(c * 1000, (c + 1) * 1000).map((x) => x.body.repeat(4))],
            );
          }
          for (const id of ids) await settledGroups(ctx, id);
          const { rows } = await ctx.db.query<{ worker: string }>('SELECT DISTINCT worker FROM grouping_state');
          assert.equal(rows.length, 2, 'both instances grouped');
          // Nothing done twice: each group's size is its members, every comment grouped once.
          const { rows: sizes } = await ctx.db.query<{ bad: number }>(
            `SELECT count(*)::int AS bad FROM comment_groups g
             WHERE g.size <> (SELECT count(*) FROM comments m WHERE m.group_id = g.group_id)`,
          );
          assert.equal(sizes[0]!.bad, 0);
          const { rows: left } = await ctx.db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM comments WHERE NOT grouped',
          );
          assert.equal(left[0]!.n, 0);
        } finally {
          await second.close();
          await db2.close();
          await ctx.close();
        }
      });
    }

    test('comments arriving in waves are grouped incrementally, as stored groups of the right campaigns', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const corpus = campaignCorpus(1200, { seed: 5 });
      // Three waves: each is placed among the groups the earlier ones left.
      for (let wave = 0; wave < 3; wave++) {
        const part = corpus.slice(wave * 400, (wave + 1) * 400);
        await ctx.db.query(
          `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
           SELECT $1, 'R' || $2 || '-' || n, 'k' || $2 || '-' || n, 'h', b FROM unnest($3::text[]) WITH ORDINALITY AS x(b, n)`,
          [id, wave, part.map((c) => c.body)],
        );
        await settledGroups(ctx, id);
      }
      const items: { id: number; group: number | null }[] = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const page: { items: typeof items; next: string | null } = (
          await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=500${cursor ? `&cursor=${cursor}` : ''}` })
        ).json();
        items.push(...page.items);
        cursor = page.next;
      }
      assert.equal(items.length, 1200);
      const q = membershipQuality(corpus, (i) => items[i]!.group);
      assert.ok(q.precision >= 0.95, `precision ${q.precision}`);
      assert.ok(q.recall >= 0.95, `recall ${q.recall}`);
      // The stored groups agree with the comments, largest first, each with its size.
      const { groups, computedAt, total } = await settledGroups(ctx, id);
      assert.ok(computedAt);
      assert.equal(total, groups.length);
      for (const g of groups as { group: number; size: number }[]) {
        const members = items.filter((i) => i.group === g.group).map((i) => i.id);
        assert.equal(g.size, members.length);
        assert.equal(g.group, Math.min(...members));
      }
      assert.equal(
        items.filter((i) => i.group !== null).length,
        groups.reduce((n: number, g: { size: number }) => n + g.size, 0),
        'every grouped comment in a stored group',
      );
      assert.deepEqual(
        groups.map((g: { size: number }) => g.size),
        [...groups.map((g: { size: number }) => g.size)].sort((a, b) => b - a),
      );
      await ctx.close();
    });
  });
}

// Campaigns of near-identical letters are found as comments arrive: MinHash over character
// bigrams with LSH banding, placed incrementally by a job, stored as data. Quality on a corpus
// where 30% of comments are lightly edited copies of 20 letters of very different sizes.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { buildApp } from '@gongkai/server';
import { groupingJob } from '../../packages/server/src/grouping.js';
import {
  BUCKET,
  bandKeys,
  groupsOf,
  place,
  ROWS,
  signature,
  similarity,
} from '../../packages/server/src/lib/minhash.js';
import { campaignCorpus, membershipQuality, random } from '../helpers/campaign-corpus.js';
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

test('a band key that BUCKET indexed comments share takes no more: candidates stay bounded', () => {
  // Unrelated texts (each its own group, each indexed): characters drawn at random for each.
  const r = random(3);
  const chars = Array.from(
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经',
  );
  const texts = Array.from({ length: BUCKET + 20 }, () => Array.from({ length: 30 }, () => r.pick(chars)).join(''));
  const shared = 7; // one key every text has, as a clause everyone quotes
  const items = texts.map((t, i) => {
    const sig = signature(t);
    return { id: i + 1, sig, keys: [shared, ...bandKeys(sig).slice(1)] };
  });
  const { indexed } = place(
    items,
    () => [],
    () => undefined,
    () => 0,
  );
  assert.ok(indexed.length > BUCKET);
  const under = indexed.filter((p) => p.keys.includes(shared));
  assert.deepEqual(
    under.map((p) => p.id),
    indexed.slice(0, BUCKET).map((p) => p.id),
  );
  // Counted with those indexed before: a full key takes none of these.
  const later = place(
    items.slice(0, 3),
    () => [],
    () => undefined,
    () => 0,
    (k) => (k === shared ? BUCKET : 0),
  );
  assert.ok(later.indexed.every((p) => !p.keys.includes(shared) && p.keys.length === items[0]!.keys.length - 1));
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

    test('while comments arrive grouping yields to them; after a surge the backlog is worked at once', async () => {
      const ctx = await setup(fresh, { jobs: false });
      const id = await consultation(ctx);
      for (const body of ['建议一', '建议二']) assert.equal((await ctx.comment(id, { body })).statusCode, 201);
      const job = groupingJob({ minGapMs: 5000 });
      const wait = async () => {
        await job.discover(ctx.db);
        const { rows } = await ctx.db.query<{ s: number }>(
          "SELECT extract(epoch FROM run_at - now())::float8 AS s FROM jobs WHERE kind = 'group' AND key = $1",
          [id],
        );
        await ctx.db.query('DELETE FROM jobs');
        return rows[0]!.s;
      };
      // A run that took a minute ended just now, leaving comments for the next; the newest came a
      // minute ago (the surge is over).
      await ctx.db.query("UPDATE comments SET created_at = now() - interval '1 minute'");
      await ctx.db.query(
        `INSERT INTO grouping_state (consultation_id, computed_at, comments, groups, took_ms)
         VALUES ($1, now(), 0, 0, 60000)`,
        [id],
      );
      assert.ok((await wait()) <= 1, 'the backlog waits although nothing arrives');
      // A comment a moment ago: the next run waits four times the last one's duration.
      assert.equal((await ctx.comment(id, { body: '建议三' })).statusCode, 201);
      const s = await wait();
      assert.ok(s > 200 && s <= 240, `waits ${s} s`);
      await ctx.close();
    });

    test('entries indexed with band keys of another width get new keys; a new copy still joins its group', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const letter = '强烈建议保留老城区菜市场，方便老年人就近买菜，不要拆除，请市政府慎重考虑群众的实际需要。';
      const copies = ['张先生', '李女士', '王老师'].map((who) => `${letter}\n${who}`);
      for (const body of copies) assert.equal((await ctx.comment(id, { body })).statusCode, 201);
      const [group] = (await settledGroups(ctx, id)).groups as { group: number; size: number }[];
      assert.equal(group!.size, 3);
      // As an index written before migration 013 leaves them: keys that today's bands never give.
      await ctx.db.query("UPDATE group_index SET bands = '{1,2,3}', band_rows = 4");
      assert.equal((await ctx.comment(id, { body: `${letter}\n赵先生` })).statusCode, 201);
      const { groups } = await settledGroups(ctx, id);
      assert.deepEqual(
        groups.map((g: { group: number; size: number }) => [g.group, g.size]),
        [[group!.group, 4]],
      );
      const { rows } = await ctx.db.query<{ old: number }>(
        "SELECT count(*)::int AS old FROM group_index WHERE band_rows <> $1 OR bands = '{1,2,3}'",
        [ROWS],
      );
      assert.equal(rows[0]!.old, 0);
      await ctx.close();
    });
  });
}

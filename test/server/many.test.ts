// Staff work on many comments at once: filters on the list (clause, decision, moderation, group,
// text), one decision for every comment a filter matches (all or none, one audit entry), groups
// split and merged by hand, and the CSV of them all, streamed.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { SENTENCES } from '../helpers/campaign-corpus.js';
import { closeDatabases, databases } from './databases.js';
import { consultation, settledGroups, setup, signOffAll } from './helpers.js';

after(closeDatabases);

const LONG = [...new Set(SENTENCES)].filter((x) => x.length >= 40);
const CAMPAIGN = '强烈建议保留老城区菜市场，方便老年人就近买菜，不要拆除，请市政府慎重考虑群众的实际需要。';

for (const { name, fresh } of databases) {
  describe(`decisions by filter on ${name}`, () => {
    test('a whole group decided at once, by filter; the list filters by group, decision, clause and text', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const bodies = [
        ...Array.from({ length: 40 }, (_, i) => `${CAMPAIGN}${i % 3 ? '' : `\n居民${i}`}`),
        ...Array.from({ length: 10 }, (_, i) => `第${i + 1}条意见：建议明确办理时限，公开办理结果，编号${i * 7919}。`),
      ];
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
         SELECT $1, 'R' || n, 'k' || n, 'h', b FROM unnest($2::text[]) WITH ORDINALITY AS x(b, n)`,
        [id, bodies],
      );
      const { groups } = await settledGroups(ctx, id);
      const campaign = groups.find((g: { size: number }) => g.size === 40);
      assert.ok(campaign, JSON.stringify(groups.map((g: { size: number }) => g.size)));
      const list = (query: string) =>
        ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=1000&${query}` }).then((r) => r.json().items);
      assert.equal((await list(`group=${campaign.group}`)).length, 40);
      assert.equal((await list('decision=none')).length, 50);
      assert.equal((await list('clause=none')).length, 50);
      assert.equal((await list(`q=${encodeURIComponent('办理时限')}`)).length, 10);

      // One copy removed in moderation (an advertisement pasted in): the group's decision leaves it removed.
      const spam = (await list(`group=${campaign.group}`))[5].id;
      const removed = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { ids: [spam], moderation: 'rejected', removalReason: '广告' },
      });
      assert.equal(removed.statusCode, 200, removed.body);

      const decided = await ctx.staff(
        {
          method: 'POST',
          url: `/api/v1/consultations/${id}/decisions`,
          payload: {
            filter: { group: campaign.group },
            decision: 'partly-adopted',
            reason: '菜市场将原址改造，不予拆除',
          },
        },
        'reviewer',
      );
      assert.equal(decided.statusCode, 200, decided.body);
      assert.deepEqual(decided.json(), { updated: 39 });
      const members = await list(`group=${campaign.group}`);
      assert.ok(
        members
          .filter((m: { id: number }) => m.id !== spam)
          .every((m: { decision: string; reason: string }) => m.decision === 'partly-adopted' && m.reason),
      );
      assert.deepEqual(
        members
          .filter((m: { id: number }) => m.id === spam)
          .map((m: { moderation: string; decision: string | null }) => [m.moderation, m.decision]),
        [['rejected', null]],
      );
      assert.equal((await list('decision=none')).length, 11);
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      const entry = log.filter((e: { action: string }) => e.action === 'comment.decide-filter');
      assert.equal(entry.length, 1, 'one entry for the whole group');
      assert.equal(entry[0].after.updated, 39);
      assert.deepEqual(entry[0].after.filter, { group: campaign.group });
      // A reason is still required unless adopted; neither ids nor filter is refused too.
      const noReason = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { filter: { decision: 'none' }, decision: 'not-adopted' },
      });
      assert.equal(noReason.statusCode, 422);
      const neither = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { decision: 'adopted' },
      });
      assert.equal(neither.statusCode, 400);
      await ctx.close();
    });

    test('staff split a wrong match out of a group and merge two groups; both audited', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const other = '建议第五条增加关于信息公开时限的规定，明确二十个工作日内答复，逾期视为同意。';
      const bodies = [
        ...Array.from({ length: 6 }, (_, i) => `${CAMPAIGN}${i ? `\n居民${i}` : ''}`),
        ...Array.from({ length: 3 }, (_, i) => `${other}${i ? `\n律师${i}` : ''}`),
      ];
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
         SELECT $1, 'R' || n, 'k' || n, 'h', b FROM unnest($2::text[]) WITH ORDINALITY AS x(b, n)`,
        [id, bodies],
      );
      const { groups } = await settledGroups(ctx, id);
      assert.deepEqual(
        groups.map((g: { size: number }) => g.size),
        [6, 3],
      );
      const membersOf = async (group: number): Promise<number[]> =>
        (await ctx.staff({ url: `/api/v1/consultations/${id}/comments?group=${group}` }))
          .json()
          .items.map((i: { id: number }) => i.id);
      const [big, small] = await Promise.all(
        (groups as { group: number }[]).map(async (g) => ({ group: g.group, ids: await membersOf(g.group) })),
      );
      // The representative itself taken out: the rest keep a group, led by the next comment.
      const split = await ctx.staff(
        {
          method: 'POST',
          url: `/api/v1/consultations/${id}/groups/${big!.group}/split`,
          payload: { ids: [big!.ids[0], big!.ids[1]] },
        },
        'reviewer',
      );
      assert.equal(split.statusCode, 200, split.body);
      assert.deepEqual(split.json(), { group: big!.ids[2], size: 4, removed: 2 });
      const stranger = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/groups/${big!.ids[2]}/split`,
        payload: { ids: [small!.ids[0]] },
      });
      assert.equal(stranger.statusCode, 422);
      const merged = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/groups/merge`,
        payload: { groups: [small!.group, big!.ids[2], big!.ids[0]] },
      });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.deepEqual(merged.json(), { group: big!.ids[0], size: 8 });
      const after = await settledGroups(ctx, id);
      assert.deepEqual(
        after.groups.map((g: { group: number; size: number }) => [g.group, g.size]),
        [[big!.ids[0], 8]],
      );
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.equal(
        items.find((i: { id: number }) => i.id === big!.ids[1]).group,
        null,
        'split off and not merged back',
      );
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      assert.deepEqual(
        log.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('group.')),
        ['group.split', 'group.merge'],
      );
      await ctx.close();
    });

    test('the groups answer a page at a time, largest first, without their members; members page by group', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const sizes = [5, 3, 3, 3, 2, 2];
      const bodies = sizes.flatMap((n, k) => Array.from({ length: n }, (_, i) => `${LONG[k]}${i ? `\n居民${i}` : ''}`));
      bodies.push('希望政府帮忙解决我家小区物业纠纷问题。', '政策解读应当配发图解，方便群众理解。');
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
         SELECT $1, 'R' || n, 'k' || n, 'h', b FROM unnest($2::text[]) WITH ORDINALITY AS x(b, n)`,
        [id, bodies],
      );
      const whole = await settledGroups(ctx, id);
      assert.equal(whole.total, 6);
      assert.equal(whole.next, null);
      type Group = { group: number; size: number; sample: string };
      const paged: Group[] = [];
      let pages = 0;
      for (let cursor: string | null = ''; cursor !== null; pages++) {
        const res = await ctx.staff(
          { url: `/api/v1/consultations/${id}/groups?limit=2${cursor ? `&cursor=${cursor}` : ''}` },
          'reviewer',
        );
        assert.equal(res.statusCode, 200, res.body);
        const page: { groups: Group[]; next: string | null; total: number; pending: boolean } = res.json();
        assert.equal(page.total, 6);
        assert.equal(page.pending, false);
        // No member ids: an answer as long as its page, whatever the size of a campaign.
        assert.doesNotMatch(res.body, /"ids"/);
        for (const g of page.groups) assert.deepEqual(Object.keys(g).sort(), ['group', 'sample', 'size']);
        assert.ok(page.groups.length <= 2);
        paged.push(...page.groups);
        cursor = page.next;
      }
      assert.equal(pages, 3);
      assert.deepEqual(
        paged.map((g) => g.size),
        sizes,
      );
      assert.deepEqual(paged, whole.groups, 'the pages, one after another, are the whole list');
      // Equal sizes in id order, each group named by its first comment; its members from the list.
      for (const [a, b] of paged.slice(1).map((g, i) => [paged[i]!, g] as const)) {
        assert.ok(a.size > b.size || a.group < b.group);
      }
      for (const g of paged) {
        const members = (
          await ctx.staff({ url: `/api/v1/consultations/${id}/comments?group=${g.group}&limit=2` })
        ).json();
        const all: number[] = members.items.map((i: { id: number }) => i.id);
        for (let cursor = members.next; cursor; ) {
          const more = (
            await ctx.staff({ url: `/api/v1/consultations/${id}/comments?group=${g.group}&limit=2&cursor=${cursor}` })
          ).json();
          all.push(...more.items.map((i: { id: number }) => i.id));
          cursor = more.next;
        }
        assert.equal(all.length, g.size);
        assert.equal(all[0], g.group);
        assert.ok(
          LONG.slice(0, sizes.length).some((x) => x.slice(0, 200) === g.sample),
          g.sample,
        );
      }
      for (const query of ['limit=1001', 'limit=0', 'cursor=abc', 'cursor=3', 'cursor=3~x']) {
        const bad = await ctx.staff({ url: `/api/v1/consultations/${id}/groups?${query}` });
        assert.equal(bad.statusCode, 400, query);
      }
      await ctx.close();
    });

    test('the published feedback: figures and a first page, then pages, filters and search over the rows', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const bodies = [
        ...Array.from({ length: 30 }, (_, i) => `${CAMPAIGN}${i % 2 ? `\n居民${i}` : ''}`),
        // Distinct comments: different long sentences of the regulations, each with a phone number to mask.
        ...LONG.slice(0, 90).map((sentence, i) => `${sentence}。项建议人电话${13_900_000_000 + i * 7919}`),
      ];
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
         SELECT $1, 'R' || n, 'k' || n, 'h', b FROM unnest($2::text[]) WITH ORDINALITY AS x(b, n)`,
        [id, bodies],
      );
      await settledGroups(ctx, id);
      const adopt = (filter: object, decision: string, reason?: string) =>
        ctx.staff({
          method: 'POST',
          url: `/api/v1/consultations/${id}/decisions`,
          payload: { filter, decision, ...(reason ? { reason } : {}) },
        });
      await adopt({ q: '菜市场' }, 'not-adopted', '与规划不符');
      await adopt({ decision: 'none' }, 'adopted');
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      await signOffAll(ctx, id);
      const published = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
      assert.equal(published.statusCode, 201, published.body);
      const feedback = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
      assert.equal(feedback.total, 120);
      assert.equal(feedback.comments.length, 50);
      assert.ok(feedback.next);
      assert.deepEqual(feedback.campaigns.groups, 1);
      assert.equal(feedback.campaigns.copies, 29);
      assert.deepEqual(feedback.reasons, [{ decision: 'not-adopted', reason: '与规划不符', count: 30 }]);
      const members = feedback.comments.filter((c: { group: number | null }) => c.group !== null);
      // Every copy names the campaign's first published comment, which names itself.
      assert.ok(members.length > 1 && members.every((c: { group: number }) => c.group === members[0].no));

      const page = (query: string) =>
        ctx.app.inject(`/api/v1/consultations/${id}/feedback/comments?${query}`).then((r) => r.json());
      const all: { no: number }[] = [...feedback.comments];
      for (let cursor = feedback.next; cursor; ) {
        const next = await page(`cursor=${cursor}&limit=50`);
        all.push(...next.items);
        cursor = next.next;
      }
      assert.deepEqual(
        all.map((c) => c.no),
        Array.from({ length: 120 }, (_, i) => i + 1),
      );
      assert.equal((await page('decision=not-adopted')).total, 30);
      assert.equal((await page('clause=none')).total, 120);
      assert.equal((await page('clause=none&decision=not-adopted')).total, 30);
      assert.deepEqual(await page('clause=9'), { items: [], next: null, total: 0 });
      const found = await page(`q=${encodeURIComponent('项建议')}`);
      assert.equal(found.total, 90);
      // Search runs over what was published: a masked number is not found.
      assert.equal((await page('q=1390000')).total, 0);
      assert.ok(found.items.every((c: { body: string }) => c.body.includes('［电话已隐去］')));
      await ctx.close();
    });

    test('a version published before rows is paged, filtered and searched from its document', async () => {
      const ctx = await setup(fresh, { jobs: false });
      const id = await consultation(ctx);
      const comment = (no: number, decision: string, body: string) => ({
        no,
        clause: no % 2 ? null : '3',
        clauseLabel: null,
        body,
        name: null,
        submitterType: 'individual',
        decision,
        reason: null,
        group: null,
      });
      const comments = [
        comment(1, 'adopted', '建议增加公交线路'),
        comment(2, 'not-adopted', '建议保留菜市场'),
        comment(3, 'adopted', '建议延长公交运营时间'),
      ];
      await ctx.db.query(
        `INSERT INTO feedback_versions (consultation_id, version, published_by, content) VALUES ($1, 1, 'admin', $2)`,
        [id, JSON.stringify({ consultation: id, version: 1, comments })],
      );
      const page = (query: string) =>
        ctx.app.inject(`/api/v1/consultations/${id}/feedback/comments?${query}`).then((r) => r.json());
      const first = await page('limit=2');
      assert.deepEqual([first.items.map((c: { no: number }) => c.no), first.next, first.total], [[1, 2], '2', 3]);
      assert.deepEqual(
        (await page(`cursor=${first.next}&limit=2`)).items.map((c: { no: number }) => c.no),
        [3],
      );
      assert.equal((await page('decision=adopted')).total, 2);
      assert.equal((await page('clause=none')).total, 2);
      assert.deepEqual(
        (await page(`q=${encodeURIComponent('公交')}`)).items.map((c: { no: number }) => c.no),
        [1, 3],
      );
      await ctx.close();
    });

    test('comments the grouping job has not reached are published searchable all the same', async () => {
      // Grouping waits an hour after a run while comments are still arriving.
      const ctx = await setup(fresh, { grouping: { minGapMs: 3_600_000 } });
      const id = await consultation(ctx);
      const insert = (from: number, to: number) =>
        ctx.db.query(
          `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body, moderation, decision)
           SELECT $1, 'R' || n, 'k' || n, 'h', '建议第' || n || '号公交线路延长到新区', 'approved', 'adopted'
           FROM generate_series($2::int, $3::int) AS n`,
          [id, from, to],
        );
      await insert(1, 1);
      await settledGroups(ctx, id);
      await insert(2, 40);
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      await signOffAll(ctx, id, { waitForGroups: false });
      const published = await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
      assert.equal(published.statusCode, 201, published.body);
      const search = (q: string) =>
        ctx.app
          .inject(`/api/v1/consultations/${id}/feedback/comments?q=${encodeURIComponent(q)}`)
          .then((r) => r.json());
      assert.equal((await search('公交线路')).total, 40);
      assert.deepEqual(
        (await search('第17号')).items.map((c: { body: string }) => c.body),
        ['建议第17号公交线路延长到新区'],
      );
      assert.equal((await search('地铁')).total, 0);
      const { rows } = await ctx.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM comments WHERE consultation_id = $1 AND NOT grouped',
        [id],
      );
      assert.equal(rows[0]!.n, 39, 'published before grouping reached them');
      await ctx.close();
    });

    test('the CSV streams every comment, over several pages, compressed as it goes', async () => {
      const ctx = await setup(fresh, { jobs: false });
      const id = await consultation(ctx);
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
         SELECT $1, 'R' || n, 'k' || n, 'h', '第' || n || '条意见' FROM generate_series(1, 4500) AS n`,
        [id],
      );
      const plain = await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` });
      const lines = plain.body.split('\r\n').filter(Boolean);
      assert.equal(lines.length, 4501);
      assert.match(lines[4500]!, /"第4500条意见"/);
      const gz = await ctx.staff({
        url: `/api/v1/consultations/${id}/export.csv`,
        headers: { 'accept-encoding': 'gzip' },
      });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
      await ctx.close();
    });

    test('a failure part-way through a decision by filter changes nothing', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
         SELECT $1, 'R' || n, 'k' || n, 'h', '意见' || n FROM generate_series(1, 30) AS n`,
        [id],
      );
      const ids = (await ctx.db.query<{ id: string }>('SELECT id FROM comments ORDER BY id')).rows.map((r) => r.id);
      // The database refuses the 20th row: the statement fails after changing 19.
      await ctx.db.exec(`CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.id = ${ids[19]} THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_one BEFORE UPDATE ON comments FOR EACH ROW EXECUTE FUNCTION refuse_one();`);
      const res = await ctx.staff({
        method: 'POST',
        url: `/api/v1/consultations/${id}/decisions`,
        payload: { filter: { decision: 'none' }, decision: 'adopted' },
      });
      assert.equal(res.statusCode, 500);
      const { rows } = await ctx.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM comments WHERE decision IS NOT NULL',
      );
      assert.equal(rows[0]!.n, 0);
      await ctx.db.exec('DROP TRIGGER refuse_one ON comments; DROP FUNCTION refuse_one()');
      await ctx.close();
    });
  });
}

// A consultation as a legal record: client addresses behind proxies, authentication before the
// body, the draft immutable and versioned, publication a consistent snapshot, staff edits that do
// not overwrite each other, personal data scoped and every access traced, tokens that expire and
// are revoked at once, and seeding that never touches staff work.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, describe, test } from 'node:test';
import { buildApp, createToken, type Database, parseTrustProxy, seedConsultation, verifyAudit } from '@gongkai/server';
import { closeDatabases, databases, sameDatabase } from './databases.js';
import { type Ctx, consultation, iso, key, previewAndWait, settledGroups, setup, signOffAll } from './helpers.js';

after(closeDatabases);

const bundle = (id: string, third = '三、各部门应当按时公开。') => ({
  schemaVersion: 1,
  id,
  meta: { title: '示例办法（征求意见稿）', status: 'draft' },
  clauses: [
    { id: '1', number: '一、', level: 1, parent: null, title: '', text: '一、为了规范政务公开，制定本办法。' },
    { id: '2', number: '二、', level: 1, parent: null, title: '', text: '二、本办法适用于本市各级行政机关。' },
    { id: '3', number: '三、', level: 1, parent: null, title: '', text: third },
  ],
});

async function comments(ctx: Ctx, id: string, bodies: string[], extra: Record<string, unknown> = {}) {
  for (const [i, body] of bodies.entries()) {
    const res = await ctx.comment(id, { body, ...extra }, key(), { 'x-forwarded-for': `198.51.100.${i + 1}` });
    assert.equal(res.statusCode, 201, res.body);
  }
  const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=500` });
  return list.json().items as { id: number; etag: string; name: string | null; contact: string | null }[];
}

const close = (ctx: Ctx, id: string) =>
  ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);

/** Sends only the headers of a request with a large body, and returns the first answer line. */
function headersOnly(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    let got = '';
    socket.on('data', (chunk) => {
      got += chunk;
      if (got.includes('\r\n\r\n')) {
        resolve(got);
        socket.destroy();
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error(`no answer before the body was sent: ${got}`)), 5000).unref();
  });
}

for (const { name, fresh } of databases) {
  describe(`integrity on ${name}`, () => {
    test('rate limits: a client cannot choose its address; citizens behind the trusted proxy each have their own', async () => {
      // No proxy trusted: X-Forwarded-For is ignored, whatever a client writes in it.
      const direct = await setup(fresh, { commentLimit: { max: 3, windowSeconds: 600 } });
      const a = await consultation(direct);
      const spoofing = [];
      for (let i = 0; i < 5; i++) {
        spoofing.push(
          (await direct.comment(a, { body: `第${i}条` }, key(), { 'x-forwarded-for': `203.0.113.${i}` })).statusCode,
        );
      }
      assert.deepEqual(spoofing, [201, 201, 201, 429, 429]);
      await direct.close();

      // The site's proxy on 127.0.0.1 is trusted: the client is the right-most address it did not add.
      const proxied = await setup(fresh, { commentLimit: { max: 3, windowSeconds: 600 }, trustProxy: ['127.0.0.1'] });
      const b = await consultation(proxied);
      const chained = [];
      for (let i = 0; i < 5; i++) {
        const headers = { 'x-forwarded-for': `10.9.9.${i}, 203.0.113.50` };
        chained.push((await proxied.comment(b, { body: `链${i}` }, key(), headers)).statusCode);
      }
      assert.deepEqual(chained, [201, 201, 201, 429, 429], 'a spoofed left part does not escape the limit');
      // 22 citizens behind the proxy: none is limited by the others.
      const citizens = await Promise.all(
        Array.from({ length: 22 }, (_, i) =>
          proxied.comment(b, { body: `市民${i}` }, key(), { 'x-forwarded-for': `198.51.100.${i + 10}` }),
        ),
      );
      assert.deepEqual(
        citizens.map((r) => r.statusCode),
        Array(22).fill(201),
      );
      // An address not trusted as a proxy is itself the client.
      const stranger = [];
      for (let i = 0; i < 4; i++) {
        const res = await proxied.app.inject({
          method: 'POST',
          url: `/api/v1/consultations/${b}/comments`,
          remoteAddress: '192.0.2.7',
          headers: { 'idempotency-key': key(), 'x-forwarded-for': `198.51.100.${200 + i}` },
          payload: { body: `陌生${i}` },
        });
        stranger.push(res.statusCode);
      }
      assert.deepEqual(stranger, [201, 201, 201, 429]);
      await proxied.close();
    });

    test('--trust-proxy takes hops or addresses, and refuses what would trust the client', () => {
      assert.equal(parseTrustProxy('1'), 1);
      assert.deepEqual(parseTrustProxy('127.0.0.1'), ['127.0.0.1']);
      assert.deepEqual(parseTrustProxy('10.0.0.0/8, ::1'), ['10.0.0.0/8', '::1']);
      assert.throws(() => parseTrustProxy('true'), /number of proxies/);
      assert.throws(() => parseTrustProxy('10.0.0.0/33'), /10\.0\.0\.0\/33 is not an IP address or CIDR range/);
      assert.throws(() => parseTrustProxy('proxy.example'), /not an IP address/);
    });

    test('grouping runs off the request path: /healthz and the staff list answer while it works', async () => {
      const ctx = await setup(fresh, { jobs: { pollMs: 20 } });
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = ctx.app.server.address() as { port: number };
      const id = await consultation(ctx);
      // 2,000 long comments at once (written straight to the table): a batch of seconds of work.
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
         SELECT $1, 'R' || i, 'k' || i, 'h', repeat(md5(i::text) || md5((i * 7)::text), 62)
         FROM generate_series(1, 2000) AS i`,
        [id],
      );
      const working = async () =>
        (await ctx.db.query("SELECT 1 FROM jobs WHERE kind = 'group' AND locked_by IS NOT NULL")).rows.length > 0;
      for (let i = 0; !(await working()); i++) {
        if (i > 1000) throw new Error('the grouping job never started');
        await new Promise((r) => setTimeout(r, 5));
      }
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=10` });
      const groups = (await ctx.staff({ url: `/api/v1/consultations/${id}/groups` })).json();
      assert.equal(await working(), true, 'grouping was still at work while both answered');
      assert.equal(health.status, 200);
      assert.equal(list.statusCode, 200);
      assert.equal(groups.pending, true);
      await ctx.close();
    });

    test('staff requests without a valid token get 401 before their body is read', async () => {
      const ctx = await setup(fresh);
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = ctx.app.server.address() as { port: number };
      for (const [method, path] of [
        ['PUT', '/api/v1/policies/big'],
        ['POST', '/api/v1/consultations'],
        ['PATCH', '/api/v1/comments/1'],
      ]) {
        const answer = await headersOnly(port, [
          `${method} ${path} HTTP/1.1`,
          'Host: 127.0.0.1',
          'Content-Type: application/json',
          'Content-Length: 4000000',
        ]);
        assert.match(answer, /^HTTP\/1\.1 401 /, `${method} ${path}: ${answer}`);
        assert.match(answer, /cache-control: no-store/i);
      }
      // A body the schema would refuse still gets 401, not a 400 that describes the schema.
      const invalid = await ctx.app.inject({ method: 'POST', url: '/api/v1/consultations', payload: { nonsense: 1 } });
      assert.equal(invalid.statusCode, 401);
      assert.doesNotMatch(invalid.body, /title|opens|closes/);
      await ctx.close();
    });

    test('the draft under consultation is immutable: revisions are versions, comments keep theirs, all audited', async () => {
      const ctx = await setup(fresh);
      assert.equal(
        (await ctx.staff({ method: 'PUT', url: '/api/v1/policies/draft', payload: bundle('draft') })).statusCode,
        200,
      );
      const id = await consultation(ctx, { policyId: 'draft' });
      const [first] = await comments(ctx, id, ['第三条建议写明公开时限。']);
      const changed = bundle('draft', '三、各部门应当在二十个工作日内公开。');
      const put = await ctx.staff({ method: 'PUT', url: '/api/v1/policies/draft', payload: changed }, 'editor');
      assert.equal(put.statusCode, 409);
      assert.equal(put.json().error, 'policy-in-consultation');
      assert.match(put.json().message, /POST \/api\/v1\/policies\/draft\/versions/);
      assert.equal((await ctx.app.inject('/api/v1/policies/draft')).json().clauses[2].text, '三、各部门应当按时公开。');

      const revised = await ctx.staff(
        {
          method: 'POST',
          url: '/api/v1/policies/draft/versions',
          payload: { bundle: changed, note: '根据意见明确公开时限' },
        },
        'editor',
      );
      assert.equal(revised.statusCode, 201, revised.body);
      assert.equal(revised.json().version, 2);
      const latest = await ctx.app.inject('/api/v1/policies/draft');
      assert.equal(latest.headers['x-policy-version'], '2');
      assert.equal(latest.json().clauses[2].text, '三、各部门应当在二十个工作日内公开。');
      const v1 = await ctx.app.inject('/api/v1/policies/draft?version=1');
      assert.equal(v1.json().clauses[2].text, '三、各部门应当按时公开。');
      const versions = (await ctx.app.inject('/api/v1/policies/draft/versions')).json().versions;
      assert.deepEqual(
        versions.map((v: { version: number; note: string | null }) => [v.version, v.note]),
        [
          [1, null],
          [2, '根据意见明确公开时限'],
        ],
      );
      const [, second] = await comments(ctx, id, ['修改后的第三条很好。']);
      assert.equal(first!.id < second!.id, true);
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.deepEqual(
        items.map((i: { policyVersion: number }) => i.policyVersion),
        [1, 2],
      );
      const { rows } = await ctx.db.query<{ action: string; after: { changes: { clausesChanged: string[] } } }>(
        "SELECT action, after FROM audit_log WHERE policy_id = 'draft' ORDER BY seq",
      );
      assert.deepEqual(
        rows.map((r) => r.action),
        ['policy.create', 'policy.revise'],
      );
      assert.deepEqual(rows[1]!.after.changes.clausesChanged, ['3']);
      // Nor can the consultation be pointed at another text once it has comments.
      await ctx.staff({ method: 'PUT', url: '/api/v1/policies/other', payload: bundle('other') });
      const swap = await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/consultations/${id}`,
        payload: { policyId: 'other' },
      });
      assert.equal(swap.statusCode, 409);
      await ctx.close();
    });

    test('staff edits never overwrite each other: a stale If-Match is 412 with the comment as it stands', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const [c] = await comments(ctx, id, ['建议增加听证程序。']);
      const seen = c!.etag;
      const patch = (payload: object, etag: string, as: 'admin' | 'reviewer' = 'reviewer') =>
        ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${c!.id}`, payload, headers: { 'if-match': etag } }, as);
      const mine = await patch({ decision: 'not-adopted', reason: '与上位法不一致' }, seen, 'admin');
      assert.equal(mine.statusCode, 200);
      assert.notEqual(mine.json().etag, seen);
      assert.equal(mine.headers.etag, mine.json().etag);
      const theirs = await patch({ decision: 'adopted' }, seen);
      assert.equal(theirs.statusCode, 412);
      assert.equal(theirs.json().error, 'changed');
      assert.equal(theirs.json().current.decision, 'not-adopted');
      assert.equal(theirs.json().current.reason, '与上位法不一致');
      assert.equal(theirs.json().current.etag, mine.json().etag);
      // Knowingly, with the new etag: applied, and the old reason does not stay with the new decision.
      const again = await patch({ decision: 'adopted' }, theirs.json().current.etag);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().decision, 'adopted');
      assert.equal(again.json().reason, null);
      // A decision that needs a reason does not inherit the previous one either.
      const partly = await patch({ decision: 'partly-adopted' }, again.json().etag);
      assert.equal(partly.statusCode, 422);
      assert.equal(partly.json().error, 'reason-required');
      await ctx.close();
    });

    test('personal data: names and contacts need the contacts permission; every read and export is audited; scoped tokens', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const other = await consultation(ctx);
      await comments(ctx, id, ['请电话联系我。'], { name: '李四', contact: '13912345678' });
      const reviewerList = await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }, 'reviewer');
      assert.equal(reviewerList.headers['cache-control'], 'no-store');
      assert.equal(reviewerList.json().items[0].name, null);
      assert.equal(reviewerList.json().items[0].contact, null);
      const csv = (await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` }, 'reviewer')).body;
      assert.doesNotMatch(csv, /李四|13912345678|姓名|联系方式/);
      const adminList = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }, 'admin')).json();
      assert.equal(adminList.items[0].contact, '13912345678');
      // Granted to one reviewer, not to the role.
      const granted = await createToken(ctx.db, 'reviewer', { grants: ['contacts'], label: '联络员' });
      const auth = { authorization: `Bearer ${granted.token}` };
      const grantedCsv = (await ctx.app.inject({ url: `/api/v1/consultations/${id}/export.csv`, headers: auth })).body;
      assert.match(grantedCsv, /"姓名","联系方式"/);
      assert.match(grantedCsv, /13912345678/);
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      const actions = log.map((e: { action: string; actor: string }) => `${e.action} ${e.actor.split(':')[0]}`);
      assert.ok(actions.includes('contacts.read admin'), actions.join());
      assert.ok(actions.includes('export.csv reviewer'));
      const exports = log.filter((e: { action: string }) => e.action === 'export.csv');
      assert.deepEqual(
        exports.map((e: { after: { contacts: boolean } }) => e.after.contacts),
        [false, true],
      );

      // A token limited to one consultation sees and reaches only that one.
      const scoped = await createToken(ctx.db, 'reviewer', { consultations: [id] });
      const as = (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
        ctx.app.inject({ method, url, payload, headers: { authorization: `Bearer ${scoped.token}` } });
      assert.equal((await as(`/api/v1/consultations/${id}/comments`)).statusCode, 200);
      assert.equal((await as(`/api/v1/consultations/${other}/comments`)).statusCode, 403);
      assert.equal((await as(`/api/v1/consultations/${other}/audit`)).statusCode, 403);
      const listed = (await as('/api/v1/consultations')).json().items.map((c: { id: string }) => c.id);
      assert.deepEqual(listed, [id]);
      const me = (await as('/api/v1/staff/me')).json();
      assert.deepEqual(me.consultations, [id]);
      assert.equal((await as('/api/v1/reason-templates', 'POST', { title: '模板', text: '理由。' })).statusCode, 403);
      const [otherComment] = await comments(ctx, other, ['另一条']);
      const cross = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/comments/${otherComment!.id}`,
        payload: { moderation: 'approved' },
        headers: { authorization: `Bearer ${scoped.token}` },
      });
      assert.equal(cross.statusCode, 403);
      assert.equal((await as(`/api/v1/comments/${otherComment!.id}`)).statusCode, 403);
      assert.equal((await as(`/api/v1/consultations/${other}/counts`)).statusCode, 403);
      await ctx.close();
    });

    test('tokens expire, record their last use, and are listed and revoked over the API at once on every instance', async () => {
      const ctx = await setup(fresh);
      const db2 = await sameDatabase(ctx.db);
      const second = await buildApp(db2, { jobs: false });
      try {
        const made = await ctx.staff({
          method: 'POST',
          url: '/api/v1/staff/tokens',
          payload: { role: 'reviewer', label: '临时', expires: iso(7) },
        });
        assert.equal(made.statusCode, 201, made.body);
        const { id, token } = made.json();
        const me = (app: typeof second) =>
          app.inject({ url: '/api/v1/staff/me', headers: { authorization: `Bearer ${token}` } });
        assert.equal((await me(second)).statusCode, 200);
        const listed = (await ctx.staff({ url: '/api/v1/staff/tokens' })).json().items;
        const row = listed.find((t: { id: string }) => t.id === id);
        assert.equal(row.label, '临时');
        assert.ok(row.lastUsed, 'the last use is recorded');
        assert.ok(Math.abs(Date.parse(row.expires) - Date.parse(iso(7))) < 60_000);
        assert.ok(listed.every((t: object) => !JSON.stringify(t).includes(token.split('_').slice(2).join('_'))));
        assert.equal((await ctx.staff({ url: '/api/v1/staff/tokens' }, 'reviewer')).statusCode, 403);
        const revoke = await ctx.staff({ method: 'DELETE', url: `/api/v1/staff/tokens/${id}` });
        assert.equal(revoke.statusCode, 204);
        assert.equal((await me(second)).statusCode, 401, 'revoked on the other instance at once');
        assert.equal((await ctx.staff({ method: 'DELETE', url: `/api/v1/staff/tokens/${id}` })).statusCode, 404);
        // Expired: refused like a wrong token.
        const old = await createToken(ctx.db, 'admin');
        await ctx.db.query("UPDATE staff_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [old.id]);
        const expired = await ctx.app.inject({
          url: '/api/v1/staff/me',
          headers: { authorization: `Bearer ${old.token}` },
        });
        assert.equal(expired.statusCode, 401);
        const actions = (
          await ctx.db.query<{ action: string }>(
            "SELECT action FROM audit_log WHERE action LIKE 'token.%' ORDER BY seq",
          )
        ).rows.map((r) => r.action);
        assert.deepEqual(actions, ['token.create', 'token.revoke']);
      } finally {
        await second.close();
        await db2.close();
        await ctx.close();
      }
    });

    test('the audit log is append-only and chained: a changed entry is found', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const [c] = await comments(ctx, id, ['建议一']);
      await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${c!.id}`, payload: { decision: 'adopted' } });
      await assert.rejects(ctx.db.query("UPDATE audit_log SET actor = 'someone-else'"), /append-only/);
      await assert.rejects(ctx.db.query('DELETE FROM audit_log'), /append-only/);
      const intact = await verifyAudit(ctx.db);
      assert.equal(intact.problems.length, 0);
      assert.ok(intact.entries >= 2);
      // Someone with the table owner's rights goes around the trigger: the chain shows where.
      await ctx.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await ctx.db.query(
        'UPDATE audit_log SET after = \'{"decision":"not-adopted"}\' WHERE action = \'comment.decide\'',
      );
      await ctx.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      const broken = await verifyAudit(ctx.db);
      assert.equal(broken.problems.length, 1);
      assert.match(broken.problems[0]!.problem, /changed/);
      await ctx.close();
    });

    test('seeding again changes nothing that exists, and what it adds is audited', async () => {
      const ctx = await setup(fresh);
      const seed = {
        kind: 'gongkai-consultation' as const,
        id: 'seeded',
        title: '种子征求意见',
        openedDaysAgo: 1,
        days: 30,
        basis: [{ title: '《政府信息公开条例》' }],
        comments: [{ body: '种子意见一' }, { body: '种子意见二' }],
      };
      await seedConsultation(ctx.db, seed);
      const items = (await ctx.staff({ url: '/api/v1/consultations/seeded/comments' })).json().items;
      await ctx.staff({
        method: 'PATCH',
        url: `/api/v1/comments/${items[0].id}`,
        payload: { decision: 'not-adopted', reason: '已有规定' },
      });
      await ctx.staff({
        method: 'PATCH',
        url: '/api/v1/consultations/seeded',
        payload: { basis: [{ title: '新依据' }] },
      });
      await seedConsultation(ctx.db, { ...seed, comments: [...seed.comments, { body: '种子意见三' }] });
      const after = (await ctx.staff({ url: '/api/v1/consultations/seeded/comments' })).json().items;
      assert.equal(after.length, 3, 'the missing comment is added');
      assert.equal(after[0].decision, 'not-adopted');
      assert.equal(after[0].reason, '已有规定');
      assert.deepEqual((await ctx.app.inject('/api/v1/consultations/seeded')).json().basis, [{ title: '新依据' }]);
      const log = (await ctx.staff({ url: '/api/v1/consultations/seeded/audit' })).json().items;
      assert.deepEqual(
        log
          .filter((e: { actor: string }) => e.actor === 'seed')
          .map((e: { action: string; after: object }) => [e.action, e.after]),
        [
          ['consultation.create', { id: 'seeded', title: '种子征求意见' }],
          ['seed.comments', { comments: 2 }],
          ['seed.comments', { comments: 1 }],
        ],
      );
      await ctx.close();
    });

    test('the feedback preview flags published comments that still hold long numbers', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const list = await comments(ctx, id, [
        '我的QQ号 123456789，邮箱 zhang@qq。com',
        '编号 8866 5544 33 的项目应当公开',
      ]);
      for (const c of list) {
        await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${c.id}`, payload: { decision: 'adopted' } });
      }
      // The job runner works one job at a time: once the new comments are grouped, the preview is
      // answered within its request (else 202, on a busy machine).
      await settledGroups(ctx, id);
      const preview = await previewAndWait(ctx, id);
      assert.doesNotMatch(JSON.stringify(preview.feedback.comments), /123456789|zhang@qq/);
      assert.deepEqual(preview.flagged, [{ no: 2, digits: ['8866 5544 33'] }]);
      await ctx.close();
    });

    if (name === 'PostgreSQL') {
      test('publication is a consistent snapshot: a decision made while it builds waits for it', async () => {
        const ctx = await setup(fresh);
        const id = await consultation(ctx);
        const [c] = await comments(ctx, id, ['建议保留菜市场。']);
        await ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${c!.id}`, payload: { decision: 'adopted' } });
        await close(ctx, id);
        await signOffAll(ctx, id);
        const receipt = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items[0].receipt;
        // Pause the publication after it has read the comments: another connection holds a lock
        // that its INSERT into feedback_versions must wait for.
        const holder = (await sameDatabase(ctx.db)) as Database;
        let release!: () => void;
        const held = holder.transaction(async (tx) => {
          await tx.query('LOCK TABLE feedback_versions IN SHARE ROW EXCLUSIVE MODE');
          await new Promise<void>((r) => {
            release = r;
          });
        });
        await new Promise((r) => setTimeout(r, 50));
        const publishing = ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` });
        for (let i = 0; ; i++) {
          const { rows } = await holder.query(
            "SELECT 1 FROM pg_locks WHERE relation = 'feedback_versions'::regclass AND NOT granted",
          );
          if (rows.length) break;
          if (i > 200) throw new Error('the publication never reached its insert');
          await new Promise((r) => setTimeout(r, 25));
        }
        let removedAt = 0;
        const removing = ctx
          .staff({
            method: 'PATCH',
            url: `/api/v1/comments/${c!.id}`,
            payload: { moderation: 'rejected', removalReason: '广告' },
          })
          .then((r) => {
            removedAt = Date.now();
            return r;
          });
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(removedAt, 0, 'the removal waits for the publication under way');
        const releasedAt = Date.now();
        release();
        await held;
        assert.equal((await publishing).statusCode, 201);
        assert.equal((await removing).statusCode, 200);
        assert.ok(removedAt >= releasedAt);
        const published = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
        assert.equal(published.comments.length, 1);
        assert.equal(published.comments[0].decision, 'adopted');
        const lookup = (await ctx.app.inject(`/api/v1/receipts/${receipt}`)).json();
        assert.equal(lookup.status, 'decided', 'the receipt says what the published feedback says');
        assert.equal(lookup.decision, 'adopted');
        await holder.close();
        await ctx.close();
      });
    }
  });
}

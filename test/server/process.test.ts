// The real server as a process, on a PGlite data directory: what survives kill -9, the token
// command, graceful SIGTERM and what the logs contain.
import assert from 'node:assert/strict';
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { pgliteDataDir } from './databases.js';
import { root, serverCommand, spawnServer } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'gk-server-'));
const data = join(dir, 'data');
const running = new Set<ChildProcess>();
after(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// A test that fails part-way leaves no server holding the data directory for the next one.
afterEach(async () => {
  await Promise.all(
    [...running].map((child) => {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      return gone;
    }),
  );
});

// The directory starts as a newly created cluster, copied from the shared template: creating
// one in the server process would cost seconds of CPU and tests nothing of ours.
before(() => pgliteDataDir(data));

const fixture = join(dir, 'consultation.json');
writeFileSync(
  fixture,
  JSON.stringify({ kind: 'gongkai-consultation', id: 'open-now', title: '测试征求意见', openedDaysAgo: 1, days: 30 }),
);

const start = (args: string[] = []) => spawnServer(['--port', '0', '--data', data, ...args], running);

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
const cli = (args: string[]) => {
  const [cmd, argv] = serverCommand(args);
  return spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
};

test('acknowledged comments survive kill -9; tokens from the command work; SIGTERM exits cleanly; logs keep no personal data', async () => {
  let server = await start(['--seed', fixture]);
  const receipts: string[] = [];
  const secrets = ['王小明', 'wxm@example.com', '这条意见的原文不应出现在日志里'];
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${server.url}/api/v1/consultations/open-now/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `crash-test-${i}`,
        'x-forwarded-for': `10.0.0.${i}`,
      },
      body: JSON.stringify({ body: `${secrets[2]} ${i}`, name: secrets[0], contact: secrets[1] }),
    });
    assert.equal(res.status, 201);
    receipts.push((await res.json()).receipt);
  }
  for (const s of secrets) assert.ok(!server.logs().includes(s), `log contains ${s}`);
  assert.match(server.logs(), /"reqId":"[\w-]+"/);
  server.child.kill('SIGKILL');
  await exited(server.child);

  // The token command opens the same directory once the server is gone.
  const created = cli(['token', 'create', '--role', 'reviewer', '--data', data]);
  assert.equal(created.status, 0, created.stderr);
  const token = created.stdout.trim().split('\n').at(-1)!;
  assert.match(token, /^gks_/);

  server = await start();
  for (const receipt of receipts) {
    assert.equal((await fetch(`${server.url}/api/v1/receipts/${receipt}`)).status, 200, receipt);
  }
  const list = await fetch(`${server.url}/api/v1/consultations/open-now/comments?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal((await list.json()).items.length, 20);
  server.child.kill('SIGTERM');
  assert.equal(await exited(server.child), 0);

  // The token names its id (gks_<id>_<secret>); it worked above, so it was active.
  const id = token.split('_')[1]!;
  assert.equal(cli(['token', 'revoke', id, '--data', data]).status, 0);
  assert.match(cli(['token', 'list', '--data', data]).stdout, new RegExp(`^${id}\treviewer\trevoked`, 'm'));
});

test('a running server holds its data directory: the CLI and a second server refuse it with one clear line', async () => {
  const server = await start(['--seed', fixture, '--trust-proxy', '127.0.0.1', '--rate-limit', '3/600']);
  // Behind the trusted proxy, a client's own X-Forwarded-For entries do not move it out of its bucket.
  const statuses = [];
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${server.url}/api/v1/consultations/open-now/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `proxy-test-${i}`,
        'x-forwarded-for': `10.9.9.${i}, 203.0.113.50`,
      },
      body: JSON.stringify({ body: `第${i}条` }),
    });
    statuses.push(res.status);
  }
  assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
  const created = cli(['token', 'create', '--role', 'admin', '--data', data]);
  assert.equal(created.status, 2);
  assert.match(created.stderr, new RegExp(`in use by gongkai-server \\(pid ${server.child.pid}`));
  assert.match(created.stderr, /DELETE \/api\/v1\/staff\/tokens\/ID/);
  assert.doesNotMatch(created.stderr, /\n\s+at /, 'no stack trace');
  const [cmd, argv] = serverCommand(['--port', '0', '--data', data]);
  const second = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  assert.equal(second.status, 2);
  assert.match(second.stderr, /in use by gongkai-server/);
  // The first server was not disturbed.
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  server.child.kill('SIGTERM');
  assert.equal(await exited(server.child), 0);
  // Stopped, it let go: the commands work again, and the audit log checks out.
  assert.equal(cli(['token', 'list', '--data', data]).status, 0);
  const verified = cli(['audit', 'verify', '--data', data]);
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /audit log intact: \d+ entries, head [0-9a-f]{64}/);
  const bad = cli(['--trust-proxy', 'true', '--data', data]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--trust-proxy true: give the number of proxies/);
});

test('kill -9 during grouping: after a restart the job resumes, and nothing is lost or counted twice', async () => {
  let server = await start(['--seed', fixture, '--trust-proxy', '127.0.0.1']);
  const token = async () => {
    const made = cli(['token', 'create', '--role', 'admin', '--data', data]);
    return made.stdout.trim().split('\n').at(-1)!;
  };
  const campaign = '强烈建议保留老城区菜市场，方便老年人就近买菜，不要拆除，请市政府慎重考虑群众的实际需要。';
  const send = (i: number, body: string) =>
    fetch(`${server.url}/api/v1/consultations/open-now/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `group-kill-${i}`,
        'x-forwarded-for': `10.2.${i >> 8}.${i & 255}`,
      },
      body: JSON.stringify({ body }),
    });
  const bodies = Array.from({ length: 400 }, (_, i) =>
    i % 4 === 0
      ? `${campaign}\n居民${i}`
      : `第${i}条：${'建议明确办理时限并公开办理结果。'.repeat(1 + (i % 50))}${i * 7919}`,
  );
  for (let i = 0; i < bodies.length; i += 40) {
    const answers = await Promise.all(bodies.slice(i, i + 40).map((b, k) => send(i + k, b)));
    assert.ok(answers.every((a) => a.status === 201));
  }
  // The job starts within its poll interval: kill the server while grouping is due or under way.
  await new Promise((r) => setTimeout(r, 1200));
  server.child.kill('SIGKILL');
  await exited(server.child);
  const admin = await token();
  server = await start();
  const headers = { authorization: `Bearer ${admin}` };
  let groups: { pending: boolean; groups: { group: number; size: number }[]; next: string | null } = {
    pending: true,
    groups: [],
    next: null,
  };
  for (let i = 0; groups.pending && i < 300; i++) {
    await new Promise((r) => setTimeout(r, 100));
    groups = await (await fetch(`${server.url}/api/v1/consultations/open-now/groups?limit=1000`, { headers })).json();
  }
  assert.equal(groups.pending, false, 'grouping finished after the restart');
  assert.equal(groups.next, null);
  const campaignGroup = groups.groups.find((g) => g.size === 100);
  assert.ok(campaignGroup, JSON.stringify(groups.groups.map((g) => g.size)));
  const list = await (
    await fetch(`${server.url}/api/v1/consultations/open-now/comments?limit=1000`, { headers })
  ).json();
  const ours = list.items.filter((c: { body: string }) => bodies.includes(c.body));
  assert.equal(ours.length, 400, 'every acknowledged comment is there, once');
  // Each stored size is its members' count: no member counted twice, none lost by the kill.
  for (const g of groups.groups) {
    assert.equal(list.items.filter((c: { group: number | null }) => c.group === g.group).length, g.size, `${g.group}`);
  }
  server.child.kill('SIGTERM');
  assert.equal(await exited(server.child), 0);
});

test('kill -9 during publication: after a restart the run resumes and publishes one version of every comment', async () => {
  const comments = 6000;
  const closed = join(dir, 'closed.json');
  writeFileSync(
    closed,
    JSON.stringify({
      kind: 'gongkai-consultation',
      id: 'closed-big',
      title: '已截止的征求意见',
      opens: '2026-01-01T00:00:00Z',
      closes: '2026-03-01T00:00:00Z',
      comments: Array.from({ length: comments }, (_, i) => ({
        body: `第${i + 1}条：建议公开办理时限，联系电话 1390711${String(i).padStart(4, '0')}。`,
        decision: i % 3 ? 'adopted' : 'not-adopted',
        reason: i % 3 ? undefined : '现行规定已有要求。',
      })),
    }),
  );
  const made = cli(['token', 'create', '--role', 'admin', '--data', data]);
  const headers = { authorization: `Bearer ${made.stdout.trim().split('\n').at(-1)!}` };
  let server = await start(['--seed', closed]);
  // 审核 and 签发 of every decision (the admin holds both), as publication requires.
  for (const [step, stage] of [
    ['check', 'draft'],
    ['sign', 'checked'],
  ]) {
    const signed = await fetch(`${server.url}/api/v1/consultations/closed-big/signoff`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ step, filter: { stage } }),
    });
    assert.equal((await signed.json()).updated, comments);
  }
  const queued = await fetch(`${server.url}/api/v1/consultations/closed-big/feedback`, {
    method: 'POST',
    headers: { ...headers, prefer: 'respond-async' },
  });
  assert.equal(queued.status, 202, await queued.clone().text());
  const location = queued.headers.get('location')!;
  const run = async () => (await fetch(`${server.url}${location}`, { headers })).json();
  // Killed while its transaction is under way: a moment after the job says it started.
  for (let i = 0; i < 600 && !/job publication \d+ started/.test(server.logs()); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 150));
  server.child.kill('SIGKILL');
  await exited(server.child);

  const restarted = Date.now();
  server = await start();
  let done = await run();
  for (let i = 0; i < 600 && done.state !== 'done'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    done = await run();
  }
  assert.equal(done.state, 'done', JSON.stringify(done));
  assert.equal(done.version, 1);
  assert.ok(Date.parse(done.finishedAt) >= restarted - 1000, 'finished after the restart, not before the kill');
  const versions = await (
    await fetch(`${server.url}/api/v1/consultations/closed-big/feedback/versions`, { headers })
  ).json();
  assert.deepEqual(
    versions.versions.map((v: { version: number }) => v.version),
    [1],
  );
  const seen = new Set<number>();
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: { items: { no: number; body: string }[]; next: string | null; total: number } = await (
      await fetch(
        `${server.url}/api/v1/consultations/closed-big/feedback/comments?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      )
    ).json();
    assert.equal(page.total, comments);
    for (const item of page.items) {
      assert.ok(!seen.has(item.no), `comment ${item.no} published twice`);
      assert.ok(!item.body.includes('13907110'), 'masked');
      seen.add(item.no);
    }
    cursor = page.next;
  }
  assert.equal(seen.size, comments);
  server.child.kill('SIGTERM');
  assert.equal(await exited(server.child), 0);
});

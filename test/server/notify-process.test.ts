// The real server as a process (issue 20): kill -9 part-way through the 10,000 messages of a
// publication, start it again, and every commenter has their message; a message sent again has
// the same Message-ID, and at most those in flight when it died (4 lanes) are sent twice, once.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken, migrate, NotifySecrets, openDatabase } from '@gongkai/server';
import { type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { pgliteDataDir } from './databases.js';
import { spawnServer } from './server-process.js';

const N = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'gk-notify-'));
const data = join(dir, 'data');
const secretFile = join(dir, 'secret');
const secret = 'process-test-secret-of-at-least-32-characters';
const running = new Set<ChildProcess>();
let smtp: MailCatcher;
let token = '';

before(async () => {
  smtp = await startMailCatcher();
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  await pgliteDataDir(data);
  // N decided and signed-off comments of a closed consultation, each with a confirmed subscription, written
  // before the server owns the directory.
  const db = await openDatabase({ dataDir: data });
  await migrate(db);
  const secrets = new NotifySecrets([secret]);
  await db.query(
    `INSERT INTO consultations (id, title, opens, closes) VALUES ('big', '测试征求意见', now() - interval '40 days', now() - interval '1 day')`,
  );
  await db.query(
    `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body, moderation, decision, reason,
       stage)
     SELECT 'big', 'RN' || n, 'k' || n, 'h', '第' || n || '条意见', 'approved', 'adopted', '理由' || n, 'signed'
     FROM generate_series(1, $1::int) AS n`,
    [N],
  );
  const rows = Array.from({ length: N }, (_, i) => {
    const address = `p${i + 1}@example.cn`;
    return { n: i + 1, enc: secrets.encrypt(address), hash: secrets.hashAddress(address) };
  });
  await db.query(
    `INSERT INTO notify_subscriptions (kind, comment_id, consultation_id, channel, address_enc, address_hash, address_mask,
       state, confirmed_at)
     SELECT 'comment', m.id, 'big', 'email', x.enc, x.hash, 'p***@example.cn', 'confirmed', now()
     FROM jsonb_to_recordset($1::jsonb) AS x(n int, enc text, hash text) JOIN comments m ON m.receipt = 'RN' || x.n`,
    [JSON.stringify(rows)],
  );
  token = (await createToken(db, 'admin')).token;
  await db.close();
});

after(async () => {
  for (const child of running) child.kill('SIGKILL');
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = () =>
  spawnServer(
    [
      '--port',
      '0',
      '--data',
      data,
      '--secret-file',
      secretFile,
      '--public-url',
      'https://consult.example.gov.cn',
      '--smtp',
      `smtp://127.0.0.1:${smtp.port}`,
      '--notify-rate',
      '100000',
    ],
    running,
    { GK_NOTIFY_SECRET: '' },
  );

const outcomes = () => smtp.messages.filter((m) => m.parsed.subject?.startsWith('意见处理结果已公布'));

test(`kill -9 part-way through ${N.toLocaleString('en')} messages loses none and duplicates none but with the same Message-ID`, async () => {
  let server = await start();
  const published = await fetch(`${server.url}/api/v1/consultations/big/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.ok([201, 202].includes(published.status), await published.text());
  await smtp.waitFor(() => outcomes().length >= N / 4, 240_000);
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGKILL');
  await exited;
  const before = outcomes().length;
  assert.ok(before < N, `killed part-way (${before} of ${N} had arrived)`);

  server = await start();
  await smtp.waitFor(() => new Set(outcomes().map((m) => m.parsed.messageId)).size >= N, 300_000);
  // Anything still to come would arrive now.
  await new Promise((r) => setTimeout(r, 1500));
  const got = outcomes();
  const byId = new Map<string, { to: string; n: number; text: string }>();
  const byRecipient = new Map<string, Set<string>>();
  for (const m of got) {
    const id = m.parsed.messageId!;
    const seen = byId.get(id);
    if (seen) {
      seen.n++;
      assert.equal(seen.to, m.to[0], 'a repeated Message-ID goes to the same address');
      assert.equal(seen.text, m.parsed.text, 'and is the same message');
    } else byId.set(id, { to: m.to[0]!, n: 1, text: m.parsed.text ?? '' });
    const ids = byRecipient.get(m.to[0]!) ?? new Set();
    ids.add(id);
    byRecipient.set(m.to[0]!, ids);
  }
  assert.equal(byId.size, N, 'every message arrived');
  assert.equal(byRecipient.size, N, 'every commenter');
  assert.ok(
    [...byRecipient.values()].every((ids) => ids.size === 1),
    'one Message-ID per commenter',
  );
  const repeated = [...byId.values()].filter((x) => x.n > 1);
  assert.ok(repeated.length <= 4, `${repeated.length} messages sent twice`);
  assert.ok(repeated.every((x) => x.n === 2));
  // Each carries its own decision and reason.
  const p42 = [...byId.values()].find((x) => x.to === 'p42@example.cn')!;
  assert.match(p42.text, /您的意见处理结果：采纳\n理由：理由42\n/);
  assert.doesNotMatch(server.logs(), /p\d+@example\.cn/);
  const done = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await done;
  console.log(`# kill -9 after ${before} of ${N} messages; ${got.length - N} sent twice`);
});

// Notifications (issue 20): enqueueing the messages of a publication to N subscribers (the
// fan-out job, a batch of 5,000 per transaction) beside the same-run floor of one INSERT … SELECT
// of as many rows into the same table; and delivery to a local SMTP server through the worker
// (lease, render, decrypt, send, record) beside nodemailer sending as many messages alone.
// PGlite always; PostgreSQL when GK_TEST_DATABASE_URL is set. `pnpm bench notify [N]`
// (N: subscribers, 100,000 by default); GK_BENCH_MESSAGES messages delivered (2,000).
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../packages/server/src/db/database.js';
import type { Job } from '../../packages/server/src/jobs/runner.js';
import { Deliverer } from '../../packages/server/src/notify/deliver.js';
import type { NotifyOptions } from '../../packages/server/src/notify/options.js';
import { fanoutJob, feedbackPublished } from '../../packages/server/src/notify/outbox.js';
import { NotifySecrets } from '../../packages/server/src/notify/secrets.js';
import { smtpTransport } from '../../packages/server/src/notify/transports.js';
import { closeDatabases, databases } from '../server/databases.js';

const N = Number(process.argv[2]) || 100_000;
const MESSAGES = Number(process.env.GK_BENCH_MESSAGES ?? 2_000);
const secrets = new NotifySecrets(['bench-secret-of-at-least-thirty-two-characters']);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;

/** A consultation with `n` decided comments, each with a confirmed subscription. */
async function subscribers(db: Database, id: string, n: number): Promise<void> {
  await db.query(
    `INSERT INTO consultations (id, title, opens, closes) VALUES ($1, '基准测试', now() - interval '40 days', now() - interval '1 day')`,
    [id],
  );
  await db.query(
    `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body, moderation, decision, reason)
     SELECT $1, $1 || 'R' || g, 'k' || g, 'h', '意见', 'approved', 'adopted', '理由' || g FROM generate_series(1, $2::int) g`,
    [id, n],
  );
  await db.query(
    `INSERT INTO comment_outcomes (comment_id, consultation_id, moderation, decision, reason)
     SELECT id, consultation_id, moderation, decision, reason FROM comments WHERE consultation_id = $1`,
    [id],
  );
  for (let from = 0; from < n; from += 10_000) {
    const rows = Array.from({ length: Math.min(10_000, n - from) }, (_, i) => {
      const address = `p${from + i + 1}@example.cn`;
      return { r: `${id}R${from + i + 1}`, enc: secrets.encrypt(address), hash: secrets.hashAddress(address) };
    });
    await db.query(
      `INSERT INTO notify_subscriptions (kind, comment_id, consultation_id, channel, address_enc, address_hash, address_mask,
         state, confirmed_at)
       SELECT 'comment', m.id, $1, 'email', x.enc, x.hash, 'p***@example.cn', 'confirmed', now()
       FROM jsonb_to_recordset($2::jsonb) AS x(r text, enc text, hash text) JOIN comments m ON m.receipt = x.r`,
      [id, JSON.stringify(rows)],
    );
  }
}

const job = (key: string): Job => ({
  id: 0,
  kind: 'notify-fanout',
  key,
  attempts: 1,
  worker: 'bench',
  holds: async () => true,
});

/** The feedback published (version `v`) in a transaction of its own: its event's id. */
async function published(db: Database, v: number): Promise<string> {
  return db.transaction(async (tx) => {
    await feedbackPublished(tx, 'fan', v);
    const { rows } = await tx.query<{ id: string }>('SELECT max(id)::text AS id FROM notify_events');
    return rows[0]!.id;
  });
}

/** The fan-out job of one event, run here and timed (its queued job removed first). */
async function timedFanout(db: Database, eventId: string): Promise<number> {
  await db.query(`DELETE FROM jobs WHERE kind = 'notify-fanout'`);
  const t0 = performance.now();
  await fanoutJob({ domain: 'bench.example', batch: 5000 }).run(db, job(eventId));
  return performance.now() - t0;
}

async function fanout(name: string, db: Database): Promise<void> {
  await subscribers(db, 'fan', N);
  const eventId = await published(db, 1);
  const took = await timedFanout(db, eventId);
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notify_deliveries WHERE event_id = $1',
    [eventId],
  );
  if (rows[0]!.n !== N) throw new Error(`fan-out wrote ${rows[0]!.n} deliveries, not ${N}`);
  // Published again once half the comments are linked to changes of the final text: each
  // subscriber's outcome is compared with the last one they were sent, and only those with new
  // changes get a message (changes.published).
  await db.query(
    `UPDATE comment_outcomes SET changes = ARRAY['第三条'] WHERE consultation_id = 'fan' AND comment_id % 2 = 0`,
  );
  const againEvent = await published(db, 2);
  const again = await timedFanout(db, againEvent);
  const { rows: sentAgain } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notify_deliveries WHERE event_id = $1 AND payload->>'update' = 'changes'`,
    [againEvent],
  );
  const linked = Math.floor(N / 2);
  if (sentAgain[0]!.n !== linked) {
    throw new Error(`publishing again wrote ${sentAgain[0]!.n} changes messages, not ${linked}`);
  }
  // The floor: the same rows, one statement, no batches, no per-subscriber join.
  const floorEvent = await published(db, 3);
  const f0 = performance.now();
  await db.query(
    `INSERT INTO notify_deliveries (kind, event_id, subscription_id, consultation_id, channel, message_id)
     SELECT 'event', $1, s.id, 'fan', 'email', '<gk.' || $2 || '.' || s.id || '@bench.example>' FROM notify_subscriptions s
     WHERE s.consultation_id = 'fan'`,
    [floorEvent, floorEvent],
  );
  const floor = performance.now() - f0;
  await db.query(`DELETE FROM notify_deliveries WHERE consultation_id = 'fan'`);
  console.log(
    `${name}: enqueue ${N.toLocaleString('en')} messages  ${seconds(took)} (${rate(N, took)})   floor, one INSERT … SELECT ${seconds(floor)} (${rate(N, floor)})   ${(took / floor).toFixed(1)}×`,
  );
  console.log(
    `${name}: publish again, ${N.toLocaleString('en')} compared, ${linked.toLocaleString('en')} told of changes  ${seconds(again)}   floor as above   ${(again / floor).toFixed(1)}×`,
  );
}

async function smtpSink(): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _s, done) {
      stream.on('data', () => {});
      stream.on('end', () => {
        n++;
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server as unknown as { server: { address(): { port: number } } }).server.address().port;
  return { port, count: () => n, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function delivery(name: string, db: Database): Promise<void> {
  const sink = await smtpSink();
  const url = `smtp://127.0.0.1:${sink.port}`;
  await subscribers(db, 'send', MESSAGES);
  await db.transaction((tx) => feedbackPublished(tx, 'send', 1));
  const { rows } = await db.query<{ id: string }>(
    `SELECT id::text FROM notify_events WHERE consultation_id = 'send' ORDER BY id DESC LIMIT 1`,
  );
  await fanoutJob({ domain: 'bench.example' }).run(db, job(rows[0]!.id));
  const options: NotifyOptions = {
    secrets,
    publicUrl: 'https://consult.example.gov.cn',
    smtp: { url, from: 'noreply@example.gov.cn' },
    rate: { email: 1_000_000 },
  };
  const worker = new Deliverer(db, options, (m, e) => (e ? console.error(m, e) : undefined));
  const t0 = performance.now();
  while ((await worker.tick()) > 0);
  const took = performance.now() - t0;
  await worker.stop();
  const sent = sink.count();
  if (sent !== MESSAGES) throw new Error(`delivered ${sent}, not ${MESSAGES}`);

  // The floor: the same transport (nodemailer, the same pool) alone, 4 at a time, no database.
  const mailer = smtpTransport({ url, from: 'noreply@example.gov.cn' });
  const f0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next++ < MESSAGES) {
      await mailer.send({
        to: `p${next}@example.cn`,
        messageId: `<floor.${next}@bench.example>`,
        subject: '意见处理结果已公布：基准测试',
        text: '您的意见处理结果：采纳',
        html: '<p>您的意见处理结果：采纳</p>',
        short: '',
        unsubscribe: 'https://consult.example.gov.cn/api/v1/notify/unsubscribe?s=1&t=x',
        data: {},
      });
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  const floor = performance.now() - f0;
  await mailer.close();
  await sink.close();
  console.log(
    `${name}: deliver ${MESSAGES.toLocaleString('en')} e-mails  ${seconds(took)} (${rate(MESSAGES, took)})   floor, the transport alone ${seconds(floor)} (${rate(MESSAGES, floor)})   ${(took / floor).toFixed(1)}×`,
  );
}

for (const { name, fresh } of databases) {
  const db = await fresh();
  await fanout(name, db);
  await delivery(name, db);
  await db.close();
}
await closeDatabases();

// Two instances on one database (issue 20): the fan-out and every message are worked once
// (FOR UPDATE SKIP LOCKED, with leases), whichever instance takes them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp, NotifySecrets } from '@gongkai/server';
import { type MailCatcher, startMailCatcher } from '../../scripts/lib/mail-catcher.js';
import { closeDatabases, databases, sameDatabase } from './databases.js';
import { consultation, iso, setup } from './helpers.js';

after(closeDatabases);

let smtp: MailCatcher;
before(async () => {
  smtp = await startMailCatcher();
});
after(async () => smtp.close());

const N = 200;
const secrets = new NotifySecrets(['instances-test-secret-of-at-least-32-characters']);
const notify = () => ({
  secrets,
  publicUrl: 'https://consult.example.gov.cn',
  smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: 'noreply@example.gov.cn' },
  rate: { email: 100_000 },
  pollMs: 50,
  batch: 20,
  fanoutBatch: 50,
});

for (const { name, fresh } of databases) {
  describe(`notifications on two instances, ${name}`, () => {
    test(`${N} messages of one event are sent once each, by whichever instance takes them`, async () => {
      const ctx = await setup(fresh, { notify: notify() });
      const db2 = await sameDatabase(ctx.db);
      const second = await buildApp(db2, { jobs: { pollMs: 50 }, notify: notify() });
      await second.ready();
      try {
        const id = await consultation(ctx, { closes: iso(35) });
        const tag = `${name.toLowerCase()}${process.pid}`;
        const rows = Array.from({ length: N }, (_, i) => ({
          n: i + 1,
          enc: secrets.encrypt(`m${i + 1}.${tag}@example.cn`),
          hash: secrets.hashAddress(`m${i + 1}.${tag}@example.cn`),
        }));
        await ctx.db.query(
          `INSERT INTO notify_subscriptions (kind, consultation_id, channel, address_enc, address_hash, address_mask, state,
             confirmed_at)
           SELECT 'consultation', $1, 'email', x.enc, x.hash, 'm***@example.cn', 'confirmed', now()
           FROM jsonb_to_recordset($2::jsonb) AS x(n int, enc text, hash text)`,
          [id, JSON.stringify(rows)],
        );
        const moved = await ctx.staff({
          method: 'PATCH',
          url: `/api/v1/consultations/${id}`,
          payload: { closes: iso(45), windowChangeReason: '延长。' },
        });
        assert.equal(moved.statusCode, 200, moved.body);
        // The window's change (the opening, fanned out meanwhile, reaches them too: not counted here).
        const ours = () =>
          smtp.messages.filter(
            (m) => m.to[0]?.endsWith(`.${tag}@example.cn`) && m.parsed.subject?.startsWith('征求意见期限变更'),
          );
        await smtp.waitFor(() => new Set(ours().map((m) => m.to[0])).size === N, 120_000);
        await new Promise((r) => setTimeout(r, 500));
        const ids = ours().map((m) => m.parsed.messageId);
        assert.equal(ids.length, N, 'no message twice');
        assert.equal(new Set(ids).size, N);
        const { rows: states } = await ctx.db.query<{ state: string; n: number }>(
          `SELECT d.state, count(*)::int AS n FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
           WHERE d.consultation_id = $1 AND e.kind = 'window.changed' GROUP BY d.state`,
          [id],
        );
        assert.deepEqual(states, [{ state: 'sent', n: N }]);
      } finally {
        await second.close();
        await db2.close();
        await ctx.close();
      }
    });
  });
}

// The delivery worker: takes due deliveries a batch at a time with a lease (FOR UPDATE SKIP
// LOCKED: one worker per message across instances), sends each at its transport's rate, then
// records it. A worker that dies between sending and recording leaves the row leased; once the
// lease runs out (at once on the embedded database, which one process owns) it is sent again
// with the same Message-ID. Failures are retried with doubling delays; a permanent refusal counts
// as bounced. Addresses reach the logs only masked.

import { hostname } from 'node:os';
import type { Database } from '../db/database.js';
import { PollLoop } from '../jobs/poll-loop.js';
import type { Channel, NotifyOptions } from './options.js';
import { maskAddress } from './secrets.js';
import { type Locale, overrideKey, render, type Template, type TemplateOverrides } from './templates.js';
import { PermanentFailure, smsTransport, smtpTransport, type Transport, webhookTransport } from './transports.js';

interface Claimed {
  id: string;
  kind: 'confirm' | 'ack' | 'event';
  subscription_id: string;
  channel: Channel;
  message_id: string;
  payload: Record<string, unknown> | null;
  attempts: number;
  s_kind: string | null;
  s_state: string | null;
  address_enc: string | null;
  locale: Locale | null;
  e_kind: string | null;
  e_payload: Record<string, unknown> | null;
  e_withdrawn: boolean | null;
}

const RATE: Record<Channel, number> = { email: 20, sms: 5, webhook: 20 };

export class Deliverer {
  readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly loop: PollLoop;
  /** Set by stop(): a batch under way ends after the messages in flight (tick() alone runs without start()). */
  private halted = false;
  private readonly next = new Map<Channel, number>();
  /** Messages sent in the batch under way: one log line a batch, not one a message. */
  private sent = 0;
  /** The templates staff wrote, read once a batch (a handful of rows). */
  private templates: TemplateOverrides = new Map();
  readonly transports: Partial<Record<Channel, Transport>>;

  constructor(
    private readonly db: Database,
    private readonly n: NotifyOptions,
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {
    this.transports = {
      ...(n.smtp ? { email: smtpTransport(n.smtp) } : {}),
      ...(n.sms ? { sms: smsTransport(n.sms) } : {}),
      webhook: webhookTransport(),
      ...n.transports,
    };
    this.loop = new PollLoop(
      async () => (await this.tick()) > 0,
      n.pollMs ?? 1000,
      (error) => this.log('notify: delivery worker', error),
    );
  }

  start(): void {
    this.halted = false;
    // One process owns the embedded database: a lease still held was this server's before a crash.
    const released =
      this.db.kind === 'pglite'
        ? this.db
            .query(`UPDATE notify_deliveries SET locked_until = NULL WHERE state = 'sending'`)
            .catch((error) => this.log('notify: releasing leases', error))
        : undefined;
    this.loop.start(0, released);
  }

  async stop(): Promise<void> {
    this.halted = true;
    await this.loop.stop();
    await Promise.all(Object.values(this.transports).map((t) => t?.close()));
  }

  wake(): void {
    this.loop.wake();
  }

  /** Takes one batch of due deliveries and works it; how many it took. */
  async tick(): Promise<number> {
    const lease = this.n.leaseMs ?? 60_000;
    const batch = this.n.batch ?? 50;
    // Confirmations first, then acknowledgements, each from an index of its own: one must not
    // wait behind the 400,000 messages of a publication.
    const rows = await this.claim('confirm', lease, batch);
    if (rows.length < batch) rows.push(...(await this.claim('ack', lease, batch - rows.length)));
    if (rows.length < batch) rows.push(...(await this.claim('event', lease, batch - rows.length)));
    if (!rows.length) return 0;
    this.templates = await loadTemplates(this.db);
    const renew = setInterval(() => {
      this.db
        .query(
          `UPDATE notify_deliveries SET locked_until = now() + make_interval(secs => $3::float8 / 1000)
           WHERE id = ANY($1) AND locked_by = $2 AND state = 'sending'`,
          [rows.map((r) => r.id), this.worker, lease],
        )
        .catch(() => {});
    }, lease / 3);
    renew.unref();
    this.sent = 0;
    try {
      // A few at once (the SMTP pool's connections): each is recorded as soon as it has left.
      let next = 0;
      const lane = async () => {
        while (next < rows.length && !this.halted) await this.deliver(rows[next++]!);
      };
      const lanes = await Promise.allSettled(
        Array.from({ length: Math.min(this.n.concurrency ?? 4, rows.length) }, lane),
      );
      const crash = lanes.find((l) => l.status === 'rejected');
      if (crash) throw crash.reason;
      // Stopped part-way: the rest go back to the queue at once, not after the lease.
      if (next < rows.length) {
        await this.db.query(
          `UPDATE notify_deliveries SET state = 'queued', locked_by = NULL, locked_until = NULL, attempts = attempts - 1
           WHERE id = ANY($1) AND locked_by = $2 AND state = 'sending'`,
          [rows.slice(next).map((r) => r.id), this.worker],
        );
      }
    } finally {
      clearInterval(renew);
      if (this.sent) this.log(`notify: ${this.sent} of ${rows.length} messages taken sent`);
    }
    return rows.length;
  }

  private async claim(kind: Claimed['kind'], lease: number, limit: number): Promise<Claimed[]> {
    const { rows } = await this.db.query<Claimed>(
      `WITH taken AS (
         UPDATE notify_deliveries d SET state = 'sending', locked_by = $1,
           locked_until = now() + make_interval(secs => $2::float8 / 1000), attempts = d.attempts + 1
         WHERE d.id IN (
           SELECT id FROM notify_deliveries
           WHERE kind = '${kind}' AND state IN ('queued', 'sending') AND run_at <= now()
             AND (locked_until IS NULL OR locked_until < now())
           ORDER BY run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
         )
         RETURNING d.*
       )
       SELECT t.id, t.kind, t.subscription_id, t.channel, t.message_id, t.payload, t.attempts,
         s.kind AS s_kind, s.state AS s_state, s.address_enc, s.locale,
         e.kind AS e_kind, e.payload AS e_payload, e.withdrawn AS e_withdrawn
       FROM taken t LEFT JOIN notify_subscriptions s ON s.id = t.subscription_id
       LEFT JOIN notify_events e ON e.id = t.event_id
       ORDER BY t.id`,
      [this.worker, lease, limit],
    );
    return rows;
  }

  private async finish(id: string, state: string, error?: string, retryInMs?: number): Promise<void> {
    await this.db.query(
      `UPDATE notify_deliveries SET state = $3, locked_by = NULL, locked_until = NULL, last_error = $4,
         sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END,
         run_at = CASE WHEN $5::float8 IS NULL THEN run_at ELSE now() + make_interval(secs => $5::float8 / 1000) END
       WHERE id = $1 AND locked_by = $2`,
      [id, this.worker, state, error ?? null, retryInMs ?? null],
    );
  }

  private async pace(channel: Channel): Promise<void> {
    const rate = this.n.rate?.[channel] ?? RATE[channel];
    const now = Date.now();
    const at = Math.max(now, this.next.get(channel) ?? 0);
    this.next.set(channel, at + 1000 / rate);
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }

  private async deliver(row: Claimed): Promise<void> {
    // Sent only to whom it may still go: a pending address gets its confirmation and nothing else.
    const wanted = row.kind === 'confirm' ? 'pending' : 'confirmed';
    if (row.s_state !== wanted || !row.address_enc || row.e_withdrawn) {
      await this.finish(row.id, 'dropped');
      return;
    }
    const transport = this.transports[row.channel];
    let to = '';
    try {
      if (!transport) throw new Error(`no ${row.channel} transport is configured`);
      to = this.n.secrets.decrypt(row.address_enc);
      const message = this.message(row);
      await this.pace(row.channel);
      await transport.send({ ...message, to });
      await this.n.afterSend?.(Number(row.id));
      await this.finish(row.id, 'sent');
      this.sent++;
    } catch (error) {
      // A crash (simulated by a test hook) records nothing: the lease is left to run out.
      if ((error as { crash?: boolean }).crash) throw error;
      const masked = to ? maskAddress(row.channel, to) : `subscription ${row.subscription_id}`;
      // Never the transport's message verbatim in the row or the log: it may quote the address.
      const reason = String((error as Error)?.message ?? error)
        .replaceAll(to || '\0', masked)
        .slice(0, 300);
      if (error instanceof PermanentFailure) {
        await this.finish(row.id, 'bounced', reason);
        this.log(`notify: ${row.message_id} to ${masked} bounced: ${reason}`);
        return;
      }
      if (row.attempts >= (this.n.maxAttempts ?? 8)) {
        await this.finish(row.id, 'failed', reason);
        this.log(`notify: ${row.message_id} to ${masked} failed after ${row.attempts} attempts: ${reason}`);
        return;
      }
      const delay = Math.min(3_600_000, (this.n.backoffMs ?? 30_000) * 2 ** (row.attempts - 1));
      await this.finish(row.id, 'queued', reason, delay);
      this.log(`notify: ${row.message_id} to ${masked} will be retried in ${Math.round(delay / 1000)} s: ${reason}`);
    }
  }

  private message(row: Claimed) {
    const id = row.subscription_id;
    const s = this.n.secrets;
    const api = `${this.n.publicUrl.replace(/\/$/, '')}/api/v1/notify`;
    const unsubscribe = `${api}/unsubscribe?s=${id}&t=${s.sign('unsubscribe', id)}`;
    // An acknowledgement carries its consultation (title, page) in its own payload.
    const e = row.e_payload ?? (row.kind === 'ack' ? row.payload : null) ?? {};
    const site = this.n.siteUrl ?? this.n.publicUrl;
    const page = typeof e.pageUrl === 'string' ? new URL(e.pageUrl, site).href : undefined;
    const consultation = typeof e.consultation === 'string' ? e.consultation : null;
    const receipt = typeof row.payload?.receipt === 'string' ? row.payload.receipt : null;
    const links = {
      unsubscribe,
      confirm: row.kind === 'confirm' ? `${api}/confirm?s=${id}&t=${s.sign('confirm', id)}` : undefined,
      page,
      feedback: consultation
        ? (page ?? `${this.n.publicUrl.replace(/\/$/, '')}/api/v1/consultations/${consultation}/feedback`)
        : undefined,
      receipt: receipt
        ? page
          ? `${page}${page.includes('?') ? '&' : '?'}receipt=${receipt}`
          : `${this.n.publicUrl.replace(/\/$/, '')}/api/v1/receipts/${receipt}`
        : undefined,
    };
    const rendered = render(
      {
        locale: row.locale ?? 'zh-Hans',
        event: row.kind === 'event' ? { kind: row.e_kind ?? '', payload: e } : null,
        ack: row.kind === 'ack',
        follows: row.s_kind ?? 'site',
        own: row.payload,
        links,
      },
      this.templates,
    );
    return {
      ...rendered,
      messageId: row.message_id,
      unsubscribe,
      data: { kind: row.kind === 'event' ? row.e_kind : row.kind, ...e, ...(row.payload ?? {}), links },
      webhookKey: row.channel === 'webhook' ? s.webhookKey(id) : undefined,
    };
  }
}

/** The templates staff wrote (migrations/040), by kind and language. */
export async function loadTemplates(db: Database): Promise<TemplateOverrides> {
  const { rows } = await db.query<Template & { kind: string; locale: Locale }>(
    'SELECT kind, locale, subject, body FROM notify_templates',
  );
  return new Map(rows.map((r) => [overrideKey(r.kind, r.locale), { subject: r.subject, body: r.body }]));
}

// The outbox: each event is written by the transaction that causes it (publishing the feedback,
// moving a window, creating a consultation, a new policy version), with the job that fans it out
// when it takes effect. Fan-out writes one delivery per confirmed subscriber, a batch at a time
// in a transaction of its own, under the job's lease; nothing that grows with the number of
// subscribers runs on a request.
import type { ChangeExplanation } from '@gongkai/format';
import { changePlace } from '../change-place.js';
import type { Queryable } from '../db/database.js';
import type { Job, JobKind } from '../jobs/runner.js';

const DAY = 86_400_000;

interface ConsultationState {
  id: string;
  title: string;
  policy_id: string | null;
  opens: Date | string;
  closes: Date | string;
  page_url: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

async function addEvent(
  tx: Queryable,
  kind: string,
  e: { consultation?: string | null; policy?: string | null; at?: Date; payload: Record<string, unknown> },
): Promise<number> {
  const at = e.at && e.at.getTime() > Date.now() ? e.at.toISOString() : null;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO notify_events (kind, consultation_id, policy_id, at, payload)
     VALUES ($1, $2, $3, coalesce($4::timestamptz, now()), $5) RETURNING id`,
    [kind, e.consultation ?? null, e.policy ?? null, at, JSON.stringify(e.payload)],
  );
  const id = rows[0]!.id;
  await tx.query(
    `INSERT INTO jobs (kind, key, run_at) VALUES ('notify-fanout', $1, coalesce($2::timestamptz, now()))`,
    [id, at],
  );
  return Number(id);
}

const about = (c: ConsultationState) => ({
  title: c.title,
  consultation: c.id,
  policy: c.policy_id,
  opens: iso(c.opens),
  closes: iso(c.closes),
  pageUrl: c.page_url,
});

/** The opening (now, or when it opens) and the reminders 7 days and 1 day before it closes. */
async function schedule(tx: Queryable, c: ConsultationState): Promise<void> {
  const opens = new Date(c.opens);
  const closes = new Date(c.closes);
  await addEvent(tx, 'consultation.opened', { consultation: c.id, policy: c.policy_id, at: opens, payload: about(c) });
  for (const days of [7, 1]) {
    const at = new Date(closes.getTime() - days * DAY);
    // Only reminders still ahead, and within the window.
    if (at.getTime() <= Date.now() || at <= opens) continue;
    await addEvent(tx, 'consultation.closing', {
      consultation: c.id,
      policy: c.policy_id,
      at,
      payload: { ...about(c), days },
    });
  }
}

export async function consultationCreated(tx: Queryable, c: ConsultationState): Promise<void> {
  await schedule(tx, c);
}

/**
 * A window moved: those who follow are told the new dates and the reason, and the opening and
 * the reminders not yet sent are withdrawn and scheduled again for the new dates.
 */
export async function consultationChanged(
  tx: Queryable,
  before: ConsultationState,
  after: ConsultationState,
  reason: string | null,
): Promise<void> {
  const moved = iso(before.opens) !== iso(after.opens) || iso(before.closes) !== iso(after.closes);
  if (!moved) return;
  const now = Date.now();
  const wasClosed = new Date(before.closes).getTime() <= now;
  const later = new Date(after.closes).getTime() - new Date(before.closes).getTime();
  const change =
    wasClosed && new Date(after.closes).getTime() > now
      ? 'reopened'
      : later > 0
        ? 'extended'
        : later < 0
          ? 'shortened'
          : 'changed';
  const { rows: withdrawn } = await tx.query<{ id: string; kind: string }>(
    `UPDATE notify_events SET withdrawn = true
     WHERE consultation_id = $1 AND kind IN ('consultation.opened', 'consultation.closing')
       AND fanned_out_at IS NULL AND NOT withdrawn AND at > now()
     RETURNING id, kind`,
    [after.id],
  );
  if (withdrawn.length) {
    await tx.query(`DELETE FROM jobs WHERE kind = 'notify-fanout' AND key = ANY($1)`, [withdrawn.map((w) => w.id)]);
  }
  await addEvent(tx, 'window.changed', {
    consultation: after.id,
    policy: after.policy_id,
    payload: {
      ...about(after),
      previousOpens: iso(before.opens),
      previousCloses: iso(before.closes),
      change,
      reason: reason?.trim() || null,
    },
  });
  // An opening still ahead is scheduled again (one already past is not repeated).
  const reschedule = withdrawn.some((w) => w.kind === 'consultation.opened') || new Date(after.opens).getTime() > now;
  if (reschedule) {
    await schedule(tx, after);
  } else {
    for (const days of [7, 1]) {
      const at = new Date(new Date(after.closes).getTime() - days * DAY);
      if (at.getTime() <= now) continue;
      await addEvent(tx, 'consultation.closing', {
        consultation: after.id,
        policy: after.policy_id,
        at,
        payload: { ...about(after), days },
      });
    }
  }
}

/**
 * The feedback is published. With the 修改说明 (`changes`), the event carries the later version's
 * label and where each change linked to a comment is, as printed: each commenter's delivery has only
 * the keys of their own comment, and their message names those places (one entry per change, never
 * per comment).
 */
export async function feedbackPublished(
  tx: Queryable,
  consultationId: string,
  version: number,
  changes: ChangeExplanation | null = null,
): Promise<void> {
  const { rows } = await tx.query<ConsultationState>(
    'SELECT id, title, policy_id, opens, closes, page_url FROM consultations WHERE id = $1',
    [consultationId],
  );
  const c = rows[0]!;
  const traced = changes?.items.length
    ? {
        changes: {
          version: changes.version,
          label: changes.label,
          places: Object.fromEntries(changes.items.map((x) => [x.key, changePlace(x.change)])),
        },
      }
    : {};
  await addEvent(tx, 'feedback.published', {
    consultation: c.id,
    policy: c.policy_id,
    payload: { ...about(c), version, ...traced },
  });
}

export async function policyVersioned(
  tx: Queryable,
  policyId: string,
  version: number,
  title: string,
  note: string | null,
): Promise<void> {
  await addEvent(tx, 'policy.version', { policy: policyId, payload: { title, policy: policyId, version, note } });
}

interface EventRow {
  id: string;
  kind: string;
  consultation_id: string | null;
  policy_id: string | null;
  cursor: { pass: number; after: string } | null;
  fanned_out_at: Date | null;
  withdrawn: boolean;
}

// Who hears of an event, pass by pass (each walks one index in id order): those who follow its
// consultation (commenters only of what concerns their comment), then its policy, then the site.
const PASSES = [
  `s.consultation_id = $2::text AND (s.kind = 'consultation' OR (s.kind = 'comment' AND $4::text IN ('feedback.published', 'window.changed')))`,
  `s.policy_id = $3::text AND s.kind = 'policy'`,
  `s.kind = 'site'`,
];

export interface FanoutOptions {
  /** Deliveries written per transaction (5,000). */
  batch?: number;
  /** The host part of Message-IDs. */
  domain: string;
  /** Deliveries were written: the worker may look at once. */
  wake?: () => void;
}

/** Writes one batch of deliveries; the number written, or -1 when the event is done. */
async function fanoutBatch(tx: Queryable, job: Job, event: EventRow, options: FanoutOptions): Promise<number> {
  let pass = event.cursor?.pass ?? 0;
  let after = event.cursor?.after ?? '0';
  if (!(await job.holds(tx))) throw new Error('lost the lease of the fan-out job');
  const commenter = event.kind === 'feedback.published';
  // Passes with nobody left in them are walked in this same transaction (an event nobody
  // follows costs one transaction).
  for (;;) {
    if (pass >= PASSES.length) {
      await tx.query('UPDATE notify_events SET fanned_out_at = now(), cursor = $2 WHERE id = $1', [
        event.id,
        JSON.stringify({ pass, after: '0' }),
      ]);
      return -1;
    }
    const n = await passBatch(tx, event, options, pass, after, commenter);
    if (n.last) {
      await tx.query('UPDATE notify_events SET cursor = $2 WHERE id = $1', [
        event.id,
        JSON.stringify({ pass, after: n.last }),
      ]);
      return n.written;
    }
    pass++;
    after = '0';
  }
}

/** One batch of one pass: the last subscription it read (null: the pass is done) and the deliveries written. */
async function passBatch(
  tx: Queryable,
  event: EventRow,
  options: FanoutOptions,
  pass: number,
  after: string,
  commenter: boolean,
): Promise<{ last: string | null; written: number }> {
  const { rows } = await tx.query<{ last: string | null; n: number }>(
    `WITH batch AS (
       SELECT s.id, s.kind, s.comment_id, s.channel FROM notify_subscriptions s
       WHERE s.state = 'confirmed' AND s.id > $5::bigint AND ${PASSES[pass]}
         -- Each parameter typed in every pass (a pass that does not use one would leave it untyped).
         AND ($3::text IS NULL OR true) AND ($4::text IS NULL OR true)
       ORDER BY s.id LIMIT $6::int
     ), own AS (
       SELECT b.id, b.channel,
         CASE WHEN $8::boolean AND b.kind = 'comment' THEN jsonb_build_object('receipt', m.receipt, 'moderation', o.moderation,
           'decision', o.decision, 'reason', o.reason, 'removal', CASE WHEN o.moderation = 'rejected' THEN m.removal_reason END,
           'changes', o.changes) END AS payload,
         told.payload - 'update' AS told
       FROM batch b
       LEFT JOIN comments m ON b.kind = 'comment' AND m.id = b.comment_id
       LEFT JOIN comment_outcomes o ON b.kind = 'comment' AND o.comment_id = b.comment_id
       -- What an earlier publication told this commenter: the same again is not sent; only new
       -- changes of the final text make a message of their own (templates.ts: changes.published).
       LEFT JOIN LATERAL (
         SELECT d.payload FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
         WHERE d.subscription_id = b.id AND d.event_id <> $1::bigint AND e.kind = 'feedback.published'
         ORDER BY d.event_id DESC LIMIT 1
       ) told ON $8::boolean AND b.kind = 'comment'
     ), ins AS (
       INSERT INTO notify_deliveries (kind, event_id, subscription_id, consultation_id, channel, message_id, payload)
       SELECT 'event', $1::bigint, x.id, $2::text, x.channel, '<gk.' || $9::text || '.' || x.id || '@' || $7::text || '>',
         CASE WHEN x.told IS NOT NULL AND x.payload - 'changes' = x.told - 'changes'
           AND jsonb_array_length(coalesce(x.payload->'changes', '[]')) > 0
           THEN x.payload || '{"update": "changes"}' ELSE x.payload END
       FROM own x
       WHERE x.told IS NULL OR x.payload IS DISTINCT FROM x.told
       ORDER BY x.id
       ON CONFLICT (subscription_id, event_id) DO NOTHING
       RETURNING subscription_id
     )
     SELECT (SELECT max(id) FROM batch)::text AS last, (SELECT count(*) FROM ins)::int AS n`,
    [
      event.id,
      event.consultation_id,
      event.policy_id,
      event.kind,
      after,
      options.batch ?? 5000,
      options.domain,
      commenter,
      String(event.id),
    ],
  );
  return { last: rows[0]?.last ?? null, written: rows[0]?.n ?? 0 };
}

export const fanoutJob = (options: FanoutOptions): JobKind => ({
  async discover() {},
  async run(db, job) {
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const { rows } = await tx.query<EventRow>('SELECT * FROM notify_events WHERE id = $1 FOR UPDATE', [job.key]);
        const event = rows[0];
        if (!event || event.fanned_out_at || event.withdrawn) return true;
        const n = await fanoutBatch(tx, job, event, options);
        return n < 0;
      });
      options.wake?.();
      if (done) return;
    }
  },
});

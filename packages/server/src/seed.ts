// `--seed`: policy bundles, and consultation fixtures with comments and decisions for the demo.
// Seeding only adds what is missing: a restart with the same fixtures changes nothing that
// exists (staff's decisions, a consultation's edited basis, a policy's later versions), and what
// it adds is in the audit log as done by `seed`.

import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type CompareInput, compareTexts } from '@gongkai/format';
import type { Attachments } from './attachments/attachments.js';
import { linkChanges } from './changes.js';
import { toTimestamp } from './consultations.js';
import type { Database } from './db/database.js';
import { publishFeedback } from './feedback.js';
import { audit } from './lib/audit.js';
import { escapeHtml } from './lib/html.js';
import { newReceipt } from './lib/receipts.js';
import { putPolicy } from './policies.js';

const SEED = 'seed';

type Json = Record<string, unknown>;

interface SeedComment {
  body: string;
  clause?: string;
  submitterType?: string;
  name?: string;
  contact?: string;
  /** Days after the window opened. */
  day?: number;
  moderation?: 'approved' | 'rejected';
  decision?: string;
  reason?: string;
  /** The changes of `revision` this (adopted) comment led to: clause ids of the revised text. */
  changes?: string[];
  /** Received otherwise than online (a letter…), entered by staff: the day is when it was received. */
  channel?: string;
  /** The scanned original's reference (a file number), for an entered comment. */
  originalRef?: string;
  /** Files the commenter attached: paths relative to the seed file, stored as an upload would be. */
  attachments?: string[];
}

/**
 * A consultation fixture: `opens`/`closes` are dates, or `openedDaysAgo` + `days` for a window
 * that is open now.
 */
export interface ConsultationSeed {
  kind: 'gongkai-consultation';
  id: string;
  title: string;
  policy?: string;
  opens?: string;
  closes?: string;
  openedDaysAgo?: number;
  days?: number;
  shortWindowReason?: string;
  origins?: string[];
  contact?: string;
  draftingNotes?: string;
  basis?: { title: string; url?: string }[];
  /** The date staff expect to publish the feedback, or `feedbackDaysAfterClosing` days after `closes`. */
  feedbackExpected?: string;
  feedbackDaysAfterClosing?: number;
  /** Where citizens read the draft and comment (a path on the demo site, or https://…). */
  pageUrl?: string;
  comments?: SeedComment[];
  publish?: boolean;
  /**
   * Also store `policy` as the draft that was consulted on, under this id: marked as a draft
   * (征求意见稿) and carrying the consultation, so the page shows gk-consultation.
   */
  draftPolicy?: string;
  /** Units (处室) of the site, added if missing. */
  units?: string[];
  /** Comments (by their 1-based place in `comments`) assigned to a unit, due some days after closing. */
  assignments?: { unit: string; dueDaysAfterClosing?: number; comments: number[]; note?: string }[];
  /**
   * The text adopted after the consultation, stored as the next version of `draftPolicy`: the
   * draft with `edits` (each `from` found once in the text), the policy's meta as issued, compared
   * with the draft; comments name the changes they led to (`changes`) before the feedback is published.
   */
  revision?: { label: string; note: string; edits: { from: string; to: string }[] };
}

const DAY = 86_400_000;
/** The calendar date in China Standard Time (UTC+8, no daylight saving) of an instant. */
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export function seedFiles(path: string): string[] {
  return statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(path, f))
    : [path];
}

/**
 * Seeds one file; returns what it was. Policies are seeded before consultations that refer to them.
 * Comments' attached files go to `files` (the server's attachment store); without it they are left out.
 */
export async function seedFile(db: Database, file: string, files?: Attachments): Promise<string> {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (data?.kind === 'gongkai-consultation') {
    const seeded = await seedConsultation(db, data);
    const attached = files ? await seedAttachments(db, data, dirname(file), files) : 0;
    return `consultation ${seeded}${attached ? ` (${attached} attachments)` : ''}`;
  }
  const stored = await db.transaction((tx) => putPolicy(tx, data, { actor: SEED, mode: 'missing' }));
  return `policy ${stored.bundle.id}${stored.changed ? '' : ' (exists, left as it is)'}`;
}

export async function seedConsultation(db: Database, s: ConsultationSeed): Promise<string> {
  const opens =
    s.openedDaysAgo !== undefined
      ? new Date(Date.now() - s.openedDaysAgo * DAY).toISOString()
      : toTimestamp(s.opens!, false);
  const closes =
    s.openedDaysAgo !== undefined
      ? new Date(Date.parse(opens) + (s.days ?? 30) * DAY).toISOString()
      : toTimestamp(s.closes!, true);
  const feedbackExpected =
    s.feedbackDaysAfterClosing !== undefined
      ? chinaDay(Date.parse(closes) + s.feedbackDaysAfterClosing * DAY)
      : (s.feedbackExpected ?? null);
  const added = await db.transaction(async (tx) => {
    if (s.draftPolicy) {
      if (!s.policy) throw new Error(`${s.id}: draftPolicy copies the consultation's policy, and it has none`);
      const { rows } = await tx.query<{ bundle: Json }>('SELECT bundle FROM policies WHERE id = $1', [s.policy]);
      if (!rows[0]) throw new Error(`${s.id}: no policy ${s.policy} to copy as the draft (seed it first)`);
      await putPolicy(tx, draftOf(rows[0].bundle, s, opens, closes), { actor: SEED, mode: 'missing' });
    }
    // A consultation with a draft of its own is about that draft: its later versions are the final text.
    const { rows: inserted } = await tx.query(
      `INSERT INTO consultations (id, title, policy_id, opens, closes, short_window_reason, origins, contact, drafting_notes, basis,
         feedback_expected, page_url, policy_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, (SELECT version FROM policies WHERE id = $3))
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        s.id,
        s.title,
        s.draftPolicy ?? s.policy ?? null,
        opens,
        closes,
        s.shortWindowReason ?? null,
        s.origins ?? [],
        s.contact ?? null,
        s.draftingNotes ?? null,
        JSON.stringify(s.basis ?? []),
        feedbackExpected,
        s.pageUrl ?? null,
      ],
    );
    if (inserted[0]) {
      await audit(tx, {
        actor: SEED,
        action: 'consultation.create',
        consultationId: s.id,
        after: { id: s.id, title: s.title },
      });
    }
    let comments = 0;
    for (const [i, c] of (s.comments ?? []).entries()) {
      const at = new Date(Date.parse(opens) + (c.day ?? i) * DAY + i * 60_000).toISOString();
      const moderation = c.decision ? 'approved' : (c.moderation ?? 'pending');
      const { rows: made } = await tx.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, clause, body, submitter_type, name, contact,
           moderation, decision, reason, created_at, policy_version, channel, received_at, entered_by, original_ref)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
           (SELECT p.version FROM consultations c JOIN policies p ON p.id = c.policy_id WHERE c.id = $1),
           $14, CASE WHEN $14 <> 'online' THEN $13::timestamptz END, CASE WHEN $14 <> 'online' THEN 'seed' END, $15
         ON CONFLICT (consultation_id, idempotency_key) DO NOTHING RETURNING id`,
        [
          s.id,
          newReceipt(),
          `seed-${i + 1}`,
          createHash('sha256').update(c.body).digest('base64url'),
          c.clause ?? null,
          c.body,
          c.submitterType ?? 'individual',
          c.name ?? null,
          c.contact ?? null,
          moderation,
          c.decision ?? null,
          c.reason ?? null,
          at,
          c.channel ?? 'online',
          c.originalRef ?? null,
        ],
      );
      comments += made.length;
    }
    if (comments) await audit(tx, { actor: SEED, action: 'seed.comments', consultationId: s.id, after: { comments } });
    for (const name of s.units ?? []) {
      const { rows } = await tx.query(
        'INSERT INTO units (name, created_by) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id',
        [name, SEED],
      );
      if (rows[0]) await audit(tx, { actor: SEED, action: 'unit.create', after: { name } });
    }
    // Assignments only with the consultation itself: seeding again adds none.
    for (const a of inserted[0] ? (s.assignments ?? []) : []) {
      const due = chinaDay(Date.parse(closes) + (a.dueDaysAfterClosing ?? 7) * DAY);
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO assignments (consultation_id, unit_id, due, note, created_by)
         SELECT $1, id, $3, $4, $5 FROM units WHERE name = $2 RETURNING id`,
        [s.id, a.unit, due, a.note ?? null, SEED],
      );
      if (!rows[0]) throw new Error(`${s.id}: assignment to ${a.unit}, a unit the seed does not list`);
      await tx.query(
        `UPDATE comments SET assignment_id = $2, unit_id = (SELECT unit_id FROM assignments WHERE id = $2)
         WHERE consultation_id = $1 AND idempotency_key = ANY($3::text[])`,
        [s.id, rows[0].id, a.comments.map((n) => `seed-${n}`)],
      );
      await audit(tx, {
        actor: SEED,
        action: 'assignment.create',
        consultationId: s.id,
        after: { assignment: Number(rows[0].id), unit: a.unit, due, comments: a.comments.length },
      });
    }
    return { consultation: inserted.length > 0, comments };
  });
  if (s.revision) await seedRevision(db, s, opens);
  if (s.publish) {
    const { rows } = await db.query('SELECT 1 FROM feedback_versions WHERE consultation_id = $1', [s.id]);
    if (!rows[0]) {
      // Feedback a seed says was published was signed off first (publication requires it).
      await db.transaction(async (tx) => {
        const { rows: signed } = await tx.query<{ n: number }>(
          `WITH u AS (UPDATE comments SET stage = 'signed', stage_by = $2, stage_at = now()
             WHERE consultation_id = $1 AND decision IS NOT NULL AND stage <> 'signed' RETURNING 1)
           SELECT count(*)::int AS n FROM u`,
          [s.id, SEED],
        );
        if (signed[0]!.n) {
          await audit(tx, {
            actor: SEED,
            action: 'seed.sign-off',
            consultationId: s.id,
            after: { comments: signed[0]!.n },
          });
        }
      });
      await publishFeedback(db, s.id, SEED);
    }
  }
  return added.consultation ? s.id : `${s.id} (exists, left as it is; ${added.comments} comments added)`;
}

/**
 * The files seeded comments carry, uploaded through the store and its checks (type from the bytes,
 * size, scanner) as a citizen's would be. A comment that has files already gets none: seeding again adds nothing.
 */
async function seedAttachments(db: Database, s: ConsultationSeed, dir: string, files: Attachments): Promise<number> {
  let added = 0;
  for (const [i, c] of (s.comments ?? []).entries()) {
    if (!c.attachments?.length) continue;
    const key = `seed-${i + 1}`;
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(a.id)::int AS n FROM comments m LEFT JOIN attachments a ON a.comment_id = m.id
       WHERE m.consultation_id = $1 AND m.idempotency_key = $2`,
      [s.id, key],
    );
    if (rows[0]?.n !== 0) continue;
    const tokens: string[] = [];
    for (const path of c.attachments) {
      const file = resolve(dir, path);
      tokens.push((await files.upload(s.id, basename(file), createReadStream(file))).token);
    }
    added += await files.link(s.id, key, tokens);
  }
  if (added)
    await audit(db, { actor: SEED, action: 'seed.attachments', consultationId: s.id, after: { files: added } });
  return added;
}

/** The final text of a seeded consultation's draft (see ConsultationSeed.revision), once, with its links. */
async function seedRevision(db: Database, s: ConsultationSeed, opens: string): Promise<void> {
  const r = s.revision!;
  if (!s.draftPolicy || !s.policy) throw new Error(`${s.id}: a revision is the next version of draftPolicy`);
  const { rows: done } = await db.query('SELECT 1 FROM policy_versions WHERE policy_id = $1 AND label = $2', [
    s.draftPolicy,
    r.label,
  ]);
  if (done[0]) return;
  const { rows } = await db.query<{ bundle: Json; version: number; issued: Json }>(
    `SELECT d.bundle, d.version, p.bundle->'meta' AS issued FROM policies d, policies p WHERE d.id = $1 AND p.id = $2`,
    [s.draftPolicy, s.policy],
  );
  const draft = rows[0];
  if (!draft) throw new Error(`${s.id}: no policy ${s.draftPolicy} or ${s.policy}`);
  const edit = (text: string, from: string, to: string, where: string) => {
    if (text.split(from).length !== 2) throw new Error(`${s.id}: revision edit "${from}" must occur once in ${where}`);
    return text.replace(from, to);
  };
  const { consultation: _c, comparison: _old, ...kept } = draft.bundle;
  const final: Json & { clauses: { text: string }[] } = JSON.parse(JSON.stringify(kept));
  for (const { from, to } of r.edits) {
    const clause = final.clauses.find((c) => c.text.includes(from));
    if (!clause) throw new Error(`${s.id}: no clause of ${s.draftPolicy} contains "${from}"`);
    clause.text = edit(clause.text, from, to, 'its clause');
    if (typeof final.body === 'string') final.body = edit(final.body, from, to, 'the body');
    if (typeof final.bodyHtml === 'string')
      final.bodyHtml = edit(final.bodyHtml, escapeHtml(from), escapeHtml(to), 'the body HTML');
  }
  final.meta = draft.issued;
  final.revisionOf = {
    label: DRAFT,
    date: chinaDay(Date.parse(opens)),
    id: s.draftPolicy,
    url: `/api/v1/policies/${s.draftPolicy}?version=${draft.version}`,
  };
  final.comparison = compareTexts(draft.bundle as CompareInput, final as unknown as CompareInput);
  const stored = await db.transaction((tx) =>
    putPolicy(tx, final, { actor: SEED, mode: 'revise', note: r.note, label: r.label }),
  );
  for (const [i, c] of (s.comments ?? []).entries()) {
    if (!c.changes?.length) continue;
    const { rows: made } = await db.query<{ id: string }>(
      'SELECT id FROM comments WHERE consultation_id = $1 AND idempotency_key = $2',
      [s.id, `seed-${i + 1}`],
    );
    if (made[0]) await linkChanges(db, s.id, Number(made[0].id), { version: stored.version, changes: c.changes }, SEED);
  }
}

const DRAFT = '征求意见稿';
// What a draft has not got yet: it was never issued, so it has no number, dates or relations.
const ISSUED = ['docNumber', 'indexNumber', 'published', 'effective', 'expires', 'supersededBy', 'amends'];

/** The policy as the draft consulted on: status draft, a title marked 征求意见稿, and the consultation. */
export function draftOf(policy: Json, s: ConsultationSeed, opens: string, closes: string): Json {
  const meta = Object.fromEntries(Object.entries(policy.meta as Json).filter(([k]) => !ISSUED.includes(k)));
  const title = String(meta.title);
  const consultation = Object.fromEntries(
    Object.entries({
      id: s.id,
      endpoint: '/api/v1',
      opens: new Date(opens).toISOString(),
      closes: new Date(closes).toISOString(),
      contact: s.contact,
      draftingNotes: s.draftingNotes,
      basis: s.basis,
      shortWindowReason: s.shortWindowReason,
    }).filter(([, v]) => v !== undefined),
  );
  return {
    ...policy,
    id: s.draftPolicy,
    meta: { ...meta, title: title.includes(DRAFT) ? title : `${title}（${DRAFT}）`, status: 'draft' },
    consultation,
  };
}

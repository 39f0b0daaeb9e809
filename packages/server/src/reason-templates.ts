// Reason templates: reusable reasons the staff console offers when deciding on comments. Any
// staff member may read them; those who may decide create, change and delete them. Every
// change is audited (with no consultation: they serve all of them).
import type { Decision, ReasonTemplateView } from '@gongkai/format';
import type { Database, Queryable } from './db/database.js';
import { audit } from './lib/audit.js';
import { notFound } from './lib/errors.js';

export interface ReasonTemplateInput {
  decision?: Decision | null;
  title?: string;
  text?: string;
}

interface Row {
  id: string | number;
  decision: Decision | null;
  title: string;
  text: string;
  created_by: string;
  updated_at: Date;
}

const COLUMNS = 'id, decision, title, text, created_by, updated_at';

const toView = (r: Row): ReasonTemplateView => ({
  id: Number(r.id),
  decision: r.decision,
  title: r.title,
  text: r.text,
  createdBy: r.created_by,
  updated: new Date(r.updated_at).toISOString(),
});

// What the audit log keeps of a template: its content, not its bookkeeping.
const content = (r: Row) => ({ id: Number(r.id), decision: r.decision, title: r.title, text: r.text });

/** Templates in the order staff made them; with `decision`, those for it and those for any decision. */
export async function listReasonTemplates(db: Queryable, decision?: Decision): Promise<ReasonTemplateView[]> {
  const { rows } = decision
    ? await db.query<Row>(
        `SELECT ${COLUMNS} FROM reason_templates WHERE decision = $1 OR decision IS NULL ORDER BY id`,
        [decision],
      )
    : await db.query<Row>(`SELECT ${COLUMNS} FROM reason_templates ORDER BY id`);
  return rows.map(toView);
}

export async function createReasonTemplate(db: Database, input: ReasonTemplateInput, actor: string) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      `INSERT INTO reason_templates (decision, title, text, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [input.decision ?? null, input.title!.trim(), input.text!.trim(), actor],
    );
    const row = rows[0]!;
    await audit(tx, { actor, action: 'reason-template.create', after: content(row) });
    return toView(row);
  });
}

export async function patchReasonTemplate(db: Database, id: number, input: ReasonTemplateInput, actor: string) {
  return db.transaction(async (tx) => {
    const before = await lock(tx, id);
    const { rows } = await tx.query<Row>(
      `UPDATE reason_templates SET decision = $2, title = $3, text = $4, updated_at = now() WHERE id = $1
       RETURNING ${COLUMNS}`,
      [
        id,
        input.decision !== undefined ? input.decision : before.decision,
        input.title?.trim() ?? before.title,
        input.text?.trim() ?? before.text,
      ],
    );
    const row = rows[0]!;
    await audit(tx, { actor, action: 'reason-template.update', before: content(before), after: content(row) });
    return toView(row);
  });
}

export async function deleteReasonTemplate(db: Database, id: number, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lock(tx, id);
    await tx.query('DELETE FROM reason_templates WHERE id = $1', [id]);
    await audit(tx, { actor, action: 'reason-template.delete', before: content(before) });
  });
}

async function lock(tx: Queryable, id: number): Promise<Row> {
  const { rows } = await tx.query<Row>(`SELECT ${COLUMNS} FROM reason_templates WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw notFound(`reason template ${id}`);
  return rows[0];
}

/** The audit log of every template: who made, changed or deleted which, when, before and after. */
export async function reasonTemplateAudit(db: Queryable) {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    actor: string;
    action: string;
    before: unknown;
    after: unknown;
  }>(
    `SELECT id, at, actor, action, before, after FROM audit_log
     WHERE consultation_id IS NULL AND action LIKE 'reason-template.%' ORDER BY id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    commentId: null,
    before: r.before,
    after: r.after,
  }));
}

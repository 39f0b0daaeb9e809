// Assignment of comments and groups to units (处室) with a due date, and internal notes with
// replies. An assignment is open while one of its comments awaits a decision (closed by the
// decision that settles the last, decisions.ts, or by hand); open assignments block publication.
// Notes are staff-only: never published, never exported. Every write is audited.
import type { Database, Queryable } from './db/database.js';
import { type Actor, type CommentFilter, closeDecidedAssignments, filterSql, lockForDecisions } from './decisions.js';
import { audit } from './lib/audit.js';
import { HttpError, notFound } from './lib/errors.js';

export interface UnitView {
  id: number;
  name: string;
  created: string;
}

export async function listUnits(db: Queryable): Promise<{ items: UnitView[] }> {
  const { rows } = await db.query<{ id: string; name: string; created_at: Date }>(
    'SELECT id, name, created_at FROM units ORDER BY name, id',
  );
  return {
    items: rows.map((r) => ({ id: Number(r.id), name: r.name, created: new Date(r.created_at).toISOString() })),
  };
}

export async function createUnit(db: Database, name: string, actor: string): Promise<UnitView> {
  const trimmed = name.trim();
  if (!trimmed) {
    throw new HttpError(400, 'invalid', 'the unit needs a name', {
      zh: '请填写处室名称',
      problems: [{ path: '$.name', message: 'empty' }],
    });
  }
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; name: string; created_at: Date }>(
      'INSERT INTO units (name, created_by) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id, name, created_at',
      [trimmed, actor],
    );
    const r = rows[0];
    if (!r) throw new HttpError(409, 'exists', `a unit named ${trimmed} exists`, { zh: '已有同名处室' });
    await audit(tx, { actor, action: 'unit.create', after: { unit: Number(r.id), name: r.name } });
    return { id: Number(r.id), name: r.name, created: new Date(r.created_at).toISOString() };
  });
}

export interface AssignInput {
  unit: number;
  /** YYYY-MM-DD. */
  due: string;
  note?: string;
  /** One comment, a group, or a filter of the staff list: exactly one. */
  comment?: number;
  group?: number;
  filter?: CommentFilter;
}

interface AssignmentRow {
  id: string;
  consultation_id: string;
  unit_id: string;
  unit_name: string;
  due: string;
  note: string | null;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  close_reason: string | null;
  comments?: number;
  awaiting?: number;
}

const today = () => new Date().toISOString().slice(0, 10);

const view = (r: AssignmentRow) => ({
  id: Number(r.id),
  consultation: r.consultation_id,
  unit: Number(r.unit_id),
  unitName: r.unit_name,
  due: r.due,
  note: r.note,
  createdBy: r.created_by,
  created: new Date(r.created_at).toISOString(),
  open: r.closed_at === null,
  overdue: r.closed_at === null && r.due < today(),
  closed: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  closedBy: r.closed_by,
  closeReason: r.close_reason,
  comments: r.comments ?? 0,
  awaiting: r.awaiting ?? 0,
});

const ASSIGNMENT = `SELECT a.id, a.consultation_id, a.unit_id, u.name AS unit_name, to_char(a.due, 'YYYY-MM-DD') AS due,
  a.note, a.created_by, a.created_at, a.closed_at, a.closed_by, a.close_reason,
  (SELECT count(*)::int FROM comments c WHERE c.assignment_id = a.id) AS comments,
  (SELECT count(*)::int FROM comments c WHERE c.assignment_id = a.id AND c.decision IS NULL AND c.moderation <> 'rejected')
    AS awaiting
  FROM assignments a JOIN units u ON u.id = a.unit_id`;

/**
 * Assigns the comments of one comment, a group or a filter to a unit, in one statement (a
 * comment already assigned moves to the new assignment; one left with nothing to decide closes).
 */
export async function assign(db: Database, consultationId: string, input: AssignInput, who: Actor) {
  const targets = [input.comment, input.group, input.filter].filter((t) => t !== undefined);
  if (targets.length !== 1) {
    throw new HttpError(400, 'invalid', 'give exactly one of comment, group or filter', {
      zh: '请指定一条意见、一个分组或一个筛选条件（仅一项）',
    });
  }
  // A date the calendar has (2030-02-30 is none: Date would roll it over to March).
  const day = new Date(`${input.due}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(input.due) ||
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== input.due
  ) {
    throw new HttpError(400, 'invalid', `due is not a date: ${input.due}`, {
      zh: '办理期限不是有效日期',
      problems: [{ path: '$.due', message: 'a date, YYYY-MM-DD' }],
    });
  }
  const filter: CommentFilter =
    input.comment !== undefined
      ? { comment: input.comment }
      : input.group !== undefined
        ? { group: input.group }
        : input.filter!;
  return db.transaction(async (tx) => {
    await lockForDecisions(tx, consultationId);
    const { rows: unit } = await tx.query<{ id: string }>('SELECT id FROM units WHERE id = $1', [input.unit]);
    if (!unit[0]) throw notFound(`unit ${input.unit}`);
    const { rows: made } = await tx.query<{ id: string }>(
      `INSERT INTO assignments (consultation_id, unit_id, due, note, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [consultationId, input.unit, input.due, input.note?.trim() || null, who.actor],
    );
    const id = Number(made[0]!.id);
    const params: unknown[] = [consultationId];
    const where = filterSql(filter, params);
    params.push(id, input.unit);
    const { rows } = await tx.query<{ n: number; previous: string[] | null }>(
      `WITH u AS (
         UPDATE comments c SET assignment_id = $${params.length - 1}, unit_id = $${params.length},
           revision = revision + 1, updated_at = now()
         FROM (SELECT id, assignment_id AS was FROM comments WHERE ${where.join(' AND ')}) o
         WHERE c.id = o.id RETURNING c.id, o.was
       )
       SELECT count(*)::int AS n, ARRAY(SELECT DISTINCT was FROM u WHERE was IS NOT NULL)::bigint[] AS previous FROM u`,
      params,
    );
    const n = rows[0]!.n;
    if (n === 0) {
      throw new HttpError(422, 'nothing-to-assign', 'no comment matches', {
        zh: '没有符合条件的意见',
      });
    }
    await audit(tx, {
      actor: who.actor,
      action: 'assignment.create',
      consultationId,
      commentId: input.comment,
      after: {
        assignment: id,
        unit: input.unit,
        due: input.due,
        note: input.note?.trim() || null,
        ...(input.comment !== undefined ? { comment: input.comment } : {}),
        ...(input.group !== undefined ? { group: input.group } : {}),
        ...(input.filter ? { filter: input.filter } : {}),
        comments: n,
        moved: (rows[0]!.previous ?? []).map(Number),
      },
    });
    // Assignments whose comments all moved or are decided are done (this one too, if so).
    await closeDecidedAssignments(tx, consultationId, who.actor);
    const { rows: out } = await tx.query<AssignmentRow>(`${ASSIGNMENT} WHERE a.id = $1`, [id]);
    return view(out[0]!);
  });
}

export interface AssignmentQuery {
  open?: boolean;
  unit?: number;
}

export async function listAssignments(db: Queryable, consultationId: string, query: AssignmentQuery) {
  const params: unknown[] = [consultationId];
  const where = ['a.consultation_id = $1'];
  if (query.open !== undefined) where.push(query.open ? 'a.closed_at IS NULL' : 'a.closed_at IS NOT NULL');
  if (query.unit !== undefined) {
    params.push(query.unit);
    where.push(`a.unit_id = $${params.length}`);
  }
  const { rows } = await db.query<AssignmentRow>(
    `${ASSIGNMENT} WHERE ${where.join(' AND ')} ORDER BY a.closed_at IS NOT NULL, a.due, a.id LIMIT 500`,
    params,
  );
  return { items: rows.map(view) };
}

export async function closeAssignment(
  db: Database,
  consultationId: string,
  assignmentId: number,
  reason: string,
  who: Actor,
) {
  const why = reason.trim();
  if (!why) {
    throw new HttpError(422, 'reason-required', 'say why the assignment is closed', {
      zh: '请说明办结理由',
      problems: [{ path: '$.reason', message: 'required' }],
    });
  }
  return db.transaction(async (tx) => {
    await lockForDecisions(tx, consultationId);
    const { rows } = await tx.query<{ id: string; closed_at: Date | null }>(
      'SELECT id, closed_at FROM assignments WHERE id = $1 AND consultation_id = $2 FOR UPDATE',
      [assignmentId, consultationId],
    );
    if (!rows[0]) throw notFound(`assignment ${assignmentId}`);
    if (rows[0].closed_at)
      throw new HttpError(409, 'closed', `assignment ${assignmentId} is closed`, { zh: '该交办已办结' });
    await tx.query('UPDATE assignments SET closed_at = now(), closed_by = $2, close_reason = $3 WHERE id = $1', [
      assignmentId,
      who.actor,
      why,
    ]);
    await audit(tx, {
      actor: who.actor,
      action: 'assignment.close',
      consultationId,
      after: { assignment: assignmentId, reason: why },
    });
    const { rows: out } = await tx.query<AssignmentRow>(`${ASSIGNMENT} WHERE a.id = $1`, [assignmentId]);
    return view(out[0]!);
  });
}

export interface NoteInput {
  comment?: number;
  group?: number;
  body: string;
  replyTo?: number;
}

interface NoteRow {
  id: string;
  comment_id: string | null;
  group_id: string | null;
  reply_to: string | null;
  body: string;
  author: string;
  created_at: Date;
}

const noteView = (r: NoteRow) => ({
  id: Number(r.id),
  comment: r.comment_id === null ? null : Number(r.comment_id),
  group: r.group_id === null ? null : Number(r.group_id),
  replyTo: r.reply_to === null ? null : Number(r.reply_to),
  body: r.body,
  author: r.author,
  created: new Date(r.created_at).toISOString(),
});

function noteTarget(t: { comment?: number; group?: number }): { comment?: number; group?: number } {
  if ((t.comment === undefined) === (t.group === undefined)) {
    throw new HttpError(400, 'invalid', 'give exactly one of comment or group', {
      zh: '请指定一条意见或一个分组（仅一项）',
    });
  }
  return t;
}

/** The notes on a comment or a group, oldest first; replies name the note they answer. */
export async function listNotes(db: Queryable, consultationId: string, target: { comment?: number; group?: number }) {
  const t = noteTarget(target);
  const { rows } = await db.query<NoteRow>(
    t.comment !== undefined
      ? 'SELECT * FROM staff_notes WHERE comment_id = $2 AND consultation_id = $1 ORDER BY id LIMIT 1000'
      : 'SELECT * FROM staff_notes WHERE consultation_id = $1 AND group_id = $2 ORDER BY id LIMIT 1000',
    [consultationId, t.comment ?? t.group],
  );
  return { items: rows.map(noteView) };
}

export async function addNote(db: Database, consultationId: string, input: NoteInput, who: Actor) {
  const t = noteTarget(input);
  const body = input.body.trim();
  if (!body) {
    throw new HttpError(400, 'invalid', 'the note is empty', {
      zh: '批注内容为空',
      problems: [{ path: '$.body', message: 'empty' }],
    });
  }
  return db.transaction(async (tx) => {
    if (t.comment !== undefined) {
      const { rows } = await tx.query('SELECT 1 FROM comments WHERE id = $1 AND consultation_id = $2', [
        t.comment,
        consultationId,
      ]);
      if (!rows[0]) throw notFound(`comment ${t.comment}`);
    } else {
      const { rows } = await tx.query('SELECT 1 FROM comments WHERE group_id = $1 AND consultation_id = $2 LIMIT 1', [
        t.group,
        consultationId,
      ]);
      if (!rows[0]) throw notFound(`group ${t.group}`);
    }
    if (input.replyTo !== undefined) {
      // A reply belongs under the note it answers, on the same comment or group.
      const { rows } = await tx.query<NoteRow>('SELECT * FROM staff_notes WHERE id = $1 AND consultation_id = $2', [
        input.replyTo,
        consultationId,
      ]);
      const parent = rows[0];
      if (!parent) throw notFound(`note ${input.replyTo}`);
      const same =
        t.comment !== undefined ? Number(parent.comment_id) === t.comment : Number(parent.group_id) === t.group;
      if (!same) {
        throw new HttpError(422, 'conflict', `note ${input.replyTo} is on another comment or group`, {
          zh: '所回复的批注不属于该意见或分组',
          problems: [{ path: '$.replyTo', message: 'another comment or group' }],
        });
      }
    }
    const { rows } = await tx.query<NoteRow>(
      `INSERT INTO staff_notes (consultation_id, comment_id, group_id, reply_to, body, author)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [consultationId, t.comment ?? null, t.group ?? null, input.replyTo ?? null, body, who.actor],
    );
    const note = noteView(rows[0]!);
    await audit(tx, {
      actor: who.actor,
      action: 'note.add',
      consultationId,
      commentId: t.comment,
      after: { note: note.id, group: note.group, replyTo: note.replyTo, body },
    });
    return note;
  });
}

// The office's workflow beside a decision (issue 21): where it stands in sign-off (拟办 → 审核 →
// 签发, in words), the steps on one comment, its group or the current filter (each counted by the
// server first and confirmed), assignment to a unit (处室) with a due date, and internal notes with
// replies. The server enforces each permission; the buttons follow /staff/me.
import type { PublicationBlocking } from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { UiLang } from '../internal/localize.js';
import { actorLabel, formatDate, formatNumber, formatTime, type ReviewMsg } from './labels.js';
import type { StaffSession } from './session.js';
import type { CommentItem, DecisionsFilter } from './staff-api.js';

export type Step = 'check' | 'sign' | 'return';
/** What a step acts on: one comment, a group, or every comment the list's filter matches. */
export type Scope = { comment: number } | { group: number } | { filter: DecisionsFilter };

export interface Unit {
  id: number;
  name: string;
}
export interface Note {
  id: number;
  replyTo: number | null;
  body: string;
  author: string;
  created: string;
}

interface Pending {
  step: Step;
  scope: Scope;
  /** What the scope is called in the confirmation. */
  scopeLabel: string;
  count: number | null;
}

const stageKey = { draft: 'stageDraft', checked: 'stageChecked', signed: 'stageSigned' } as const;

/** The stage of a decision in words; null without a decision. */
export function stageText(t: ReviewMsg, item: Pick<CommentItem, 'decision' | 'stage'>): string | null {
  if (!item.decision || !item.stage) return null;
  return t(stageKey[item.stage]);
}

/** "已交办 法规科，期限 2030-01-01（已逾期）". */
export function assignmentText(t: ReviewMsg, lang: UiLang, item: Pick<CommentItem, 'assignment'>): string | null {
  const a = item.assignment;
  if (!a) return null;
  const unit = a.unitName ?? `#${a.unit}`;
  const due = a.due ? formatDate(a.due, lang) : '';
  if (a.open === false) return t('assignedClosed', { unit });
  return t(a.overdue ? 'assignedOverdue' : 'assignedTo', { unit, due });
}

/** The blocking list of a refused publication (or the preview), in words. */
export function renderBlocking(t: ReviewMsg, lang: UiLang, b: PublicationBlocking | undefined | null) {
  if (!b || (!b.draft && !b.checked && !b.openAssignments)) return nothing;
  const n = (x: number) => formatNumber(x, lang);
  const first = (step: string) => b.byStep.find((s) => s.step === step)?.first ?? [];
  const ids = (list: number[]) =>
    list.length ? html` <span class="muted">（${t('blockFirst', { ids: list.join('、') })}）</span>` : nothing;
  return html`${b.draft ? html`<li data-block="draft">${t('blockDraft', { count: n(b.draft) })}${ids(first('draft'))}</li>` : nothing}
    ${b.checked ? html`<li data-block="checked">${t('blockChecked', { count: n(b.checked) })}${ids(first('checked'))}</li>` : nothing}
    ${b.openAssignments ? html`<li data-block="assignments">${t('blockAssignments', { count: n(b.openAssignments) })}</li>` : nothing}
    ${b.byUnit.map(
      (u) =>
        html`<li data-block="unit">
          ${
            u.unit === null
              ? t('blockNoUnit', { draft: n(u.draft), checked: n(u.checked) })
              : t('blockUnit', {
                  unit: u.unitName ?? `#${u.unit}`,
                  draft: n(u.draft),
                  checked: n(u.checked),
                  open: n(u.openAssignments),
                  overdue: n(u.overdue),
                })
          }
        </li>`,
    )}`;
}

export class Workflow {
  units: Unit[] | null = null;
  private unitsAsked = false;
  pending: Pending | null = null;
  busy = false;
  error: string | null = null;
  done = '';
  returnReason = '';
  /** The assignment form. */
  unit = '';
  due = '';
  assignNote = '';
  assignError: string | null = null;
  /** Notes of the comment open (its id), read when it opens. */
  notesOf: number | null = null;
  notes: Note[] | null = null;
  groupNotes: Note[] | null = null;
  noteBody = '';
  replyTo: Note | null = null;
  noteError: string | null = null;

  constructor(
    private readonly session: StaffSession,
    private readonly consultation: () => string,
    private readonly t: () => ReviewMsg,
    private readonly describe: (error: unknown) => string,
    private readonly changed: () => void,
    /** The list, the open comment and the progress read again after a step. */
    private readonly after: () => Promise<void>,
  ) {}

  private path(rest: string): string {
    return `/consultations/${encodeURIComponent(this.consultation())}${rest}`;
  }

  /** The site's units, read once per sign-in. */
  loadUnits(): void {
    if (this.unitsAsked) return;
    this.unitsAsked = true;
    void this.session
      .call<{ items: Unit[] }>('/units')
      .then((answer) => {
        this.units = answer.items;
        this.changed();
      })
      .catch(() => {
        this.unitsAsked = false;
      });
  }

  /** The notes on a comment (and on its group), read when it is opened. */
  open(item: CommentItem): void {
    if (this.notesOf === item.id) return;
    this.notesOf = item.id;
    this.notes = null;
    this.groupNotes = null;
    this.replyTo = null;
    this.noteError = null;
    this.pending = null;
    this.error = null;
    this.done = '';
    this.assignError = null;
    void this.readNotes(item);
  }

  private async readNotes(item: CommentItem): Promise<void> {
    try {
      const [mine, group] = await Promise.all([
        this.session.call<{ items: Note[] }>(this.path(`/notes?comment=${item.id}`)),
        item.group === null
          ? Promise.resolve(null)
          : this.session.call<{ items: Note[] }>(this.path(`/notes?group=${item.group}`)),
      ]);
      if (this.notesOf !== item.id) return;
      this.notes = mine.items;
      this.groupNotes = group?.items ?? null;
    } catch (error) {
      this.noteError = this.describe(error);
    }
    this.changed();
  }

  /** Counts what the step would change (the server's dry run), then asks to confirm. */
  async ask(step: Step, scope: Scope, scopeLabel: string): Promise<void> {
    if (step === 'return' && !this.returnReason.trim()) {
      this.error = this.t()('sendBackNeedsReason');
      this.changed();
      return;
    }
    this.pending = { step, scope, scopeLabel, count: null };
    this.error = null;
    this.done = '';
    this.changed();
    try {
      const answer = await this.session.call<{ updated: number }>(this.path('/signoff'), {
        method: 'POST',
        body: { step, ...scope, dryRun: true, ...(step === 'return' ? { reason: this.returnReason.trim() } : {}) },
      });
      if (this.pending?.step === step) this.pending = { ...this.pending, count: answer.updated };
    } catch (error) {
      this.pending = null;
      this.error = this.describe(error);
    }
    this.changed();
  }

  cancel(): void {
    this.pending = null;
    this.changed();
  }

  async confirm(): Promise<void> {
    const p = this.pending;
    if (!p || this.busy) return;
    this.busy = true;
    this.changed();
    try {
      const answer = await this.session.call<{ updated: number }>(this.path('/signoff'), {
        method: 'POST',
        body: { step: p.step, ...p.scope, ...(p.step === 'return' ? { reason: this.returnReason.trim() } : {}) },
      });
      const t = this.t();
      const stepName = t(p.step === 'check' ? 'check' : p.step === 'sign' ? 'sign' : 'sendBack');
      this.done = t('signoffDone', { step: stepName, count: answer.updated });
      this.pending = null;
      if (p.step === 'return') this.returnReason = '';
      await this.after();
    } catch (error) {
      this.error = this.describe(error);
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  async assign(target: { comment: number } | { group: number }): Promise<void> {
    const t = this.t();
    if (!this.due) {
      this.assignError = t('assignNeedsDue');
      this.changed();
      return;
    }
    this.busy = true;
    this.assignError = null;
    this.changed();
    try {
      const made = await this.session.call<{ unitName: string; comments: number; due: string }>(
        this.path('/assignments'),
        {
          method: 'POST',
          body: {
            unit: Number(this.unit || this.units?.[0]?.id),
            due: this.due,
            ...(this.assignNote.trim() ? { note: this.assignNote.trim() } : {}),
            ...target,
          },
        },
      );
      this.done = t('assignDone', { unit: made.unitName, count: made.comments, due: made.due });
      this.assignNote = '';
      await this.after();
    } catch (error) {
      this.assignError = this.describe(error);
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  async addNote(item: CommentItem): Promise<void> {
    const body = this.noteBody.trim();
    if (!body) return;
    this.busy = true;
    this.noteError = null;
    this.changed();
    try {
      await this.session.call(this.path('/notes'), {
        method: 'POST',
        body: { comment: item.id, body, ...(this.replyTo ? { replyTo: this.replyTo.id } : {}) },
      });
      this.noteBody = '';
      this.replyTo = null;
      this.notesOf = null;
      this.open(item);
    } catch (error) {
      this.noteError = this.describe(error);
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  set(patch: Partial<Pick<Workflow, 'returnReason' | 'unit' | 'due' | 'assignNote' | 'noteBody' | 'replyTo'>>): void {
    Object.assign(this, patch);
    this.changed();
  }
}

export interface WorkflowProps {
  t: ReviewMsg;
  lang: UiLang;
  w: Workflow;
  canCheck: boolean;
  canSign: boolean;
  canAssign: boolean;
  canNote: boolean;
  roleName: string;
}

/** The confirmation of a step, with the server's count. */
function renderPending(p: WorkflowProps) {
  const { t, lang, w } = p;
  const q = w.pending;
  if (!q) return nothing;
  if (q.count === null) return html`<p class="muted" role="status">${t('signoffCounting')}</p>`;
  const stepName = t(q.step === 'check' ? 'check' : q.step === 'sign' ? 'sign' : 'sendBack');
  if (q.count === 0) {
    return html`<p class="confirm" role="status" data-confirm>
      ${t('confirmNone', { scope: q.scopeLabel, step: stepName })}
      <button type="button" class="gk-link-button" @click=${() => w.cancel()}>${t('close')}</button>
    </p>`;
  }
  const key = q.step === 'check' ? 'confirmCheck' : q.step === 'sign' ? 'confirmSign' : 'confirmReturn';
  return html`<div class="confirm" role="group" aria-labelledby="signoff-confirm" data-confirm>
    <p id="signoff-confirm">${t(key, { scope: q.scopeLabel, count: formatNumber(q.count, lang) })}</p>
    <button type="button" class="gk-button primary" data-action="confirm-step" ?disabled=${w.busy} @click=${() => w.confirm()}>
      ${t('confirmYes')}
    </button>
    <button type="button" class="gk-button" ?disabled=${w.busy} @click=${() => w.cancel()}>${t('cancel')}</button>
  </div>`;
}

/** Step buttons for one scope: check, sign off, send back (with the reason typed above). */
function stepButtons(p: WorkflowProps, scope: Scope, label: string, id: string) {
  const { t, w } = p;
  const busy = w.busy || (w.pending !== null && w.pending.count === null);
  return html`<div class="signoff-row" role="group" aria-label=${label} data-scope=${id}>
    <span class="scope-label">${label}</span>
    ${p.canCheck ? html`<button type="button" class="gk-button" data-step="check" ?disabled=${busy} @click=${() => w.ask('check', scope, label)}>${t('check')}</button>` : nothing}
    ${p.canSign ? html`<button type="button" class="gk-button" data-step="sign" ?disabled=${busy} @click=${() => w.ask('sign', scope, label)}>${t('sign')}</button>` : nothing}
    ${
      p.canCheck || p.canSign
        ? html`<button type="button" class="gk-button" data-step="return" ?disabled=${busy} @click=${() => w.ask('return', scope, label)}>${t('sendBack')}</button>`
        : nothing
    }
  </div>`;
}

/** Sign-off of the current filter, above the table. */
export function renderFilterSignoff(p: WorkflowProps, filter: DecisionsFilter) {
  const { t, w } = p;
  if (!p.canCheck && !p.canSign) return nothing;
  return html`<section class="signoff filter-signoff" aria-labelledby="filter-signoff-title">
    <h4 id="filter-signoff-title" class="sr-only">${t('signoffTitle')}</h4>
    ${stepButtons(p, { filter }, t('signoffFilter'), 'filter')}
    <label for="return-reason-filter">${t('sendBackReason')}</label>
    <input id="return-reason-filter" type="text" maxlength="2000" .value=${live(w.returnReason)}
      @input=${(e: Event) => w.set({ returnReason: (e.target as HTMLInputElement).value })} />
    ${renderPending(p)}
    ${w.error ? html`<p class="form-error" role="alert">${w.error}</p>` : nothing}
    <p class="done" role="status">${w.done}</p>
  </section>`;
}

/** Beside one comment: its stage, the steps (it, its group), assignment and notes. */
export function renderWorkflow(p: WorkflowProps, item: CommentItem) {
  const { t, lang, w } = p;
  const stage = stageText(t, item);
  const assigned = assignmentText(t, lang, item);
  const canStep = p.canCheck || p.canSign;
  return html`<section class="workflow" part="workflow" aria-labelledby="workflow-title">
    <h4 id="workflow-title">${t('signoffTitle')}</h4>
    <p class="stage" data-stage=${item.stage ?? 'none'}>
      <strong>${t('stageLabel')}：</strong>${stage ?? t('stageNone')}
      ${item.stageBy && item.stageAt ? html`<span class="muted">（${t('stageBy', { who: actorLabel(t, item.stageBy), time: formatTime(item.stageAt, lang) })}）</span>` : nothing}
    </p>
    ${
      item.draftedBy && item.draftedBy !== item.stageBy
        ? html`<p class="drafted">${t('draftedBy', { who: actorLabel(t, item.draftedBy) })}</p>`
        : nothing
    }
    ${item.returnedReason ? html`<p class="returned">${t('returnedWith', { reason: item.returnedReason })}</p>` : nothing}
    ${assigned ? html`<p class="assigned">${assigned}</p>` : nothing}
    ${
      canStep
        ? html`${item.decision ? stepButtons(p, { comment: item.id }, t('signoffHere'), 'comment') : nothing}
          ${item.group !== null ? stepButtons(p, { group: item.group }, t('signoffGroup', { group: item.group }), 'group') : nothing}
          <label for="return-reason">${t('sendBackReason')}</label>
          <input id="return-reason" type="text" maxlength="2000" .value=${live(w.returnReason)}
            @input=${(e: Event) => w.set({ returnReason: (e.target as HTMLInputElement).value })} />
          ${renderPending(p)}`
        : html`<p class="role-note">${t('roleNoteCheck', { role: p.roleName })}</p>`
    }
    ${w.error ? html`<p class="form-error" role="alert">${w.error}</p>` : nothing}
    <p class="done" role="status">${w.done}</p>
    ${renderAssign(p, item)} ${renderNotes(p, item)}
  </section>`;
}

function renderAssign(p: WorkflowProps, item: CommentItem) {
  const { t, w } = p;
  if (!p.canAssign) return html`<p class="role-note">${t('roleNoteAssign', { role: p.roleName })}</p>`;
  w.loadUnits();
  const units = w.units ?? [];
  return html`<fieldset class="assign" data-assign>
    <legend>${t('assignTitle')}</legend>
    ${
      w.units && !units.length
        ? html`<p class="muted">${t('assignNoUnits')}</p>`
        : html`<label for="assign-unit">${t('assignUnit')}</label>
          <select id="assign-unit" @change=${(e: Event) => w.set({ unit: (e.target as HTMLSelectElement).value })}>
            ${units.map((u) => html`<option value=${u.id} ?selected=${String(u.id) === w.unit}>${u.name}</option>`)}
          </select>
          <label for="assign-due">${t('assignDue')}</label>
          <input id="assign-due" type="date" required .value=${live(w.due)}
            @input=${(e: Event) => w.set({ due: (e.target as HTMLInputElement).value })} />
          <label for="assign-note">${t('assignNote')}</label>
          <input id="assign-note" type="text" maxlength="2000" .value=${live(w.assignNote)}
            @input=${(e: Event) => w.set({ assignNote: (e.target as HTMLInputElement).value })} />
          <button type="button" class="gk-button" data-action="assign" ?disabled=${w.busy} @click=${() => w.assign({ comment: item.id })}>
            ${t('assignHere')}
          </button>
          ${
            item.group !== null
              ? html`<button type="button" class="gk-button" data-action="assign-group" ?disabled=${w.busy}
                  @click=${() => w.assign({ group: item.group! })}>${t('assignGroup')}</button>`
              : nothing
          }`
    }
    ${w.assignError ? html`<p class="form-error" role="alert">${w.assignError}</p>` : nothing}
  </fieldset>`;
}

function renderNoteList(p: WorkflowProps, notes: Note[], replies: boolean) {
  const { t, lang, w } = p;
  const byId = new Map(notes.map((n) => [n.id, n]));
  return html`<ul class="notes">
    ${notes.map(
      (n) => html`<li data-note=${n.id} class=${n.replyTo ? 'reply' : ''}>
        <p class="note-meta">
          ${t('noteBy', { who: actorLabel(t, n.author), time: formatTime(n.created, lang) })}
          ${n.replyTo && byId.get(n.replyTo) ? html` · ${t('noteReplyTo', { who: actorLabel(t, byId.get(n.replyTo)!.author) })}` : nothing}
        </p>
        <p class="note-body">${n.body}</p>
        ${
          replies && p.canNote
            ? html`<button type="button" class="gk-link-button" @click=${() => w.set({ replyTo: n })}>${t('noteReply')}</button>`
            : nothing
        }
      </li>`,
    )}
  </ul>`;
}

function renderNotes(p: WorkflowProps, item: CommentItem) {
  const { t, w } = p;
  return html`<section class="notes-panel" aria-labelledby="notes-title" data-notes>
    <h4 id="notes-title">${t('notesTitle')}</h4>
    ${w.notes === null && !w.noteError ? html`<p class="muted" role="status">${t('loading')}</p>` : nothing}
    ${w.notes?.length ? renderNoteList(p, w.notes, true) : w.notes ? html`<p class="muted">${t('notesNone')}</p>` : nothing}
    ${
      w.groupNotes?.length
        ? html`<h5>${t('signoffGroup', { group: item.group ?? '' })}</h5>${renderNoteList(p, w.groupNotes, false)}`
        : nothing
    }
    ${
      p.canNote
        ? html`<form class="note-form" @submit=${(e: Event) => {
            e.preventDefault();
            void w.addNote(item);
          }}>
            ${
              w.replyTo
                ? html`<p>${t('noteReplyTo', { who: actorLabel(t, w.replyTo.author) })}
                  <button type="button" class="gk-link-button" @click=${() => w.set({ replyTo: null })}>${t('noteReplyCancel')}</button></p>`
                : nothing
            }
            <label for="note-body">${t('noteBody')}</label>
            <textarea id="note-body" rows="2" maxlength="4000" .value=${live(w.noteBody)}
              @input=${(e: Event) => w.set({ noteBody: (e.target as HTMLTextAreaElement).value })}></textarea>
            <button type="submit" class="gk-button" ?disabled=${w.busy || !w.noteBody.trim()}>${t('noteAdd')}</button>
          </form>`
        : nothing
    }
    ${w.noteError ? html`<p class="form-error" role="alert">${w.noteError}</p>` : nothing}
  </section>`;
}

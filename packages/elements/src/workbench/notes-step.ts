// Step 4: interpretation notes, one per clause (or more: a later update), written in markdown,
// with the author, role and date; the preview beside them is the real gk-policy.
import { ROLES, type Role } from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { GkDocument } from '../document/document.js';
import { clauseName, issuesAt, today, type WorkbenchContext } from './context.js';
import { field, select } from './fields.js';
import { newNote, pendingNotes } from './model.js';
import { renderPreview, scrollPreviewTo } from './preview.js';
import { loadQueue, queueModule } from './queue-loader.js';

function choose(ctx: WorkbenchContext, index: number, focusId = 'note-body'): void {
  ctx.ui.note = index;
  ctx.ui.pick = false;
  ctx.refresh();
  void ctx.host.updateComplete.then(() => {
    (ctx.host.shadowRoot?.getElementById(focusId) as HTMLElement | null)?.focus();
    const clause = ctx.draft.notes[index]?.clause;
    if (clause) scrollPreviewTo(ctx.host, { clause });
  });
}

function remove(ctx: WorkbenchContext, index: number): void {
  const note = ctx.draft.notes[index];
  if (!note) return;
  ctx.edit(() => ctx.draft.notes.splice(index, 1));
  ctx.ui.note = Math.min(index, ctx.draft.notes.length - 1);
  ctx.ui.undo = {
    label: ctx.msg('noteDeleted'),
    run: () => {
      ctx.edit(() => ctx.draft.notes.splice(index, 0, note));
      ctx.ui.note = index;
    },
  };
  ctx.refresh();
  ctx.announce(ctx.msg('noteDeleted'));
}

/** Clauses whose number, title or text has every word of `query` (at most `max`). */
export function findClauses(ctx: WorkbenchContext, query: string, max = 8): string[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const out: string[] = [];
  for (const c of ctx.clauses) {
    const hay = `${clauseName(ctx.clauses, c.id, 200)} ${c.text}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) out.push(c.id);
    if (out.length >= max) break;
  }
  return out;
}

/** Sets the clause of the note being written, and shows it in the preview. */
function setClause(ctx: WorkbenchContext, index: number, clause: string): void {
  const note = ctx.draft.notes[index];
  if (!note) return;
  ctx.edit(() => {
    note.clause = clause;
    delete note.pending;
  });
  ctx.ui.pick = false;
  ctx.ui.clauseQuery = '';
  ctx.announce(ctx.msg('noteClauseChosen', { clause: clauseName(ctx.clauses, clause) }));
  void ctx.host.updateComplete.then(() => {
    scrollPreviewTo(ctx.host, { clause });
    (ctx.host.shadowRoot?.getElementById('note-clause') as HTMLElement | null)?.focus();
  });
}

/** The clause of the preview a click (or Enter) landed in: the last clause that starts above it. */
function clauseAt(ctx: WorkbenchContext, y: number): string | null {
  const policy = ctx.host.shadowRoot?.querySelector('.preview-pane gk-policy')?.shadowRoot;
  const doc = policy?.querySelector<GkDocument>('gk-document');
  if (!doc) return null;
  let found: string | null = null;
  for (const c of ctx.clauses) {
    const top = doc.clauseMarker(c.id)?.getBoundingClientRect().top;
    if (top !== undefined && top <= y + 4) found = c.id;
  }
  return found;
}

/** While picking, a click in the preview chooses the clause instead of doing what it would. */
function onPreviewClick(ctx: WorkbenchContext, index: number, e: MouseEvent): void {
  if (!ctx.ui.pick) return;
  e.preventDefault();
  e.stopPropagation();
  const clause = clauseAt(ctx, e.clientY);
  if (clause) setClause(ctx, index, clause);
}

function renderClauseChoice(ctx: WorkbenchContext, index: number, path: string) {
  const t = ctx.msg;
  const note = ctx.draft.notes[index];
  if (!note) return nothing;
  const query = ctx.ui.clauseQuery ?? '';
  const found = findClauses(ctx, query);
  return html`${select(ctx, {
    id: 'note-clause',
    label: t('noteClause'),
    value: note.clause,
    options: clauseOptions(ctx),
    path: `${path}.target`,
    onChange: (v) => {
      ctx.edit(() => {
        note.clause = v;
        // A clause chosen by the drafter is the note's place: nothing left to confirm.
        if (v) delete note.pending;
      });
      if (v) void ctx.host.updateComplete.then(() => scrollPreviewTo(ctx.host, { clause: v }));
    },
  })}
    <div class="clause-find">
      <div class="field">
        <label for="note-clause-search">${t('noteClauseSearch')}</label>
        <input
          id="note-clause-search"
          type="search"
          autocomplete="off"
          aria-describedby="note-clause-search-hint"
          .value=${live(query)}
          @input=${(e: Event) => {
            ctx.ui.clauseQuery = (e.target as HTMLInputElement).value;
            ctx.refresh();
          }}
        />
        <p class="hint" id="note-clause-search-hint">${t('noteClauseSearchHint')}</p>
      </div>
      ${
        query.trim()
          ? found.length
            ? html`<ul class="candidates" aria-label=${t('noteClauseFound', { n: found.length })}>
              ${found.map(
                (id) => html`<li><button type="button" class="gk-link-button" @click=${() => setClause(ctx, index, id)}>
                  ${clauseName(ctx.clauses, id, 60)}</button></li>`,
              )}
            </ul>`
            : html`<p class="hint" role="status">${t('noteClauseNone')}</p>`
          : nothing
      }
      <p class="actions">
        <button
          type="button"
          class="gk-button"
          id="note-clause-pick"
          aria-pressed=${ctx.ui.pick ? 'true' : 'false'}
          @click=${() => {
            ctx.ui.pick = !ctx.ui.pick;
            ctx.refresh();
            if (ctx.ui.pick) ctx.announce(t('notePickHint'));
          }}
        >${t('notePick')}</button>
        ${ctx.ui.pick ? html`<span class="hint">${t('notePickHint')}</span>` : nothing}
      </p>
    </div>`;
}

function clauseOptions(ctx: WorkbenchContext) {
  return [
    { value: '', label: ctx.msg('chooseClause') },
    ...ctx.clauses.map((c) => ({ value: c.id, label: clauseName(ctx.clauses, c.id, 40) })),
  ];
}

function renderEditor(ctx: WorkbenchContext, index: number) {
  const t = ctx.msg;
  const note = ctx.draft.notes[index];
  if (!note) return nothing;
  const path = `$.interpretations[${index}]`;
  const set = (change: Partial<typeof note>) => ctx.edit(() => Object.assign(note, change));
  return html`<fieldset class="item-editor">
    <legend>${t('noteLegend', { n: index + 1 })}</legend>
    ${renderClauseChoice(ctx, index, path)}
    ${field(ctx, {
      id: 'note-body',
      label: t('noteBody'),
      hint: t('markdownHint'),
      value: note.body,
      rows: 10,
      required: true,
      lang: ctx.draft.doc?.lang || 'zh-Hans',
      path: `${path}.body`,
      onInput: (v) => set({ body: v }),
    })}
    <div class="row">
      ${field(ctx, { id: 'note-author', label: t('noteAuthor'), hint: t('noteAuthorHint'), value: note.author, path: `${path}.author`, onInput: (v) => set({ author: v }) })}
      ${select<Role | ''>(ctx, {
        id: 'note-role',
        label: t('noteRole'),
        value: note.role,
        path: `${path}.role`,
        options: [
          { value: '', label: t('notGiven') },
          ...ROLES.map((r) => ({ value: r, label: t(`role_${r}` as const) })),
        ],
        onChange: (v) => set({ role: v }),
      })}
      ${field(ctx, { id: 'note-date', label: t('noteDate'), hint: t('dateHint'), value: note.date, path: `${path}.date`, onInput: (v) => set({ date: v }) })}
    </div>
    <p class="actions">
      <button type="button" class="gk-button danger" @click=${() => remove(ctx, index)}>${t('noteDelete')}</button>
    </p>
  </fieldset>`;
}

/** Notes carried over whose place changed: the queue (a chunk of its own, loaded when they exist). */
function renderQueue(ctx: WorkbenchContext) {
  const n = pendingNotes(ctx.draft.notes).length;
  if (!n) return nothing;
  const queue = queueModule();
  if (queue)
    return queue.renderReanchorQueue(ctx, {
      replace: (i) => choose(ctx, i, 'note-clause'),
      remove: (i) => remove(ctx, i),
    });
  loadQueue().then(
    () => ctx.refresh(),
    (error: unknown) => console.warn('[gongkai] <gk-workbench>: the queue of moved notes could not be loaded', error),
  );
  // Said at once; the queue follows (each note also carries its badge in the list below).
  return html`<p class="notice warn" role="status">${ctx.msg('reanchorNotice', { n })}</p>`;
}

export function renderNotesStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const notes = ctx.draft.notes;
  const selected = notes[ctx.ui.note] ? ctx.ui.note : -1;
  let newClause = notes[selected]?.clause ?? '';
  return html`<div class="split notes ${ctx.ui.pick ? 'picking' : ''}">
    <div class="editor">
      ${renderQueue(ctx)}
      <p>${t('notesIntro')}</p>
      ${
        notes.length
          ? html`<ul class="items" aria-label=${t('notesList')}>
            ${notes.map((n, i) => {
              const problems = issuesAt(ctx, `$.interpretations[${i}]`).length;
              const orphan = ctx.ui.checked && ctx.analysis?.orphans.some((o) => o.kind === 'note' && o.index === i);
              return html`<li>
                <button type="button" class="item ${i === selected ? 'current' : ''}" aria-current=${i === selected ? 'true' : 'false'} @click=${() => choose(ctx, i)}>
                  <span class="item-title">${n.clause ? clauseName(ctx.clauses, n.clause) : t('noClause')}</span>
                  <span class="item-text">${n.body.trim().slice(0, 40) || t('empty')}</span>
                  ${problems ? html`<span class="badge fail">${t('itemProblems', { n: problems })}</span>` : nothing}
                  ${
                    n.pending && !n.clause
                      ? html`<span class="badge warn">${t('reanchorBadge')}</span>`
                      : orphan
                        ? html`<span class="badge warn">${t('noteOrphan')}</span>`
                        : nothing
                  }
                </button>
              </li>`;
            })}
          </ul>`
          : html`<p class="hint">${t('notesNone')}</p>`
      }
      <div class="row add">
        ${select(ctx, {
          id: 'notes-new-clause',
          label: t('noteNewClause'),
          value: newClause,
          options: clauseOptions(ctx),
          onChange: (v) => {
            newClause = v;
          },
        })}
        <p class="actions">
          <button
            type="button"
            class="gk-button primary"
            id="notes-add"
            @click=${() => {
              const clause =
                (ctx.host.shadowRoot?.getElementById('notes-new-clause') as HTMLSelectElement | null)?.value ??
                newClause;
              ctx.edit(() => ctx.draft.notes.push(newNote(ctx.draft, clause, today())));
              choose(ctx, ctx.draft.notes.length - 1);
            }}
          >
            ${t('noteAdd')}
          </button>
        </p>
      </div>
      ${selected >= 0 ? renderEditor(ctx, selected) : nothing}
      <p><button type="button" class="gk-button" @click=${() => ctx.go('qa')}>${t('nextQa')}</button></p>
    </div>
    ${renderPreview(ctx, notes[selected]?.clause ? { clause: notes[selected].clause } : null, {
      picking: ctx.ui.pick === true && selected >= 0,
      onClick: (e) => onPreviewClick(ctx, selected, e),
    })}
  </div>`;
}

// Step 4: interpretation notes, one per clause (or more: a later update), written in markdown,
// with the author, role and date; the preview beside them is the real gk-policy.
import { ROLES, type Role } from '@gongkai/format';
import { html, nothing } from 'lit';
import { clauseName, issuesAt, today, type WorkbenchContext } from './context.js';
import { field, select } from './fields.js';
import { newNote } from './model.js';
import { renderPreview, scrollPreviewTo } from './preview.js';

function choose(ctx: WorkbenchContext, index: number, focusId = 'note-body'): void {
  ctx.ui.note = index;
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
    ${select(ctx, {
      id: 'note-clause',
      label: t('noteClause'),
      value: note.clause,
      options: clauseOptions(ctx),
      path: `${path}.target`,
      onChange: (v) => {
        set({ clause: v });
        if (v) void ctx.host.updateComplete.then(() => scrollPreviewTo(ctx.host, { clause: v }));
      },
    })}
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
      ${field(ctx, { id: 'note-date', label: t('noteDate'), type: 'date', value: note.date, path: `${path}.date`, onInput: (v) => set({ date: v }) })}
    </div>
    <p class="actions">
      <button type="button" class="gk-button danger" @click=${() => remove(ctx, index)}>${t('noteDelete')}</button>
    </p>
  </fieldset>`;
}

export function renderNotesStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const notes = ctx.draft.notes;
  const selected = notes[ctx.ui.note] ? ctx.ui.note : -1;
  let newClause = notes[selected]?.clause ?? '';
  return html`<div class="split">
    <div class="editor">
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
                  ${orphan ? html`<span class="badge warn">${t('noteOrphan')}</span>` : nothing}
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
    ${renderPreview(ctx, notes[selected]?.clause ? { clause: notes[selected].clause } : null)}
  </div>`;
}

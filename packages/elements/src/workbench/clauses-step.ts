// Step 2: the clauses found, and the drafter's fixes when the numbering fooled segmentation:
// change a clause's number or title, split a clause where a new one starts, or say that a
// number is not a clause (it joins the one before). Each fix is made in the text (see
// clause-edits.ts), checked by segmenting again, and can be undone.
import type { Clause } from '@gongkai/format';
import { html, nothing } from 'lit';
import {
  type EditFailure,
  type EditResult,
  editHeading,
  mergeIntoPrevious,
  splitCandidates,
  splitClause,
} from './clause-edits.js';
import type { WorkbenchContext } from './context.js';
import { field } from './fields.js';
import { followClauses } from './model.js';

/** The fields of the open clause editor, as typed. */
interface EditorFields {
  number: string;
  title: string;
  at: string;
  splitNumber: string;
}
const editors = new WeakMap<object, EditorFields>();

function fieldsFor(ctx: WorkbenchContext, clause: Clause): EditorFields {
  let f = editors.get(ctx.ui);
  if (!f) {
    f = { number: clause.number, title: clause.title, at: '', splitNumber: '' };
    editors.set(ctx.ui, f);
  }
  return f;
}

function open(ctx: WorkbenchContext, clause: Clause | null): void {
  editors.delete(ctx.ui);
  ctx.ui.clause = clause?.id ?? null;
  if (ctx.ui.notice?.step === 'clauses') ctx.ui.notice = null;
  ctx.refresh();
  if (clause) void ctx.host.updateComplete.then(() => focus(ctx, 'clause-number'));
}

function focus(ctx: WorkbenchContext, id: string): void {
  (ctx.host.shadowRoot?.getElementById(id) as HTMLElement | null)?.focus();
}

const FAILURES: Record<EditFailure, 'editNotLocated' | 'editNotFound' | 'editNotRecognised' | 'editFirst'> = {
  'not-located': 'editNotLocated',
  'not-found': 'editNotFound',
  'not-recognised': 'editNotRecognised',
  first: 'editFirst',
};

/** Applies a fix: the text changes, links follow their clauses, and the old text goes on the undo list. */
function apply(ctx: WorkbenchContext, result: EditResult, done: string, focusAfter: string | null): void {
  const doc = ctx.draft.doc;
  if (!doc) return;
  if (!result.ok) {
    const key = FAILURES[result.failure];
    ctx.ui.notice = { step: 'clauses', kind: 'error', text: ctx.msg(key) };
    ctx.refresh();
    ctx.announce(ctx.ui.notice.text);
    return;
  }
  const before = ctx.clauses;
  ctx.ui.history = [...ctx.ui.history.slice(-19), doc.body];
  ctx.edit(() => {
    doc.body = result.body;
    followClauses(ctx.draft, before, result.clauses);
  });
  editors.delete(ctx.ui);
  ctx.ui.clause = null;
  ctx.ui.notice = {
    step: 'clauses',
    kind: 'ok',
    text: `${done} ${ctx.msg('clauseCount', { n: result.clauses.length })}`,
  };
  ctx.refresh();
  ctx.announce(ctx.ui.notice.text);
  if (focusAfter) void ctx.host.updateComplete.then(() => focus(ctx, focusAfter));
}

function undo(ctx: WorkbenchContext): void {
  const doc = ctx.draft.doc;
  const body = ctx.ui.history.pop();
  if (!doc || body === undefined) return;
  const before = ctx.clauses;
  ctx.edit(() => {
    doc.body = body;
  });
  followClauses(ctx.draft, before, ctx.clauses);
  ctx.ui.notice = { step: 'clauses', kind: 'ok', text: ctx.msg('editUndone') };
  ctx.refresh();
  ctx.announce(ctx.ui.notice.text);
}

/** The clause's text after its number and title, for recognising it in the list. */
function startOf(c: Clause): string {
  let rest = c.text.startsWith(c.number) ? c.text.slice(c.number.length) : c.text;
  rest = rest.trimStart();
  if (rest.startsWith(c.title)) rest = rest.slice(c.title.length);
  rest = rest.replace(/^[\s。．.:：；;]+/, '');
  return rest.length > 48 ? `${rest.slice(0, 48)}…` : rest;
}

function renderEditor(ctx: WorkbenchContext, clause: Clause, index: number) {
  const t = ctx.msg;
  const f = fieldsFor(ctx, clause);
  const body = ctx.draft.doc?.body ?? '';
  const candidates = splitCandidates(clause);
  const name = `${clause.number}${clause.title}`;
  return html`<div class="clause-editor" role="group" aria-labelledby="clause-editor-h">
    <h4 id="clause-editor-h">${t('clauseEditHeading', { clause: name })}</h4>
    <form
      class="row"
      @submit=${(e: Event) => {
        e.preventDefault();
        apply(ctx, editHeading(body, clause.id, f.number, f.title), t('headingChanged'), null);
      }}
    >
      ${field(ctx, { id: 'clause-number', label: t('clauseNumber'), value: f.number, onInput: (v) => (f.number = v) })}
      ${field(ctx, { id: 'clause-title', label: t('clauseTitle'), value: f.title, hint: t('clauseTitleHint'), onInput: (v) => (f.title = v) })}
      <p class="actions"><button class="gk-button" type="submit">${t('saveHeading')}</button></p>
    </form>
    <form
      @submit=${(e: Event) => {
        e.preventDefault();
        apply(ctx, splitClause(body, clause.id, f.at, f.splitNumber), t('splitDone'), null);
      }}
    >
      <h5>${t('splitHeading')}</h5>
      <p class="hint">${t('splitIntro')}</p>
      ${
        candidates.length
          ? html`<ul class="candidates" aria-label=${t('splitCandidates')}>
            ${candidates.map(
              (line) => html`<li>
                <button
                  type="button"
                  class="gk-link-button"
                  @click=${() => {
                    f.at = line.slice(0, 40);
                    ctx.refresh();
                    void ctx.host.updateComplete.then(() => focus(ctx, 'split-number'));
                  }}
                >
                  ${t('splitHere')}<span class="sr-only">：${line.slice(0, 20)}</span>
                </button>
                <span class="line">${line.length > 60 ? `${line.slice(0, 60)}…` : line}</span>
              </li>`,
            )}
          </ul>`
          : nothing
      }
      <div class="row">
        ${field(ctx, { id: 'split-at', label: t('splitAt'), value: f.at, hint: t('splitAtHint'), onInput: (v) => (f.at = v) })}
        ${field(ctx, { id: 'split-number', label: t('splitNumber'), value: f.splitNumber, hint: t('splitNumberHint'), onInput: (v) => (f.splitNumber = v) })}
      </div>
      <p class="actions"><button class="gk-button" type="submit">${t('splitButton')}</button></p>
    </form>
    <h5>${t('mergeHeading')}</h5>
    <p class="hint">${t('mergeIntro')}</p>
    <p class="actions">
      <button
        type="button"
        class="gk-button"
        ?disabled=${index === 0}
        @click=${() => apply(ctx, mergeIntoPrevious(body, clause.id), t('mergeDone'), null)}
      >
        ${t('mergeButton')}
      </button>
      <button type="button" class="gk-button" @click=${() => open(ctx, null)}>${t('close')}</button>
    </p>
  </div>`;
}

export function renderClausesStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const doc = ctx.draft.doc;
  if (!doc) return nothing;
  const clauses = ctx.clauses;
  const notice = ctx.ui.notice?.step === 'clauses' ? ctx.ui.notice : null;
  return html`
    <p>${t('clausesIntro', { n: clauses.length })}</p>
    ${
      ctx.ui.history.length
        ? html`<p><button type="button" class="gk-button" @click=${() => undo(ctx)}>${t('undoEdit')}</button></p>`
        : nothing
    }
    ${
      notice
        ? html`<div class="notice ${notice.kind}" role=${notice.kind === 'error' ? 'alert' : 'status'}><p>${notice.text}</p></div>`
        : nothing
    }
    ${clauses.length === 0 ? html`<p class="notice warn">${t('sourceNoClauses')}</p>` : nothing}
    <ol class="clauses" aria-label=${t('clausesList')}>
      ${clauses.map(
        (c, i) => html`<li class="clause level-${Math.min(c.level, 5)}" data-clause=${c.id}>
          <div class="clause-row">
            <span class="number" lang=${doc.lang || 'zh-Hans'}>${c.number}</span>
            <span class="title" lang=${doc.lang || 'zh-Hans'}>${c.title || t('noTitle')}</span>
            <span class="start" lang=${doc.lang || 'zh-Hans'}>${startOf(c)}</span>
            <button
              type="button"
              class="gk-link-button"
              id="clause-edit-${i}"
              aria-expanded=${ctx.ui.clause === c.id ? 'true' : 'false'}
              @click=${() => open(ctx, ctx.ui.clause === c.id ? null : c)}
            >
              ${t('clauseEdit')}<span class="sr-only">：${c.number}${c.title}</span>
            </button>
          </div>
          ${ctx.ui.clause === c.id ? renderEditor(ctx, c, i) : nothing}
        </li>`,
      )}
    </ol>
    <details class="body-editor">
      <summary>${t('bodyEdit')}</summary>
      ${field(ctx, {
        id: 'body-text',
        label: t('bodyText'),
        hint: t('bodyTextHint'),
        value: doc.body,
        rows: 16,
        lang: doc.lang || 'zh-Hans',
        onInput: (v) => {
          const before = ctx.clauses;
          ctx.edit(() => {
            doc.body = v;
          });
          followClauses(ctx.draft, before, ctx.clauses);
        },
      })}
    </details>
    <p><button type="button" class="gk-button" @click=${() => ctx.go('meta')}>${t('nextMeta')}</button></p>
  `;
}

// Step 5: Q&A (简明问答): a question, its answer in markdown, the clauses it explains and a
// category; previewed in the real gk-policy (its Q&A section) beside the editor.
import { html, nothing } from 'lit';
import { issuesAt, type WorkbenchContext } from './context.js';
import { clausePicker, field } from './fields.js';
import { newQa } from './model.js';
import { renderPreview } from './preview.js';

function choose(ctx: WorkbenchContext, index: number, focusId = 'qa-question'): void {
  ctx.ui.qa = index;
  ctx.refresh();
  void ctx.host.updateComplete.then(() =>
    (ctx.host.shadowRoot?.getElementById(focusId) as HTMLElement | null)?.focus(),
  );
}

function remove(ctx: WorkbenchContext, index: number): void {
  const item = ctx.draft.qa[index];
  if (!item) return;
  ctx.edit(() => ctx.draft.qa.splice(index, 1));
  ctx.ui.qa = Math.min(index, ctx.draft.qa.length - 1);
  ctx.ui.undo = {
    label: ctx.msg('qaDeleted'),
    run: () => {
      ctx.edit(() => ctx.draft.qa.splice(index, 0, item));
      ctx.ui.qa = index;
    },
  };
  ctx.refresh();
  ctx.announce(ctx.msg('qaDeleted'));
}

function renderEditor(ctx: WorkbenchContext, index: number) {
  const t = ctx.msg;
  const item = ctx.draft.qa[index];
  if (!item) return nothing;
  const path = `$.qa[${index}]`;
  const set = (change: Partial<typeof item>) => ctx.edit(() => Object.assign(item, change));
  const categories = [...new Set(ctx.draft.qa.map((q) => q.category.trim()).filter(Boolean))];
  const docLang = ctx.draft.doc?.lang || 'zh-Hans';
  return html`<fieldset class="item-editor">
    <legend>${t('qaLegend', { n: index + 1 })}</legend>
    ${field(ctx, { id: 'qa-question', label: t('qaQuestion'), value: item.question, required: true, lang: docLang, path: `${path}.question`, onInput: (v) => set({ question: v }) })}
    ${field(ctx, {
      id: 'qa-answer',
      label: t('qaAnswer'),
      hint: t('markdownHint'),
      value: item.answer,
      rows: 8,
      required: true,
      lang: docLang,
      path: `${path}.answer`,
      onInput: (v) => set({ answer: v }),
    })}
    ${clausePicker(ctx, { id: 'qa-clauses', legend: t('qaClauses'), chosen: item.clauses, path: `${path}.clauses`, onChange: (ids) => set({ clauses: ids }) })}
    ${field(ctx, {
      id: 'qa-category',
      label: t('qaCategory'),
      hint: t('qaCategoryHint'),
      value: item.category,
      list: 'qa-categories',
      lang: docLang,
      path: `${path}.category`,
      onInput: (v) => set({ category: v }),
    })}
    <datalist id="qa-categories">${categories.map((c) => html`<option value=${c}></option>`)}</datalist>
    <p class="actions">
      <button type="button" class="gk-button danger" @click=${() => remove(ctx, index)}>${t('qaDelete')}</button>
    </p>
  </fieldset>`;
}

export function renderQaStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const items = ctx.draft.qa;
  const selected = items[ctx.ui.qa] ? ctx.ui.qa : -1;
  return html`<div class="split">
    <div class="editor">
      <p>${t('qaIntro')}</p>
      ${
        items.length
          ? html`<ul class="items" aria-label=${t('qaList')}>
            ${items.map((q, i) => {
              const problems = issuesAt(ctx, `$.qa[${i}]`).length;
              return html`<li>
                <button type="button" class="item ${i === selected ? 'current' : ''}" aria-current=${i === selected ? 'true' : 'false'} @click=${() => choose(ctx, i)}>
                  <span class="item-title">${q.question.trim() || t('qaNoQuestion')}</span>
                  ${q.category ? html`<span class="item-text">${q.category}</span>` : nothing}
                  ${problems ? html`<span class="badge fail">${t('itemProblems', { n: problems })}</span>` : nothing}
                </button>
              </li>`;
            })}
          </ul>`
          : html`<p class="hint">${t('qaNone')}</p>`
      }
      <p class="actions">
        <button
          type="button"
          class="gk-button primary"
          id="qa-add"
          @click=${() => {
            const clause = ctx.draft.notes[ctx.ui.note]?.clause ?? '';
            ctx.edit(() => ctx.draft.qa.push(newQa(ctx.draft, clause)));
            choose(ctx, ctx.draft.qa.length - 1);
          }}
        >
          ${t('qaAdd')}
        </button>
      </p>
      ${selected >= 0 ? renderEditor(ctx, selected) : nothing}
      <p><button type="button" class="gk-button" @click=${() => ctx.go('graphics')}>${t('nextGraphics')}</button></p>
    </div>
    ${renderPreview(ctx, items.length ? { section: 'qa' } : null)}
  </div>`;
}

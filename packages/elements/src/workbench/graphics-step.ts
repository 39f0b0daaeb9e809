// Step 6: 图解 — charts from a pasted table, figures, steps, timelines and comparisons, each
// previewed with the real gk-graphic (which also exports the PNG long image, 一图读懂).
import { type Graphic, validatePartial } from '@gongkai/format';
import { html, nothing } from 'lit';
import '../graphic/define.js';
import { issuesAt, type WorkbenchContext } from './context.js';
import { clausePicker, field, select } from './fields.js';
import { renderKindFields } from './graphic-fields.js';
import { GRAPHIC_KINDS, type GraphicKind, newGraphic, toBundle } from './model.js';

function choose(ctx: WorkbenchContext, index: number, focusId = 'graphic-caption'): void {
  ctx.ui.graphic = index;
  ctx.refresh();
  void ctx.host.updateComplete.then(() =>
    (ctx.host.shadowRoot?.getElementById(focusId) as HTMLElement | null)?.focus(),
  );
}

function remove(ctx: WorkbenchContext, index: number): void {
  const g = ctx.draft.graphics[index];
  if (!g) return;
  ctx.edit(() => ctx.draft.graphics.splice(index, 1));
  ctx.ui.graphic = Math.min(index, ctx.draft.graphics.length - 1);
  ctx.ui.undo = {
    label: ctx.msg('graphicDeleted'),
    run: () => {
      ctx.edit(() => ctx.draft.graphics.splice(index, 0, g));
      ctx.ui.graphic = index;
    },
  };
  ctx.refresh();
  ctx.announce(ctx.msg('graphicDeleted'));
}

/** The same array for the same graphic, so gk-graphic redraws only when the graphic changed. */
const shown = new Map<string, Graphic[]>();

/** The graphic as the bundle will hold it, when it is valid on its own. */
function validGraphic(ctx: WorkbenchContext, index: number): Graphic[] | null {
  const bundle = ctx.analysis?.bundle ?? toBundle(ctx.draft, ctx.clauses);
  const g = (bundle.graphics as unknown[] | undefined)?.[index];
  if (!g) return null;
  const key = JSON.stringify(g);
  const known = shown.get(key);
  if (known) return known;
  const result = validatePartial({ schemaVersion: 1, graphics: [g] });
  if (!result.ok || !result.value.graphics?.length) return null;
  if (shown.size > 20) shown.clear();
  shown.set(key, result.value.graphics);
  return result.value.graphics;
}

function renderEditor(ctx: WorkbenchContext, index: number) {
  const t = ctx.msg;
  const g = ctx.draft.graphics[index];
  if (!g) return nothing;
  const path = `$.graphics[${index}]`;
  const set = (change: Partial<typeof g>) => ctx.edit(() => Object.assign(g, change));
  const docLang = ctx.draft.doc?.lang || 'zh-Hans';
  const valid = validGraphic(ctx, index);
  return html`<div class="split even">
    <fieldset class="item-editor">
      <legend>${t('graphicLegend', { n: index + 1 })}</legend>
      ${select<GraphicKind>(ctx, {
        id: 'graphic-kind',
        label: t('graphicKind'),
        value: g.kind,
        options: GRAPHIC_KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as const) })),
        onChange: (v) => set({ kind: v }),
      })}
      ${field(ctx, { id: 'graphic-caption', label: t('graphicCaption'), value: g.caption, required: true, lang: docLang, path: `${path}.caption`, onInput: (v) => set({ caption: v }) })}
      ${renderKindFields(ctx, g, path)}
      ${field(ctx, {
        id: 'graphic-description',
        label: t('graphicDescription'),
        hint: t('graphicDescriptionHint'),
        value: g.description,
        rows: 4,
        required: true,
        lang: docLang,
        path: `${path}.description`,
        onInput: (v) => set({ description: v }),
      })}
      ${clausePicker(ctx, { id: 'graphic-clauses', legend: t('graphicClauses'), chosen: g.clauses, path: `${path}.clauses`, onChange: (ids) => set({ clauses: ids }) })}
      <p class="actions">
        <button type="button" class="gk-button danger" @click=${() => remove(ctx, index)}>${t('graphicDelete')}</button>
      </p>
    </fieldset>
    <section class="graphic-preview preview" aria-labelledby="graphic-preview-h">
      <h4 id="graphic-preview-h">${t('graphicPreview')}</h4>
      ${
        valid
          ? html`<div lang=${docLang}><gk-graphic .graphics=${valid} heading=${g.caption}></gk-graphic></div>`
          : html`<p class="hint">${t('graphicIncomplete')}</p>`
      }
    </section>
  </div>`;
}

export function renderGraphicsStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const graphics = ctx.draft.graphics;
  const selected = graphics[ctx.ui.graphic] ? ctx.ui.graphic : -1;
  const all = ctx.analysis?.preview?.graphics ?? [];
  let kind: GraphicKind = 'chart';
  return html`
    <p>${t('graphicsIntro')}</p>
    ${
      graphics.length
        ? html`<ul class="items" aria-label=${t('graphicsList')}>
          ${graphics.map((g, i) => {
            const problems = issuesAt(ctx, `$.graphics[${i}]`).length;
            return html`<li>
              <button type="button" class="item ${i === selected ? 'current' : ''}" aria-current=${i === selected ? 'true' : 'false'} @click=${() => choose(ctx, i)}>
                <span class="item-title">${g.caption.trim() || t('graphicNoCaption')}</span>
                <span class="item-text">${t(`kind_${g.kind}` as const)}</span>
                ${problems ? html`<span class="badge fail">${t('itemProblems', { n: problems })}</span>` : nothing}
              </button>
            </li>`;
          })}
        </ul>`
        : html`<p class="hint">${t('graphicsNone')}</p>`
    }
    <div class="row add">
      ${select<GraphicKind>(ctx, {
        id: 'graphic-new-kind',
        label: t('graphicNewKind'),
        value: kind,
        options: GRAPHIC_KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as const) })),
        onChange: (v) => {
          kind = v;
        },
      })}
      <p class="actions">
        <button
          type="button"
          class="gk-button primary"
          id="graphic-add"
          @click=${() => {
            const chosen = (ctx.host.shadowRoot?.getElementById('graphic-new-kind') as HTMLSelectElement | null)
              ?.value as GraphicKind | undefined;
            const clause = ctx.draft.notes[ctx.ui.note]?.clause ?? '';
            ctx.edit(() => ctx.draft.graphics.push(newGraphic(ctx.draft, chosen ?? kind, clause)));
            choose(ctx, ctx.draft.graphics.length - 1);
          }}
        >
          ${t('graphicAdd')}
        </button>
      </p>
    </div>
    ${selected >= 0 ? renderEditor(ctx, selected) : nothing}
    ${
      all.length > 1
        ? html`<section class="graphic-preview" aria-labelledby="graphics-all-h">
          <h4 id="graphics-all-h">${t('graphicsAll')}</h4>
          <div lang=${ctx.draft.doc?.lang || 'zh-Hans'}>
            <gk-graphic .graphics=${all} heading=${ctx.draft.doc?.meta.title ?? ''}></gk-graphic>
          </div>
        </section>`
        : nothing
    }
    <p><button type="button" class="gk-button" @click=${() => ctx.go('check')}>${t('nextCheck')}</button></p>
  `;
}

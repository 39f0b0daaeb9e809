// The fields of each kind of 图解: chart data from a pasted table (with what was understood and
// the problems by line), rows of figures, steps or dates, and the two sides of a comparison.
import { CHART_TYPES } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { WorkbenchContext } from './context.js';
import { parseTable, type TableProblem } from './csv.js';
import { field, select } from './fields.js';
import type { ChartType, GraphicDraft } from './model.js';

export function tableProblemText(ctx: WorkbenchContext, p: TableProblem): string {
  const t = ctx.msg;
  const at = { line: p.line, column: p.column ?? '', value: p.value ?? '' };
  switch (p.code) {
    case 'empty':
      return t('csvEmpty', at);
    case 'header':
      return t('csvHeader', at);
    case 'series-name':
      return t('csvSeriesName', at);
    case 'extra-cells':
      return t('csvExtraCells', at);
    case 'no-label':
      return t('csvNoLabel', at);
    case 'not-number':
      return t('csvNotNumber', at);
    case 'quote':
      return t('csvQuote', at);
  }
}

function renderChart(ctx: WorkbenchContext, g: GraphicDraft, path: string) {
  const t = ctx.msg;
  const set = (change: Partial<GraphicDraft['chart']>) => ctx.edit(() => Object.assign(g.chart, change));
  const parsed = g.chart.table.trim() ? parseTable(g.chart.table) : null;
  return html`
    <div class="row">
      ${select<ChartType>(ctx, {
        id: 'graphic-type',
        label: t('chartType'),
        value: g.chart.type,
        options: CHART_TYPES.map((c) => ({ value: c, label: t(`chart_${c}` as const) })),
        onChange: (v) => set({ type: v }),
      })}
      ${field(ctx, { id: 'graphic-unit', label: t('chartUnit'), hint: t('chartUnitHint'), value: g.chart.unit, onInput: (v) => set({ unit: v }) })}
    </div>
    ${field(ctx, {
      id: 'graphic-table',
      label: t('chartTable'),
      hint: t('chartTableHint'),
      value: g.chart.table,
      rows: 8,
      required: true,
      path: `${path}.chart`,
      placeholder: '渠道,2016年,2020年\n政府网站,12500,31800\n政务微博,3400,5200',
      onInput: (v) => set({ table: v }),
    })}
    ${parsed ? renderUnderstood(ctx, parsed) : nothing}
  `;
}

function renderUnderstood(ctx: WorkbenchContext, parsed: ReturnType<typeof parseTable>) {
  const t = ctx.msg;
  if (parsed.problems.length) {
    return html`<div class="notice error" id="graphic-table-problems" role="alert">
      <p>${t('csvProblems', { n: parsed.problems.length })}</p>
      <ul>${parsed.problems.map((p) => html`<li>${tableProblemText(ctx, p)}</li>`)}</ul>
    </div>`;
  }
  const data = parsed.data;
  if (!data) return nothing;
  return html`<div class="understood">
    <table>
      <caption>${t('csvUnderstood', { rows: data.labels.length, series: data.datasets.length, delimiter: t(parsed.delimiter === 'tab' ? 'csvTab' : 'csvComma') })}</caption>
      <thead><tr><th scope="col">${t('csvCategory')}</th>${data.datasets.map((d) => html`<th scope="col">${d.label}</th>`)}</tr></thead>
      <tbody>
        ${data.labels.map(
          (label, i) =>
            html`<tr><th scope="row">${label}</th>${data.datasets.map((d) => html`<td>${d.data[i] ?? '—'}</td>`)}</tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

type RowKind = 'figures' | 'steps' | 'timeline';
const COLUMNS: Record<RowKind, readonly string[]> = {
  figures: ['value', 'unit', 'label'],
  steps: ['title', 'body'],
  timeline: ['date', 'title', 'body'],
};
const EMPTY: Record<RowKind, () => Record<string, string>> = {
  figures: () => ({ value: '', unit: '', label: '' }),
  steps: () => ({ title: '', body: '' }),
  timeline: () => ({ date: '', title: '', body: '' }),
};

function renderRows(ctx: WorkbenchContext, g: GraphicDraft, kind: RowKind, path: string) {
  const t = ctx.msg;
  const rows = g[kind] as Record<string, string>[];
  const focus = (id: string) =>
    void ctx.host.updateComplete.then(() => (ctx.host.shadowRoot?.getElementById(id) as HTMLElement | null)?.focus());
  return html`<fieldset class="rows" id="graphic-items">
    <legend>${t(`rows_${kind}` as const)}</legend>
    ${rows.map(
      (
        row,
        i,
      ) => html`<div class="row item-row" id="graphic-item-${i}" role="group" aria-label=${t('rowLabel', { n: i + 1 })}>
        ${COLUMNS[kind].map((col) =>
          field(ctx, {
            id: `graphic-item-${i}-${col}`,
            label: `${t(`col_${kind}_${col}` as never)} ${i + 1}`,
            value: row[col] ?? '',
            ...(i === 0 ? { path: `${path}.items` } : {}),
            onInput: (v) => ctx.edit(() => Object.assign(row, { [col]: v })),
          }),
        )}
        <p class="actions">
          <button
            type="button"
            class="gk-link-button"
            @click=${() => {
              ctx.edit(() => rows.splice(i, 1));
              ctx.ui.undo = { label: t('rowDeleted'), run: () => ctx.edit(() => rows.splice(i, 0, row)) };
              ctx.refresh();
              ctx.announce(t('rowDeleted'));
            }}
          >
            ${t('rowDelete')}<span class="sr-only">${i + 1}</span>
          </button>
        </p>
      </div>`,
    )}
    <p class="actions">
      <button
        type="button"
        class="gk-button"
        @click=${() => {
          ctx.edit(() => rows.push(EMPTY[kind]()));
          focus(`graphic-item-${rows.length - 1}-${COLUMNS[kind][0]}`);
        }}
      >
        ${t('rowAdd')}
      </button>
    </p>
  </fieldset>`;
}

function renderCompare(ctx: WorkbenchContext, g: GraphicDraft, path: string) {
  const t = ctx.msg;
  const side = (name: 'before' | 'after') => html`<fieldset class="side">
    <legend>${t(name === 'before' ? 'compareBefore' : 'compareAfter')}</legend>
    ${field(ctx, { id: `graphic-${name}-title`, label: t('compareTitle'), value: g[name].title, required: true, path: `${path}.${name}.title`, onInput: (v) => ctx.edit(() => Object.assign(g[name], { title: v })) })}
    ${field(ctx, { id: `graphic-${name}-body`, label: t('compareBody'), value: g[name].body, rows: 4, required: true, path: `${path}.${name}.body`, onInput: (v) => ctx.edit(() => Object.assign(g[name], { body: v })) })}
  </fieldset>`;
  return html`<div class="row compare">${side('before')}${side('after')}</div>`;
}

export function renderKindFields(ctx: WorkbenchContext, g: GraphicDraft, path: string) {
  switch (g.kind) {
    case 'chart':
      return renderChart(ctx, g, path);
    case 'compare':
      return renderCompare(ctx, g, path);
    default:
      return renderRows(ctx, g, g.kind, path);
  }
}

// The figures of the feedback: the 意见采纳情况说明 as text, the outcomes as CSS bars with
// their numbers written beside them, and a table of the clauses that drew comments.
import { CHANNELS, type Decision, type FeedbackCounts, SUBMITTER_TYPES } from '@gongkai/format';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ViewContext } from './context.js';
import type { ClauseRow, PreparedFeedback } from './model.js';

export type ClauseSort = 'count' | 'order';

/** Clauses shown before "show all": enough to see which drew most, short on a phone. */
export const CLAUSES_SHOWN = 6;

const OUTCOMES: ReadonlyArray<{ key: keyof FeedbackCounts; decision: Decision | 'removed' }> = [
  { key: 'adopted', decision: 'adopted' },
  { key: 'partlyAdopted', decision: 'partly-adopted' },
  { key: 'notAdopted', decision: 'not-adopted' },
  { key: 'outOfScope', decision: 'out-of-scope' },
  { key: 'removed', decision: 'removed' },
];

const FIGURES: ReadonlyArray<keyof FeedbackCounts> = ['received', 'published', ...OUTCOMES.map((o) => o.key)];

/** 其中：广告 2 条、重复 1 条 — the categories staff gave, when the version carries them. */
function removedByText(data: PreparedFeedback, c: ViewContext): string {
  const by = data.view.summary.removedBy;
  const parts = Object.entries(by ?? {})
    .filter(([, count]) => count > 0)
    .map(([category, count]) => c.msg('removedCategory', { category, count: c.n(count) }));
  return parts.length ? c.msg('removedByCategory', { list: parts.join(c.lang === 'en' ? ', ' : '、') }) : '';
}

/** 其中 N 组内容相同或相近的联名意见，共 M 份 — campaigns, when the version counted them. */
function campaignText(data: PreparedFeedback, c: ViewContext): string {
  const k = data.view.campaigns;
  return k?.groups ? c.msg('summaryCampaigns', { groups: c.n(k.groups), letters: c.n(k.groups + k.copies) }) : '';
}

/**
 * 共收到意见 N 条，其中网上 a 条、信函 b 条…；按提交者分，个人 x 条… — when comments also came by
 * letter, e-mail, meetings… (versions before channels, and online-only ones, keep the short sentence).
 */
function receivedText(data: PreparedFeedback, c: ViewContext): string {
  const s = data.view.summary;
  const by = s.byChannel;
  const received = c.n(s.received);
  if (!by || !CHANNELS.some((ch) => ch !== 'online' && by[ch] > 0)) return c.msg('summaryReceived', { received });
  const sep = c.lang === 'en' ? ', ' : '、';
  const list = CHANNELS.filter((ch) => by[ch] > 0)
    .map((ch) => c.msg('channelCount', { channel: c.msg(`ch_${ch}`), count: c.n(by[ch]) }))
    .join(sep);
  const types = SUBMITTER_TYPES.filter((st) => (s.bySubmitterType?.[st] ?? 0) > 0).map((st) =>
    c.msg('channelCount', { channel: c.msg(`st_${st}`), count: c.n(s.bySubmitterType![st]) }),
  );
  return (
    c.msg('summaryReceivedBy', { received, list }) +
    (types.length ? c.msg('summarySubmitters', { list: types.join(sep) }) : '')
  );
}

/** The 意见采纳情况说明: the sentences a published notice carries (also printed). */
export function summaryText(data: PreparedFeedback, c: ViewContext): string {
  const s = data.view.summary;
  const t = c.msg;
  const n = (key: keyof FeedbackCounts) => c.n(s[key]);
  return [
    receivedText(data, c),
    s.removed ? t('summaryRemoved', { removed: n('removed') }) + removedByText(data, c) : '',
    t('summaryPublished', {
      published: n('published'),
      adopted: n('adopted'),
      partlyAdopted: n('partlyAdopted'),
      notAdopted: n('notAdopted'),
      outOfScope: n('outOfScope'),
    }),
    campaignText(data, c),
    data.reasonsComplete && s.published > s.adopted ? t('summaryReasons') : '',
  ]
    .filter(Boolean)
    .join(c.lang === 'en' ? ' ' : '');
}

export function renderSummary(data: PreparedFeedback, c: ViewContext) {
  const t = c.msg;
  const s = data.view.summary;
  return html`<section class="summary" part="summary" aria-labelledby="summary-heading">
    <h3 id="summary-heading">${t('summaryHeading')}</h3>
    <p class="summary-text">${summaryText(data, c)}</p>
    <dl class="figures" part="figures" aria-label=${t('figures')}>
      ${FIGURES.map(
        (key) => html`<div class="figure" data-figure=${key}>
          <dt>${t(`fig_${key}`)}</dt>
          <dd>${t('count', { n: c.n(s[key]) })}</dd>
        </div>`,
      )}
    </dl>
  </section>`;
}

/** Bars of the outcomes, each with its label and number as text: nothing is told by colour alone. */
export function renderChart(data: PreparedFeedback, c: ViewContext) {
  const t = c.msg;
  const s = data.view.summary;
  return html`<section class="chart" part="chart" aria-labelledby="chart-heading">
    <h3 id="chart-heading">${t('chartHeading')}</h3>
    <ul class="bars">
      ${OUTCOMES.map(({ key, decision }) => {
        const share = s.received > 0 ? (s[key] / s.received) * 100 : 0;
        return html`<li class="bar" data-decision=${decision}>
          <span class="bar-label"><span class="mark" aria-hidden="true"></span>${t(`fig_${key}`)}</span>
          <span class="track" aria-hidden="true"
            ><span class="fill" style=${styleMap({ inlineSize: `${Math.min(100, share)}%` })}></span
          ></span>
          <span class="bar-value">${t('percentOf', { n: c.n(s[key]), percent: c.percent(s[key], s.received) })}</span>
        </li>`;
      })}
    </ul>
    <p class="note">${t('chartNote')}</p>
  </section>`;
}

export function sortedClauses(rows: readonly ClauseRow[], sort: ClauseSort): readonly ClauseRow[] {
  if (sort === 'order') return rows;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => b.row.received - a.row.received || a.i - b.i)
    .map(({ row }) => row);
}

/** Which clauses drew most comments and how they were handled, as a table. */
export function renderClauseTable(
  data: PreparedFeedback,
  c: ViewContext,
  sort: ClauseSort,
  all: boolean,
  on: { sort(sort: ClauseSort): void; show(clause: string | null): void; all(all: boolean): void },
) {
  const t = c.msg;
  const sorted = sortedClauses(data.clauses, sort);
  const max = Math.max(1, ...sorted.map((r) => r.received));
  const collapsible = sorted.length > CLAUSES_SHOWN + 2;
  const rows = collapsible && !all ? sorted.slice(0, CLAUSES_SHOWN) : sorted;
  const cols: Array<keyof FeedbackCounts> = ['received', ...OUTCOMES.map((o) => o.key)];
  const label = (key: keyof FeedbackCounts) => (key === 'received' ? t('col_received') : t(`fig_${key}`));
  const sortButton = (value: ClauseSort, text: string) =>
    html`<button type="button" class="gk-button" aria-pressed=${sort === value ? 'true' : 'false'} @click=${() => on.sort(value)}>
      ${text}
    </button>`;
  return html`<section class="by-clause" part="clauses" aria-labelledby="clauses-heading">
    <h3 id="clauses-heading">${t('byClauseHeading')}</h3>
    <div class="sort" role="group" aria-labelledby="sort-label">
      <span id="sort-label">${t('sortLabel')}</span>
      ${sortButton('count', t('sortByCount'))} ${sortButton('order', t('sortByOrder'))}
    </div>
    <table id="clause-table">
      <caption class="sr-only">
        ${t('byClauseCaption', { order: sort === 'count' ? t('sortByCount') : t('sortByOrder') })}${
          rows.length < sorted.length ? t('byClauseShown', { shown: c.n(rows.length), total: c.n(sorted.length) }) : ''
        }
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('col_clause')}</th>
          ${cols.map((key) => html`<th scope="col" class="num">${label(key)}</th>`)}
          <th scope="col" class="action"><span class="sr-only">${t('showClause')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const name = c.clauseName(row.clause);
          return html`<tr data-clause=${row.clause ?? ''}>
            <th scope="row">${name}</th>
            ${cols.map(
              (key) => html`<td class="num" data-label=${label(key)}>
                <span class="cell-n">${c.n(row[key])}</span>
                ${
                  key === 'received'
                    ? html`<span class="mini" aria-hidden="true"
                        ><span class="fill" style=${styleMap({ inlineSize: `${(row.received / max) * 100}%` })}></span
                      ></span>`
                    : nothing
                }
              </td>`,
            )}
            <td class="action">
              ${
                row.published > 0
                  ? html`<button
                    type="button"
                    class="gk-link-button"
                    aria-label=${t('showClauseFor', { clause: name })}
                    @click=${() => on.show(row.clause)}
                  >
                    ${t('showClause')}
                  </button>`
                  : nothing
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      collapsible
        ? html`<button
            type="button"
            class="gk-link-button more"
            aria-expanded=${all ? 'true' : 'false'}
            aria-controls="clause-table"
            @click=${() => on.all(!all)}
          >
            ${all ? t('clausesLess', { n: c.n(CLAUSES_SHOWN) }) : t('clausesMore', { n: c.n(sorted.length) })}
          </button>`
        : nothing
    }
  </section>`;
}

/** The reasons given, most frequent first: a table, so that it reads aloud and prints. */
export function renderReasons(data: PreparedFeedback, c: ViewContext) {
  const t = c.msg;
  if (!data.reasons.length) return nothing;
  const zh = c.lang === 'en' ? 'zh' : nothing;
  return html`<section class="reasons" part="reasons" aria-labelledby="reasons-heading">
    <h3 id="reasons-heading">${t('reasonsHeading')}</h3>
    <table>
      <caption class="sr-only">${t('reasonsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('col_reason')}</th>
          <th scope="col">${t('col_decision')}</th>
          <th scope="col" class="num">${t('col_received')}</th>
        </tr>
      </thead>
      <tbody>
        ${data.reasons.map(
          (r) => html`<tr data-decision=${r.decision}>
            <td lang=${zh}>${r.reason}</td>
            <td>${c.decision(r.decision)}</td>
            <td class="num">${c.n(r.count)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

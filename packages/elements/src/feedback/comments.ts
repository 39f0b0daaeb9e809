// The comments with their outcome and reason: search, filters, one page of the list grouped by
// clause, page navigation, and the table of every comment that is printed. Comments and reasons
// are citizens' and staff's text: they are only ever bound as text (highlights are <mark>s
// around slices of it), never parsed as HTML.
import { DECISIONS, type Decision, type FeedbackComment } from '@gongkai/format';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { marked } from '../qa/highlight.js';
import type { ViewContext } from './context.js';
import { type Criteria, matchRanges, type PreparedFeedback, pageWindow } from './model.js';

/** `<option>` value of "every clause" (clause ids are never `*`); "whole text" is the empty value. */
export const ALL_CLAUSES = '*';

export interface ListHandlers {
  search(query: string): void;
  decision(decision: Decision | null): void;
  clause(value: string): void;
  clear(): void;
  page(page: number): void;
  goToClause?: (event: MouseEvent, clause: string) => void;
}

export interface PageSlice {
  shown: readonly FeedbackComment[];
  total: number;
  page: number;
  pages: number;
  from: number;
  /** Comments of each clause in the whole selection (for the group headings). */
  perClause: Map<string | null, { count: number; first: FeedbackComment }>;
}

export function slice(selected: readonly FeedbackComment[], page: number, size: number): PageSlice {
  const pages = Math.max(1, Math.ceil(selected.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const from = (current - 1) * size;
  const perClause = new Map<string | null, { count: number; first: FeedbackComment }>();
  for (const c of selected) {
    const entry = perClause.get(c.clause);
    if (entry) entry.count++;
    else perClause.set(c.clause, { count: 1, first: c });
  }
  return { shown: selected.slice(from, from + size), total: selected.length, page: current, pages, from, perClause };
}

export function rangeText(s: PageSlice, c: ViewContext, searching: boolean): string {
  if (s.total === 0) return c.msg('noneFound');
  const params = { from: c.n(s.from + 1), to: c.n(s.from + s.shown.length), total: c.n(s.total) };
  return c.msg(searching ? 'rangeFound' : 'range', params);
}

export function renderTools(data: PreparedFeedback, criteria: Criteria, c: ViewContext, on: ListHandlers) {
  const t = c.msg;
  const clauseValue = criteria.clause === undefined ? ALL_CLAUSES : (criteria.clause ?? '');
  const choice = (value: Decision | null, label: string, count: number) =>
    html`<button
      type="button"
      class="gk-button"
      data-decision=${value ?? 'all'}
      aria-pressed=${criteria.decision === value ? 'true' : 'false'}
      @click=${() => on.decision(value)}
    >
      ${value ? html`<span class="mark" aria-hidden="true"></span>` : nothing}${label}
      <span class="choice-count">${c.n(count)}</span>
    </button>`;
  return html`<div class="tools" part="tools">
    <div class="field search" part="search" role="search">
      <label for="search">${t('searchLabel')}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        aria-describedby="search-hint"
        .value=${criteria.query}
        @input=${(e: InputEvent) => on.search((e.target as HTMLInputElement).value)}
      />
      <p class="hint" id="search-hint">${t('searchHint')}</p>
    </div>
    <div class="field clause-filter">
      <label for="clause">${t('filterClause')}</label>
      <select id="clause" @change=${(e: Event) => on.clause((e.target as HTMLSelectElement).value)}>
        <option value=${ALL_CLAUSES} ?selected=${clauseValue === ALL_CLAUSES}>${t('allClauses')}</option>
        ${data.clauses
          .filter((row) => row.published > 0)
          .map(
            (row) =>
              html`<option value=${row.clause ?? ''} ?selected=${clauseValue === (row.clause ?? '')}>
                ${c.clauseName(row.clause)}（${c.n(row.published)}）
              </option>`,
          )}
      </select>
    </div>
    <div class="filter" part="filter" role="group" aria-label=${t('filterDecision')}>
      ${choice(null, t('filterAll'), data.view.comments.length)}
      ${DECISIONS.map((d) => choice(d, c.decision(d), data.counts[d]))}
    </div>
  </div>`;
}

export function renderList(s: PageSlice, query: string, c: ViewContext, on: ListHandlers) {
  const t = c.msg;
  if (s.total === 0) {
    return html`<div class="none" part="no-results">
      <p>${t('noneFound')}</p>
      <button type="button" class="gk-link-button" @click=${on.clear}>${t('clearFilters')}</button>
    </div>`;
  }
  // Consecutive comments on one clause form a group under the clause's heading.
  const groups: Array<{ clause: string | null; items: FeedbackComment[] }> = [];
  for (const comment of s.shown) {
    const last = groups[groups.length - 1];
    if (last && last.clause === comment.clause) last.items.push(comment);
    else groups.push({ clause: comment.clause, items: [comment] });
  }
  return html`<div class="groups" part="list">
    ${repeat(
      groups,
      (g) => `${g.clause}\u0001${g.items[0]!.no}`,
      (g) => {
        const info = s.perClause.get(g.clause);
        const continued = info && info.first !== g.items[0];
        const name = c.clauseName(g.clause);
        return html`<div class="group" data-clause=${g.clause ?? ''}>
          <h4>
            <span class="group-name">${name}${continued ? t('continued') : ''}</span>
            <span class="group-count">${t('groupCount', { n: c.n(info?.count ?? g.items.length) })}</span>
          </h4>
          ${
            on.goToClause && g.clause !== null
              ? html`<a
                  class="to-clause"
                  href=${`#clause=${encodeURIComponent(g.clause)}`}
                  aria-label=${t('goToClauseFor', { clause: name })}
                  @click=${(e: MouseEvent) => on.goToClause!(e, g.clause!)}
                  >${t('goToClause')}</a
                >`
              : nothing
          }
          <ul class="items">
            ${repeat(
              g.items,
              (item) => item.no,
              (item) => renderComment(item, query, c),
            )}
          </ul>
        </div>`;
      },
    )}
  </div>`;
}

function highlighted(text: string, query: string) {
  return query ? marked(text, matchRanges(text, query)) : text;
}

export function submitter(comment: FeedbackComment, c: ViewContext): string {
  const type = comment.submitterType;
  const kind = type === 'individual' || type === 'organization' || type === 'anonymous' ? type : null;
  if (!comment.name || kind === 'anonymous') return c.msg('anonymous');
  if (!kind) return comment.name;
  const label = c.msg(`submitter_${kind}`);
  return c.lang === 'en' ? `${comment.name} (${label})` : `${comment.name}（${label}）`;
}

function renderComment(item: FeedbackComment, query: string, c: ViewContext) {
  const t = c.msg;
  const reason = item.reason?.trim();
  // Comments and reasons are published as written (in Chinese), whatever the interface's language.
  const zh = c.lang === 'en' ? 'zh' : nothing;
  return html`<li class="comment" part="comment" data-no=${item.no} data-decision=${item.decision}>
    <p class="comment-head">
      <span class="no">${t('commentNo', { no: item.no })}</span>
      <span class="who">${highlighted(submitter(item, c), query)}</span>
      <span class="decision" data-decision=${item.decision}
        ><span class="mark" aria-hidden="true"></span>${c.decision(item.decision)}</span
      >
    </p>
    <p class="body" lang=${zh}>${highlighted(item.body, query)}</p>
    ${
      reason
        ? // On one line: the box keeps line breaks (pre-line), and must not open with an empty one.
          html`<p class="reason"><span class="reason-label">${t('reason')}</span><span lang=${zh}>${highlighted(reason, query)}</span></p>`
        : item.decision === 'adopted'
          ? nothing
          : html`<p class="reason missing">${t('noReason')}</p>`
    }
  </li>`;
}

export function renderPagination(s: PageSlice, c: ViewContext, on: ListHandlers) {
  const t = c.msg;
  if (s.pages <= 1) return nothing;
  return html`<nav class="pagination" part="pagination" aria-label=${t('pagination')}>
    <button type="button" class="gk-button step" data-step="prev" ?disabled=${s.page <= 1} @click=${() => on.page(s.page - 1)}>
      <span aria-hidden="true">‹ </span>${t('prev')}
    </button>
    <ul class="pages">
      ${pageWindow(s.page, s.pages).map((p) =>
        p === null
          ? html`<li class="gap" aria-hidden="true">…</li>`
          : html`<li>
              <button
                type="button"
                class="gk-button"
                data-page=${p}
                aria-current=${p === s.page ? 'page' : 'false'}
                aria-label=${p === s.page ? t('pageCurrent', { page: p }) : t('page', { page: p })}
                @click=${() => on.page(p)}
              >
                ${c.n(p)}
              </button>
            </li>`,
      )}
    </ul>
    <button
      type="button"
      class="gk-button step"
      data-step="next"
      ?disabled=${s.page >= s.pages}
      @click=${() => on.page(s.page + 1)}
    >
      ${t('next')}<span aria-hidden="true"> ›</span>
    </button>
    <span class="page-status">${t('pageStatus', { page: c.n(s.page), pages: c.n(s.pages) })}</span>
  </nav>`;
}

/** Every published comment in one table, for paper: made only while the page is being printed. */
export function renderPrintTable(data: PreparedFeedback, c: ViewContext) {
  const t = c.msg;
  return html`<table class="print-table" part="print-table">
    <caption>${t('printTable', { n: c.n(data.comments.length) })}</caption>
    <thead>
      <tr>
        <th scope="col">${t('col_no')}</th>
        <th scope="col">${t('col_clause')}</th>
        <th scope="col">${t('col_comment')}</th>
        <th scope="col">${t('col_submitter')}</th>
        <th scope="col">${t('col_decision')}</th>
        <th scope="col">${t('col_reason')}</th>
      </tr>
    </thead>
    <tbody>
      ${data.comments.map(
        (item) => html`<tr>
          <td>${item.no}</td>
          <td>${c.clauseName(item.clause)}</td>
          <td>${item.body}</td>
          <td>${submitter(item, c)}</td>
          <td>${c.decision(item.decision)}</td>
          <td>${item.reason ?? ''}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

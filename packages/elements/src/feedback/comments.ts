// The comments with their outcome and reason: search, filters, the list so far grouped by
// clause, and "加载更多". Comments and reasons
// are citizens' and staff's text: they are only ever bound as text (highlights are <mark>s
// around slices of it), never parsed as HTML.
import { DECISIONS, type Decision, type FeedbackComment } from '@gongkai/format';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { marked } from '../qa/highlight.js';
import type { ViewContext } from './context.js';
import { type Criteria, matchRanges, type PreparedFeedback } from './model.js';

/** `<option>` value of "every clause" (clause ids are never `*`); "whole text" is the empty value. */
export const ALL_CLAUSES = '*';

export interface ListHandlers {
  search(query: string): void;
  decision(decision: Decision | null): void;
  clause(value: string): void;
  clear(): void;
  more(): void;
  retry(): void;
  goToClause?: (event: MouseEvent, clause: string) => void;
  /** What follows a comment's reason (the changes it led to), once that part has loaded. */
  after?: (comment: FeedbackComment) => unknown;
}

/** What the list shows now: the comments so far, how many match, and whether more can be asked. */
export interface Listing {
  shown: readonly FeedbackComment[];
  total: number;
  more: boolean;
  /** Waiting for the server (a new filter or search, or the next page). */
  busy: boolean;
  /** The server's answer failed: the list stays as it was, with a retry. */
  failed: boolean;
  /** Comments of each clause in the whole selection (group headings), when all comments are here. */
  perClause?: Map<string | null, { count: number; first: FeedbackComment }>;
}

/** The first `count` of `selected`, for feedback that came with every comment. */
export function localListing(selected: readonly FeedbackComment[], count: number): Listing {
  const perClause = new Map<string | null, { count: number; first: FeedbackComment }>();
  for (const c of selected) {
    const entry = perClause.get(c.clause);
    if (entry) entry.count++;
    else perClause.set(c.clause, { count: 1, first: c });
  }
  const shown = selected.slice(0, count);
  return { shown, total: selected.length, more: shown.length < selected.length, busy: false, failed: false, perClause };
}

export function statusText(s: Listing, c: ViewContext, filtered: boolean): string {
  const t = c.msg;
  if (s.busy && !s.shown.length) return t('listBusy');
  if (s.total === 0) return t('noneFound');
  const total = t(filtered ? 'listFound' : 'listAll', { total: c.n(s.total) });
  return s.shown.length < s.total ? total + t('listShown', { shown: c.n(s.shown.length) }) : total;
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
      ${choice(null, t('filterAll'), data.total)}
      ${DECISIONS.map((d) => choice(d, c.decision(d), data.counts[d]))}
    </div>
  </div>`;
}

export function renderList(s: Listing, query: string, c: ViewContext, on: ListHandlers, campaigns: Campaigns) {
  const t = c.msg;
  if (s.total === 0 && !s.busy && !s.failed) {
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
        const info = s.perClause?.get(g.clause);
        const continued = info && info.first !== g.items[0];
        const name = c.clauseName(g.clause);
        return html`<div class="group" data-clause=${g.clause ?? ''}>
          <h4>
            <span class="group-name">${name}${continued ? t('continued') : ''}</span>
            ${info ? html`<span class="group-count">${t('groupCount', { n: c.n(info.count) })}</span>` : nothing}
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
              (item) => renderComment(item, query, c, campaigns, on),
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

/** The size of the largest campaigns, by their first comment's number (the server lists the largest ten). */
export type Campaigns = ReadonlyMap<number, number>;

/** "1 representative + N co-signed copies": the first of a campaign, or a copy naming it. */
function campaignNote(item: FeedbackComment, c: ViewContext, campaigns: Campaigns) {
  const group = item.group;
  if (group == null) return nothing;
  const size = campaigns.get(group);
  const text =
    group !== item.no
      ? c.msg('campaignCopy', { no: group })
      : size
        ? c.msg('campaignFirst', { n: c.n(size - 1) })
        : c.msg('campaignFirstUncounted');
  return html`<p class="campaign">${text}</p>`;
}

function renderComment(item: FeedbackComment, query: string, c: ViewContext, campaigns: Campaigns, on: ListHandlers) {
  const t = c.msg;
  const reason = item.reason?.trim();
  // Comments and reasons are published as written (in Chinese), whatever the interface's language.
  const zh = c.lang === 'en' ? 'zh' : nothing;
  return html`<li class="comment" part="comment" tabindex="-1" data-no=${item.no} data-decision=${item.decision}>
    <p class="comment-head">
      <span class="no">${t('commentNo', { no: item.no })}</span>
      <span class="who">${highlighted(submitter(item, c), query)}</span>
      <span class="decision" data-decision=${item.decision}
        ><span class="mark" aria-hidden="true"></span>${c.decision(item.decision)}</span
      >
    </p>
    ${campaignNote(item, c, campaigns)}
    <p class="body" lang=${zh}>${highlighted(item.body, query)}</p>
    ${
      reason
        ? // On one line: the box keeps line breaks (pre-line), and must not open with an empty one.
          html`<p class="reason"><span class="reason-label">${t('reason')}</span><span lang=${zh}>${highlighted(reason, query)}</span></p>`
        : item.decision === 'adopted'
          ? nothing
          : html`<p class="reason missing">${t('noReason')}</p>`
    }
    ${on.after?.(item) ?? nothing}
  </li>`;
}

/** "加载更多", or why the next page did not come, with a retry. */
export function renderMore(s: Listing, c: ViewContext, on: ListHandlers) {
  const t = c.msg;
  if (s.failed) {
    return html`<p class="more-row gk-error" role="alert">
      ${t('listFailed')}
      <button type="button" class="gk-button" part="retry" @click=${on.retry}>${t('retry')}</button>
    </p>`;
  }
  if (!s.more) return nothing;
  return html`<p class="more-row">
    <button type="button" class="gk-button" part="more" aria-disabled=${s.busy ? 'true' : 'false'} @click=${() => s.busy || on.more()}>
      ${s.busy ? t('listBusy') : t('more')}
    </button>
  </p>`;
}

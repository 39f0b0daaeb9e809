// The comments table: filters (clause, moderation, decision, text), dense rows driven from the
// keyboard (one tab stop; j/k or the arrows move), the next page on demand, and a checkbox per
// row for bulk actions (x, shift+x or shift+click for a range; one box for every row shown).
import { type Clause, DECISIONS, MODERATIONS, printedClauseLabel } from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { UiLang } from '../internal/localize.js';
import { type CommentPage, type Filters, NO_FILTERS } from './comment-page.js';
import {
  clauseName,
  clauseNowText,
  decisionKey,
  excerpt,
  formatNumber,
  moderationKey,
  type ReviewMsg,
} from './labels.js';
import type { PageSelection } from './selection.js';
import type { CommentItem } from './staff-api.js';
import { assignmentText } from './workflow.js';

const STAGE_KEY = { draft: 'stageDraft', checked: 'stageChecked', signed: 'stageSigned' } as const;

export interface TableProps {
  t: ReviewMsg;
  lang: UiLang;
  page: CommentPage;
  clauses: readonly Clause[];
  /** The draft's clauses are read (else a clause not found in them may only be still loading). */
  clausesRead: boolean;
  /** Comments per clause ('' for the whole text), from the consultation's counts. */
  byClause: Record<string, number>;
  openId: number | null;
  /** The search text as typed (applied after a pause, or on Enter). */
  query: string;
  error: string | null;
  /** Rows can be chosen for bulk actions (the role may moderate or decide). */
  selectable: boolean;
  /** The token may read submitters' names (else the server sends none). */
  contacts: boolean;
  /** The site's units (处室), for a unit's queue. */
  units?: readonly { id: number; name: string }[];
  selected(id: number): boolean;
  /** How much of the rows shown is chosen. */
  pageSelection: PageSelection;
  /** Row `index` chosen (`on`) or not; `range`: every row from the last one toggled. */
  onSelect(index: number, on: boolean, range: boolean): void;
  onSelectPage(on: boolean): void;
  onFilters(filters: Filters): void;
  onSearchInput(q: string): void;
  onOpen(index: number): void;
  onCursor(index: number): void;
  onMore(): void;
  onRefresh(): void;
}

function clauseOptions(p: TableProps) {
  const { t, clauses, byClause } = p;
  const known = new Set(clauses.map((c) => c.id));
  const options: { value: string; label: string }[] = [];
  if (byClause['']) options.push({ value: 'document', label: `${t('wholeText')}（${byClause['']}）` });
  for (const c of clauses) {
    const label = excerpt(printedClauseLabel(clauses, c.id) ?? c.title, 24);
    if (byClause[c.id]) options.push({ value: c.id, label: `${label}（${byClause[c.id]}）` });
  }
  // Comments on a clause the draft no longer has: said so, each kept apart.
  let unknown = 0;
  for (const [id, n] of Object.entries(byClause)) {
    if (id && !known.has(id) && p.clausesRead)
      options.push({ value: id, label: `${t('clauseUnknown', { n: ++unknown })}（${n}）` });
  }
  return options;
}

export function renderFilters(p: TableProps) {
  const { t, page } = p;
  const f = page.filters;
  const set = (patch: Partial<Filters>) => p.onFilters({ ...f, ...patch });
  const select = (
    id: string,
    label: string,
    value: string,
    options: { value: string; label: string }[],
    change: (v: string) => void,
  ) => html`<div class="filter">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${value === ''}>${t('filterAll')}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>
  </div>`;
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${t('filtersLabel')}
    @submit=${(e: Event) => {
      e.preventDefault();
      set({ q: (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#f-q')!.value });
    }}
  >
    ${select('f-clause', t('filterClause'), f.clause, clauseOptions(p), (clause) => set({ clause }))}
    ${select(
      'f-moderation',
      t('filterModeration'),
      f.moderation,
      MODERATIONS.map((m) => ({ value: m, label: t(moderationKey[m]) })),
      (m) => set({ moderation: m as Filters['moderation'] }),
    )}
    ${select(
      'f-decision',
      t('filterDecision'),
      f.decision,
      [
        { value: 'undecided', label: t('undecided') },
        ...DECISIONS.map((d) => ({ value: d, label: t(decisionKey[d]) })),
      ],
      (d) => set({ decision: d as Filters['decision'] }),
    )}
    ${select(
      'f-stage',
      t('filterStage'),
      f.stage ?? '',
      (['draft', 'checked', 'signed'] as const).map((s) => ({ value: s, label: t(STAGE_KEY[s]) })),
      (s) => set({ stage: s as Filters['stage'] }),
    )}
    ${
      p.units?.length
        ? select(
            'f-unit',
            t('filterUnit'),
            f.unit ?? '',
            p.units.map((u) => ({ value: String(u.id), label: u.name })),
            (unit) => set({ unit }),
          )
        : nothing
    }
    <div class="filter check">
      <input id="f-overdue" type="checkbox" .checked=${live(!!f.overdue)}
        @change=${(e: Event) => set({ overdue: (e.target as HTMLInputElement).checked })} />
      <label for="f-overdue">${t('filterOverdue')}</label>
    </div>
    <div class="filter grow">
      <label for="f-q">${t('filterText')}</label>
      <input
        id="f-q"
        type="search"
        autocomplete="off"
        maxlength="200"
        aria-keyshortcuts="/"
        .value=${live(p.query)}
        @input=${(e: Event) => p.onSearchInput((e.target as HTMLInputElement).value)}
      />
    </div>
    <div class="filter-actions">
      <button type="submit" class="gk-button">${t('filterApply')}</button>
      ${
        page.filtered
          ? html`<button type="button" class="gk-link-button" @click=${() => p.onFilters({ ...NO_FILTERS })}>
            ${t('filterClear')}
          </button>`
          : nothing
      }
      <button type="button" class="gk-link-button" @click=${() => p.onRefresh()}>${t('refresh')}</button>
    </div>
  </form>`;
}

export function renderTable(p: TableProps) {
  const { t, lang, page } = p;
  const count = formatNumber(page.items.length, lang);
  const status = page.loading
    ? t('loadingComments')
    : page.loaded
      ? page.next
        ? t('shownMore', { count })
        : t(page.filtered ? 'shownFiltered' : 'shownAll', { count })
      : '';
  return html`<div class="table-area">
    <p class="table-status" role="status">${status}</p>
    ${
      p.error
        ? html`<div class="form-error" role="alert">
          ${p.error}
          <button type="button" class="gk-link-button" @click=${() => p.onRefresh()}>${t('retry')}</button>
        </div>`
        : nothing
    }
    ${page.loaded && page.items.length === 0 ? html`<p class="empty">${t(page.filtered ? 'noMatches' : 'noComments')}</p>` : nothing}
    ${page.items.length ? renderRows(p) : nothing}
    ${
      page.next
        ? html`<button type="button" class="gk-button more" ?disabled=${page.loading} @click=${() => p.onMore()}>
          ${t('loadMore')}
        </button>`
        : nothing
    }
  </div>`;
}

function renderSelectPage(p: TableProps) {
  const { t, lang, page } = p;
  return html`<th scope="col" class="select">
    <label class="sr-only" for="select-page">${t('selectPage', { count: formatNumber(page.items.length, lang) })}</label>
    <input
      type="checkbox"
      id="select-page"
      .checked=${live(p.pageSelection === 'all')}
      .indeterminate=${p.pageSelection === 'some'}
      @change=${(e: Event) => p.onSelectPage((e.target as HTMLInputElement).checked)}
    />
  </th>`;
}

function renderRows(p: TableProps) {
  const { t, lang, page } = p;
  const clauses = new Map(p.clauses.map((c) => [c.id, c]));
  const clauseCell = (c: CommentItem) => {
    if (c.clause === null) return t('wholeTextShort');
    const name = clauseName(c, clauses);
    if (name) return name + clauseNowText(c, t);
    return p.clausesRead ? html`<span class="muted">${t('clauseUnknownShort')}</span>` : '…';
  };
  return html`<div class="table-scroll">
    <table class="comments" part="table">
      <caption class="sr-only">${t('tableCaption')}</caption>
      <thead>
        <tr>
          ${p.selectable ? renderSelectPage(p) : nothing}
          <th scope="col">${t('colId')}</th>
          <th scope="col">${t('colClause')}</th>
          <th scope="col">${t('colComment')}</th>
          <th scope="col">${t('colSubmitter')}</th>
          <th scope="col">${t('colModeration')}</th>
          <th scope="col">${t('colDecision')}</th>
          <th scope="col">${t('colGroup')}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          page.items,
          (c) => c.id,
          (c, i) => {
            const cursor = i === page.cursor;
            const selected = p.selectable && p.selected(c.id);
            const classes = [cursor && 'cursor', c.id === p.openId && 'open', selected && 'selected']
              .filter(Boolean)
              .join(' ');
            return html`<tr class=${classes} data-id=${c.id} aria-current=${cursor ? 'true' : nothing}>
              ${
                p.selectable
                  ? html`<td class="select">
                    <input
                      type="checkbox"
                      data-select=${c.id}
                      aria-label=${t('selectRow', { id: c.id })}
                      aria-keyshortcuts="x"
                      tabindex=${cursor ? '0' : '-1'}
                      .checked=${live(selected)}
                      @click=${(e: MouseEvent) => p.onSelect(i, (e.target as HTMLInputElement).checked, e.shiftKey)}
                      @focus=${() => {
                        if (page.cursor !== i) p.onCursor(i);
                      }}
                    />
                  </td>`
                  : nothing
              }
              <td class="num">${c.id}</td>
              <td class="clause-col">${clauseCell(c)}</td>
              <td class="text">
                <button
                  type="button"
                  class="row-open"
                  data-index=${i}
                  tabindex=${cursor ? '0' : '-1'}
                  aria-expanded=${c.id === p.openId ? 'true' : 'false'}
                  @click=${() => p.onOpen(i)}
                  @focus=${() => {
                    if (page.cursor !== i) p.onCursor(i);
                  }}
                >
                  ${excerpt(c.body, 80)}
                </button>
              </td>
              <td>
                ${
                  c.submitterType === 'anonymous'
                    ? t('submitterAnonymous')
                    : (c.name ?? (p.contacts ? '—' : html`<span class="muted">${t('withheld')}</span>`))
                }${c.channel && c.channel !== 'online' ? html`<span class="channel">（${t(`ch_${c.channel}`)}）</span>` : nothing}
              </td>
              <td><span class="badge m-${c.moderation}">${t(moderationKey[c.moderation])}</span></td>
              <td>
                ${
                  c.moderation === 'rejected'
                    ? '—'
                    : html`<span class="badge d-${c.decision ?? 'none'}">
                      ${c.decision ? t(decisionKey[c.decision]) : t('undecided')}
                    </span>`
                }
                ${
                  c.decision && c.stage
                    ? html`<span class="stage-word" data-stage=${c.stage}>${t(STAGE_KEY[c.stage])}</span>`
                    : nothing
                }
                ${
                  c.assignment?.open && c.assignment.overdue
                    ? html`<span class="stage-word overdue">${assignmentText(t, lang, c)}</span>`
                    : nothing
                }
              </td>
              <td class="num group-col">
                ${c.group !== null ? html`<span class="card-label">${t('colGroup')}</span> #${c.group}` : ''}
              </td>
            </tr>`;
          },
        )}
      </tbody>
    </table>
  </div>`;
}

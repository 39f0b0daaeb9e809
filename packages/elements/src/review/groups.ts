// Campaign handling: the server's near-duplicate groups a page at a time, largest first, each
// shown as "1 representative + N co-signed or similar"; its members a page at a time; one
// decision for a whole group; members split out, groups merged.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { UiLang } from '../internal/localize.js';
import type { GroupScope } from './actions.js';
import type { MemberList } from './group-members.js';
import { decisionKey, excerpt, formatNumber, moderationKey, type ReviewMsg } from './labels.js';
import type { CommentGroup, CommentItem } from './staff-api.js';

/** What the last split or merge did, or why it was not done. */
export interface GroupNote {
  busy: boolean;
  error: string | null;
  done: string | null;
}
export const NO_NOTE: GroupNote = { busy: false, error: null, done: null };

export interface GroupsProps {
  t: ReviewMsg;
  lang: UiLang;
  groups: readonly CommentGroup[];
  /** Groups in the consultation, shown or not. */
  total: number;
  /** More groups to read. */
  more: boolean;
  /** Comments arrived since the last grouping. */
  pending: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  moreError: string | null;
  cursor: number;
  expanded: ReadonlySet<number>;
  /** The role may decide: split and merge are offered. */
  canChange: boolean;
  chosen: ReadonlySet<number>;
  merging: GroupNote;
  members(group: CommentGroup): MemberList | null;
  /** Every member is read (their progress can be counted). */
  complete(group: CommentGroup): boolean;
  membersError(group: CommentGroup): string | null;
  ticked(group: CommentGroup): ReadonlySet<number>;
  split(group: CommentGroup): GroupNote;
  scope(group: CommentGroup): GroupScope;
  form(group: CommentGroup): TemplateResult;
  onToggle(group: CommentGroup): void;
  onChoose(group: CommentGroup, on: boolean): void;
  onMerge(): void;
  onClearChoice(): void;
  onTick(group: CommentGroup, id: number, on: boolean): void;
  onSplit(group: CommentGroup): void;
  onMoreMembers(group: CommentGroup): void;
  onScope(group: CommentGroup, scope: GroupScope): void;
  onOpenComment(id: number): void;
  onCursor(index: number): void;
  onRetry(): void;
  onMore(): void;
}

const handled = (m: CommentItem) => m.decision !== null || m.moderation === 'rejected';

export function renderGroups(p: GroupsProps) {
  const { t, lang } = p;
  const n = (x: number) => formatNumber(x, lang);
  return html`<section class="groups" part="groups" aria-labelledby="groups-title">
    <h3 id="groups-title" tabindex="-1">${t('groupsTitle')}</h3>
    <p class="hint">${t('groupsHint')}</p>
    ${p.pending ? html`<p class="hint" data-pending>${t('groupsPending')}</p>` : nothing}
    ${p.loading ? html`<p role="status">${t('loading')}</p>` : nothing}
    ${
      p.error
        ? html`<div class="form-error" role="alert">
          ${p.error} <button type="button" class="gk-link-button" @click=${() => p.onRetry()}>${t('retry')}</button>
        </div>`
        : nothing
    }
    ${!p.loading && !p.error && p.groups.length === 0 ? html`<p class="empty">${t('groupsNone')}</p>` : nothing}
    ${p.canChange ? renderMergeBar(p) : nothing}
    <ol class="group-list">
      ${p.groups.map((g, i) => {
        const open = p.expanded.has(g.group);
        const chosen = p.chosen.has(g.group);
        return html`<li
          class=${['group', i === p.cursor ? 'cursor' : '', chosen ? 'chosen' : ''].filter(Boolean).join(' ')}
          part="group"
          data-group=${g.group}
        >
          <div class="group-head">
            ${
              p.canChange
                ? html`<input
                    type="checkbox"
                    id=${`merge-${g.group}`}
                    data-merge=${g.group}
                    .checked=${live(chosen)}
                    @change=${(e: Event) => p.onChoose(g, (e.target as HTMLInputElement).checked)}
                  />
                  <label class="sr-only" for=${`merge-${g.group}`}>${t('groupChoose', { group: g.group })}</label>`
                : nothing
            }
            <h4 id=${`group-${g.group}`} tabindex=${i === p.cursor ? '0' : '-1'} @focus=${() => p.onCursor(i)}>
              ${t('groupTitle', { group: g.group, copies: n(g.size - 1) })}
            </h4>
          </div>
          <p class="sample-label" id=${`group-${g.group}-sample`}>${t('groupSample', { id: g.group })}</p>
          <blockquote class="sample" aria-labelledby=${`group-${g.group}-sample`}>${g.sample}</blockquote>
          <button
            type="button"
            class="gk-button"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${`group-${g.group}-panel`}
            @click=${() => p.onToggle(g)}
          >
            ${open ? t('groupCollapse') : t('groupHandle')}
          </button>
          ${open ? renderPanel(p, g) : nothing}
        </li>`;
      })}
    </ol>
    ${
      p.groups.length
        ? html`<p class="table-status" role="status">
          ${t('groupsShown', { count: n(p.groups.length), total: n(Math.max(p.total, p.groups.length)) })}
        </p>`
        : nothing
    }
    ${
      p.moreError
        ? html`<div class="form-error" role="alert">
          ${p.moreError} <button type="button" class="gk-link-button" @click=${() => p.onMore()}>${t('retry')}</button>
        </div>`
        : nothing
    }
    ${
      p.more && !p.moreError
        ? html`<button type="button" class="gk-button more" data-more-groups ?disabled=${p.loadingMore} @click=${() => p.onMore()}>
          ${p.loadingMore ? t('loading') : t('loadMore')}
        </button>`
        : nothing
    }
  </section>`;
}

/** The groups chosen to be merged: how many, merge, clear; and what the last merge did. */
function renderMergeBar(p: GroupsProps) {
  const { t, lang } = p;
  const s = p.merging;
  if (!p.chosen.size && !s.error && !s.done) return nothing;
  return html`<div class="group-merge" role="group" aria-labelledby="group-merge-count">
    ${
      p.chosen.size
        ? html`<p id="group-merge-count">${t('groupsChosen', { count: formatNumber(p.chosen.size, lang) })}</p>
          <button type="button" class="gk-button" data-merge-action="merge" ?disabled=${s.busy} @click=${() => p.onMerge()}>
            ${s.busy ? t('saving') : t('groupMerge')}
          </button>
          <button type="button" class="gk-link-button" data-merge-action="clear" ?disabled=${s.busy} @click=${() => p.onClearChoice()}>
            ${t('groupsChosenClear')}
          </button>`
        : html`<p id="group-merge-count" class="sr-only">${t('groupMerge')}</p>`
    }
    ${s.error ? html`<p class="form-error" role="alert">${s.error}</p>` : nothing}
    ${s.done ? html`<p class="done" role="status">${s.done}</p>` : nothing}
  </div>`;
}

function renderPanel(p: GroupsProps, g: CommentGroup) {
  const { t, lang } = p;
  const n = (x: number) => formatNumber(x, lang);
  const list = p.members(g);
  const members = list?.items ?? [];
  const ticked = p.ticked(g);
  const split = p.split(g);
  const error = p.membersError(g);
  const scope = p.scope(g);
  const id = (m: CommentItem) => `g${g.group}-m${m.id}`;
  return html`<div class="group-panel" id=${`group-${g.group}-panel`}>
    <fieldset class="members">
      <legend>${t('groupMembers', { count: n(g.size) })}</legend>
      ${p.canChange ? html`<p class="hint">${t('groupSplitHint')}</p>` : nothing}
      ${
        p.complete(g)
          ? html`<p class="group-progress">
            ${t('groupProgress', { done: n(members.filter(handled).length), total: n(members.length) })}
          </p>`
          : nothing
      }
      <ul>
        ${members.map((m) => {
          const text = html`${`#${m.id}`} <span class="member-text">${excerpt(m.body, 50)}</span>
            <span class="badge ${m.decision ? `d-${m.decision}` : `m-${m.moderation}`}">
              ${m.decision ? t(decisionKey[m.decision]) : t(moderationKey[m.moderation])}
            </span>`;
          return html`<li data-member=${m.id}>
            ${
              p.canChange
                ? html`<input
                    type="checkbox"
                    id=${id(m)}
                    .checked=${live(ticked.has(m.id))}
                    @change=${(e: Event) => p.onTick(g, m.id, (e.target as HTMLInputElement).checked)}
                  />
                  <label for=${id(m)}>${text}</label>`
                : html`<span>${text}</span>`
            }
            <button
              type="button"
              class="gk-link-button"
              aria-label=${`${t('groupOpenOne')} #${m.id}`}
              @click=${() => p.onOpenComment(m.id)}
            >
              ${t('groupOpenOne')}
            </button>
          </li>`;
        })}
      </ul>
      <p class="muted" role="status">
        ${
          list?.loading
            ? t('groupMembersLoading')
            : members.length
              ? t('groupMembersShown', { count: n(members.length), total: n(Math.max(g.size, members.length)) })
              : ''
        }
      </p>
      ${
        error
          ? html`<div class="form-error" role="alert">
            ${error}
            <button type="button" class="gk-link-button" @click=${() => p.onMoreMembers(g)}>${t('retry')}</button>
          </div>`
          : nothing
      }
      ${
        list?.next && !error
          ? html`<button
              type="button"
              class="gk-button more"
              data-more-members
              ?disabled=${list.loading}
              @click=${() => p.onMoreMembers(g)}
            >
              ${t('loadMore')}
            </button>`
          : nothing
      }
      ${
        p.canChange
          ? html`<div class="actions">
            <button type="button" class="gk-button" data-split ?disabled=${split.busy} @click=${() => p.onSplit(g)}>
              ${split.busy ? t('saving') : t('groupSplit', { count: n(ticked.size) })}
            </button>
            ${split.error ? html`<p class="form-error" role="alert">${split.error}</p>` : nothing}
            ${split.done ? html`<p class="done" role="status">${split.done}</p>` : nothing}
          </div>`
          : nothing
      }
    </fieldset>
    <fieldset class="scope" ?disabled=${!p.canChange}>
      <legend>${t('groupScope')}</legend>
      ${(['undecided', 'all'] as const).map(
        (value) => html`<label class="choice">
          <input
            type="radio"
            name=${`g-${g.group}-scope`}
            value=${value}
            .checked=${live(scope === value)}
            @change=${() => p.onScope(g, value)}
          />
          <span>${t(value === 'all' ? 'groupScopeAll' : 'groupScopeUndecided')}</span>
        </label>`,
      )}
      <p class="hint">${t('groupScopeHint')}</p>
    </fieldset>
    ${p.form(g)}
  </div>`;
}

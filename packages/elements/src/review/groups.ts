// Campaign handling: the server's near-duplicate groups, one decision for a group, and the
// members taken out of it to be handled on their own (exceptions).
import { html, nothing, type TemplateResult } from 'lit';
import type { UiLang } from '../internal/localize.js';
import { decisionKey, excerpt, formatNumber, moderationKey, type ReviewMsg } from './labels.js';
import type { CommentGroup, CommentItem } from './staff-api.js';

export interface GroupsProps {
  t: ReviewMsg;
  lang: UiLang;
  groups: readonly CommentGroup[];
  loading: boolean;
  error: string | null;
  cursor: number;
  expanded: ReadonlySet<number>;
  members(group: CommentGroup): CommentItem[];
  exceptions(group: CommentGroup): ReadonlySet<number>;
  form(group: CommentGroup, count: number): TemplateResult;
  onToggle(group: CommentGroup): void;
  onException(group: CommentGroup, id: number, excepted: boolean): void;
  onOpenComment(id: number): void;
  onCursor(index: number): void;
  onRetry(): void;
}

/** Members already handled on their own, or removed, stay out of a group decision unless chosen. */
export function defaultExceptions(members: readonly CommentItem[]): Set<number> {
  return new Set(members.filter((m) => m.decision !== null || m.moderation === 'rejected').map((m) => m.id));
}

export function renderGroups(p: GroupsProps) {
  const { t, lang } = p;
  return html`<section class="groups" part="groups" aria-labelledby="groups-title">
    <h3 id="groups-title">${t('groupsTitle')}</h3>
    <p class="hint">${t('groupsHint')}</p>
    ${p.loading ? html`<p role="status">${t('loading')}</p>` : nothing}
    ${
      p.error
        ? html`<div class="form-error" role="alert">
          ${p.error} <button type="button" class="gk-link-button" @click=${() => p.onRetry()}>${t('retry')}</button>
        </div>`
        : nothing
    }
    ${!p.loading && !p.error && p.groups.length === 0 ? html`<p class="empty">${t('groupsNone')}</p>` : nothing}
    <ol class="group-list">
      ${p.groups.map((g, i) => {
        const members = p.members(g);
        const done = members.filter((m) => m.decision !== null || m.moderation === 'rejected').length;
        const open = p.expanded.has(g.group);
        const excepted = p.exceptions(g);
        const count = g.ids.filter((id) => !excepted.has(id)).length;
        return html`<li class=${i === p.cursor ? 'group cursor' : 'group'} part="group" data-group=${g.group}>
          <h4 id=${`group-${g.group}`} tabindex=${i === p.cursor ? '0' : '-1'} @focus=${() => p.onCursor(i)}>
            ${t('groupTitle', { group: g.group, count: formatNumber(g.ids.length, lang) })}
          </h4>
          <blockquote class="sample">${g.sample}</blockquote>
          <p class="group-progress">
            ${t('groupProgress', { done: formatNumber(done, lang), total: formatNumber(g.ids.length, lang) })}
          </p>
          <button
            type="button"
            class="gk-button"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${`group-${g.group}-panel`}
            @click=${() => p.onToggle(g)}
          >
            ${open ? t('groupCollapse') : t('groupHandle')}
          </button>
          ${open ? renderPanel(p, g, members, excepted, count) : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}

function renderPanel(
  p: GroupsProps,
  g: CommentGroup,
  members: CommentItem[],
  excepted: ReadonlySet<number>,
  count: number,
) {
  const { t } = p;
  return html`<div class="group-panel" id=${`group-${g.group}-panel`}>
    <fieldset class="members">
      <legend>${t('groupMembers')}</legend>
      <p class="hint">${t('groupExceptionsHint')}</p>
      <ul>
        ${members.map(
          (m) => html`<li>
            <input
              type="checkbox"
              id=${`g${g.group}-m${m.id}`}
              .checked=${excepted.has(m.id)}
              @change=${(e: Event) => p.onException(g, m.id, (e.target as HTMLInputElement).checked)}
            />
            <label for=${`g${g.group}-m${m.id}`}>
              ${t('groupException', { id: m.id })}
              <span class="member-text">${excerpt(m.body, 50)}</span>
              <span class="badge ${m.decision ? `d-${m.decision}` : `m-${m.moderation}`}">
                ${m.decision ? t(decisionKey[m.decision]) : t(moderationKey[m.moderation])}
              </span>
            </label>
            <button type="button" class="gk-link-button" @click=${() => p.onOpenComment(m.id)}>${t('groupOpenOne')}</button>
          </li>`,
        )}
      </ul>
      ${members.length < g.ids.length ? html`<p class="muted">${t('groupMembersLoading')}</p>` : nothing}
    </fieldset>
    ${p.form(g, count)}
  </div>`;
}

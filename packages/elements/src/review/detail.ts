// One comment read whole, beside the text of the clause it is about, with its moderation and
// decision controls.
import { type Clause, REMOVAL_REASONS, type RemovalReason } from '@gongkai/format';
import { html, nothing, type TemplateResult } from 'lit';
import type { UiLang } from '../internal/localize.js';
import { renderConflict, stateText } from './conflict.js';
import { formatDate, formatNumber, formatTime, type ReviewMsg, removalKey } from './labels.js';
import type { CommentItem, CommentState } from './staff-api.js';

export interface ModerationState {
  busy: boolean;
  error: string | null;
  /** The removal category chosen, not yet sent. */
  category: RemovalReason | '';
  /** What a colleague set meanwhile, found when approving or removing (which was not done). */
  conflict: CommentState | null;
}

export const newModeration = (): ModerationState => ({ busy: false, error: null, category: '', conflict: null });

const asRemovalReason = (value: string): RemovalReason | '' => REMOVAL_REASONS.find((r) => r === value) ?? '';

export interface DetailProps {
  t: ReviewMsg;
  lang: UiLang;
  item: CommentItem;
  /** The clause, null for the whole text; undefined while the bundle loads or when it has none. */
  clause: Clause | null | undefined;
  clauseNote: string | null;
  /** The clause as printed (一、（三）工作目标); null when neither the server nor the draft knows it. */
  clauseLabel: string | null;
  groupSize: number | null;
  moderation: ModerationState;
  canModerate: boolean;
  /** The token may read names and contacts (else the server sends none, and we say why). */
  canSeeContacts: boolean;
  roleNote: string;
  form: TemplateResult;
  /** Sign-off, assignment and internal notes (workflow.ts). */
  workflow?: TemplateResult;
  /** The comment's attachments (attachments.ts, loaded on first use). */
  attachments?: unknown;
  /** 因意见修改: the changes of the next version an adopted comment led to (change-links.ts, loaded on first use). */
  changes?: unknown;
  onClose(): void;
  onApprove(): void;
  onRemove(): void;
  onCategory(category: RemovalReason | ''): void;
  onGroup(): void;
  onHistory(): void;
}

export function renderDetail(p: DetailProps) {
  const { t, item, lang } = p;
  const withheld = !p.canSeeContacts;
  const who =
    item.submitterType === 'anonymous'
      ? t('submitterAnonymous')
      : (item.name ?? (withheld ? t('withheld') : t('submitterNoName')));
  return html`<section class="detail" part="detail" aria-labelledby="detail-title" data-comment=${item.id}>
    <header class="detail-head">
      <h3 id="detail-title" tabindex="-1">${t('commentNo', { id: item.id })}</h3>
      <button type="button" class="gk-button" @click=${() => p.onClose()} aria-keyshortcuts="Escape">
        ${t('close')}
      </button>
    </header>
    <div class="reading">
      <article class="comment" aria-label=${t('commentText')}>
        <p class="comment-body">${item.body}</p>
        <dl class="meta">
          <dt>${t('receipt')}</dt>
          <dd><code>${item.receipt}</code></dd>
          <dt>${t('submitted')}</dt>
          <dd>${formatTime(item.submitted, lang)}</dd>
          ${
            item.channel && item.channel !== 'online'
              ? html`<dt>${t('channel')}</dt>
                  <dd data-channel=${item.channel}>
                    ${t(`ch_${item.channel}`)}${item.receivedAt ? `（${t('receivedAt')} ${formatDate(item.receivedAt, lang)}）` : ''}${
                      item.originalRef ? `，${item.originalRef}` : ''
                    }
                  </dd>`
              : nothing
          }
          <dt>${t('submitter')}</dt>
          <dd>${who}${item.submitterType === 'organization' ? ` (${t('submitterOrganization')})` : ''}</dd>
          ${
            item.contact
              ? html`<dt>${t('contact')}</dt><dd>${item.contact}</dd>`
              : withheld && item.submitterType !== 'anonymous'
                ? html`<dt>${t('contact')}</dt><dd class="muted" data-withheld>${t('withheld')}</dd>`
                : nothing
          }
          <dt>${t('state')}</dt>
          <dd>${stateText(t, item)}</dd>
        </dl>
        ${item.reason ? html`<p class="current-reason"><strong>${t('reasonLabel')}：</strong>${item.reason}</p>` : nothing}
        <p class="links">
          ${
            item.group !== null
              ? html`<button type="button" class="gk-link-button" @click=${() => p.onGroup()}>
                ${
                  p.groupSize
                    ? t('inGroup', { group: item.group, count: formatNumber(p.groupSize, lang) })
                    : t('inGroupPlain', { group: item.group })
                }
              </button>`
              : nothing
          }
          <button type="button" class="gk-link-button" @click=${() => p.onHistory()}>${t('history')}</button>
        </p>
        ${p.attachments ?? nothing} ${p.changes ?? nothing}
      </article>
      ${renderClause(p)}
    </div>
    ${renderModeration(p)} ${p.form} ${p.workflow ?? nothing}
  </section>`;
}

function renderClause(p: DetailProps) {
  const { t, clause, item } = p;
  if (item.clause === null) {
    return html`<aside class="clause" part="clause" aria-label=${t('clauseText')}>
      <h4>${t('onWholeText')}</h4>
    </aside>`;
  }
  return html`<aside class="clause" part="clause" aria-label=${t('clauseText')}>
    <h4>${p.clauseLabel ?? t('colClause')}</h4>
    ${clause ? html`<p class="clause-text">${clause.text}</p>` : html`<p class="muted">${p.clauseNote ?? ''}</p>`}
  </aside>`;
}

function renderModeration(p: DetailProps) {
  const { t, item, moderation: m } = p;
  const disabled = !p.canModerate || m.busy;
  const describedBy = m.conflict ? 'moderation-conflict' : nothing;
  return html`<div class="moderation" part="moderation">
    <h4 id="moderation-title">${t('moderationTitle')}</h4>
    ${p.canModerate ? nothing : html`<p class="role-note">${p.roleNote}</p>`}
    <div class="moderation-row" role="group" aria-labelledby="moderation-title">
      <button
        type="button"
        class="gk-button"
        data-action="approve"
        ?disabled=${disabled || item.moderation === 'approved'}
        aria-keyshortcuts="a"
        aria-describedby=${describedBy}
        @click=${() => p.onApprove()}
      >
        ${item.moderation === 'approved' ? t('approved') : t('approve')}
      </button>
      <label for="remove-category">${t('removeCategory')}</label>
      <select
        id="remove-category"
        ?disabled=${disabled}
        @change=${(e: Event) => p.onCategory(asRemovalReason((e.target as HTMLSelectElement).value))}
      >
        <option value="">${t('removePick')}</option>
        ${REMOVAL_REASONS.map(
          (r) => html`<option value=${r} ?selected=${m.category === r}>${t(removalKey[r])}</option>`,
        )}
      </select>
      <button
        type="button"
        class="gk-button danger"
        data-action="remove"
        ?disabled=${disabled}
        aria-describedby=${describedBy}
        @click=${() => p.onRemove()}
      >
        ${t('remove')}
      </button>
    </div>
    ${m.conflict ? renderConflict({ t, id: 'moderation-conflict', state: m.conflict, kept: false }) : nothing}
    ${m.error ? html`<p class="form-error" role="alert">${m.error}</p>` : nothing}
  </div>`;
}

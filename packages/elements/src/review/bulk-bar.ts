// The bar above the comments table while comments are chosen: how many, clear; approve, remove
// with a category, or one decision with one reason (and the reason templates) for all of them;
// the confirmation, the progress, and what happened.
import { type Decision, REMOVAL_REASONS, type RemovalReason } from '@gongkai/format';
import { html, nothing, type TemplateResult } from 'lit';
import type { UiLang } from '../internal/localize.js';
import type { BulkKind, BulkState, ChosenSummary } from './bulk.js';
import { decisionKey, formatNumber, type ReviewMsg, removalKey } from './labels.js';

export interface BulkBarProps {
  t: ReviewMsg;
  lang: UiLang;
  /** Comments chosen. */
  count: number;
  state: BulkState;
  canModerate: boolean;
  canDecide: boolean;
  /** The decision form (prefix `bulk`), shown while `state.deciding`. */
  form: () => TemplateResult;
  /** What the decision form holds: the confirmation repeats it. */
  decision: Decision | null;
  reason: string;
  summary: () => ChosenSummary;
  onClear(): void;
  onAsk(kind: BulkKind): void;
  onCategory(category: RemovalReason | ''): void;
  onDeciding(open: boolean): void;
  onConfirm(): void;
  onCancel(): void;
}

const asRemovalReason = (value: string): RemovalReason | '' => REMOVAL_REASONS.find((r) => r === value) ?? '';

export function renderBulkBar(p: BulkBarProps) {
  const { t, lang, state: s, count } = p;
  if (count === 0 && !s.error && !s.done && !s.progress) return nothing;
  const busy = s.progress !== null;
  const n = (x: number) => formatNumber(x, lang);
  return html`<section class="bulk" part="bulk" aria-labelledby="bulk-title">
    <h3 id="bulk-title" class="sr-only">${t('bulkTitle')}</h3>
    ${
      count
        ? html`<div class="bulk-head">
          <p class="bulk-count" data-selected=${count}>${t('selectedCount', { count: n(count) })}</p>
          <button type="button" class="gk-link-button" data-bulk="clear" ?disabled=${busy} @click=${() => p.onClear()}>
            ${t('selectClear')}
          </button>
          <span class="hint">${t('selectHint')}</span>
        </div>
        <div class="bulk-actions" role="group" aria-labelledby="bulk-title">
          ${p.canModerate ? renderModeration(p, busy) : nothing}
          ${
            p.canDecide
              ? html`<button
                type="button"
                class="gk-button"
                data-bulk="deciding"
                aria-expanded=${s.deciding ? 'true' : 'false'}
                aria-controls="bulk-decide"
                @click=${() => p.onDeciding(!s.deciding)}
              >
                ${t('bulkDecide')}
              </button>`
              : nothing
          }
        </div>
        ${s.deciding ? html`<div id="bulk-decide" class="bulk-decide">${p.form()}</div>` : nothing}`
        : nothing
    }
    ${s.confirming && count ? renderConfirm(p, s.confirming) : nothing}
    ${busy ? html`<p class="bulk-progress" role="status">${t('bulkWorking', { done: n(s.progress!.done), total: n(s.progress!.total) })}</p>` : nothing}
    ${s.error ? html`<p class="form-error" role="alert">${s.error}</p>` : nothing}
    ${s.done ? html`<p class="done">${s.done}</p>` : nothing}
  </section>`;
}

function renderModeration(p: BulkBarProps, busy: boolean) {
  const { t, state: s } = p;
  return html`<button
      type="button"
      class="gk-button"
      data-bulk="approve"
      ?disabled=${busy}
      @click=${() => p.onAsk('approve')}
    >
      ${t('bulkApprove')}
    </button>
    <span class="bulk-remove">
      <label for="bulk-category">${t('removeCategory')}</label>
      <select
        id="bulk-category"
        ?disabled=${busy}
        @change=${(e: Event) => p.onCategory(asRemovalReason((e.target as HTMLSelectElement).value))}
      >
        <option value="">${t('removePick')}</option>
        ${REMOVAL_REASONS.map((r) => html`<option value=${r} ?selected=${s.category === r}>${t(removalKey[r])}</option>`)}
      </select>
      <button type="button" class="gk-button danger" data-bulk="remove" ?disabled=${busy} @click=${() => p.onAsk('remove')}>
        ${t('bulkRemove')}
      </button>
    </span>`;
}

function renderConfirm(p: BulkBarProps, kind: BulkKind) {
  const { t, lang, state: s } = p;
  const n = (x: number) => formatNumber(x, lang);
  const count = n(p.count);
  const { decided, removed } = p.summary();
  const lines: string[] = [];
  if (kind === 'approve') lines.push(t('bulkConfirmApprove', { count }));
  else if (kind === 'remove') {
    lines.push(t('bulkConfirmRemove', { count, category: s.category ? t(removalKey[s.category]) : '' }));
    if (decided) lines.push(t('bulkConfirmClears', { count: n(decided) }));
  } else {
    lines.push(t('bulkConfirmDecide', { count, decision: p.decision ? t(decisionKey[p.decision]) : '' }));
    if (p.reason.trim()) lines.push(`${t('reasonLabel')}：${p.reason.trim()}`);
    if (decided) lines.push(t('bulkConfirmReplaces', { count: n(decided) }));
    if (removed) lines.push(t('bulkConfirmRestores', { count: n(removed) }));
  }
  return html`<div class="bulk-confirm" role="group" aria-labelledby="bulk-confirm-text">
    <div id="bulk-confirm-text">${lines.map((line, i) => html`<p class=${i ? 'confirm-more' : 'confirm'}>${line}</p>`)}</div>
    <div class="actions">
      <button type="button" class="gk-button primary" data-bulk="confirm" @click=${() => p.onConfirm()}>
        ${t('bulkConfirmButton')}
      </button>
      <button type="button" class="gk-button" data-bulk="cancel" @click=${() => p.onCancel()}>${t('cancel')}</button>
    </div>
  </div>`;
}

// The audit log: who changed which comment's moderation, decision or reason, and when; and who
// published which version. Newest first; can be narrowed to one comment.
import type { Decision, Moderation } from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { UiLang } from '../internal/localize.js';
import { actorLabel, decisionKey, formatTime, moderationKey, type ReviewMsg } from './labels.js';
import type { AuditEntry } from './staff-api.js';

export interface AuditProps {
  t: ReviewMsg;
  lang: UiLang;
  entries: readonly AuditEntry[] | null;
  loading: boolean;
  error: string | null;
  /** Only this comment's entries, when set. */
  comment: number | null;
  onComment(id: number | null): void;
  onOpenComment(id: number): void;
  onRetry(): void;
}

type State = { moderation?: Moderation; decision?: Decision | null; reason?: string | null };

const asState = (value: unknown): State => (value && typeof value === 'object' ? (value as State) : {});

/** "审核：待审核 → 已通过；处理：— → 不予采纳；理由：…" for a comment.decide entry. */
function changes(t: ReviewMsg, entry: AuditEntry): string {
  const before = asState(entry.before);
  const after = asState(entry.after);
  if (entry.action === 'feedback.publish') {
    const version = (entry.after as { version?: number } | null)?.version;
    return version ? t('auditVersion', { version }) : '';
  }
  if (entry.action !== 'comment.decide') return '';
  const out: string[] = [];
  const m = (x: Moderation | undefined) => (x ? t(moderationKey[x]) : '—');
  const d = (x: Decision | null | undefined) => (x ? t(decisionKey[x]) : '—');
  if (before.moderation !== after.moderation)
    out.push(`${t('colModeration')}：${m(before.moderation)} → ${m(after.moderation)}`);
  if (before.decision !== after.decision) out.push(`${t('colDecision')}：${d(before.decision)} → ${d(after.decision)}`);
  if ((before.reason ?? null) !== (after.reason ?? null)) out.push(`${t('reasonLabel')}：${after.reason ?? '—'}`);
  return out.join('；') || t('auditNoChange');
}

function actionLabel(t: ReviewMsg, action: string): string {
  switch (action) {
    case 'comment.decide':
      return t('auditDecide');
    case 'feedback.publish':
      return t('auditPublish');
    case 'consultation.create':
      return t('auditCreate');
    case 'consultation.update':
      return t('auditUpdate');
    default:
      return action;
  }
}

export function renderAudit(p: AuditProps) {
  const { t, lang } = p;
  const entries = (p.entries ?? []).filter((e) => p.comment === null || e.commentId === p.comment).reverse();
  return html`<section class="audit" part="audit" aria-labelledby="audit-title">
    <h3 id="audit-title">${t('auditTitle')}</h3>
    <form
      class="filters"
      @submit=${(e: Event) => {
        e.preventDefault();
        const value = (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#a-comment')!.value;
        p.onComment(/^\d+$/.test(value.trim()) ? Number(value.trim()) : null);
      }}
    >
      <div class="filter">
        <label for="a-comment">${t('auditComment')}</label>
        <input id="a-comment" type="text" inputmode="numeric" .value=${live(p.comment === null ? '' : String(p.comment))} />
      </div>
      <div class="filter-actions">
        <button type="submit" class="gk-button">${t('filterApply')}</button>
        ${p.comment !== null ? html`<button type="button" class="gk-link-button" @click=${() => p.onComment(null)}>${t('auditAll')}</button>` : nothing}
      </div>
    </form>
    ${p.loading ? html`<p role="status">${t('loading')}</p>` : nothing}
    ${
      p.error
        ? html`<div class="form-error" role="alert">
          ${p.error} <button type="button" class="gk-link-button" @click=${() => p.onRetry()}>${t('retry')}</button>
        </div>`
        : nothing
    }
    ${p.entries && entries.length === 0 ? html`<p class="empty">${t('auditEmpty')}</p>` : nothing}
    ${
      entries.length
        ? html`<div class="table-scroll">
          <table class="audit-table">
            <caption class="sr-only">${t('auditTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('auditTime')}</th>
                <th scope="col">${t('auditActor')}</th>
                <th scope="col">${t('auditAction')}</th>
                <th scope="col">${t('colId')}</th>
                <th scope="col">${t('auditChange')}</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (e) => html`<tr data-entry=${e.id}>
                  <td>${formatTime(e.at, lang)}</td>
                  <td>${actorLabel(t, e.actor)}</td>
                  <td>${actionLabel(t, e.action)}</td>
                  <td class="num">
                    ${
                      e.commentId !== null
                        ? html`<button type="button" class="gk-link-button" @click=${() => p.onOpenComment(e.commentId!)}>
                          #${e.commentId}
                        </button>`
                        : ''
                    }
                  </td>
                  <td>${changes(t, e)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
        : nothing
    }
  </section>`;
}

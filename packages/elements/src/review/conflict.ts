// A change a colleague made meanwhile (412 from `PATCH /comments/:id`): said where the staff member
// was working, with what the colleague set, and nothing that was typed here lost.
import { html, nothing } from 'lit';
import { ApiError } from '../internal/api.js';
import { decisionKey, moderationKey, type ReviewMsg, removalKey } from './labels.js';
import type { ChangedConflict, CommentItem, CommentState } from './staff-api.js';

/** The comment as it is now, when `error` is the server's "changed meanwhile"; else null. */
export function changedNow(error: unknown): CommentItem | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = (error.body as Partial<ChangedConflict>).current;
  return current && typeof current === 'object' && typeof current.etag === 'string' ? current : null;
}

export const stateOf = (c: CommentState): CommentState => ({
  moderation: c.moderation,
  decision: c.decision,
  reason: c.reason,
  removalReason: c.removalReason,
});

export const sameState = (a: CommentState, b: CommentState) =>
  a.moderation === b.moderation &&
  a.decision === b.decision &&
  (a.reason ?? '') === (b.reason ?? '') &&
  a.removalReason === b.removalReason;

/** "已通过 · 不予采纳", "已删除（广告）". */
export function stateText(t: ReviewMsg, s: CommentState): string {
  const moderation = t(moderationKey[s.moderation]);
  const state = s.removalReason
    ? t('removedWith', { state: moderation, category: t(removalKey[s.removalReason]) })
    : moderation;
  return s.decision ? `${state} · ${t(decisionKey[s.decision])}` : state;
}

/** What is announced: whose change, what it is now, and what became of ours (`kept`: typed input). */
export function conflictText(t: ReviewMsg, id: number, s: CommentState, kept: boolean): string {
  return [
    t('changedAnnounce', { id, state: stateText(t, s) }),
    s.reason ? t('changedReason', { reason: s.reason }) : '',
    t(kept ? 'changedKept' : 'changedNotDone'),
  ]
    .filter(Boolean)
    .join(' ');
}

export interface ConflictProps {
  t: ReviewMsg;
  /** Its id, for `aria-describedby` of the control that acts again. */
  id: string;
  state: CommentState;
  /** Something typed here is kept (a decision form); else the action was simply not done. */
  kept: boolean;
  onDiscard?: () => void;
}

export function renderConflict(p: ConflictProps) {
  const { t, state } = p;
  return html`<div class="conflict" id=${p.id} data-conflict>
    <p class="conflict-title">${t('changedTitle')}</p>
    <p>${t('changedNow', { state: stateText(t, state) })}</p>
    ${state.reason ? html`<p>${t('changedReason', { reason: state.reason })}</p>` : nothing}
    <p>${t(p.kept ? 'changedKept' : 'changedNotDone')}</p>
    ${
      p.onDiscard
        ? html`<button type="button" class="gk-link-button" data-action="discard" @click=${() => p.onDiscard?.()}>
          ${t('changedDiscard')}
        </button>`
        : nothing
    }
  </div>`;
}

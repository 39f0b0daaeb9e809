// The decision form (处理结果 + 理由 + 理由模板), used for one comment and for a group. What the
// staff member chose and typed lives here until the server has it: a failed save keeps it all.
import { DECISIONS, type Decision, type ReasonTemplateView as ReasonTemplate } from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { UiLang } from '../internal/localize.js';
import { renderConflict } from './conflict.js';
import { decisionKey, type ReviewMsg } from './labels.js';
import type { CommentItem, CommentState } from './staff-api.js';

/** The version of a comment a form started from: its etag goes with the save (`If-Match`). */
export type CommentVersion = CommentState & Pick<CommentItem, 'etag'>;

export interface FormState {
  decision: Decision | null;
  reason: string;
  busy: boolean;
  /** What went wrong with the last save, as a sentence. */
  error: string | null;
  /** The reason's own problem, shown next to it (the rule checked here, or the server's 422). */
  reasonError: string | null;
  saved: boolean;
  /** The reason a template replaced, while it can be restored. */
  undo: string | null;
  /** The "save as template" name field is open. */
  naming: boolean;
  templateTitle: string;
  templateNote: { ok: boolean; text: string } | null;
  /** The comment as this form last knew it (null for a group or the chosen comments). */
  base: CommentVersion | null;
  /** What a colleague set meanwhile, found on saving: shown until saved again or discarded. */
  conflict: CommentState | null;
  /** The kept reason, cleared when another decision was chosen, while it can be put back. */
  cleared: string | null;
}

export const newForm = (from: CommentVersion | null = null): FormState => ({
  decision: from?.decision ?? null,
  reason: from?.reason ?? '',
  busy: false,
  error: null,
  reasonError: null,
  saved: false,
  undo: null,
  naming: false,
  templateTitle: '',
  templateNote: null,
  base: from && {
    etag: from.etag,
    moderation: from.moderation,
    decision: from.decision,
    reason: from.reason,
    removalReason: from.removalReason,
  },
  conflict: null,
  cleared: null,
});

/** Nothing chosen or typed since the form was filled from its comment. */
export const untouched = (s: FormState) =>
  s.base !== null && !s.busy && !s.conflict && s.decision === s.base.decision && s.reason === (s.base.reason ?? '');

/**
 * `patch` applied to a form. The reason kept with a comment was written for its decision:
 * choosing another one starts from an empty reason (unless it was edited; `cleared` can put it
 * back), and choosing the kept decision again brings it back. Nothing is resent as if new.
 */
export function reasonFollows(form: FormState, patch: Partial<FormState>): FormState {
  const next = { ...form, ...patch };
  const base = form.base;
  const kept = base?.reason ?? '';
  if (!base || !kept || patch.reason !== undefined || next.decision === form.decision) return next;
  if (form.reason === kept && next.decision !== base.decision)
    return { ...next, reason: '', cleared: kept, undo: null };
  if (form.cleared !== null && !form.reason && next.decision === base.decision) {
    return { ...next, reason: form.cleared, cleared: null };
  }
  return next;
}

/** A reason is required for every decision but "adopted". */
export const reasonRequired = (decision: Decision | null) => decision !== null && decision !== 'adopted';

export interface DecisionFormProps {
  t: ReviewMsg;
  lang: UiLang;
  /** Prefix of the ids inside the form, unique in the element (`c-12`, `g-3`). */
  prefix: string;
  state: FormState;
  templates: ReasonTemplate[] | null;
  templatesUnavailable: boolean;
  /** The role may not decide: the form shows, disabled, with `disabledNote`. */
  disabled: boolean;
  disabledNote: string;
  submitLabel: string;
  onChange(patch: Partial<FormState>): void;
  onSubmit(): void;
  onTemplate(id: string): void;
  onSaveTemplate(): void;
  /** Drops what was chosen and typed for the comment as a colleague left it (after a conflict). */
  onDiscard?(): void;
}

export function renderDecisionForm(p: DecisionFormProps) {
  const { t, state: s, prefix } = p;
  const required = reasonRequired(s.decision);
  const describedBy = [
    `${prefix}-reason-hint`,
    s.cleared !== null ? `${prefix}-reason-cleared` : '',
    s.reasonError ? `${prefix}-reason-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<form
    class="decision"
    part="decision-form"
    novalidate
    data-form=${prefix}
    @submit=${(e: Event) => {
      e.preventDefault();
      p.onSubmit();
    }}
    @keydown=${(e: KeyboardEvent) => {
      // Ctrl+Enter saves from anywhere in the form: the reason, a choice, the template list.
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !p.disabled) {
        e.preventDefault();
        p.onSubmit();
      }
    }}
  >
    ${p.disabled ? html`<p class="role-note" id=${`${prefix}-role`}>${p.disabledNote}</p>` : nothing}
    ${
      s.conflict
        ? renderConflict({
            t,
            id: `${prefix}-conflict`,
            state: s.conflict,
            kept: true,
            ...(p.onDiscard ? { onDiscard: p.onDiscard } : {}),
          })
        : nothing
    }
    <fieldset class="body" ?disabled=${p.disabled} aria-describedby=${p.disabled ? `${prefix}-role` : nothing}>
      <fieldset class="choices">
        <legend>${t('decisionLegend')}</legend>
        ${DECISIONS.map(
          (d, i) => html`<label class="choice">
            <input
              type="radio"
              name=${`${prefix}-decision`}
              value=${d}
              .checked=${live(s.decision === d)}
              @change=${() => p.onChange({ decision: d, saved: false, reasonError: null })}
            />
            <span>${t(decisionKey[d])}</span>
            <kbd aria-hidden="true">${i + 1}</kbd>
          </label>`,
        )}
      </fieldset>
      <div class="field">
        <label for=${`${prefix}-reason`}>${t('reasonLabel')}</label>
        <span class="hint" id=${`${prefix}-reason-hint`}>${t(required ? 'reasonRequired' : 'reasonOptional')}</span>
        ${s.reasonError ? html`<p class="field-error" id=${`${prefix}-reason-error`} role="alert">${s.reasonError}</p>` : nothing}
        <textarea
          id=${`${prefix}-reason`}
          data-reason
          rows="4"
          maxlength="2000"
          .value=${live(s.reason)}
          aria-invalid=${s.reasonError ? 'true' : 'false'}
          aria-required=${required ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(e: Event) =>
            p.onChange({
              reason: (e.target as HTMLTextAreaElement).value,
              saved: false,
              reasonError: null,
              undo: null,
              cleared: null,
            })}
        ></textarea>
        ${
          s.cleared !== null
            ? html`<p class="hint" id=${`${prefix}-reason-cleared`}>
              ${t('reasonCleared', { decision: s.base?.decision ? t(decisionKey[s.base.decision]) : '' })}
              <button
                type="button"
                class="gk-link-button"
                data-action="restore-reason"
                @click=${() => p.onChange({ reason: s.cleared ?? '', cleared: null, reasonError: null })}
              >
                ${t('reasonRestore')}
              </button>
            </p>`
            : nothing
        }
      </div>
      ${renderTemplates(p)}
      <!-- Kept in sight at the bottom of the window while the form is on screen. -->
      <div class="actions form-foot">
        <button
          type="submit"
          class="gk-button primary"
          ?disabled=${s.busy}
          aria-describedby=${s.conflict ? `${prefix}-conflict` : nothing}
          aria-keyshortcuts="Control+Enter"
        >
          ${s.busy ? t('saving') : s.conflict ? t('changedOverwrite') : p.submitLabel}
        </button>
        <kbd class="key-hint" aria-hidden="true">Ctrl+Enter</kbd>
        <span class="saved" role="status">${s.saved ? t('saved') : ''}</span>
        ${s.error ? html`<p class="form-error" role="alert">${s.error}</p>` : nothing}
      </div>
    </fieldset>
  </form>`;
}

function renderTemplates(p: DecisionFormProps) {
  const { t, state: s, prefix } = p;
  if (p.templatesUnavailable) return nothing;
  const list = p.templates ?? [];
  return html`<div class="templates">
    <label for=${`${prefix}-template`}>${t('templateLabel')}</label>
    <kbd class="key-hint" aria-hidden="true">Alt+T</kbd>
    <select
      id=${`${prefix}-template`}
      data-template
      aria-keyshortcuts="Alt+T"
      .value=${live('')}
      @change=${(e: Event) => {
        const select = e.target as HTMLSelectElement;
        if (select.value) p.onTemplate(select.value);
        select.value = '';
      }}
    >
      <option value="">${list.length ? t('templatePick') : t('templateNone')}</option>
      ${list.map(
        (tpl) =>
          html`<option value=${String(tpl.id)}>
            ${tpl.title}${tpl.decision ? ` · ${t(decisionKey[tpl.decision])}` : ''}
          </option>`,
      )}
    </select>
    ${
      s.undo !== null
        ? html`<button type="button" class="gk-link-button" @click=${() => p.onChange({ reason: s.undo ?? '', undo: null })}>
          ${t('templateUndo')}
        </button>`
        : nothing
    }
    ${
      s.naming
        ? html`<div class="naming">
          <label for=${`${prefix}-template-title`}>${t('templateTitle')}</label>
          <input
            id=${`${prefix}-template-title`}
            type="text"
            maxlength="50"
            .value=${live(s.templateTitle)}
            @input=${(e: Event) => p.onChange({ templateTitle: (e.target as HTMLInputElement).value })}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                p.onSaveTemplate();
              }
            }}
          />
          <button type="button" class="gk-button" @click=${() => p.onSaveTemplate()}>${t('templateSave')}</button>
          <button type="button" class="gk-link-button" @click=${() => p.onChange({ naming: false, templateNote: null })}>
            ${t('cancel')}
          </button>
        </div>`
        : html`<button
          type="button"
          class="gk-link-button"
          ?disabled=${!s.reason.trim()}
          @click=${() => p.onChange({ naming: true, templateTitle: s.reason.trim().slice(0, 20), templateNote: null })}
        >
          ${t('templateSaveAs')}
        </button>`
    }
    <span class=${s.templateNote && !s.templateNote.ok ? 'field-error' : 'note'} role="status"
      >${s.templateNote?.text ?? ''}</span
    >
  </div>`;
}

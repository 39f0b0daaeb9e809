// The decision form (处理结果 + 理由 + 理由模板), used for one comment and for a group. What the
// staff member chose and typed lives here until the server has it: a failed save keeps it all.
import { DECISIONS, type Decision, type ReasonTemplateView as ReasonTemplate } from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { UiLang } from '../internal/localize.js';
import { decisionKey, type ReviewMsg } from './labels.js';

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
}

export const newForm = (decision: Decision | null, reason: string | null): FormState => ({
  decision,
  reason: reason ?? '',
  busy: false,
  error: null,
  reasonError: null,
  saved: false,
  undo: null,
  naming: false,
  templateTitle: '',
  templateNote: null,
});

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
}

export function renderDecisionForm(p: DecisionFormProps) {
  const { t, state: s, prefix } = p;
  const required = reasonRequired(s.decision);
  const describedBy = [`${prefix}-reason-hint`, s.reasonError ? `${prefix}-reason-error` : '']
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
  >
    ${p.disabled ? html`<p class="role-note" id=${`${prefix}-role`}>${p.disabledNote}</p>` : nothing}
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
            })}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              p.onSubmit();
            }
          }}
        ></textarea>
        ${s.reasonError ? html`<p class="field-error" id=${`${prefix}-reason-error`} role="alert">${s.reasonError}</p>` : nothing}
      </div>
      ${renderTemplates(p)}
      <div class="actions">
        <button type="submit" class="gk-button primary" ?disabled=${s.busy}>${s.busy ? t('saving') : p.submitLabel}</button>
        <span class="saved" role="status">${s.saved ? t('saved') : ''}</span>
      </div>
    </fieldset>
    ${s.error ? html`<p class="form-error" role="alert">${s.error}</p>` : nothing}
  </form>`;
}

function renderTemplates(p: DecisionFormProps) {
  const { t, state: s, prefix } = p;
  if (p.templatesUnavailable) return nothing;
  const list = p.templates ?? [];
  return html`<div class="templates">
    <label for=${`${prefix}-template`}>${t('templateLabel')}</label>
    <select
      id=${`${prefix}-template`}
      data-template
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

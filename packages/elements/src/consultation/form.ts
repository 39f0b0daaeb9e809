// The comment form: every field labelled, errors beside their field and announced, the
// contact marked as never published, a privacy notice (saying what the device keeps) with
// consent, and a honeypot.
import {
  type Clause,
  MAX_COMMENT_CHARS,
  printedClauseLabel,
  SUBMITTER_TYPES,
  type SubmitterType,
} from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ConsultationMessages } from '../i18n/consultation.js';
import type { Draft } from './drafts.js';
import { type NotifyChannel, renderNotifyFields } from './notify.js';
import { charCount, type Field, type FieldErrors, MAX_CONTACT, MAX_NAME } from './validate.js';

type Msg = (key: keyof ConsultationMessages, params?: Record<string, string | number>) => string;

export interface FormView {
  msg: Msg;
  draft: Draft;
  clauses: readonly Clause[];
  errors: FieldErrors;
  /** Editing is locked while the comment is queued or being sent. */
  locked: boolean;
  savedNote: string;
  /** The notification channels the site offers (none: no opt-in shown). */
  channels: readonly NotifyChannel[];
  /** How long the device keeps drafts and receipts, for the privacy notice. */
  keep: { draftDays: number; receiptDays: number };
  onTarget: (clause: string | null) => void;
  onField: (patch: Partial<Draft>) => void;
  onSubmit: () => void;
  onDiscard: () => void;
  /** The attachments field (consultation/attachments.ts), where the page takes attachments. */
  attachments?: unknown;
}

/** Longest quote of the clause shown with the form; a longer clause is cut visibly, with …. */
export const QUOTE_MAX = 240;

/** The clause's text, whole or cut at QUOTE_MAX characters with …. */
export function quoteOf(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= QUOTE_MAX ? chars.join('') : `${chars.slice(0, QUOTE_MAX).join('').trimEnd()}…`;
}

/** An option of the target list: the clause as printed; an untitled one with its first words. */
function optionText(byId: ReadonlyMap<string, Clause>, clause: Clause): string {
  const label = printedClauseLabel(byId, clause.id) ?? '';
  if (clause.title) return label;
  const words = [...clause.text.trim()];
  return `${label} ${words.slice(0, 16).join('')}${words.length > 16 ? '…' : ''}`.trim();
}

const describedBy = (field: Field, errors: FieldErrors, hint = '') =>
  [hint, errors[field] ? `err-${field}` : ''].filter(Boolean).join(' ') || nothing;

const fieldError = (field: Field, errors: FieldErrors) =>
  errors[field] ? html`<p class="field-error" id="err-${field}">${errors[field]}</p>` : nothing;

export function renderForm(v: FormView) {
  const { msg: t, draft, errors } = v;
  const count = charCount(draft.body);
  const over = count - MAX_COMMENT_CHARS;
  const target = draft.clause ? v.clauses.find((c) => c.id === draft.clause) : undefined;
  const byId = new Map(v.clauses.map((c) => [c.id, c]));
  const errorCount = Object.keys(errors).length;
  return html`<form
    part="form"
    novalidate
    aria-labelledby="form-title"
    @submit=${(e: Event) => {
      e.preventDefault();
      v.onSubmit();
    }}
  >
    <h3 id="form-title">${t('formTitle')}</h3>
    <div role="alert" class="summary">${errorCount ? t('errorsSummary', { count: errorCount }) : ''}</div>
    ${
      draft.withheld
        ? html`<p class="notice" id="withheld-note">
          ${draft.interrupted ? t('interruptedNote') : nothing} ${t('withheldNote')}
        </p>`
        : nothing
    }
    <div class="field">
      <label for="target">${t('target')}</label>
      <select
        id="target"
        .value=${live(draft.clause ?? '')}
        ?disabled=${v.locked}
        @change=${(e: Event) => v.onTarget((e.target as HTMLSelectElement).value || null)}
      >
        <option value="">${t('wholeText')}</option>
        ${v.clauses.map((c) => html`<option value=${c.id} ?selected=${c.id === draft.clause}>${optionText(byId, c)}</option>`)}
      </select>
      ${target ? html`<blockquote class="quote"><span class="sr-only">${t('quotedClause')}</span>${quoteOf(target.text)}</blockquote>` : nothing}
    </div>
    <div class="field">
      <label for="body">${t('body')}</label>
      <p class="hint" id="body-hint">${t('bodyHint', { max: MAX_COMMENT_CHARS })}</p>
      <textarea
        id="body"
        name="body"
        rows="7"
        .value=${live(draft.body)}
        ?readonly=${v.locked}
        aria-invalid=${errors.body ? 'true' : 'false'}
        aria-describedby=${describedBy('body', errors, 'body-hint body-count')}
        @input=${(e: Event) => v.onField({ body: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <p class="count ${over > 0 ? 'over' : ''}" id="body-count" aria-live="polite">
        ${over > 0 ? t('countOver', { over }) : t('count', { count, max: MAX_COMMENT_CHARS })}
      </p>
      ${fieldError('body', errors)}
    </div>
    <fieldset class="field" ?disabled=${v.locked}>
      <legend>${t('submitterType')}</legend>
      ${SUBMITTER_TYPES.map(
        (type: SubmitterType) => html`<label class="choice"
          ><input
            type="radio"
            name="submitterType"
            value=${type}
            .checked=${live(draft.submitterType === type)}
            @change=${() => v.onField({ submitterType: type })}
          />${t(`submitter_${type}`)}</label
        >`,
      )}
    </fieldset>
    ${
      draft.submitterType === 'anonymous'
        ? nothing
        : html`<div class="field">
          <label for="name">${t('name')}</label>
          <input
            id="name"
            autocomplete="name"
            maxlength=${MAX_NAME * 2}
            .value=${live(draft.name)}
            ?readonly=${v.locked}
            aria-invalid=${errors.name ? 'true' : 'false'}
            aria-describedby=${describedBy('name', errors)}
            @input=${(e: Event) => v.onField({ name: (e.target as HTMLInputElement).value })}
          />
          ${fieldError('name', errors)}
        </div>`
    }
    <div class="field">
      <label for="contact">${t('contactField')}</label>
      <p class="hint private" id="contact-hint">${t('neverPublished')}</p>
      <input
        id="contact"
        autocomplete="tel"
        maxlength=${MAX_CONTACT * 2}
        .value=${live(draft.contact)}
        ?readonly=${v.locked}
        aria-invalid=${errors.contact ? 'true' : 'false'}
        aria-describedby=${describedBy('contact', errors, 'contact-hint')}
        @input=${(e: Event) => v.onField({ contact: (e.target as HTMLInputElement).value })}
      />
      ${fieldError('contact', errors)}
    </div>
    ${renderNotifyFields({
      msg: t,
      channels: v.channels,
      on: draft.notify,
      channel: draft.notifyChannel,
      address: draft.notifyAddress,
      ack: draft.notifyAck,
      error: errors.notify,
      locked: v.locked,
      onField: v.onField,
    })}
    ${v.attachments ?? nothing}
    <div class="honeypot" aria-hidden="true">
      <label for="website">${t('honeypot')}</label>
      <input id="website" name="website" tabindex="-1" autocomplete="off" />
    </div>
    <details class="privacy" open>
      <summary>${t('privacyTitle')}</summary>
      <p id="privacy-text">${t('privacy')}</p>
      <p id="device-text">${t('deviceKeeps', v.keep)}</p>
    </details>
    <div class="field">
      <label class="choice consent">
        <input
          id="consent"
          type="checkbox"
          .checked=${live(draft.consent)}
          ?disabled=${v.locked}
          aria-invalid=${errors.consent ? 'true' : 'false'}
          aria-describedby=${describedBy('consent', errors, 'privacy-text device-text')}
          @change=${(e: Event) => v.onField({ consent: (e.target as HTMLInputElement).checked })}
        />${t('consent')}
      </label>
      ${fieldError('consent', errors)}
    </div>
    <div class="actions">
      <button class="gk-button primary" type="submit" ?disabled=${v.locked}>${t('submit')}</button>
      ${
        draft.body && !v.locked
          ? html`<button class="gk-link-button" type="button" @click=${v.onDiscard}>${t('discard')}</button>`
          : nothing
      }
      <span class="saved" aria-live="polite">${v.savedNote}</span>
    </div>
  </form>`;
}

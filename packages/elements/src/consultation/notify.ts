// Hearing back without an account (issue 20): the "处理结果公布后通知我" part of the comment
// form. The API's shapes are @gongkai/format's (api/notify.ts).
import type { NotifyChannel, NotifyRequest, ReceiptNotify } from '@gongkai/format';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ConsultationMessages } from '../i18n/consultation.js';
import type { UiLang } from '../i18n/types.js';

export type { FollowAnswer, NotifyChannel, NotifyRequest, ReceiptNotify } from '@gongkai/format';

type Msg = (key: keyof ConsultationMessages, params?: Record<string, string | number>) => string;

/**
 * The channels from a `notify-channels` attribute: `email`, `email sms`, `none` (nothing); null
 * when no attribute says, so the server's answer (or e-mail, from an older server) stands.
 */
export function parseChannels(value: string | null | undefined): NotifyChannel[] | null {
  const words = (value ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!words.length) return null;
  return (['email', 'sms'] as const).filter((c) => words.includes(c));
}

// The server's patterns (notify/secrets.ts): what it refuses, the form refuses first, with a message.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const PHONE = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;

/** What is wrong with an address, in words; '' when it will be accepted. */
export function addressError(channel: NotifyChannel, raw: string, t: Msg): string {
  const value = raw.trim();
  if (!value) return t('err_required', { field: t(channel === 'sms' ? 'notifyPhone' : 'notifyEmail') });
  if (channel === 'sms') return PHONE.test(value) ? '' : t('err_phone');
  // Typed with a Chinese input method: said, never silently changed.
  if (/[＠．。，\s]/.test(value)) return t('err_emailFullWidth');
  return value.length <= 254 && EMAIL.test(value) ? '' : t('err_email');
}

/** The body's `notify`: the address as typed (trimmed), the reader's language, an acknowledgement if asked. */
export function notifyRequest(channel: NotifyChannel, address: string, locale: UiLang, ack = false): NotifyRequest {
  const to = channel === 'sms' ? { phone: address.trim() } : { email: address.trim() };
  return { ...to, locale, ...(ack ? { acknowledge: true } : {}) };
}

/** The address masked as the server masks it (z***@example.cn, 138****8000), until it answers. */
export function maskAddress(channel: NotifyChannel, address: string): string {
  const a = address.trim();
  if (channel === 'sms') {
    const digits = a.replace(/[ -]/g, '');
    return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  }
  return `${a.slice(0, 1)}***${a.slice(a.lastIndexOf('@'))}`;
}

/** One line on what the receipt lookup says of notifications (pending, confirmed, unsubscribed). */
export function notifyLine(n: ReceiptNotify, t: Msg): string {
  if (n.state === 'unsubscribed') return t('notify_unsubscribed');
  const address = n.address ?? '';
  if (n.state === 'confirmed') return t('notify_confirmed', { address });
  const line = t('notify_pending', { address, confirm: t(n.channel === 'sms' ? 'confirm_sms' : 'confirm_email') });
  return n.acknowledge ? `${line}${t('notify_ackPending')}` : line;
}

/** `what` and `confirm` of a hint: the address asked for and the confirmation sent to it. */
export function hintParams(channels: readonly NotifyChannel[], t: Msg) {
  const sms = channels.includes('sms');
  return sms
    ? { what: t(channels.length > 1 ? 'what_both' : 'notifyPhone'), confirm: t('confirm_any') }
    : { what: t('what_email'), confirm: t('confirm_email') };
}

export interface NotifyFieldsView {
  msg: Msg;
  channels: readonly NotifyChannel[];
  on: boolean;
  channel: NotifyChannel;
  address: string;
  /** An acknowledgement with the receipt asked for too. */
  ack: boolean;
  error: string | undefined;
  locked: boolean;
  onField: (patch: {
    notify?: boolean;
    notifyChannel?: NotifyChannel;
    notifyAddress?: string;
    notifyAck?: boolean;
  }) => void;
}

/** The opt-in: a checkbox, then (once ticked) the channel where there is a choice, and the address. */
export function renderNotifyFields(v: NotifyFieldsView) {
  if (!v.channels.length) return nothing;
  const t = v.msg;
  const channel = v.channels.includes(v.channel) ? v.channel : v.channels[0]!;
  const sms = channel === 'sms';
  const described = ['notify-hint', v.error ? 'err-notify' : ''].filter(Boolean).join(' ');
  return html`<fieldset class="field notify" ?disabled=${v.locked}>
    <legend>${t('notifyLegend')}</legend>
    <p class="hint" id="notify-hint">${t('notifyHint', hintParams(v.channels, t))}</p>
    <label class="choice">
      <input
        id="notify"
        type="checkbox"
        .checked=${live(v.on)}
        aria-describedby="notify-hint"
        @change=${(e: Event) => v.onField({ notify: (e.target as HTMLInputElement).checked })}
      />${t('notifyMe')}
    </label>
    ${
      v.on
        ? html`${
            v.channels.length > 1
              ? html`<div role="radiogroup" aria-label=${t('notifyBy')}>
                ${v.channels.map(
                  (c) => html`<label class="choice"
                    ><input
                      type="radio"
                      name="notifyChannel"
                      value=${c}
                      .checked=${live(c === channel)}
                      @change=${() => v.onField({ notifyChannel: c })}
                    />${t(c === 'sms' ? 'notifyBySms' : 'notifyByEmail')}</label
                  >`,
                )}
              </div>`
              : nothing
          }
          <label for="notify-address">${t(sms ? 'notifyPhone' : 'notifyEmail')}</label>
          <input
            id="notify-address"
            type=${sms ? 'tel' : 'email'}
            inputmode=${sms ? 'tel' : 'email'}
            autocomplete=${sms ? 'tel' : 'email'}
            maxlength=${sms ? 20 : 254}
            spellcheck="false"
            .value=${live(v.address)}
            ?readonly=${v.locked}
            aria-invalid=${v.error ? 'true' : 'false'}
            aria-describedby=${described}
            @input=${(e: Event) => v.onField({ notifyAddress: (e.target as HTMLInputElement).value })}
          />
          ${v.error ? html`<p class="field-error" id="err-notify">${v.error}</p>` : nothing}
          <label class="choice">
            <input
              id="notify-ack"
              type="checkbox"
              .checked=${live(v.ack)}
              @change=${(e: Event) => v.onField({ notifyAck: (e.target as HTMLInputElement).checked })}
            />${t('notifyAck')}
          </label>`
        : nothing
    }
  </fieldset>`;
}

import type { ConsultationView } from '@gongkai/format';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ConsultationMessages, consultationMessages } from '../i18n/consultation.js';
import { type FollowMessages, followMessages } from '../i18n/follow.js';
import type { Catalogues } from '../i18n/types.js';
import { ApiError, apiUrl, requestApi } from '../internal/api.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { LocalizeController } from '../internal/localize.js';
import { consultationStyles } from './consultation.styles.js';
import {
  addressError,
  type FollowAnswer,
  hintParams,
  type NotifyChannel,
  notifyRequest,
  parseChannels,
} from './notify.js';

type Messages = FollowMessages & ConsultationMessages;
/** The follow form's own text over the words it shares with the comment form. */
const messages = Object.fromEntries(
  (['zh-Hans', 'zh-Hant', 'en'] as const).map((lang) => [
    lang,
    { ...consultationMessages[lang], ...followMessages[lang] },
  ]),
) as Catalogues<Messages>;

/**
 * "关注此政策/征求意见" without an account: an e-mail address (or a mobile number where the site
 * sends SMS), confirmed by a link before anything else is sent, and links to the Atom feed and
 * the ICS calendar of comment deadlines for those who would rather leave no address. Shown by
 * gk-consultation-bar's "关注" button, and usable alone on any page.
 *
 * @tagname gk-follow
 * @summary Follow a consultation or a policy by e-mail (double opt-in), or by its feeds.
 * @csspart form - The follow form.
 * @csspart feeds - The Atom and calendar links.
 */
export class GkFollow extends LitElement {
  static override styles = [baseStyles, buttonStyles, srOnly, consultationStyles];

  /** Base URL of the consultation service (e.g. `/api/v1`). */
  @property({ reflect: true }) accessor endpoint = '';
  /** The consultation to follow (opening, 7 and 1 days before it closes, window changes, feedback). */
  @property({ reflect: true }) accessor consultation = '';
  /** The policy to follow (new versions, interpretations, Q&A, repeal); its feeds are linked. */
  @property({ reflect: true }) accessor policy = '';
  /**
   * Overrides the channels the server offers: `email`, `email sms`, `none` (feeds only). Unset:
   * those the consultation's answer lists (e-mail for a policy alone, or an older server).
   */
  @property({ attribute: 'notify-channels' }) accessor notifyChannels = '';
  /** The channels the consultation's answer lists; null until it answers (or with no consultation). */
  @state() private accessor offered: NotifyChannel[] | null = null;

  @state() private accessor target: 'consultation' | 'policy' = 'consultation';
  @state() private accessor channel: NotifyChannel = 'email';
  @state() private accessor address = '';
  @state() private accessor error = '';
  @state() private accessor failure = '';
  @state() private accessor sending = false;
  @state() private accessor done = '';

  private readonly i18n = new LocalizeController<Messages>(this, messages);

  private get msg() {
    return this.i18n.msg.bind(this.i18n);
  }

  private get channels(): NotifyChannel[] {
    return parseChannels(this.notifyChannels) ?? this.offered ?? ['email'];
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    const asked = changed.has('endpoint') || changed.has('consultation') || changed.has('notifyChannels');
    if (asked && !this.notifyChannels && this.endpoint && this.consultation) void this.loadOffered();
  }

  /** What the server offers, from the consultation's answer; on failure e-mail stays offered. */
  private async loadOffered(): Promise<void> {
    const id = this.consultation;
    try {
      const view = await requestApi<ConsultationView>(
        apiUrl(this.endpoint, `/consultations/${encodeURIComponent(id)}`),
      );
      if (this.consultation === id) this.offered = view.notify?.channels ?? null;
    } catch {
      // The form still works: the server refuses a channel it lacks, with a message.
    }
  }

  private get what(): 'consultation' | 'policy' {
    return this.consultation && (this.target === 'consultation' || !this.policy) ? 'consultation' : 'policy';
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.sending) return;
    const t = this.msg;
    const channels = this.channels;
    const channel = channels.includes(this.channel) ? this.channel : channels[0]!;
    this.error = addressError(channel, this.address, t);
    this.failure = '';
    this.done = '';
    if (this.error) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#follow-address')?.focus();
      return;
    }
    const what = this.what;
    const id = what === 'consultation' ? this.consultation : this.policy;
    this.sending = true;
    try {
      const answer = await requestApi<FollowAnswer>(apiUrl(this.endpoint, '/notify/follow'), {
        method: 'POST',
        body: { ...notifyRequest(channel, this.address, this.i18n.lang), [what]: id },
      });
      const confirm = t(answer.channel === 'sms' ? 'confirm_sms' : 'confirm_email');
      this.done = t('follow_done', { confirm, address: answer.address });
    } catch (error) {
      this.failure = this.refusal(error, id);
    } finally {
      this.sending = false;
    }
  }

  private refusal(error: unknown, id: string): string {
    const t = this.msg;
    if (!(error instanceof ApiError) || error.kind === 'network')
      return t('follow_failed', { detail: t('networkDetail') });
    if (error.status === 429) return t('follow_rate');
    if (error.code === 'notifications-off') return t('follow_off');
    if (error.status === 404) return t('follow_notFound', { id });
    const detail = (this.i18n.lang !== 'en' && error.body.zh) || error.body.message || `HTTP ${error.status}`;
    return t('follow_failed', { detail });
  }

  protected override render() {
    const t = this.msg;
    if (!this.endpoint || !(this.consultation || this.policy)) {
      return html`<div class="gk-error" part="error" role="alert">${t('follow_missing')}</div>`;
    }
    const channels = this.channels;
    const channel = channels.includes(this.channel) ? this.channel : channels[0];
    const sms = channel === 'sms';
    const feedPolicy = this.policy ? `/feeds/policies/${encodeURIComponent(this.policy)}/atom` : '/feeds/atom';
    const ics = `/feeds/deadlines.ics${this.policy ? `?policy=${encodeURIComponent(this.policy)}` : ''}`;
    const described = ['follow-hint', this.error ? 'follow-error' : ''].filter(Boolean).join(' ');
    return html`${
      channel
        ? html`<form part="form" class="follow" novalidate aria-labelledby="follow-title" @submit=${this.submit}>
          <h3 id="follow-title">${t(this.what === 'consultation' ? 'follow_titleConsultation' : 'follow_titlePolicy')}</h3>
          <p class="hint" id="follow-hint">${t('follow_hint', hintParams(channels, t))}</p>
          ${
            this.consultation && this.policy
              ? html`<fieldset class="field">
                <legend>${t('follow_what')}</legend>
                ${(['consultation', 'policy'] as const).map(
                  (w) => html`<label class="choice"
                    ><input
                      type="radio"
                      name="follow-what"
                      .checked=${this.what === w}
                      @change=${() => {
                        this.target = w;
                      }}
                    />${t(w === 'consultation' ? 'follow_consultation' : 'follow_policy')}</label
                  >`,
                )}
              </fieldset>`
              : nothing
          }
          ${
            channels.length > 1
              ? html`<fieldset class="field">
                <legend>${t('notifyBy')}</legend>
                ${channels.map(
                  (c) => html`<label class="choice"
                    ><input
                      type="radio"
                      name="follow-channel"
                      .checked=${c === channel}
                      @change=${() => {
                        this.channel = c;
                        this.error = '';
                      }}
                    />${t(c === 'sms' ? 'notifyBySms' : 'notifyByEmail')}</label
                  >`,
                )}
              </fieldset>`
              : nothing
          }
          <div class="field">
            <label for="follow-address">${t(sms ? 'notifyPhone' : 'notifyEmail')}</label>
            <input
              id="follow-address"
              type=${sms ? 'tel' : 'email'}
              inputmode=${sms ? 'tel' : 'email'}
              autocomplete=${sms ? 'tel' : 'email'}
              maxlength=${sms ? 20 : 254}
              spellcheck="false"
              .value=${this.address}
              aria-invalid=${this.error ? 'true' : 'false'}
              aria-describedby=${described}
              @input=${(e: Event) => {
                this.address = (e.target as HTMLInputElement).value;
                if (this.error) this.error = addressError(channel, this.address, t);
              }}
            />
            ${this.error ? html`<p class="field-error" id="follow-error">${this.error}</p>` : nothing}
          </div>
          <div class="actions">
            <button class="gk-button primary" type="submit" ?disabled=${this.sending}>
              ${this.sending ? t('state_sending') : t('follow_submit')}
            </button>
          </div>
          <p class="follow-done" role="status">${this.done}</p>
          <div role="alert">${this.failure ? html`<p class="gk-error">${this.failure}</p>` : nothing}</div>
        </form>`
        : nothing
    }
      <p part="feeds" class="feeds">
        ${t('follow_feeds')}
        <a href=${apiUrl(this.endpoint, feedPolicy)} type="application/atom+xml">${t('follow_atom')}</a>
        · <a href=${apiUrl(this.endpoint, ics)} type="text/calendar">${t('follow_ics')}</a>
      </p>`;
  }
}

import type { ConsultationStatus, FeedbackSummary } from '@gongkai/format';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ConsultationMessages, consultationMessages } from '../i18n/consultation.js';
import { baseStyles, buttonStyles } from '../internal/base.styles.js';
import { loadFollowElement } from '../internal/lazy.js';
import { LocalizeController } from '../internal/localize.js';
import { daysLeft, formatShortDate, parseDay } from './window.js';

/** What gk-consultation tells its bar. */
export interface BarState {
  status: ConsultationStatus;
  opens: Date;
  closes: Date;
  feedbackExpected: string | null;
  /** Comments received (from the service's counts). */
  received: number;
  /** The published figures, once gk-feedback has loaded them. */
  summary: FeedbackSummary | null;
  /** For the follow form (gk-follow) the bar opens: the service, what to follow, the channels. */
  endpoint: string;
  consultation: string;
  policy: string | null;
  channels: string;
}

/** What the bar's buttons ask of gk-consultation. */
export interface BarActions {
  comment(trigger: HTMLElement): void;
  showFeedback(): void;
  showLookup(): void;
}

/**
 * The consultation's status in one line, for the top of the page: 征求意见中 · 截止 1月5日 · 还剩 24
 * 天 · [我要提意见]; after publication 反馈已公布 · 共收到 N 条意见，采纳 a 条… · [查看采纳情况] ·
 * [查询我的意见]; always [关注], which opens a gk-follow (e-mail, feeds, calendar) below. It shows what the gk-consultation named by `for` (same tree) knows, and its buttons
 * act there: the citizen need not scroll past the whole draft to find the window.
 *
 * @tagname gk-consultation-bar
 * @summary The consultation's status and its main actions, at the top of the page.
 * @csspart bar - The bar.
 * @attr status - Set by the element: upcoming, open, closed or feedback-published.
 */
export class GkConsultationBar extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host([status]) {
        margin-block-end: 1em;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25em 0.75em;
        padding: 0.5em 0.75em;
        border: 1px solid var(--gk-color-border, #8c959f);
        border-inline-start: 6px solid var(--gk-color-muted, #57606a);
        border-radius: var(--gk-radius, 6px);
        background: var(--gk-color-subtle, #f6f8fa);
      }
      :host([status='open']) .bar {
        border-inline-start-color: var(--gk-color-accent, #b42318);
      }
      :host([status='feedback-published']) .bar {
        border-inline-start-color: var(--gk-color-success, #1a7f37);
      }
      .facts {
        flex: 1 1 14em;
        margin: 0;
      }
      .sep {
        color: var(--gk-color-muted, #57606a);
      }
      strong {
        font-size: 1.125em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      .gk-button {
        min-block-size: 2.75em;
        font-size: 1em;
      }
      .primary {
        background: var(--gk-color-primary, #0b57d0);
        border-color: var(--gk-color-primary, #0b57d0);
        color: #fff;
        font-weight: 700;
      }
      gk-follow:not([hidden]) {
        display: block;
        flex-basis: 100%;
      }
      @media print {
        .actions {
          display: none;
        }
      }
    `,
  ];

  /** Id of the gk-consultation (in the same tree) whose status is shown. */
  @property({ attribute: 'for' }) accessor htmlFor = '';
  /** The window's state, set by the element. */
  @property({ reflect: true }) accessor status: ConsultationStatus | undefined = undefined;

  @state() private accessor view: BarState | null = null;
  @state() private accessor following = false;

  private readonly i18n = new LocalizeController<ConsultationMessages>(this, consultationMessages);
  private actions: BarActions | null = null;

  /** Called by gk-consultation whenever what it knows changes. */
  show(view: BarState, actions: BarActions): void {
    this.view = view;
    this.actions = actions;
    this.status = view.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The consultation may have loaded before this bar was there: ask it to tell us.
    queueMicrotask(() => {
      const root = this.getRootNode() as Document | ShadowRoot;
      const source = this.htmlFor ? root.getElementById?.(this.htmlFor) : null;
      (source as { syncBars?: () => void } | null)?.syncBars?.();
    });
  }

  protected override render() {
    const v = this.view;
    if (!v) return nothing;
    const t = this.i18n.msg.bind(this.i18n);
    const lang = this.i18n.lang;
    const facts: string[] = [];
    const buttons: ReturnType<typeof html>[] = [];
    const lookup = html`<button class="gk-button" type="button" @click=${() => this.actions?.showLookup()}>
      ${t('bar_lookup')}
    </button>`;
    if (v.status === 'open') {
      const left = daysLeft(v.closes);
      facts.push(t('bar_closes', { date: formatShortDate(v.closes, lang) }));
      facts.push(left > 0 ? t('daysLeft', { days: left }) : t('lastDay'));
      buttons.push(html`<button
        class="gk-button primary"
        type="button"
        @click=${(e: Event) => this.actions?.comment(e.currentTarget as HTMLElement)}
      >
        ${t('bar_comment')}
      </button>`);
    } else if (v.status === 'upcoming') {
      facts.push(t('bar_opens', { date: formatShortDate(v.opens, lang) }));
    } else if (v.status === 'closed') {
      facts.push(t('bar_closed', { date: formatShortDate(v.closes, lang) }));
      if (v.feedbackExpected)
        facts.push(t('bar_expected', { date: formatShortDate(parseDay(v.feedbackExpected), lang) }));
      buttons.push(lookup);
    } else {
      const s = v.summary;
      facts.push(
        s
          ? t('bar_outcome', { received: s.received, adopted: s.adopted, partly: s.partlyAdopted })
          : t('bar_received', { received: v.received }),
      );
      buttons.push(html`<button class="gk-button primary" type="button" @click=${() => this.actions?.showFeedback()}>
        ${t('bar_feedback')}
      </button>`);
      buttons.push(lookup);
    }
    buttons.push(html`<button
      class="gk-button"
      type="button"
      aria-expanded=${this.following ? 'true' : 'false'}
      aria-controls="follow"
      @click=${() => {
        this.following = !this.following;
        loadFollowElement().catch((error: unknown) => console.warn('[gongkai] gk-follow:', error));
      }}
    >
      ${t('bar_follow')}
    </button>`);
    return html`<section class="bar" part="bar" aria-label=${t('consultation')}>
      <p class="facts"><strong>${t(`status_${v.status}`)}</strong>${facts.map((f) => html`<span class="sep"> · </span><span>${f}</span>`)}</p>
      <div class="actions">${buttons}</div>
      <gk-follow
        id="follow"
        ?hidden=${!this.following}
        endpoint=${v.endpoint}
        consultation=${v.consultation}
        policy=${v.policy ?? ''}
        notify-channels=${v.channels}
      ></gk-follow>
    </section>`;
  }
}

// Every consultation on the server (`GET /consultations`, newest window first), each with its
// status, window and comments counted by where they stand; opening one.
import type { ConsultationList, ConsultationSummary } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { UiLang } from '../internal/localize.js';
import { formatDate, formatNumber, type ReviewMsg, statusKey } from './labels.js';
import type { StaffSession } from './session.js';

const PAGE = 100;

export class Consultations {
  items: ConsultationSummary[] | null = null;
  loading = false;
  error: unknown = null;
  private generation = 0;

  constructor(
    private readonly session: StaffSession,
    private readonly changed: () => void,
  ) {}

  /** Reads the list again, every page of it (an office has hundreds at most, not thousands). */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    this.error = null;
    this.changed();
    try {
      const items: ConsultationSummary[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: String(PAGE) });
        if (cursor) query.set('cursor', cursor);
        const page: ConsultationList = await this.session.call<ConsultationList>(`/consultations?${query}`);
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      if (generation !== this.generation) return;
      this.items = items;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
    }
    this.loading = false;
    this.changed();
  }
}

export interface ConsultationsProps {
  t: ReviewMsg;
  lang: UiLang;
  items: readonly ConsultationSummary[] | null;
  loading: boolean;
  error: string | null;
  onOpen(id: string): void;
  onRetry(): void;
}

export function renderConsultations(p: ConsultationsProps) {
  const { t, lang } = p;
  const n = (x: number) => formatNumber(x, lang);
  return html`<section class="consultations" part="consultations" aria-labelledby="consultations-title">
    <h2 id="consultations-title" tabindex="-1">${t('consultationsTitle')}</h2>
    ${p.loading && !p.items ? html`<p role="status">${t('loading')}</p>` : nothing}
    ${
      p.error
        ? html`<div class="form-error" role="alert">
          ${p.error} <button type="button" class="gk-link-button" @click=${() => p.onRetry()}>${t('retry')}</button>
        </div>`
        : nothing
    }
    ${
      p.items?.length
        ? html`<div class="table-scroll">
          <table>
            <caption class="sr-only">${t('consultationsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('colTitle')}</th>
                <th scope="col">${t('colStatus')}</th>
                <th scope="col">${t('colWindow')}</th>
                <th scope="col">${t('colReceived')}</th>
                <th scope="col">${t('colUnmoderated')}</th>
                <th scope="col">${t('colUndecided')}</th>
              </tr>
            </thead>
            <tbody>
              ${p.items.map(
                (c) => html`<tr data-consultation=${c.id}>
                  <td>
                    <button type="button" class="gk-link-button" @click=${() => p.onOpen(c.id)}>${c.title}</button>
                  </td>
                  <td><span class="badge s-${c.status}">${t(statusKey[c.status])}</span></td>
                  <td>
                    ${formatDate(c.opens, lang)} – ${formatDate(c.closes, lang)}
                    ${
                      c.feedbackExpected && c.status !== 'feedback-published'
                        ? html`<br /><span class="muted">${t('listFeedbackExpected', { date: formatDate(c.feedbackExpected, lang) })}</span>`
                        : nothing
                    }
                  </td>
                  <td class="num" data-count="received">${n(c.counts.received)}</td>
                  <td class="num" data-count="unmoderated">${n(c.counts.unmoderated)}</td>
                  <td class="num" data-count="undecided">${n(c.counts.undecided)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
        : p.items
          ? html`<p class="empty">${t('consultationsNone')}</p>`
          : nothing
    }
  </section>`;
}

// The consultations this console knows (the page's list, the one given, those opened in this tab),
// each with its status, window and count of comments; and opening one by its id.
import type { ConsultationView } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { UiLang } from '../internal/localize.js';
import { formatDate, formatNumber, type ReviewMsg, statusKey } from './labels.js';
import type { StaffSession } from './session.js';

const recentKey = (endpoint: string) => `gongkai:review:recent:${endpoint}`;

/** The consultations opened in this tab, most recent first (ids only). */
export function recentConsultations(endpoint: string): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(recentKey(endpoint)) ?? '[]');
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberConsultation(endpoint: string, id: string): void {
  try {
    const list = [id, ...recentConsultations(endpoint).filter((x) => x !== id)].slice(0, 20);
    sessionStorage.setItem(recentKey(endpoint), JSON.stringify(list));
  } catch {
    // not kept: the list is only a convenience
  }
}

export interface ConsultationRow {
  id: string;
  view: ConsultationView | null;
  error: string | null;
}

/**
 * The server lists no consultations (there is no `GET /consultations`), so the list is made of
 * the ids the page gives and those opened in this tab, each read with `GET /consultations/:id`.
 */
export class KnownConsultations {
  rows: ConsultationRow[] = [];
  private generation = 0;

  constructor(
    private readonly session: StaffSession,
    private readonly changed: () => void,
  ) {}

  async load(ids: readonly string[], describe: (error: unknown) => string): Promise<void> {
    const generation = ++this.generation;
    const unique = [...new Set(ids.filter(Boolean))];
    this.rows = unique.map((id) => this.rows.find((r) => r.id === id) ?? { id, view: null, error: null });
    this.changed();
    await Promise.all(
      unique.map(async (id) => {
        let row: ConsultationRow;
        try {
          row = {
            id,
            view: await this.session.call<ConsultationView>(`/consultations/${encodeURIComponent(id)}`),
            error: null,
          };
        } catch (error) {
          row = { id, view: null, error: describe(error) };
        }
        if (generation !== this.generation) return;
        this.rows = this.rows.map((r) => (r.id === id ? row : r));
        this.changed();
      }),
    );
  }
}

export interface ConsultationsProps {
  t: ReviewMsg;
  lang: UiLang;
  rows: readonly ConsultationRow[];
  onOpen(id: string): void;
  onRetry(): void;
}

export function renderConsultations(p: ConsultationsProps) {
  const { t, lang } = p;
  return html`<section class="consultations" part="consultations" aria-labelledby="consultations-title">
    <h2 id="consultations-title">${t('consultationsTitle')}</h2>
    ${
      p.rows.length
        ? html`<div class="table-scroll">
          <table>
            <caption class="sr-only">${t('consultationsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('colTitle')}</th>
                <th scope="col">${t('colStatus')}</th>
                <th scope="col">${t('colWindow')}</th>
                <th scope="col">${t('colReceived')}</th>
              </tr>
            </thead>
            <tbody>
              ${p.rows.map(
                (r) => html`<tr data-consultation=${r.id}>
                  <td>
                    <button type="button" class="gk-link-button" @click=${() => p.onOpen(r.id)}>${r.view?.title ?? r.id}</button>
                    ${r.error ? html`<span class="field-error">${r.error}</span>` : nothing}
                  </td>
                  <td>${r.view ? html`<span class="badge s-${r.view.status}">${t(statusKey[r.view.status])}</span>` : ''}</td>
                  <td>${r.view ? `${formatDate(r.view.opens, lang)} – ${formatDate(r.view.closes, lang)}` : ''}</td>
                  <td class="num">${r.view ? formatNumber(r.view.counts.received, lang) : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
        : html`<p class="empty">${t('consultationsNone')}</p>`
    }
    <form
      class="open-by-id"
      @submit=${(e: Event) => {
        e.preventDefault();
        const input = (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#open-id')!;
        if (input.value.trim()) p.onOpen(input.value.trim());
      }}
    >
      <label for="open-id">${t('openById')}</label>
      <input id="open-id" type="text" autocomplete="off" spellcheck="false" pattern="[A-Za-z0-9][A-Za-z0-9._:\\-]*" />
      <button type="submit" class="gk-button">${t('open')}</button>
    </form>
  </section>`;
}

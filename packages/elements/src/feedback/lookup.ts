// "查询我的意见": a citizen types the receipt they were given and sees what became of their
// comment. The typed text is kept whatever happens; each failure says what to do about it.
import type { ReceiptLookup } from '@gongkai/format';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { FeedbackMessages } from '../i18n/feedback.js';
import { ApiError, apiUrl, requestApi } from '../internal/api.js';
import { parseReceipt } from './receipt.js';

type Msg = (key: keyof FeedbackMessages, params?: Record<string, string | number>) => string;

export type LookupState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'found'; result: ReceiptLookup }
  /** `field`: the receipt itself is wrong (the input is marked invalid); else the lookup failed. */
  | { kind: 'problem'; message: string; field: boolean };

export interface LookupContext {
  msg: Msg;
  endpoint: string;
  consultation: string;
  clauseName(id: string | null): string;
  date(iso: string, withTime?: boolean): string;
  /** The changes the comment led to (因意见修改), once that part has loaded. */
  changes?: (result: ReceiptLookup) => unknown;
}

export class ReceiptLookupController implements ReactiveController {
  /** What the reader typed, kept as typed. */
  value = '';
  state: LookupState = { kind: 'idle' };
  private abort: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.state.kind === 'busy') this.state = { kind: 'idle' };
  }

  private set(state: LookupState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Looks up `input` (the typed receipt) at the endpoint; the state says how it went. */
  async lookup(input: string, context: Pick<LookupContext, 'endpoint' | 'msg'>): Promise<void> {
    const t = context.msg;
    this.value = input;
    this.abort?.abort();
    this.abort = null;
    const parsed = parseReceipt(input);
    if (!parsed.ok) {
      const key =
        parsed.problem === 'empty'
          ? 'lookupEmpty'
          : parsed.problem === 'malformed'
            ? 'lookupMalformed'
            : 'lookupMistyped';
      this.set({ kind: 'problem', message: t(key), field: true });
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.set({ kind: 'busy' });
    try {
      const url = apiUrl(context.endpoint, `/receipts/${encodeURIComponent(parsed.receipt)}`);
      const result = await requestApi<ReceiptLookup>(url, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (!result || typeof result !== 'object' || typeof result.status !== 'string') {
        throw new ApiError('bad-answer', url, 200);
      }
      this.set({ kind: 'found', result });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.set(problemOf(error, parsed.receipt, t));
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }
}

function problemOf(error: unknown, receipt: string, t: Msg): LookupState {
  if (!(error instanceof ApiError)) return { kind: 'problem', message: t('lookupNetwork'), field: false };
  if (error.status === 404) return { kind: 'problem', message: t('lookupNotFound', { receipt }), field: true };
  if (error.status === 400) return { kind: 'problem', message: t('lookupMistyped'), field: true };
  if (error.kind === 'network') return { kind: 'problem', message: t('lookupNetwork'), field: false };
  if (error.kind === 'rate-limited') {
    return { kind: 'problem', message: t('lookupRateLimited', { seconds: error.retryAfter ?? 60 }), field: false };
  }
  if (error.kind === 'server') return { kind: 'problem', message: t('lookupServer'), field: false };
  return {
    kind: 'problem',
    message: t('lookupFailed', { detail: error.body.zh ?? error.body.message ?? String(error.status || error.kind) }),
    field: false,
  };
}

/** The form and its answer. `onSubmit` receives the typed text. */
export function renderLookup(
  lookup: ReceiptLookupController,
  context: LookupContext,
  handlers: { submit(value: string): void; input(value: string): void },
) {
  const t = context.msg;
  const state = lookup.state;
  const invalid = state.kind === 'problem' && state.field;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('receipt') as HTMLInputElement;
    handlers.submit(input.value);
  };
  return html`<section class="lookup" part="lookup" aria-labelledby="lookup-heading">
    <h3 id="lookup-heading">${t('lookupHeading')}</h3>
    <p class="intro">${t('lookupIntro')}</p>
    <form part="form" novalidate @submit=${submit}>
      <label for="receipt">${t('lookupLabel')}</label>
      <p class="hint" id="receipt-hint">${t('lookupHint')}</p>
      <div class="lookup-row">
        <input
          id="receipt"
          name="receipt"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="40"
          .value=${lookup.value}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'receipt-hint receipt-problem' : 'receipt-hint'}
          @input=${(e: InputEvent) => handlers.input((e.target as HTMLInputElement).value)}
        />
        <button class="gk-button primary" type="submit" ?disabled=${state.kind === 'busy'}>${t('lookupSubmit')}</button>
      </div>
    </form>
    <div class="lookup-answer" aria-live="polite">${renderAnswer(state, context)}</div>
  </section>`;
}

function renderAnswer(state: LookupState, context: LookupContext) {
  const t = context.msg;
  switch (state.kind) {
    case 'idle':
      return nothing;
    case 'busy':
      return html`<p class="busy">${t('lookupBusy')}</p>`;
    case 'problem':
      return html`<p class="problem" id="receipt-problem" part="lookup-problem">${state.message}</p>`;
    case 'found': {
      const r = state.result;
      const other = !!(context.consultation && r.consultation && r.consultation !== context.consultation);
      // Another consultation's clauses are not this page's: only the label the service gives names them.
      const clause =
        r.clause === null
          ? context.clauseName(null)
          : r.clauseLabel || (other ? t('unknownClause') : context.clauseName(r.clause));
      return html`<div class="result" part="lookup-result">
        <p class="result-title">${t('lookupResult', { receipt: r.receipt })}</p>
        ${other ? renderOther(r, t) : nothing}
        <dl>
          <div><dt>${t('lookupSubmitted')}</dt><dd>${context.date(r.submitted, true)}</dd></div>
          <div><dt>${t('lookupClause')}</dt><dd>${clause}</dd></div>
          <div><dt>${t('lookupStatus')}</dt><dd>${t(`status_${r.status}` as keyof FeedbackMessages)}</dd></div>
          ${
            r.decision
              ? html`<div>
                <dt>${t('lookupDecision')}</dt>
                <dd><span class="decision" data-decision=${r.decision}
                  ><span class="mark" aria-hidden="true"></span>${t(`decision_${r.decision}` as keyof FeedbackMessages)}</span
                ></dd>
              </div>`
              : nothing
          }
          ${r.reason ? html`<div><dt>${t('lookupReason')}</dt><dd class="reason-text">${r.reason.trim()}</dd></div>` : nothing}
          ${
            r.status === 'received' && r.feedbackExpected
              ? html`<div><dt>${t('lookupExpected')}</dt><dd>${context.date(r.feedbackExpected)}</dd></div>`
              : nothing
          }
        </dl>
        ${context.changes?.(r) ?? nothing}
      </div>`;
    }
  }
}

/** A receipt of another consultation: named by its title, with a link to its page when known. */
function renderOther(r: ReceiptLookup, t: Msg) {
  const title = r.title?.trim();
  const url = r.pageUrl && SAFE_URL.test(r.pageUrl) ? r.pageUrl : null;
  return html`<p class="other">
    ${title ? t('lookupOther', { title }) : t('lookupOtherUnnamed')}
    ${url ? html`<a href=${url}>${t('lookupOtherLink')}</a>` : nothing}
  </p>`;
}

/** Only web addresses (and paths on this site) become links. */
const SAFE_URL = /^(https?:\/\/|\/(?!\/))/i;

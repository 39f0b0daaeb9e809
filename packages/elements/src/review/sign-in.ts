// Signing in with a staff token. The token is typed or pasted here only; it is kept for this tab
// (sessionStorage) and sent in the Authorization header, never in a URL.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ReviewMsg } from './labels.js';
import type { SessionNotice } from './session.js';

export interface SignInProps {
  t: ReviewMsg;
  token: string;
  busy: boolean;
  /** Why the last attempt failed, as a sentence. */
  error: string | null;
  notice: SessionNotice;
  onInput(token: string): void;
  onSubmit(): void;
}

export function renderSignIn(p: SignInProps) {
  const { t } = p;
  const describedBy = ['token-hint', p.error ? 'token-error' : ''].filter(Boolean).join(' ');
  return html`<form
    class="sign-in"
    part="sign-in"
    aria-labelledby="sign-in-title"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      p.onSubmit();
    }}
  >
    <h2 id="sign-in-title">${t('signInTitle')}</h2>
    ${p.notice ? html`<p class="notice" role="status">${t(p.notice === 'expired' ? 'noticeExpired' : 'noticeSignedOut')}</p>` : nothing}
    <label for="token">${t('tokenLabel')}</label>
    <input
      id="token"
      name="token"
      type="password"
      autocomplete="off"
      spellcheck="false"
      autocapitalize="off"
      .value=${live(p.token)}
      aria-invalid=${p.error ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @input=${(e: Event) => p.onInput((e.target as HTMLInputElement).value)}
    />
    <p class="hint" id="token-hint">${t('tokenHint')}</p>
    ${p.error ? html`<p class="field-error" id="token-error" role="alert">${p.error}</p>` : nothing}
    <button type="submit" class="gk-button primary" ?disabled=${p.busy}>${p.busy ? t('signingIn') : t('signIn')}</button>
  </form>`;
}

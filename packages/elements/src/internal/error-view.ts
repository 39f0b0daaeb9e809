import { html, nothing } from 'lit';
import type { BundleError } from './load-bundle.js';
import type { UiLang } from './localize.js';

/** A bundle or file that cannot be used: what, where, and every schema problem with its path. */
export function renderBundleError(error: BundleError, lang: UiLang) {
  const language = lang === 'en' ? 'en' : 'zh-Hans';
  return html`<div class="gk-error" part="error" role="alert">
    <strong>${error.headline}</strong>
    <div>${error.detail}</div>
    ${
      error.problems.length
        ? html`<ul>
          ${error.problems.map((p) => html`<li><code>${p.path}</code> ${p.message[language]}</li>`)}
        </ul>`
        : nothing
    }
  </div>`;
}

/** Logs one console warning naming the element and the problems (conventions: never silent). */
export function warnBundleError(tag: string, error: BundleError): void {
  console.warn(`[gongkai] <${tag}>: ${error.message}`, error.problems);
}

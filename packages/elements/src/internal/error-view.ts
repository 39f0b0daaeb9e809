import type { Skippable, Skipped } from '@gongkai/format';
import { html, nothing } from 'lit';
import { GkErrorEvent } from '../events/ready.js';
import { BundleError, type Msg } from './load-bundle.js';
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

/**
 * Turns any failure into a BundleError, logs one console warning naming the element and the
 * problems, and fires gk-error (conventions: never silent). Returns it for the element to show.
 */
export function reportBundleError(host: HTMLElement, error: unknown, msg: Msg): BundleError {
  const failure = error instanceof BundleError ? error : new BundleError(msg('loadFailed'), String(error));
  warnBundleError(host.localName, failure);
  host.dispatchEvent(new GkErrorEvent({ message: failure.message, problems: failure.problems }));
  return failure;
}

/** Logs one console warning naming the element and the problems. */
export function warnBundleError(tag: string, error: BundleError): void {
  console.warn(`[gongkai] <${tag}>: ${error.message}`, error.problems);
}

/**
 * Reports the invalid items of `part` that were left out (console and gk-error, in full) and
 * returns their indexes; the element shows a short notice in each one's place.
 */
export function reportSkipped(
  host: HTMLElement,
  read: { skipped: Skipped[] },
  part: Skippable,
  source: string,
  msg: Msg,
) {
  const mine = read.skipped.filter((s) => s.part === part);
  if (mine.length)
    reportBundleError(
      host,
      new BundleError(
        msg('partInvalid'),
        source,
        mine.flatMap((s) => s.problems),
      ),
      msg,
    );
  return mine.map((s) => s.index);
}

/** The short notice in the place of an item left out. */
export const renderSkipped = (msg: Msg) => html`<p class="gk-error" part="skipped">${msg('partInvalid')}</p>`;

/** `items` with a marker (null) back at each left-out index, so notices stand where the items were. */
export function inPlace<T>(items: readonly T[], skipped: readonly number[]): (T | null)[] {
  const out: (T | null)[] = [...items];
  for (const index of skipped) out.splice(index, 0, null);
  return out;
}

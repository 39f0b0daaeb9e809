// Step 8: save the bundle to the server (PUT {endpoint}/policies/:id with a staff token) or
// download bundle.json; then the two lines a site editor pastes into the CMS. Every failure
// says what happened and what to do; the work stays as it is (and autosaved).

import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { GkSaveEvent } from '../events/workbench.js';
import { ApiError, apiUrl, requestApi } from '../internal/api.js';
import { downloadBlob } from '../internal/download.js';
import { pathOfCheck } from './analysis.js';
import { plainText, renderFinding, renderProblems } from './check-step.js';
import type { WorkbenchContext } from './context.js';
import { field } from './fields.js';
import { forgetToken, readToken, storeToken, TOKEN_FORMAT } from './staff-token.js';

type Failure = { text: string; problems?: { path: string; message: { 'zh-Hans': string; en: string } }[] };
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; via: 'server' | 'download'; url: string | null; at: string; failing?: number }
  /** The self-check has failures: saving waits for the drafter to say "save anyway". */
  | { kind: 'confirm'; via: 'server' | 'download'; failing: { path: string | null; text: string }[] }
  | ({ kind: 'failed' } & Failure);

/** Where the save step is: its state, the token being typed, the copy button's answer. */
export class SaveStep {
  state: SaveState = { kind: 'idle' };
  token = '';
  /** Typing another token although one is kept for this tab. */
  otherToken = false;
  copied: 'ok' | 'manual' | null = null;
}

const absolute = (url: string) => new URL(url, location.href).href;

export function policyUrl(endpoint: string, id: string): string {
  return absolute(apiUrl(endpoint, `/policies/${encodeURIComponent(id)}`));
}

/** The two lines for the CMS: the script, and the tag that shows this policy. */
export function embedLines(script: string, src: string): string {
  return `<script src="${absolute(script)}" defer></script>\n<gk-policy src="${src}"></gk-policy>`;
}

function failure(ctx: WorkbenchContext, error: unknown, size: number): Failure {
  const t = ctx.msg;
  if (!(error instanceof ApiError)) return { text: t('saveNetwork') };
  switch (error.kind) {
    case 'network':
      return { text: t('saveNetwork') };
    case 'server':
      return { text: t('saveServer', { status: error.status }) };
    case 'rate-limited':
      return { text: t('saveRateLimited', { seconds: error.retryAfter ?? 60 }) };
    case 'bad-answer':
      return { text: t('saveBadAnswer') };
  }
  const problems = (error.body.problems ?? []).map((p) => ({
    path: p.path,
    message: { 'zh-Hans': p.message, en: p.message },
  }));
  switch (error.status) {
    case 400:
      return { text: t('save400'), problems };
    case 401:
      return { text: t('save401') };
    case 403:
      return { text: t('save403') };
    case 404:
      return { text: t('save404', { url: error.url }) };
    case 413:
      return { text: t('save413', { size: Math.ceil(size / 1024) }) };
    default:
      return { text: t('saveRefused', { status: error.status, message: error.body.message ?? '' }) };
  }
}

function set(ctx: WorkbenchContext, save: SaveStep, state: SaveState): void {
  save.state = state;
  save.copied = null;
  ctx.refresh();
  if (state.kind === 'failed' || state.kind === 'saved')
    ctx.announce(
      state.kind === 'failed' ? state.text : ctx.msg(state.via === 'server' ? 'savedServer' : 'savedDownload'),
    );
}

/**
 * The bundle to save, or null: a failure listing what is wrong with it, or — when the
 * self-check fails and the drafter has not confirmed — the question "save anyway?".
 */
function ready(ctx: WorkbenchContext, save: SaveStep, via: 'server' | 'download', confirmed: boolean) {
  ctx.recheck();
  const a = ctx.analysis;
  const failing = a?.checks.filter((c) => c.level === 'fail') ?? [];
  if (a?.valid && failing.length && !confirmed) {
    ctx.ui.checked = true;
    set(ctx, save, {
      kind: 'confirm',
      via,
      failing: failing.map((c) => ({
        path: pathOfCheck(c, a.bundle),
        text: plainText(ctx, c.message[ctx.formatLang]),
      })),
    });
    void ctx.host.updateComplete.then(() =>
      (ctx.host.shadowRoot?.getElementById('save-confirm') as HTMLElement | null)?.focus(),
    );
    return null;
  }
  if (a?.valid) return a.valid;
  ctx.ui.checked = true;
  set(ctx, save, {
    kind: 'failed',
    text: ctx.msg('saveInvalid', { n: a?.problems.length ?? 0 }),
    problems: a?.problems ?? [],
  });
  return null;
}

/** The number of self-check failures the drafter chose to save with. */
const failingNow = (ctx: WorkbenchContext) => ctx.analysis?.checks.filter((c) => c.level === 'fail').length ?? 0;

export async function saveToServer(ctx: WorkbenchContext, save: SaveStep, confirmed = false): Promise<void> {
  const t = ctx.msg;
  const bundle = ready(ctx, save, 'server', confirmed);
  if (!bundle) return;
  const kept = save.otherToken ? null : readToken(ctx.endpoint);
  const token = kept ?? save.token.trim();
  if (!token || !TOKEN_FORMAT.test(token)) {
    set(ctx, save, { kind: 'failed', text: token ? t('tokenFormat') : t('tokenMissing') });
    void ctx.host.updateComplete.then(() =>
      (ctx.host.shadowRoot?.getElementById('save-token') as HTMLElement | null)?.focus(),
    );
    return;
  }
  const url = policyUrl(ctx.endpoint, bundle.id);
  const size = new Blob([JSON.stringify(bundle)]).size;
  set(ctx, save, { kind: 'busy' });
  try {
    await requestApi(url, { method: 'PUT', body: bundle, headers: { authorization: `Bearer ${token}` } });
    if (!kept) storeToken(ctx.endpoint, token);
    save.otherToken = false;
    save.token = '';
    set(ctx, save, { kind: 'saved', via: 'server', url, at: new Date().toISOString(), failing: failingNow(ctx) });
    ctx.host.dispatchEvent(new GkSaveEvent({ id: bundle.id, via: 'server', url }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetToken(ctx.endpoint);
      save.otherToken = false;
    }
    set(ctx, save, { kind: 'failed', ...failure(ctx, error, size) });
  }
}

export function download(ctx: WorkbenchContext, save: SaveStep, confirmed = false): void {
  const bundle = ready(ctx, save, 'download', confirmed);
  if (!bundle) return;
  const blob = new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/json' });
  downloadBlob(blob, 'bundle.json');
  set(ctx, save, { kind: 'saved', via: 'download', url: null, at: new Date().toISOString(), failing: failingNow(ctx) });
  ctx.host.dispatchEvent(new GkSaveEvent({ id: bundle.id, via: 'download', url: null }));
}

async function copy(ctx: WorkbenchContext, save: SaveStep, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    save.copied = 'ok';
  } catch {
    save.copied = 'manual';
    const area = ctx.host.shadowRoot?.getElementById('embed-lines') as HTMLTextAreaElement | null;
    area?.focus();
    area?.select();
  }
  ctx.refresh();
  ctx.announce(ctx.msg(save.copied === 'ok' ? 'copied' : 'copyManual'));
}

function renderEmbed(ctx: WorkbenchContext, save: SaveStep, src: string, via: 'server' | 'download') {
  const t = ctx.msg;
  const lines = embedLines(ctx.script, src);
  return html`<section class="embed" aria-labelledby="embed-h">
    <h4 id="embed-h">${t('embedHeading')}</h4>
    <p>${via === 'server' ? t('embedIntro') : t('embedIntroDownload')}</p>
    <div class="field">
      <label for="embed-lines">${t('embedLines')}</label>
      <textarea id="embed-lines" class="code" rows="3" readonly .value=${live(lines)}></textarea>
    </div>
    <p class="actions">
      <button type="button" class="gk-button" part="copy" @click=${() => copy(ctx, save, lines)}>${t('copy')}</button>
      ${save.copied ? html`<span role="status">${t(save.copied === 'ok' ? 'copied' : 'copyManual')}</span>` : nothing}
    </p>
  </section>`;
}

function renderConfirm(ctx: WorkbenchContext, save: SaveStep, state: Extract<SaveState, { kind: 'confirm' }>) {
  const t = ctx.msg;
  return html`<div class="notice warn confirm-save" role="alert" part="confirm">
    <p id="save-confirm" tabindex="-1"><strong>${t('saveConfirmHeading', { n: state.failing.length })}</strong></p>
    <p>${t('saveConfirmWhy')}</p>
    <ul class="findings">${state.failing.map((f) => renderFinding(ctx, f.path, f.text, 'fail'))}</ul>
    <p class="actions">
      <button type="button" class="gk-button" @click=${() => ctx.go('check')}>${t('saveConfirmFix')}</button>
      <button
        type="button"
        class="gk-button danger"
        id="save-anyway"
        @click=${() => (state.via === 'server' ? saveToServer(ctx, save, true) : download(ctx, save, true))}
      >${t(state.via === 'server' ? 'saveAnyway' : 'downloadAnyway')}</button>
      <button type="button" class="gk-link-button" @click=${() => set(ctx, save, { kind: 'idle' })}>${t('cancel')}</button>
    </p>
  </div>`;
}

export function renderSaveStep(ctx: WorkbenchContext, save: SaveStep) {
  const t = ctx.msg;
  const doc = ctx.draft.doc;
  if (!doc) return nothing;
  const kept = readToken(ctx.endpoint);
  const state = save.state;
  const id = doc.id.trim();
  const target = id ? policyUrl(ctx.endpoint, id) : '';
  return html`
    <p>${t('saveIntro')}</p>
    <section aria-labelledby="save-server-h">
      <h4 id="save-server-h">${t('saveServerHeading')}</h4>
      ${target ? html`<p>${t('saveTarget')} <code class="url">${target}</code></p>` : nothing}
      ${
        kept && !save.otherToken
          ? html`<p>${t('tokenKept', { end: kept.slice(-4) })}
            <button type="button" class="gk-link-button" @click=${() => {
              save.otherToken = true;
              ctx.refresh();
            }}>${t('tokenOther')}</button></p>`
          : field(ctx, {
              id: 'save-token',
              label: t('tokenLabel'),
              hint: t('tokenHint'),
              type: 'password',
              value: save.token,
              onInput: (v) => {
                save.token = v;
              },
            })
      }
      <p class="actions">
        <button type="button" class="gk-button primary" part="save" ?disabled=${state.kind === 'busy'} @click=${() => saveToServer(ctx, save)}>
          ${t('saveButton')}
        </button>
        <button type="button" class="gk-button" part="download" @click=${() => download(ctx, save)}>${t('downloadButton')}</button>
      </p>
    </section>
    <div class="save-status" role="status" aria-live="polite">
      ${state.kind === 'busy' ? html`<p>${t('saving')}</p>` : nothing}
      ${
        state.kind === 'saved'
          ? html`<p class="notice ${state.failing ? 'warn' : 'ok'}">${t(state.via === 'server' ? 'savedServer' : 'savedDownload')}
            ${new Date(state.at).toLocaleTimeString(ctx.lang)}
            ${state.failing ? t('savedWithFailures', { n: state.failing }) : nothing}</p>`
          : nothing
      }
    </div>
    ${state.kind === 'confirm' ? renderConfirm(ctx, save, state) : nothing}
    ${
      state.kind === 'failed'
        ? html`<div class="notice error" role="alert" part="error">
          <p>${state.text}</p>
          <p>${t('nothingLost')}</p>
          ${state.problems?.length ? renderProblems(ctx, state.problems) : nothing}
        </div>`
        : nothing
    }
    ${state.kind === 'saved' ? renderEmbed(ctx, save, state.url ?? `/policies/${id}.json`, state.via) : nothing}
  `;
}

// Toward publication: how much is handled, what still blocks it, the feedback as citizens will
// read it, publishing (409 explained), earlier versions, and the CSV and printable report.
import type { Clause, ConsultationView, FeedbackPreview, PublicationBlocking } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { UiLang } from '../internal/localize.js';
import { actorLabel, excerpt, formatDate, formatNumber, formatTime, type ReviewMsg } from './labels.js';
import { renderMinimalPreview } from './preview.js';
import type { FeedbackVersionsAnswer } from './staff-api.js';
import { renderBlocking } from './workflow.js';
import type { Progress } from './workspace.js';

export type Download = 'csv' | 'report' | 'docx';

export interface PublishState {
  busy: boolean;
  /** How a long publication is going (the server works it in the background). */
  waiting: string | null;
  confirming: boolean;
  error: string | null;
  done: string | null;
  download: Download | null;
  downloadError: string | null;
  /** What the server said blocks publication (its 409), listed in words. */
  blocking: PublicationBlocking | null;
}

export const newPublishState = (): PublishState => ({
  busy: false,
  waiting: null,
  confirming: false,
  error: null,
  done: null,
  download: null,
  downloadError: null,
  blocking: null,
});

export interface PublishProps {
  t: ReviewMsg;
  lang: UiLang;
  consultation: ConsultationView;
  progress: Progress | null;
  progressError: string | null;
  canPublish: boolean;
  roleNote: string;
  state: PublishState;
  versions: FeedbackVersionsAnswer['versions'] | null;
  /** The server's preview; null while it is read, or when it could not be. */
  preview: FeedbackPreview | null;
  previewError: string | null;
  clauses: readonly Clause[];
  onShow(which: 'unmoderated' | 'undecided'): void;
  onPublish(): void;
  onConfirm(): void;
  onCancel(): void;
  onDownload(kind: Download): void;
  /** Reads the comments, the consultation and the versions again (colleagues work meanwhile). */
  onRefresh(): void;
  onRetryPreview(): void;
}

/** Still open: the window has not closed (the server refuses to publish before). */
export const stillOpen = (c: ConsultationView, now = Date.now()) => now < Date.parse(c.closes);

export function renderProgress(t: ReviewMsg, lang: UiLang, progress: Progress | null) {
  if (!progress) return html`<p class="progress-line muted">${t('progressCounting')}</p>`;
  const n = (x: number) => formatNumber(x, lang);
  return html`<div class="progress" part="progress">
    <p class="progress-line" id="progress-label">
      ${t('progress', { done: n(progress.done), total: n(progress.total) })}
    </p>
    <progress max=${Math.max(progress.total, 1)} .value=${progress.done} aria-labelledby="progress-label"></progress>
  </div>`;
}

export function renderPublish(p: PublishProps) {
  const { t, lang, consultation: c, progress, state: s } = p;
  const n = (x: number) => formatNumber(x, lang);
  const open = stillOpen(c);
  // Decisions not signed off and open assignments, as the preview (or the last refusal) says.
  const signoff = s.blocking ?? p.preview?.blocking ?? null;
  const unsigned = !!signoff && (signoff.draft > 0 || signoff.checked > 0 || signoff.openAssignments > 0);
  const blocked = open || !progress || progress.unmoderated > 0 || progress.undecided > 0 || unsigned;
  const latest = p.versions?.at(-1)?.version ?? (c.status === 'feedback-published' ? 1 : 0);
  // Older servers send no `flagged`.
  const flagged = p.preview?.flagged ?? [];
  return html`<section class="publish" part="publish" aria-labelledby="publish-title">
    <h3 id="publish-title">${t('publishTitle')}</h3>
    ${renderProgress(t, lang, progress)}
    ${c.feedbackExpected ? html`<p class="hint">${t('feedbackExpected', { date: formatDate(c.feedbackExpected, lang) })}</p>` : nothing}
    <button type="button" class="gk-link-button" data-action="refresh" @click=${() => p.onRefresh()}>
      ${t('refreshProgress')}
    </button>
    ${p.progressError ? html`<p class="form-error" role="alert">${p.progressError}</p>` : nothing}
    ${
      progress && blocked
        ? html`<h4>${t('blockersTitle')}</h4>
          <ul class="blockers" id="blockers">
            ${open ? html`<li>${t('blockOpen', { date: formatDate(c.closes, lang) })}</li>` : nothing}
            ${
              progress.unmoderated
                ? html`<li>
                  ${t('blockUnmoderated', { count: n(progress.unmoderated) })}
                  <button type="button" class="gk-link-button" @click=${() => p.onShow('unmoderated')}>
                    ${t('showThem')}
                  </button>
                </li>`
                : nothing
            }
            ${
              progress.undecided
                ? html`<li>
                  ${t('blockUndecided', { count: n(progress.undecided) })}
                  <button type="button" class="gk-link-button" @click=${() => p.onShow('undecided')}>
                    ${t('showThem')}
                  </button>
                </li>`
                : nothing
            }
            ${renderBlocking(t, lang, signoff)}
          </ul>`
        : progress
          ? html`<p class="ready">${t('publishReady')}</p>`
          : nothing
    }
    ${renderFlagged(p)}
    ${p.canPublish ? nothing : html`<p class="role-note" id="publish-role">${p.roleNote}</p>`}
    <div class="actions">
      ${
        s.confirming
          ? html`<p class="confirm" id="publish-confirm">${t('publishConfirm')}</p>
            ${flagged.length ? html`<p class="confirm">${t('publishConfirmFlagged', { count: n(flagged.length) })}</p>` : nothing}
            <button type="button" class="gk-button primary" data-action="confirm-publish" ?disabled=${s.busy} @click=${() => p.onConfirm()}>
              ${s.busy ? t('publishing') : t('publishConfirmButton')}
            </button>
            <button type="button" class="gk-button" ?disabled=${s.busy} @click=${() => p.onCancel()}>${t('cancel')}</button>`
          : html`<button
            type="button"
            class="gk-button primary"
            data-action="publish"
            ?disabled=${blocked || !p.canPublish || s.busy}
            aria-describedby=${blocked && progress ? 'blockers' : !p.canPublish ? 'publish-role' : nothing}
            @click=${() => p.onPublish()}
          >
            ${latest ? t('publishAgain', { version: latest + 1 }) : t('publish')}
          </button>`
      }
    </div>
    ${s.busy && s.waiting ? html`<p class="publish-waiting" role="status">${s.waiting}</p>` : nothing}
    ${s.error ? html`<p class="form-error" role="alert">${s.error}</p>` : nothing}
    <p class="done" role="status">${s.done ?? ''}</p>
    ${renderDownloads(p)} ${renderVersions(p)}
    ${renderPreview(p)}
  </section>`;
}

/** Published comments whose masked text still holds a long number: for a human look first. */
function renderFlagged(p: PublishProps) {
  const { t, lang, preview } = p;
  const flagged = preview?.flagged ?? [];
  if (!preview || !flagged.length) return nothing;
  const body = (no: number) => preview.feedback.comments.find((c) => c.no === no)?.body ?? '';
  return html`<section class="flagged" data-flagged aria-labelledby="flagged-title">
    <h4 id="flagged-title">${t('flaggedTitle', { count: formatNumber(flagged.length, lang) })}</h4>
    <p class="hint">${t('flaggedHint')}</p>
    <ul>
      ${flagged.map(
        (f) => html`<li data-no=${f.no}>
          <strong>${t('flaggedItem', { no: f.no })}</strong>
          ${f.digits.map((d) => html`<code>${d}</code> `)}
          <span class="muted">${excerpt(body(f.no), 60)}</span>
        </li>`,
      )}
    </ul>
  </section>`;
}

function renderPreview(p: PublishProps) {
  const { t, lang, preview } = p;
  const n = (x: number) => formatNumber(x, lang);
  const pending = preview && (preview.unmoderated > 0 || preview.undecided > 0);
  return html`<h4>${t('previewTitle')}</h4>
    <p class="hint">${t('previewHint')}</p>
    ${
      p.previewError
        ? html`<div class="form-error" role="alert">
          ${p.previewError}
          <button type="button" class="gk-link-button" @click=${() => p.onRetryPreview()}>${t('retry')}</button>
        </div>`
        : nothing
    }
    ${
      pending
        ? html`<p class="hint preview-pending">
          ${t('previewPending', { unmoderated: n(preview.unmoderated), undecided: n(preview.undecided) })}
        </p>`
        : nothing
    }
    <div class="preview" part="preview">
      ${
        preview
          ? customElements.get('gk-feedback')
            ? html`<gk-feedback .feedback=${preview.feedback} .clauses=${p.clauses}></gk-feedback>`
            : renderMinimalPreview(t, lang, preview.feedback)
          : p.previewError
            ? nothing
            : html`<p class="muted" role="status">${t('loading')}</p>`
      }
    </div>`;
}

/** Comments still to handle: the report made now is a draft (the server marks it so too). */
export const unfinished = (progress: Progress | null) => (progress ? progress.unmoderated + progress.undecided : 0);

function renderDownloads(p: PublishProps) {
  const { t, lang, state: s, progress } = p;
  const n = (x: number) => formatNumber(x, lang);
  const left = unfinished(progress);
  const button = (kind: Download, label: string, describedBy?: string) =>
    html`<button
      type="button"
      class="gk-button"
      data-download=${kind}
      aria-describedby=${describedBy ?? nothing}
      ?disabled=${s.download !== null}
      @click=${() => p.onDownload(kind)}
    >
      ${s.download === kind ? t('downloading') : label}
    </button>`;
  return html`<h4>${t('downloadsTitle')}</h4>
    ${progress ? html`<p class="report-counts">${t('reportCounts', { total: n(progress.total), done: n(progress.done) })}</p>` : nothing}
    ${
      left
        ? html`<p class="report-draft" id="report-draft">
          ${t('reportDraftNote', { left: n(left), unmoderated: n(progress!.unmoderated), undecided: n(progress!.undecided) })}
        </p>`
        : nothing
    }
    <div class="downloads">
      ${button('csv', t('downloadCsv'))}
      ${button('report', left ? t('downloadReportDraft') : t('downloadReport'), left ? 'report-draft' : undefined)}
      ${button('docx', left ? t('downloadDocxDraft') : t('downloadDocx'), left ? 'report-draft' : undefined)}
    </div>
    ${s.downloadError ? html`<p class="form-error" role="alert">${s.downloadError}</p>` : nothing}`;
}

function renderVersions(p: PublishProps) {
  const { t, lang } = p;
  if (!p.versions?.length) return nothing;
  return html`<h4>${t('versionsTitle')}</h4>
    <ul class="versions">
      ${[...p.versions].reverse().map(
        (v) =>
          html`<li>
            ${t('versionLine', {
              version: v.version,
              time: formatTime(v.published, lang),
              by: actorLabel(t, v.by),
              count: formatNumber(v.feedback.summary.published, lang),
            })}
          </li>`,
      )}
    </ul>`;
}

// What gk-feedback shows instead of the feedback: a failure with a retry, "not yet published"
// with its dates, and "no comments received".
import type { ConsultationView } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { ApiError } from '../internal/api.js';
import type { ViewContext } from './context.js';

export function renderFailure(error: ApiError, c: ViewContext, retry: () => void) {
  const t = c.msg;
  const detail =
    error.kind === 'network'
      ? t('errorNetwork')
      : error.kind === 'server'
        ? t('errorServer', { status: error.status })
        : error.kind === 'rate-limited'
          ? t('errorRateLimited', { seconds: error.retryAfter ?? 60 })
          : error.kind === 'bad-answer'
            ? t('errorBadAnswer', { url: error.url })
            : t('errorRefused', { status: error.status, url: error.url });
  return html`<div class="gk-error failure" part="error" role="alert">
    <strong>${t('errorHeading')}</strong>
    <div>${detail}</div>
    <button type="button" class="gk-button" part="retry" @click=${retry}>${t('retry')}</button>
  </div>`;
}

export function renderNotPublished(view: ConsultationView | null, c: ViewContext) {
  const t = c.msg;
  const closes = view?.closes;
  const open = view && (view.status === 'open' || view.status === 'upcoming');
  const expected = view?.feedbackExpected;
  return html`<div class="notice" part="notice" data-state="not-published">
    <h3>${t('notPublishedHeading')}</h3>
    ${closes ? html`<p class="closes">${t(open ? 'closesOn' : 'closedOn', { date: c.date(closes) })}</p>` : nothing}
    <p class="expected">${expected ? t('expectedOn', { date: c.date(expected) }) : t('notPublished')}</p>
  </div>`;
}

export function renderEmpty(c: ViewContext) {
  return html`<div class="notice" part="notice" data-state="empty">
    <h3>${c.msg('emptyHeading')}</h3>
    <p>${c.msg('empty')}</p>
  </div>`;
}

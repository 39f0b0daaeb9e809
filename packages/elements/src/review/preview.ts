// The preview of the feedback: the server makes it (`GET /consultations/:id/feedback/preview`,
// with the builder and masking that publishing uses) and <gk-feedback> shows it. This is the plain
// rendering used when <gk-feedback> is not on the page.
import type { FeedbackView } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { UiLang } from '../internal/localize.js';
import { decisionKey, formatNumber, type ReviewMsg } from './labels.js';

const SHOWN = 50;

/** A plain rendering of the feedback, used when <gk-feedback> is not on the page. */
export function renderMinimalPreview(t: ReviewMsg, lang: UiLang, feedback: FeedbackView) {
  const s = feedback.summary;
  const n = (x: number) => formatNumber(x, lang);
  const figures: [string, number][] = [
    [t('figReceived'), s.received],
    [t('decisionAdopted'), s.adopted],
    [t('decisionPartly'), s.partlyAdopted],
    [t('decisionNotAdopted'), s.notAdopted],
    [t('decisionOutOfScope'), s.outOfScope],
    [t('figRemoved'), s.removed],
  ];
  return html`<div class="minimal-preview">
    <p class="muted">${t('previewMinimal')}</p>
    <h5>${feedback.title}</h5>
    ${feedback.message ? html`<p>${feedback.message}</p>` : nothing}
    <dl class="figures">${figures.map(([label, value]) => html`<div><dt>${label}</dt><dd>${n(value)}</dd></div>`)}</dl>
    ${
      feedback.comments.length
        ? html`<div class="table-scroll">
          <table class="preview-table">
            <caption class="sr-only">${t('previewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('colNo')}</th>
                <th scope="col">${t('colComment')}</th>
                <th scope="col">${t('colSubmitter')}</th>
                <th scope="col">${t('colDecision')}</th>
                <th scope="col">${t('reasonLabel')}</th>
              </tr>
            </thead>
            <tbody>
              ${feedback.comments.slice(0, SHOWN).map(
                (c) => html`<tr>
                  <td class="num">${c.no}</td>
                  <td>${c.body}</td>
                  <td>${c.name ?? ''}</td>
                  <td>${t(decisionKey[c.decision])}</td>
                  <td>${c.reason ?? ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
        : nothing
    }
    ${feedback.comments.length > SHOWN ? html`<p class="muted">${t('previewMore', { count: n(feedback.comments.length - SHOWN) })}</p>` : nothing}
  </div>`;
}

// The feedback as it would be published now, built from the current decisions the way the server
// builds it (packages/server/src/feedback.ts buildFeedback, lib/mask.ts): personal data masked.
// The server has no preview endpoint; when it gets one, read that instead of this copy.
import type { ConsultationView, FeedbackComment, FeedbackCounts, FeedbackView } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { UiLang } from '../internal/localize.js';
import { decisionKey, formatNumber, type ReviewMsg } from './labels.js';
import type { CommentItem } from './staff-api.js';

const D = '[0-9０-９]';
const SEP = '[\\s\\-－]?';
const MASKS: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+\s*(?:@|＠)\s*[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '［邮箱已隐去］'],
  [
    new RegExp(`(?<![0-9０-９])${D}{6}${SEP}${D}{8}${SEP}${D}{3}[0-9０-９XxＸｘ](?![0-9０-９])`, 'g'),
    '［身份证号已隐去］',
  ],
  [new RegExp(`(?<![0-9０-９])${D}{15}(?![0-9０-９])`, 'g'), '［身份证号已隐去］'],
  [
    new RegExp(
      `(?:(?:\\+|＋)?86${SEP})?(?<![0-9０-９])[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}(?![0-9０-９])`,
      'g',
    ),
    '［电话已隐去］',
  ],
  [new RegExp(`(?<![0-9０-９])[0０]${D}{2,3}${SEP}${D}{7,8}(?![0-9０-９])`, 'g'), '［电话已隐去］'],
];

export function maskText(text: string): string {
  return MASKS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function publicName(type: string, name: string | null): string | null {
  if (!name?.trim() || type === 'anonymous') return null;
  if (type === 'organization') return maskText(name.trim());
  const chars = Array.from(name.trim());
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}

const KEYS = {
  adopted: 'adopted',
  'partly-adopted': 'partlyAdopted',
  'not-adopted': 'notAdopted',
  'out-of-scope': 'outOfScope',
} as const;

const zero = (): FeedbackCounts => ({
  received: 0,
  published: 0,
  adopted: 0,
  partlyAdopted: 0,
  notAdopted: 0,
  outOfScope: 0,
  removed: 0,
});

/** The feedback as version `version` would read if published at `published`. */
export function previewFeedback(
  consultation: ConsultationView,
  comments: Iterable<CommentItem>,
  clauseOrder: readonly string[],
  version: number,
  published = new Date().toISOString(),
): FeedbackView {
  const order = new Map(clauseOrder.map((id, i) => [id, i]));
  const summary = zero();
  const byClause = new Map<string | null, FeedbackCounts>();
  const shown: FeedbackComment[] = [];
  let received = 0;
  for (const c of [...comments].sort((a, b) => a.id - b.id)) {
    received++;
    const clause = byClause.get(c.clause) ?? zero();
    byClause.set(c.clause, clause);
    for (const counts of [summary, clause]) {
      counts.received++;
      if (c.moderation === 'rejected') counts.removed++;
      else if (c.decision) {
        counts.published++;
        counts[KEYS[c.decision]]++;
      }
    }
    if (c.moderation !== 'rejected' && c.decision) {
      shown.push({
        no: shown.length + 1,
        clause: c.clause,
        body: maskText(c.body),
        name: publicName(c.submitterType, c.name),
        submitterType: c.submitterType,
        decision: c.decision,
        reason: c.reason,
      });
    }
  }
  const rank = (k: string | null) => (k === null ? -1 : (order.get(k) ?? order.size));
  return {
    consultation: consultation.id,
    title: consultation.title,
    version,
    published,
    message: received === 0 ? '未收到意见' : null,
    summary,
    byClause: [...byClause]
      .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)))
      .map(([clause, counts]) => ({ clause, ...counts })),
    comments: shown,
  };
}

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

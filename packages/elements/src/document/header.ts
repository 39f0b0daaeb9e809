import type { Meta } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { Messages } from '../i18n/zh-Hans.js';

type Msg = (key: keyof Messages, params?: Record<string, string | number>) => string;

/** The metadata header: title, 文号, issuer, 索引号, dates, and the validity in words. */
export function renderHeader(meta: Partial<Meta>, t: Msg) {
  const status = meta.status;
  const rows: [string, string | undefined][] = [
    [t('docNumber'), meta.docNumber],
    [t('issuer'), meta.issuer],
    [t('indexNumber'), meta.indexNumber],
    [t('published'), meta.published],
    [t('effective'), meta.effective],
    [t('category'), meta.category],
  ];
  const notice =
    status === 'repealed'
      ? t('repealedNotice')
      : status === 'amended'
        ? t('amendedNotice')
        : status === 'draft'
          ? t('draftNotice')
          : '';
  const current = meta.supersededBy;
  return html`
    <header part="header" class=${status ? `status-${status}` : ''}>
      ${meta.title ? html`<h2 class="title" part="title">${meta.title}</h2>` : nothing}
      <dl part="meta" aria-label=${t('documentMeta')}>
        ${rows.filter(([, value]) => value).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
        ${status ? html`<div><dt>${t('validity')}</dt><dd><span part="badge">${t(`status_${status}`)}</span></dd></div>` : nothing}
      </dl>
      ${
        notice
          ? html`<p part="notice" role="note">
            ${notice}
            ${current ? html`${t('seeCurrent')}${current.url ? html`<a href=${current.url}>${current.title}</a>` : current.title}` : nothing}
          </p>`
          : nothing
      }
    </header>
  `;
}

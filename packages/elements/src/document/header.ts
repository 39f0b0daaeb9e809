import { chinaDate, type Meta, validityAt } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { Messages } from '../i18n/zh-Hans.js';

type Msg = (key: keyof Messages, params?: Record<string, string | number>) => string;

/** How far up from the element the page's own metadata table is looked for. */
const LEVELS = 2;
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Whether the page shows this document's 文号 or 索引号 just before the element (a CMS's own
 * metadata table above the article): in the elements before it or before its parent, from
 * outside any shadow root.
 */
export function metaShownBefore(element: Element, meta: Partial<Meta> | undefined): boolean {
  const wanted = [meta?.docNumber, meta?.indexNumber].filter((v): v is string => !!v?.trim()).map(squeeze);
  if (!wanted.length) return false;
  let node: Element | null = element;
  while (node?.getRootNode() instanceof ShadowRoot) node = (node.getRootNode() as ShadowRoot).host;
  for (let level = 0; node && level < LEVELS; level++, node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const text = squeeze(sibling.textContent ?? '');
      if (wanted.some((value) => text.includes(value))) return true;
    }
  }
  return false;
}

/**
 * The metadata header: title, 文号, issuer, 索引号, dates, and the validity in words, as the dates
 * make it today in China time (`validityAt`). Without `full`, only the notice of a text not in
 * force (the page shows the rest).
 */
export function renderHeader(meta: Partial<Meta>, t: Msg, full = true) {
  const { validity, from, until } = validityAt(meta);
  const rows: [string, string | undefined][] = [
    [t('docNumber'), meta.docNumber],
    [t('issuer'), meta.issuer],
    [t('indexNumber'), meta.indexNumber],
    [t('published'), meta.published],
    [t('effective'), meta.effective],
    [t('expires'), meta.expires],
    [t('category'), meta.category],
  ];
  const current = meta.supersededBy;
  const noticeView =
    validity && validity !== 'valid'
      ? html`<p part="notice" role="note">
          ${t(`notice_${validity}`, { date: chinaDate(validity === 'expired' ? until : from) })}
          ${current ? html`${t('seeCurrent')}${current.url ? html`<a href=${current.url}>${current.title}</a>` : current.title}` : nothing}
        </p>`
      : nothing;
  if (!full) return noticeView;
  return html`
    <header part="header" class=${validity ? `status-${validity}` : ''}>
      ${meta.title ? html`<h2 class="title" part="title">${meta.title}</h2>` : nothing}
      <dl part="meta" aria-label=${t('documentMeta')}>
        ${rows.filter(([, value]) => value).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
        ${validity ? html`<div><dt>${t('validity')}</dt><dd><span part="badge">${t(`status_${validity}`)}</span></dd></div>` : nothing}
      </dl>
      ${noticeView}
    </header>
  `;
}

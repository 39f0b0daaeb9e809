// The document's metadata (the bundle's `id`, `lang` and `meta`): what a 政府信息公开 page
// header shows — title, 文号, issuer, 索引号, dates and validity.
import { LANGS, type Lang, STATUSES, type Status } from '@gongkai/format';
import { html } from 'lit';
import type { WorkbenchContext } from './context.js';
import { field, select } from './fields.js';
import { META_DATE_FIELDS, type MetaDraft } from './model.js';
import { idFromDocNumber } from './page-id.js';

export function renderMetaStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const doc = ctx.draft.doc;
  if (!doc) return html``;
  const meta = doc.meta;
  const set = (key: keyof MetaDraft) => (value: string) => ctx.edit(() => Object.assign(meta, { [key]: value }));
  const docLang = doc.lang || 'zh-Hans';
  const text = (key: 'title' | 'docNumber' | 'issuer' | 'indexNumber' | 'category', hint?: string, required = false) =>
    field(ctx, {
      id: `meta-${key}`,
      label: t(`meta_${key}`),
      value: meta[key],
      onInput:
        key === 'docNumber'
          ? (v) =>
              ctx.edit(() => {
                meta.docNumber = v;
                // An address the workbench made follows the 文号 until the drafter writes one.
                if (doc.idAuto) doc.id = idFromDocNumber(v) ?? doc.id;
              })
          : set(key),
      path: `$.meta.${key}`,
      lang: docLang,
      required,
      ...(hint ? { hint } : {}),
    });
  return html`
    <p>${t('metaIntro')}</p>
    <div class="form-grid">
      ${text('title', undefined, true)}
      ${text('docNumber', t('meta_docNumberHint'))}
      ${text('issuer')}
      ${text('indexNumber')}
      ${select<Status | ''>(ctx, {
        id: 'meta-status',
        label: t('meta_status'),
        value: meta.status,
        path: '$.meta.status',
        options: [
          { value: '', label: t('notGiven') },
          ...STATUSES.map((s) => ({ value: s, label: t(`status_${s}` as const) })),
        ],
        onChange: set('status'),
      })}
      ${META_DATE_FIELDS.map((key) =>
        field(ctx, {
          id: `meta-${key}`,
          label: t(`meta_${key}` as const),
          value: meta[key],
          // Text, not type=date: the browser would show its own mm/dd/yyyy beside our 年-月-日.
          onInput: set(key),
          path: `$.meta.${key}`,
          hint: t('dateHint'),
        }),
      )}
      ${text('category')}
      ${field(ctx, {
        id: 'doc-id',
        label: t('docId'),
        value: doc.id,
        hint: t('docIdHint'),
        path: '$.id',
        required: true,
        onInput: (v) => ctx.edit(() => Object.assign(doc, { id: v, idAuto: false })),
      })}
      ${select<Lang | ''>(ctx, {
        id: 'doc-lang',
        label: t('docLang'),
        value: doc.lang,
        path: '$.lang',
        options: [
          { value: '', label: t('notGiven') },
          ...LANGS.map((l) => ({ value: l, label: t(`lang_${l}` as const) })),
        ],
        onChange: (v) => ctx.edit(() => Object.assign(doc, { lang: v })),
      })}
    </div>
  `;
}

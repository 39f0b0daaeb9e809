// The one definition of the policy bundle: TypeScript types, runtime validation and the
// JSON Schema are all derived from these valibot schemas (valibot builds no code at run
// time, so it works under a CSP without 'unsafe-eval'). The document and its notes are in
// document.ts; this module adds the parts other elements show and the whole bundle.
import * as v from 'valibot';
import type { SerializedSearchIndex } from '../search/serialize.js';
import { ComparisonSchema } from './comparison.js';
import { DocLinkSchema, documentEntries } from './document.js';
import { id, isoDate, obj, optionalText, safeUrl, text } from './primitives.js';

export * from './document.js';

export const CHART_TYPES = ['bar', 'line', 'pie', 'doughnut'] as const;
export const CONSULTATION_SCOPES = ['document', 'clause', 'both'] as const;

export const QaSchema = obj({
  id,
  question: text,
  answer: text,
  answerHtml: v.optional(v.string()),
  clauses: v.optional(v.array(id)),
  category: optionalText,
});

const graphicBase = {
  id,
  caption: text,
  description: text,
  clauses: v.optional(v.array(id)),
};

export const ChartDataSchema = obj({
  type: v.picklist(CHART_TYPES),
  labels: v.array(v.string()),
  datasets: v.pipe(v.array(obj({ label: v.string(), data: v.array(v.nullable(v.number())) })), v.minLength(1)),
  unit: optionalText,
});

export const GraphicSchema = v.variant('kind', [
  obj({ ...graphicBase, kind: v.literal('chart'), chart: ChartDataSchema }),
  obj({
    ...graphicBase,
    kind: v.literal('figures'),
    items: v.pipe(
      v.array(obj({ value: v.union([v.number(), text]), unit: optionalText, label: text })),
      v.minLength(1),
    ),
  }),
  obj({
    ...graphicBase,
    kind: v.literal('steps'),
    items: v.pipe(v.array(obj({ title: text, body: optionalText })), v.minLength(1)),
  }),
  obj({
    ...graphicBase,
    kind: v.literal('timeline'),
    items: v.pipe(v.array(obj({ date: text, title: text, body: optionalText })), v.minLength(1)),
  }),
  obj({
    ...graphicBase,
    kind: v.literal('compare'),
    before: obj({ title: text, body: text }),
    after: obj({ title: text, body: text }),
  }),
]);

export const ConsultationSchema = obj({
  id,
  endpoint: safeUrl,
  opens: isoDate,
  closes: isoDate,
  scope: v.optional(v.picklist(CONSULTATION_SCOPES)),
  contact: optionalText,
  draftingNotes: optionalText,
  basis: v.optional(v.array(DocLinkSchema)),
  shortWindowReason: optionalText,
});

/** The derived search index `gongkai build` stores, as `serializeSearchIndex` writes it. */
export const SearchIndexDataSchema = obj({
  format: v.literal('gongkai-search'),
  version: v.literal(1),
  fields: v.array(v.string()),
  boosts: v.array(v.number()),
  ids: v.array(v.string()),
  texts: v.array(v.array(v.string())),
  lengths: v.array(v.array(v.number())),
  // objectWithRest, not record: the same check, and a JSON Schema without propertyNames.
  terms: v.objectWithRest({}, v.array(v.number())),
});
// The compiler keeps this schema in step with serializeSearchIndex: a field added to one and
// not the other makes `InStep` false and this type an error.
type InStep<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SearchIndexInStep = Assert<InStep<v.InferOutput<typeof SearchIndexDataSchema>, SerializedSearchIndex>>;

export const BundleSchema = obj({
  ...documentEntries,
  /** Derived by `gongkai build --previous`: this text compared with the version it revises. */
  comparison: v.optional(ComparisonSchema),
  qa: v.optional(v.array(QaSchema)),
  graphics: v.optional(v.array(GraphicSchema)),
  consultation: v.optional(ConsultationSchema),
  searchIndex: v.optional(SearchIndexDataSchema),
});

/** An interpretation file that enhances a document already on the page: no body needed. */
// Spelled out rather than v.partial(), which walks the entries with for…in when the script
// loads and would take in a page's Object.prototype additions as fields.
const bundleEntries = BundleSchema.entries;
export const PartialBundleSchema = obj({
  ...bundleEntries,
  id: v.optional(bundleEntries.id),
  meta: v.optional(bundleEntries.meta),
  body: v.optional(bundleEntries.body),
});

export type Bundle = v.InferOutput<typeof BundleSchema>;
export type PartialBundle = v.InferOutput<typeof PartialBundleSchema>;
export type QaItem = v.InferOutput<typeof QaSchema>;
export type Graphic = v.InferOutput<typeof GraphicSchema>;
export type ChartData = v.InferOutput<typeof ChartDataSchema>;
export type Consultation = v.InferOutput<typeof ConsultationSchema>;

// The one definition of the policy bundle: TypeScript types, runtime validation and the
// JSON Schema are all derived from these valibot schemas (valibot builds no code at run
// time, so it works under a CSP without 'unsafe-eval').
import * as v from 'valibot';
import type { SerializedSearchIndex } from '../search/serialize.js';
import { ComparisonSchema } from './comparison.js';
import { RULES } from './messages.js';

export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;
export const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export const STATUSES = ['valid', 'repealed', 'amended', 'draft'] as const;
export const ROLES = ['department', 'principal', 'expert', 'media'] as const;
export const NOTE_KINDS = ['text', 'graphic', 'video', 'interview'] as const;
export const CHART_TYPES = ['bar', 'line', 'pie', 'doughnut'] as const;
export const CONSULTATION_SCOPES = ['document', 'clause', 'both'] as const;

const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const optionalText = v.optional(v.string());
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A calendar date (2017-06-01) or a full ISO 8601 timestamp; 2017-02-30 is refused. */
const isoDate = v.pipe(
  v.string(),
  v.regex(DATE, RULES.date.en),
  v.check((s) => {
    const [, y, m, d] = DATE.exec(s) ?? [];
    if (!y) return true; // the regex has already said what is wrong
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d);
  }, RULES.date.en),
);
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, RULES.id.en), v.maxLength(128, RULES.id.en));
/**
 * Links are untrusted: only http(s), mailto, tel and relative URLs are accepted. Spelled
 * without the `i` flag because JSON Schema patterns carry no flags.
 */
const safeUrl = v.pipe(
  v.string(),
  v.regex(
    /^(?:[Hh][Tt][Tt][Pp][Ss]?:|[Mm][Aa][Ii][Ll][Tt][Oo]:|[Tt][Ee][Ll]:|\/|\.{1,2}\/|#|\?|[^:/?#]+(?:[/?#]|$))/,
    RULES.url.en,
  ),
);
/** Unknown keys are refused so that a typo such as `titel` does not pass silently. */
const obj = v.strictObject;

export const DocLinkSchema = obj({ title: text, url: v.optional(safeUrl) });

export const MetaSchema = obj({
  title: text,
  docNumber: optionalText,
  issuer: optionalText,
  indexNumber: optionalText,
  published: v.optional(isoDate),
  effective: v.optional(isoDate),
  expires: v.optional(isoDate),
  status: v.optional(v.picklist(STATUSES)),
  supersededBy: v.optional(DocLinkSchema),
  amends: v.optional(DocLinkSchema),
  category: optionalText,
});

export const ClauseSchema = obj({
  id,
  number: v.string(),
  level: v.pipe(v.number(), v.integer(), v.minValue(1)),
  parent: v.nullable(id),
  title: v.string(),
  text: v.string(),
});

export const QuoteSchema = obj({ exact: text, prefix: optionalText, suffix: optionalText });

export const TargetSchema = v.pipe(
  obj({ clause: v.optional(id), quote: v.optional(QuoteSchema) }),
  v.check((t) => t.clause !== undefined || t.quote !== undefined, RULES.target.en),
);

export const MediaSchema = obj({ url: safeUrl, transcript: text, poster: v.optional(safeUrl) });

export const InterpretationSchema = v.pipe(
  obj({
    id: v.optional(id),
    target: TargetSchema,
    body: text,
    html: v.optional(v.string()),
    kind: v.optional(v.picklist(NOTE_KINDS)),
    author: optionalText,
    role: v.optional(v.picklist(ROLES)),
    date: v.optional(isoDate),
    media: v.optional(MediaSchema),
  }),
  v.forward(
    v.check((n) => !(n.kind === 'video' || n.kind === 'interview') || n.media !== undefined, RULES.transcript.en),
    ['media'],
  ),
);

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

/**
 * The version this bundle revises (征求意见稿 → 送审稿 → 正式稿): what readers are told the text
 * is compared with. `label` as the office names that version, its date, and its bundle's id or url.
 */
export const RevisionOfSchema = v.pipe(
  obj({ label: v.optional(text), date: v.optional(isoDate), id: v.optional(id), url: v.optional(safeUrl) }),
  v.check((r) => r.id !== undefined || r.url !== undefined, RULES.revisionOf.en),
);

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
  schemaVersion: v.literal(1),
  id,
  lang: v.optional(v.picklist(LANGS)),
  meta: MetaSchema,
  body: v.optional(v.string()),
  bodyHtml: v.optional(v.string()),
  clauses: v.optional(v.array(ClauseSchema)),
  interpretations: v.optional(v.array(InterpretationSchema)),
  revisionOf: v.optional(RevisionOfSchema),
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
export type Meta = v.InferOutput<typeof MetaSchema>;
export type Clause = v.InferOutput<typeof ClauseSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type Target = v.InferOutput<typeof TargetSchema>;
export type Interpretation = v.InferOutput<typeof InterpretationSchema>;
export type QaItem = v.InferOutput<typeof QaSchema>;
export type Graphic = v.InferOutput<typeof GraphicSchema>;
export type ChartData = v.InferOutput<typeof ChartDataSchema>;
export type Consultation = v.InferOutput<typeof ConsultationSchema>;
export type RevisionOf = v.InferOutput<typeof RevisionOfSchema>;
export type Lang = (typeof LANGS)[number];
export type Status = (typeof STATUSES)[number];
export type Role = (typeof ROLES)[number];

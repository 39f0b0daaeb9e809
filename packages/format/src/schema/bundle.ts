// The one definition of the policy bundle: TypeScript types, runtime validation and the
// JSON Schema are all derived from these valibot schemas (valibot builds no code at run
// time, so it works under a CSP without 'unsafe-eval').
import * as v from 'valibot';

export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;
export const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export const STATUSES = ['valid', 'repealed', 'amended', 'draft'] as const;
export const ROLES = ['department', 'principal', 'expert', 'media'] as const;
export const NOTE_KINDS = ['text', 'graphic', 'video', 'interview'] as const;
export const CHART_TYPES = ['bar', 'line', 'pie', 'doughnut'] as const;
export const CONSULTATION_SCOPES = ['document', 'clause', 'both'] as const;

const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const optionalText = v.optional(v.string());
/** A calendar date (2017-06-01) or a full ISO 8601 timestamp. */
const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/),
);
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/), v.maxLength(128));
/** Links are untrusted: only http(s), mailto, tel and relative URLs are accepted. */
const safeUrl = v.pipe(v.string(), v.regex(/^(?:https?:|mailto:|tel:|\/|\.{1,2}\/|#|\?|[^:/?#]+(?:[/?#]|$))/i));

export const DocLinkSchema = v.object({ title: text, url: v.optional(safeUrl) });

export const MetaSchema = v.object({
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

export const ClauseSchema = v.object({
  id,
  number: v.string(),
  level: v.pipe(v.number(), v.integer(), v.minValue(1)),
  parent: v.nullable(id),
  title: v.string(),
  text: v.string(),
});

export const QuoteSchema = v.object({ exact: text, prefix: optionalText, suffix: optionalText });

export const TargetSchema = v.pipe(
  v.object({ clause: v.optional(id), quote: v.optional(QuoteSchema) }),
  v.check((t) => t.clause !== undefined || t.quote !== undefined, 'target needs a clause or a quote'),
);

export const MediaSchema = v.object({ url: safeUrl, transcript: text, poster: v.optional(safeUrl) });

export const InterpretationSchema = v.pipe(
  v.object({
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
  v.check(
    (n) => !(n.kind === 'video' || n.kind === 'interview') || n.media !== undefined,
    'a video or interview note needs media with a transcript',
  ),
);

export const QaSchema = v.object({
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

export const ChartDataSchema = v.object({
  type: v.picklist(CHART_TYPES),
  labels: v.array(v.string()),
  datasets: v.pipe(v.array(v.object({ label: v.string(), data: v.array(v.nullable(v.number())) })), v.minLength(1)),
  unit: optionalText,
});

export const GraphicSchema = v.variant('kind', [
  v.object({ ...graphicBase, kind: v.literal('chart'), chart: ChartDataSchema }),
  v.object({
    ...graphicBase,
    kind: v.literal('figures'),
    items: v.pipe(
      v.array(v.object({ value: v.union([v.number(), text]), unit: optionalText, label: text })),
      v.minLength(1),
    ),
  }),
  v.object({
    ...graphicBase,
    kind: v.literal('steps'),
    items: v.pipe(v.array(v.object({ title: text, body: optionalText })), v.minLength(1)),
  }),
  v.object({
    ...graphicBase,
    kind: v.literal('timeline'),
    items: v.pipe(v.array(v.object({ date: text, title: text, body: optionalText })), v.minLength(1)),
  }),
  v.object({
    ...graphicBase,
    kind: v.literal('compare'),
    before: v.object({ title: text, body: text }),
    after: v.object({ title: text, body: text }),
  }),
]);

export const ConsultationSchema = v.object({
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

export const BundleSchema = v.object({
  schemaVersion: v.literal(1),
  id,
  lang: v.optional(v.picklist(LANGS)),
  meta: MetaSchema,
  body: v.optional(v.string()),
  bodyHtml: v.optional(v.string()),
  clauses: v.optional(v.array(ClauseSchema)),
  interpretations: v.optional(v.array(InterpretationSchema)),
  qa: v.optional(v.array(QaSchema)),
  graphics: v.optional(v.array(GraphicSchema)),
  consultation: v.optional(ConsultationSchema),
});

/** An interpretation file that enhances a document already on the page: no body needed. */
export const PartialBundleSchema = v.partial(BundleSchema, ['id', 'meta', 'body']);

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
export type Lang = (typeof LANGS)[number];
export type Status = (typeof STATUSES)[number];
export type Role = (typeof ROLES)[number];

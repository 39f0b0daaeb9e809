// The document and its notes: the part of the bundle a reading page checks before it shows
// anything (bundle.ts adds the parts other elements show). A module of its own so that the
// reading page's script carries these schemas and not the others.
import * as v from 'valibot';
import { RULES } from './messages.js';
import { id, isoDate, obj, optionalText, safeUrl, text } from './primitives.js';

export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;
export const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export const STATUSES = ['valid', 'repealed', 'amended', 'draft'] as const;
export const ROLES = ['department', 'principal', 'expert', 'media'] as const;
export const NOTE_KINDS = ['text', 'graphic', 'video', 'interview'] as const;
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

/** Why a note carried over from the previous version awaits a drafter (see reanchor.ts). */
export const PENDING_REASONS = ['low-confidence', 'ambiguous', 'moved', 'clause-removed', 'quote-not-found'] as const;

/**
 * A note carried over from the previous version whose place in this text is not certain: it
 * has no placement (readers list it as not placed) until a drafter confirms the candidate or
 * places it anew. `previous` is what it explained there; `candidate` the best place found here.
 */
export const PendingSchema = obj({
  reason: v.picklist(PENDING_REASONS),
  previous: obj({ number: optionalText, text }),
  candidate: v.optional(
    obj({ clause: id, quote: v.optional(QuoteSchema), score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)) }),
  ),
});

export const TargetSchema = v.pipe(
  obj({ clause: v.optional(id), quote: v.optional(QuoteSchema), pending: v.optional(PendingSchema) }),
  // A pending target stands alone: a clause or quote beside it would read as a placement.
  v.check((t) => (t.clause !== undefined || t.quote !== undefined) !== (t.pending !== undefined), RULES.target.en),
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

/**
 * The version this bundle revises (征求意见稿 → 送审稿 → 正式稿): what readers are told the text
 * is compared with. `label` as the office names that version, its date, and its bundle's id or url.
 */
export const RevisionOfSchema = v.pipe(
  obj({ label: v.optional(text), date: v.optional(isoDate), id: v.optional(id), url: v.optional(safeUrl) }),
  v.check((r) => r.id !== undefined || r.url !== undefined, RULES.revisionOf.en),
);

/** The document and its notes: what a reading page checks before it shows anything. */
export const documentEntries = {
  schemaVersion: v.literal(1),
  id,
  lang: v.optional(v.picklist(LANGS)),
  meta: MetaSchema,
  body: v.optional(v.string()),
  bodyHtml: v.optional(v.string()),
  clauses: v.optional(v.array(ClauseSchema)),
  interpretations: v.optional(v.array(InterpretationSchema)),
  revisionOf: v.optional(RevisionOfSchema),
};

/**
 * The parts that elements of their own show (gk-qa, gk-graphic, gk-consultation, the Q&A search,
 * the comparison with the previous version).
 */
export const PARTS = ['qa', 'graphics', 'consultation', 'searchIndex', 'comparison'] as const;

/**
 * The bundle as a reading page checks it before it shows the document: the document and notes
 * in full, the other parts only as present. The element that shows a part checks it in full
 * (validatePartialForReading), in a chunk of its own that a page without that part never loads.
 * A field added to BundleSchema goes in documentEntries or in both lists of parts.
 */
const opaqueParts = {
  qa: v.optional(v.array(v.unknown())),
  graphics: v.optional(v.array(v.unknown())),
  consultation: v.optional(v.unknown()),
  searchIndex: v.optional(v.unknown()),
  comparison: v.optional(v.unknown()),
} satisfies Record<(typeof PARTS)[number], unknown>;
export const DocumentBundleSchema = obj({ ...documentEntries, ...opaqueParts });
export const DocumentPartialSchema = obj({
  ...documentEntries,
  ...opaqueParts,
  id: v.optional(documentEntries.id),
  meta: v.optional(documentEntries.meta),
  body: v.optional(documentEntries.body),
});

/** A bundle whose document and notes are checked, its other parts not yet (see DocumentBundleSchema). */
export type DocumentBundle = v.InferOutput<typeof DocumentBundleSchema>;
export type DocumentPartial = v.InferOutput<typeof DocumentPartialSchema>;
export type Meta = v.InferOutput<typeof MetaSchema>;
export type Clause = v.InferOutput<typeof ClauseSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type Target = v.InferOutput<typeof TargetSchema>;
export type Pending = v.InferOutput<typeof PendingSchema>;
export type Interpretation = v.InferOutput<typeof InterpretationSchema>;
export type RevisionOf = v.InferOutput<typeof RevisionOfSchema>;
export type Lang = (typeof LANGS)[number];
export type Status = (typeof STATUSES)[number];
export type Role = (typeof ROLES)[number];

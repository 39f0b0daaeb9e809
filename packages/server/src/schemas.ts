// Every request and response shape of the API, defined once: fastify validates requests with
// these schemas, serialises responses with them, and @fastify/swagger turns the same objects
// into the OpenAPI 3.1 document. Pieces of the bundle come from @gongkai/format, never copied.
import {
  CHANNELS,
  CONSULTATION_STATUSES,
  ConsultationSchema,
  DECISIONS,
  MAX_COMMENT_CHARS,
  MODERATIONS,
  RECEIPT_STATUSES,
  REMOVAL_REASONS,
  SIGNOFF_STAGES,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
  SUBMITTER_TYPES,
} from '@gongkai/format';
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { NotifyCreate, ReceiptNotify } from './notify/schemas.js';

const fromFormat = (schema: v.GenericSchema) => {
  const { $schema: _, ...rest } = toJsonSchema(schema, { target: 'draft-07', errorMode: 'ignore' }) as Record<
    string,
    unknown
  >;
  return rest;
};
const c = ConsultationSchema.entries;

export { DECISIONS, MAX_COMMENT_CHARS, MODERATIONS, REMOVAL_REASONS, SUBMITTER_TYPES };

const STATUSES = CONSULTATION_STATUSES;

const str = (maxLength: number, extra: object = {}) => ({ type: 'string', maxLength, ...extra }) as const;
const nullable = (type: string) => ({ type: [type, 'null'] }) as const;
const id = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', maxLength: 128 } as const;
const isoTime = { type: 'string', format: 'date-time' } as const;
const isoDay = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const ErrorSchema = {
  type: 'object',
  description: 'Every error: a stable code, a message in English and Chinese, and details where useful.',
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    zh: { type: 'string' },
    problems: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    opens: isoTime,
    closes: isoTime,
    undecided: { type: 'integer' },
    unmoderated: { type: 'integer' },
    current: { description: 'With 412: the resource as it stands now.' },
    stage: { type: 'string', description: 'With 409 wrong-stage: where the decision stands.' },
    needs: {
      type: 'array',
      items: { type: 'string' },
      description: 'With 403 forbidden: the permissions the request needs (all of them, or any one: joined).',
    },
    joined: { type: 'string', enum: ['and', 'or'] },
    blocking: {
      type: 'object',
      additionalProperties: true,
      description:
        'With 409 of a publication: what blocks it, counted per step and unit, with the first few ids (PublicationBlocking).',
    },
  },
  required: ['error', 'message'],
} as const;

export const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, ErrorSchema]));

export const IdParams = { type: 'object', properties: { id }, required: ['id'] } as const;
export const CommentIdParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 9007199254740991 } },
  required: ['id'],
} as const;
export const TemplateIdParams = CommentIdParams;

const consultationFields = {
  title: str(300, { minLength: 1 }),
  policyId: id,
  policy: { type: 'object', description: 'A policy bundle, validated with @gongkai/format and stored.' },
  opens: fromFormat(c.opens),
  closes: fromFormat(c.closes),
  shortWindowReason: fromFormat(c.shortWindowReason),
  origins: {
    type: 'array',
    maxItems: 50,
    items: str(300, { pattern: '^https?://[^/\\s]+$' }),
    description: 'Origins whose pages may call the public endpoints (CORS).',
  },
  contact: fromFormat(c.contact),
  draftingNotes: fromFormat(c.draftingNotes),
  basis: fromFormat(c.basis),
  feedbackExpected: {
    type: ['string', 'null'],
    format: isoDay.format,
    pattern: isoDay.pattern,
    description:
      'The date by which staff expect to publish the feedback (not before the window closes); null clears it.',
  },
  pageUrl: {
    type: ['string', 'null'],
    maxLength: 500,
    pattern: '^(https?://[^\\s]+|/[^\\s]*)$',
    description:
      'The page where citizens read the draft and comment (https://… or a path on the site); null clears it.',
  },
  previousRound: {
    ...nullable('string'),
    maxLength: 128,
    description:
      'The earlier round of consultation on the same policy (第二次征求意见 names the first); null clears it.',
  },
} as const;

const ConsultationRound = {
  type: ['object', 'null'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    pageUrl: nullable('string'),
    status: { type: 'string' },
  },
} as const;

export const ConsultationCreate = {
  type: 'object',
  additionalProperties: false,
  properties: { id, ...consultationFields },
  required: ['id', 'title', 'opens', 'closes'],
} as const;

export const ConsultationPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...consultationFields,
    windowChangeReason: str(2000, {
      description: 'Why opens or closes moved (extended, shortened, reopened): sent to those who follow it.',
    }),
  },
} as const;

export const ConsultationView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    policyId: nullable('string'),
    opens: isoTime,
    closes: isoTime,
    days: { type: 'integer', description: 'Length of the window in days.' },
    shortWindowReason: nullable('string'),
    status: { type: 'string', enum: STATUSES },
    contact: nullable('string'),
    draftingNotes: nullable('string'),
    basis: fromFormat(c.basis),
    origins: { type: 'array', items: { type: 'string' } },
    feedbackExpected: {
      type: ['string', 'null'],
      format: isoDay.format,
      description: 'The date by which staff expect to publish the feedback, if they said.',
    },
    pageUrl: { ...nullable('string'), description: 'Where citizens read the draft and comment, if the office said.' },
    counts: {
      type: 'object',
      properties: {
        received: { type: 'integer' },
        byClause: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    },
    previousRound: { ...ConsultationRound, description: 'The round before this one, on the same policy.' },
    nextRound: { ...ConsultationRound, description: 'The round after this one, if any.' },
  },
} as const;

export const CommentCreate = {
  type: 'object',
  additionalProperties: false,
  properties: {
    body: str(MAX_COMMENT_CHARS, { minLength: 1 }),
    clause: { ...id, description: 'A clause id of the draft; absent for the whole text.' },
    submitterType: { type: 'string', enum: SUBMITTER_TYPES, default: 'individual' },
    name: str(100),
    contact: str(200),
    website: { ...str(500), description: 'Leave empty. A honeypot for bots.' },
    notify: NotifyCreate,
    attachments: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string', minLength: 16, maxLength: 64 },
      description: 'Tokens of files uploaded to …/attachments first; the server caps the count (5 by default).',
    },
  },
  required: ['body'],
} as const;

export const IdempotencyHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 8,
      maxLength: 200,
      // Entered comments' keys are stored as `entry:` + the request's: that prefix is the server's.
      pattern: '^(?!entry:)',
      description: 'Unique per comment (a retry sends the same); not beginning with `entry:`.',
    },
  },
  required: ['idempotency-key'],
} as const;

export const PolicyQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { version: { type: 'integer', minimum: 1 } },
} as const;

export const PolicyVersions = {
  type: 'object',
  properties: {
    versions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          version: { type: 'integer' },
          label: { ...nullable('string'), description: '征求意见稿, 第二次征求意见稿, 送审稿, 正式稿…' },
          note: nullable('string'),
          created: isoTime,
        },
      },
    },
  },
} as const;

export const PolicyRevision = {
  type: 'object',
  additionalProperties: false,
  properties: {
    bundle: { type: 'object', description: 'The revised bundle (schema: @gongkai/format), with the same id.' },
    note: str(2000, { minLength: 1, pattern: '\\S', description: 'What changed and why; published with the version.' }),
    label: str(40, {
      minLength: 1,
      pattern: '\\S',
      description: 'What the version is called: 第二次征求意见稿, 送审稿, 正式稿…',
    }),
  },
  required: ['bundle', 'note'],
} as const;

export const IfMatchHeaders = {
  type: 'object',
  properties: {
    'if-match': str(200, {
      description: "The comment's etag as last read: changes made since are not overwritten (412).",
    }),
  },
} as const;

export const ReceiptView = {
  type: 'object',
  properties: { receipt: { type: 'string' }, status: { type: 'string', enum: ['received'] } },
} as const;

export const ReceiptParams = { type: 'object', properties: { receipt: str(64) }, required: ['receipt'] } as const;

export const ReceiptLookup = {
  type: 'object',
  properties: {
    receipt: { type: 'string' },
    consultation: { type: 'string' },
    title: { type: 'string', description: "The consultation's title: name it by this, never by id." },
    pageUrl: { ...nullable('string'), description: 'Where citizens read that consultation, if the office said.' },
    feedbackExpected: { ...nullable('string'), format: 'date', description: 'When the feedback is expected.' },
    clause: nullable('string'),
    clauseLabel: { ...nullable('string'), description: 'The clause as printed (一、（三）工作目标 / 第十二条).' },
    submitted: isoTime,
    status: { type: 'string', enum: RECEIPT_STATUSES },
    decision: { type: ['string', 'null'], enum: [...DECISIONS, null] },
    reason: nullable('string'),
    notify: ReceiptNotify,
    changes: {
      type: ['object', 'null'],
      additionalProperties: true,
      description:
        'The changes in a later version this comment led to (因意见修改), once published: { version, label, from, items: comparison changes }.',
    },
  },
} as const;

export const QaVote = {
  type: 'object',
  additionalProperties: false,
  properties: { policy: id, qa: id, helpful: { type: 'boolean' } },
  required: ['policy', 'qa', 'helpful'],
} as const;

export const QaVoteView = {
  type: 'object',
  properties: { helpful: { type: 'integer' }, unhelpful: { type: 'integer' } },
} as const;

export const CommentItem = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    receipt: { type: 'string' },
    clause: nullable('string'),
    clauseLabel: { ...nullable('string'), description: 'The clause as printed (一、（三）工作目标 / 第十二条).' },
    clauseNow: {
      type: ['object', 'null'],
      properties: { clause: nullable('string'), label: nullable('string') },
      description:
        'Made on an earlier version of the text: where its clause stands in the current one (clause null: removed); null otherwise.',
    },
    body: { type: 'string' },
    submitterType: { type: 'string' },
    name: nullable('string'),
    contact: nullable('string'),
    moderation: { type: 'string', enum: MODERATIONS },
    decision: { type: ['string', 'null'], enum: [...DECISIONS, null] },
    reason: nullable('string'),
    removalReason: {
      type: ['string', 'null'],
      enum: [...REMOVAL_REASONS, null],
      description: 'Why it was removed in moderation, when staff said; null for every comment not removed.',
    },
    group: { type: ['integer', 'null'], description: 'Id of the first comment of its near-duplicate group.' },
    submitted: isoTime,
    policyVersion: {
      type: ['integer', 'null'],
      description: 'The version of the draft the comment was made on (GET /policies/:id?version=N).',
    },
    channel: { type: 'string', enum: CHANNELS, description: 'How it arrived: online, or entered by staff.' },
    receivedAt: { ...nullable('string'), format: 'date-time', description: 'When an entered comment was received.' },
    originalRef: { ...nullable('string'), description: 'Where the scanned original of an entered comment is kept.' },
    etag: {
      type: 'string',
      description: 'Changes with every change to the comment; give it as If-Match to PATCH /comments/:id.',
    },
    stage: {
      type: ['string', 'null'],
      enum: [...SIGNOFF_STAGES, null],
      description: 'Where its decision stands: draft (拟办), checked (审核), signed (签发); null without a decision.',
    },
    stageBy: {
      ...nullable('string'),
      description: 'Who took the decision to its stage: drafted it (拟办), checked, signed it off, or sent it back.',
    },
    stageAt: { ...nullable('string'), format: 'date-time' },
    draftedBy: {
      ...nullable('string'),
      description:
        'Who drafted the decision (拟办), whatever stage it is at now; null for decisions drafted before it was recorded.',
    },
    returnedReason: { ...nullable('string'), description: 'Why a checker or signer sent the decision back.' },
    assignment: {
      type: ['object', 'null'],
      description: 'The unit (处室) it is assigned to, with the due date.',
      properties: {
        id: { type: 'integer' },
        unit: { type: 'integer' },
        unitName: nullable('string'),
        due: nullable('string'),
        open: { type: ['boolean', 'null'] },
        overdue: { type: 'boolean' },
      },
    },
  },
} as const;

// The filters of the staff comment list, also a filter of decisions (POST …/decisions).
const commentFilterFields = {
  clause: str(128, { description: 'A clause id; `none` (or `document`): comments on the whole text.' }),
  decision: {
    type: 'string',
    enum: [...DECISIONS, 'none', 'undecided'],
    description: '`none` (or `undecided`): no decision yet.',
  },
  moderation: { type: 'string', enum: MODERATIONS },
  group: { type: 'integer', minimum: 1, description: 'A near-duplicate group (its first comment id).' },
  q: str(200, { minLength: 1, description: 'Text the comment contains (any script; case-insensitive).' }),
  stage: { type: 'string', enum: SIGNOFF_STAGES, description: 'Decided comments whose decision is at this stage.' },
  unit: { type: 'integer', minimum: 1, description: "A unit's queue: the comments assigned to it." },
  assignment: { type: 'integer', minimum: 1, description: 'The comments of one assignment.' },
  overdue: { type: 'boolean', description: 'Only comments of open assignments past their due date.' },
} as const;

/** The filter of a step of sign-off or an assignment (the staff list's). */
export const CommentFilterSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: commentFilterFields,
} as const;

export const CommentQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    cursor: str(40, { pattern: '^[0-9]+$' }),
    ...commentFilterFields,
  },
} as const;

export const CommentPage = {
  type: 'object',
  properties: { items: { type: 'array', items: CommentItem }, next: nullable('string') },
} as const;

const decisionFields = {
  moderation: { type: 'string', enum: ['approved', 'rejected'] },
  decision: { type: 'string', enum: DECISIONS },
  reason: str(2000),
  removalReason: {
    type: 'string',
    enum: REMOVAL_REASONS,
    description: "Why the comment is removed; only with moderation: 'rejected' (422 otherwise).",
  },
} as const;

export const CommentPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: decisionFields,
} as const;

export const BulkDecision = {
  type: 'object',
  additionalProperties: false,
  description:
    'The comments by `ids`, or every comment that matches `filter` (at least one filter field; comments removed in moderation only if it says `moderation: rejected`); all or none.',
  properties: {
    ids: { type: 'array', minItems: 1, maxItems: 5000, items: CommentIdParams.properties.id },
    filter: { type: 'object', additionalProperties: false, minProperties: 1, properties: commentFilterFields },
    ...decisionFields,
  },
  oneOf: [{ required: ['ids'] }, { required: ['filter'] }],
} as const;

export const GroupsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    cursor: str(40, {
      pattern: '^[0-9]{1,10}~[0-9]{1,19}$',
      description: "The previous page's next (the last group's size and id).",
    }),
  },
} as const;

export const Group = {
  type: 'object',
  properties: {
    group: { type: 'integer', description: 'Its first comment, the representative.' },
    size: { type: 'integer', description: 'Members, the representative among them.' },
    sample: { type: 'string', description: "The start of the representative's text." },
  },
} as const;

export const Groups = {
  type: 'object',
  description:
    'The groups as the last grouping left them (a background job after comments arrive; no request waits on it), largest first, a page at a time. Members: GET …/comments?group=ID.',
  properties: {
    groups: { type: 'array', items: Group },
    next: { ...nullable('string'), description: 'The cursor of the next page; null at the end.' },
    total: { type: 'integer', description: 'Groups in the consultation.' },
    pending: { type: 'boolean', description: 'Comments have arrived since: a new grouping is due or under way.' },
    computedAt: { ...nullable('string'), format: 'date-time', description: 'When; null before the first.' },
  },
} as const;

export const GroupParams = {
  type: 'object',
  properties: { id, group: { type: 'integer', minimum: 1 } },
  required: ['id', 'group'],
} as const;

export const GroupSplit = {
  type: 'object',
  additionalProperties: false,
  properties: { ids: { type: 'array', minItems: 1, maxItems: 5000, items: { type: 'integer', minimum: 1 } } },
  required: ['ids'],
} as const;

export const GroupMerge = {
  type: 'object',
  additionalProperties: false,
  properties: { groups: { type: 'array', minItems: 2, maxItems: 100, items: { type: 'integer', minimum: 1 } } },
  required: ['groups'],
} as const;

export const GroupChanged = {
  type: 'object',
  properties: {
    group: { type: ['integer', 'null'], description: 'The group now (null: too few members left to be one).' },
    size: { type: 'integer' },
    removed: { type: 'integer' },
  },
} as const;

export const AuditEntry = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: isoTime,
    actor: { type: 'string' },
    action: { type: 'string' },
    commentId: { type: ['integer', 'null'] },
    before: {},
    after: {},
  },
} as const;

const counts = {
  type: 'object',
  properties: Object.fromEntries(
    ['received', 'published', 'adopted', 'partlyAdopted', 'notAdopted', 'outOfScope', 'removed'].map((k) => [
      k,
      { type: 'integer' },
    ]),
  ),
} as const;

const FeedbackComment = {
  type: 'object',
  properties: {
    no: { type: 'integer' },
    clause: nullable('string'),
    clauseLabel: nullable('string'),
    body: { type: 'string' },
    name: nullable('string'),
    submitterType: { type: 'string' },
    decision: { type: 'string', enum: DECISIONS },
    reason: nullable('string'),
    group: { type: ['integer', 'null'], description: "The no of its group's first published comment, if in one." },
    changes: {
      type: 'array',
      items: { type: 'string' },
      description: 'The changes of the later version it led to: keys of the feedback’s changes.items.',
    },
  },
} as const;

export const FeedbackView = {
  type: 'object',
  description: 'The published 意见采纳情况反馈. Names masked, contacts never, personal numbers masked.',
  properties: {
    consultation: { type: 'string' },
    title: { type: 'string' },
    version: { type: 'integer' },
    published: isoTime,
    message: nullable('string'),
    summary: {
      type: 'object',
      properties: {
        ...counts.properties,
        removedBy: {
          type: 'object',
          description:
            'Comments removed in moderation, by category (those removed without one are in removed only). Absent from versions published before categories were kept.',
          properties: Object.fromEntries(REMOVAL_REASONS.map((r) => [r, { type: 'integer' }])),
        },
        byChannel: {
          type: 'object',
          description:
            'Every comment received, by channel (online, letter, email…). Absent from versions before channels.',
          properties: Object.fromEntries(CHANNELS.map((c) => [c, { type: 'integer' }])),
        },
        bySubmitterType: {
          type: 'object',
          description: 'Every comment received, by submitter type. Absent from versions before channels.',
          properties: Object.fromEntries(SUBMITTER_TYPES.map((t) => [t, { type: 'integer' }])),
        },
      },
    },
    byClause: {
      type: 'array',
      items: {
        type: 'object',
        properties: { clause: nullable('string'), label: nullable('string'), ...counts.properties },
      },
    },
    comments: {
      type: 'array',
      description: 'Every published comment in versions before paging; since, the first page (see next).',
      items: FeedbackComment,
    },
    total: { type: 'integer', description: 'Published comments in all.' },
    next: { ...nullable('string'), description: 'Cursor of the next page: GET …/feedback/comments?cursor=…' },
    campaigns: {
      type: 'object',
      description: 'Groups of near-identical published comments: "1 representative + N co-signed copies".',
      properties: {
        groups: { type: 'integer' },
        copies: { type: 'integer' },
        largest: {
          type: 'array',
          items: { type: 'object', properties: { no: { type: 'integer' }, size: { type: 'integer' } } },
        },
      },
    },
    reasons: {
      type: 'array',
      description: 'The reasons given, most frequent first (at most 30).',
      items: {
        type: 'object',
        properties: {
          decision: { type: 'string', enum: DECISIONS },
          reason: { type: 'string' },
          count: { type: 'integer' },
        },
      },
    },
    changes: {
      type: ['object', 'null'],
      additionalProperties: true,
      description:
        '修改说明: { version, label, from, summary, items: [{ key, change, comments, campaigns, reasons }] }, the later version’s changes that comments led to.',
    },
  },
} as const;

export const FeedbackCommentsPage = {
  type: 'object',
  properties: {
    items: { type: 'array', items: FeedbackComment },
    next: nullable('string'),
    total: { type: 'integer' },
  },
} as const;

export const FeedbackCommentsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: str(20, { pattern: '^[0-9]+$', description: "The previous page's next." }),
    clause: str(128, { description: 'A clause id; `none`: comments on the whole text.' }),
    decision: { type: 'string', enum: DECISIONS },
    q: str(200, { minLength: 1, description: 'Text the published comment contains.' }),
  },
} as const;

export const FeedbackVersions = {
  type: 'object',
  properties: {
    versions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          version: { type: 'integer' },
          published: isoTime,
          by: { type: 'string' },
          feedback: FeedbackView,
        },
      },
    },
  },
} as const;

export const FeedbackPreview = {
  type: 'object',
  description:
    'The feedback as publishing it now would make it (the next version, published now), and what still blocks publication.',
  properties: {
    feedback: FeedbackView,
    publishable: { type: 'boolean', description: 'Publishing now would succeed.' },
    stillOpen: { type: 'boolean', description: 'The window has not closed yet.' },
    unmoderated: {
      type: 'integer',
      description: 'Comments awaiting moderation: counted as received, neither listed nor removed.',
    },
    undecided: {
      type: 'integer',
      description: 'Approved comments awaiting a decision: counted as received, not listed.',
    },
    blocking: { type: 'object', additionalProperties: true, description: 'What blocks publication (as its 409 says).' },
    flagged: {
      type: 'array',
      description: 'Published comments whose masked text still holds a run of 7+ digits, for a human look.',
      items: {
        type: 'object',
        properties: { no: { type: 'integer' }, digits: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
} as const;

export const RunParams = {
  type: 'object',
  properties: { id, run: { type: 'integer', minimum: 1 } },
  required: ['id', 'run'],
} as const;

export const PublicationRun = {
  type: 'object',
  description:
    'Publishing the feedback or building its preview, as a job: follow it until `state` is done (with `result`) or failed (with `error`, the answer the request would have had).',
  properties: {
    id: { type: 'integer' },
    consultation: { type: 'string' },
    kind: { type: 'string', enum: ['publish', 'preview'] },
    state: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    requestedBy: { type: 'string' },
    requestedAt: { type: 'string', format: 'date-time' },
    startedAt: { ...nullable('string'), format: 'date-time' },
    finishedAt: { ...nullable('string'), format: 'date-time' },
    version: { ...nullable('integer'), description: 'publish: the version it made.' },
    // Untyped for the serializer: with no required properties either schema would match the other.
    result: { description: 'done: the FeedbackView published (publish), or the FeedbackPreview (preview).' },
    error: {
      type: 'object',
      additionalProperties: true,
      properties: { status: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

export const StaffMe = {
  type: 'object',
  description: "The token's role and what it may do: the table the endpoints themselves check.",
  properties: {
    role: { type: 'string', enum: STAFF_ROLES },
    tokenId: { type: 'string' },
    label: nullable('string'),
    permissions: {
      type: 'object',
      properties: Object.fromEntries(STAFF_PERMISSIONS.map((p) => [p, { type: 'boolean' }])),
    },
    consultations: {
      type: ['array', 'null'],
      items: { type: 'string' },
      description: 'The consultations the token is limited to; null for all.',
    },
    expires: isoTime,
  },
} as const;

export const TokenIdParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{12}$' } },
  required: ['id'],
} as const;

const TokenView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    role: { type: 'string', enum: STAFF_ROLES },
    label: nullable('string'),
    created: isoTime,
    expires: isoTime,
    lastUsed: { ...nullable('string'), format: 'date-time' },
    revoked: { ...nullable('string'), format: 'date-time' },
    consultations: { type: ['array', 'null'], items: { type: 'string' } },
    grants: { type: 'array', items: { type: 'string', enum: STAFF_PERMISSIONS } },
    createdBy: nullable('string'),
  },
} as const;

export const TokenList = { type: 'object', properties: { items: { type: 'array', items: TokenView } } } as const;

export const TokenCreate = {
  type: 'object',
  additionalProperties: false,
  properties: {
    role: { type: 'string', enum: STAFF_ROLES },
    label: str(200),
    expires: { ...isoTime, description: 'When it stops working; 90 days from now by default.' },
    consultations: { type: 'array', minItems: 1, maxItems: 100, items: id },
    grants: { type: 'array', items: { type: 'string', enum: STAFF_PERMISSIONS } },
  },
  required: ['role'],
} as const;

export const TokenCreated = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    token: { type: 'string', description: 'Shown once: only a hash of its secret is kept.' },
    role: { type: 'string' },
    expires: isoTime,
  },
} as const;

export const ConsultationListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    cursor: str(200, {
      pattern: '^-?[0-9]{1,17}~[A-Za-z0-9][A-Za-z0-9._:-]*$',
      description: "The previous page's next.",
    }),
  },
} as const;

export const CommentCounts = {
  type: 'object',
  properties: {
    received: { type: 'integer' },
    unmoderated: { type: 'integer', description: 'Awaiting moderation.' },
    undecided: { type: 'integer', description: 'Approved, awaiting a decision.' },
    decided: { type: 'integer', description: 'Approved and decided.' },
    removed: { type: 'integer', description: 'Removed in moderation.' },
  },
} as const;

export const ConsultationList = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'string', enum: STATUSES },
          opens: isoTime,
          closes: isoTime,
          feedbackExpected: { type: ['string', 'null'], format: isoDay.format },
          counts: CommentCounts,
        },
      },
    },
    next: { ...nullable('string'), description: 'The cursor of the next page; null at the end.' },
  },
} as const;

const templateFields = {
  decision: {
    type: ['string', 'null'],
    enum: [...DECISIONS, null],
    description: 'The decision the reason fits; null for any.',
  },
  title: str(50, { minLength: 1, pattern: '\\S', description: 'A short name for the list, e.g. 与上位法规定不一致.' }),
  text: str(2000, { minLength: 1, pattern: '\\S', description: 'The reason as it will be published.' }),
} as const;

export const ReasonTemplate = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    ...templateFields,
    createdBy: { type: 'string' },
    updated: isoTime,
  },
} as const;

export const ReasonTemplateCreate = {
  type: 'object',
  additionalProperties: false,
  properties: templateFields,
  required: ['title', 'text'],
} as const;

export const ReasonTemplatePatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: templateFields,
} as const;

export const ReasonTemplateQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    decision: { type: 'string', enum: DECISIONS, description: 'Only those for this decision and those for any.' },
  },
} as const;

export const ReasonTemplateList = {
  type: 'object',
  properties: { items: { type: 'array', items: ReasonTemplate } },
} as const;

export const AuditList = {
  type: 'object',
  properties: { items: { type: 'array', items: AuditEntry } },
} as const;

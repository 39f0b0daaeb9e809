// The staff endpoints' answers that @gongkai/format does not describe (it holds the citizen-facing
// shapes, and the staff ones both sides use: StaffMe, ConsultationList, FeedbackPreview, the
// roles, permissions and removal categories). Each type is named after its endpoint; the
// server's JSON Schemas (packages/server/src/schemas.ts) are the reference.
import type {
  Channel,
  Decision,
  FeedbackView,
  Moderation,
  PublicationBlocking,
  ReasonTemplateView,
  RemovalReason,
  SignoffStage,
  SubmitterType,
} from '@gongkai/format';

/** One item of `GET /consultations/:id/comments`, and the answer of `PATCH /comments/:id`. */
export interface CommentItem {
  id: number;
  /** Grouped, e.g. `7K2M-9QX4-RT8B-ZW3D`. */
  receipt: string;
  /** A clause id of the draft; null for a comment on the whole text. */
  clause: string | null;
  /** The clause as printed (一、（三）工作目标 / 第十二条); null for the whole text, or from older servers. */
  clauseLabel: string | null;
  /** Made on an earlier version of the text: where its clause stands now (clause null: removed). */
  clauseNow?: { clause: string | null; label: string | null } | null;
  body: string;
  submitterType: SubmitterType;
  name: string | null;
  contact: string | null;
  moderation: Moderation;
  decision: Decision | null;
  reason: string | null;
  /** Why it was removed in moderation, when staff said; null for every comment not removed. */
  removalReason: RemovalReason | null;
  /** Id of the first comment of its near-duplicate group, if it has one. */
  group: number | null;
  submitted: string;
  /**
   * The version of its moderation and decision (opaque, e.g. `"12-3"`): sent back as `If-Match`
   * with a change, so a colleague's change made meanwhile is never overwritten unseen.
   */
  etag: string;
  /** Where its decision stands in sign-off (拟办 → 审核 → 签发); null without a decision (or from older servers). */
  stage?: SignoffStage | null;
  /** Who took it to its stage, or sent it back (`role:tokenId`). */
  stageBy?: string | null;
  stageAt?: string | null;
  /** Who drafted the decision (拟办), at whatever stage it is now (absent from older servers). */
  draftedBy?: string | null;
  /** Why a checker or signer sent the decision back. */
  returnedReason?: string | null;
  /** How it arrived: online, or entered by staff from a letter, e-mail… (absent from older servers). */
  channel?: Channel;
  /** When an entered comment was received. */
  receivedAt?: string | null;
  /** Where the scanned original of an entered comment is kept. */
  originalRef?: string | null;
  /** The unit (处室) it is assigned to, with the due date. */
  assignment?: {
    id: number;
    unit: number;
    unitName: string | null;
    due: string | null;
    open: boolean | null;
    overdue: boolean;
  } | null;
}

/** What staff change on a comment, and what a conflict compares. */
export type CommentState = Pick<CommentItem, 'moderation' | 'decision' | 'reason' | 'removalReason'>;

/** The error body of a 412 from `PATCH /comments/:id`: someone changed it since; `current` is it now. */
export interface ChangedConflict {
  error: 'changed';
  message: string;
  zh?: string;
  current: CommentItem;
}

/** `GET /consultations/:id/comments`: one page, and the cursor of the next (null at the end). */
export interface CommentsPage {
  items: CommentItem[];
  next: string | null;
}

/** The filters of `GET /consultations/:id/comments` (`clause=document`: on the whole text). */
export interface CommentsQuery {
  clause?: string;
  moderation?: Moderation;
  decision?: Decision | 'undecided';
  q?: string;
}

/**
 * `PATCH /comments/:id` body, sent with `If-Match: <etag>`. A reason is required for every
 * decision except `adopted`; a decision changed without one clears the reason kept; a removal
 * category goes with `moderation: 'rejected'` only.
 */
export interface CommentPatch {
  moderation?: 'approved' | 'rejected';
  decision?: Decision;
  reason?: string;
  removalReason?: RemovalReason;
}

/** Which comments a decision by filter changes (as the list filters; `decision: 'none'`: undecided). */
export interface DecisionsFilter {
  group?: number;
  clause?: string;
  decision?: Decision | 'none';
  moderation?: Moderation;
  q?: string;
  stage?: SignoffStage;
  /** A unit's queue. */
  unit?: number;
  overdue?: boolean;
}

/**
 * `POST /consultations/:id/decisions` body (all or none) and answer: by `ids`, or every comment
 * a `filter` matches (those removed in moderation only if it names `moderation: 'rejected'`).
 */
export interface DecisionsBody extends CommentPatch {
  ids?: number[];
  filter?: DecisionsFilter;
}
export interface DecisionsResult {
  updated: number;
}

/** A near-duplicate group: its first comment (the representative, whose id names it) and its size. */
export interface CommentGroup {
  group: number;
  /** Members, the representative among them. */
  size: number;
  /** The start of the representative's text. */
  sample: string;
}

/**
 * `GET /consultations/:id/groups?limit=&cursor=`: a page of groups, largest first; the members
 * are read with `GET …/comments?group=ID`.
 */
export interface GroupsAnswer {
  groups: CommentGroup[];
  /** The cursor of the next page; null at the end. */
  next: string | null;
  /** Groups in the consultation. */
  total: number;
  /** Comments arrived since the last grouping: the groups will change. */
  pending: boolean;
  computedAt: string | null;
}

/** `POST …/groups/:group/split` (`{ ids }`) and `POST …/groups/merge` (`{ groups }`). */
export interface GroupChanged {
  /** The group now; null when too few members are left to be one. */
  group: number | null;
  size: number;
  removed?: number;
}

/** One entry of `GET /consultations/:id/audit`. `actor` is `role:tokenId`. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  /** `comment.decide`, `feedback.publish`, `consultation.create`, … */
  action: string;
  commentId: number | null;
  before: unknown;
  after: unknown;
}
export interface AuditAnswer {
  items: AuditEntry[];
}

/** `GET /consultations/:id/feedback/versions`. `by` is `role:tokenId`. */
export interface FeedbackVersionsAnswer {
  versions: { version: number; published: string; by: string; feedback: FeedbackView }[];
}

/** `POST /reason-templates` body (`PATCH` takes any part of it). */
export type ReasonTemplateInput = Pick<ReasonTemplateView, 'decision' | 'title' | 'text'>;
/** `GET /reason-templates`. */
export interface ReasonTemplatesAnswer {
  items: ReasonTemplateView[];
}

/** The error body of a 409 from `POST …/feedback`: what still blocks publication. */
export interface PublishConflict {
  error: 'still-open' | 'undecided' | string;
  unmoderated?: number;
  undecided?: number;
  closes?: string;
  /** What blocks it: decisions not signed off, open assignments (per step and unit). */
  blocking?: PublicationBlocking;
}

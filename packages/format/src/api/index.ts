// The consultation service's public vocabulary and the shapes its citizen-facing answers take.
// The server validates and serialises with JSON Schemas built from these constants; the
// elements read the answers with these types. Defined here once, beside the bundle's shape.

import type { ChangeExplanation, TracedChanges } from './changes.js';
import type { NotifyOffer, NotifyRequest, ReceiptNotify } from './notify.js';

export const MAX_COMMENT_CHARS = 5000;
export const DECISIONS = ['adopted', 'partly-adopted', 'not-adopted', 'out-of-scope'] as const;
export const MODERATIONS = ['pending', 'approved', 'rejected'] as const;
export const SUBMITTER_TYPES = ['individual', 'organization', 'anonymous'] as const;
export const CONSULTATION_STATUSES = ['upcoming', 'open', 'closed', 'feedback-published'] as const;
export const RECEIPT_STATUSES = ['received', 'decided', 'removed'] as const;
/**
 * How a comment reached the office: online (the comment form), or entered by staff from a letter
 * (信函), e-mail, fax (传真), telephone (电话), a meeting (座谈会), a hearing (听证会) or a grassroots
 * legislative contact point (基层立法联系点).
 */
export const CHANNELS = ['online', 'letter', 'email', 'fax', 'phone', 'meeting', 'hearing', 'contact-point'] as const;
/**
 * Why staff removed a comment in moderation (the categories are recorded in simplified Chinese,
 * as the offices keep their files): 违法违规 illegal content, 广告 advertising, 与本次征求意见无关
 * not about this consultation, 重复 a duplicate.
 */
export const REMOVAL_REASONS = ['违法违规', '广告', '与本次征求意见无关', '重复'] as const;
/** Staff roles, given to a token when it is created. */
export const STAFF_ROLES = ['admin', 'editor', 'reviewer', 'checker', 'signer'] as const;
/** What a staff member may do beyond reading the comments (which every role may). */
export const STAFF_PERMISSIONS = [
  'moderate',
  'decide',
  'publish',
  'export',
  'editConsultations',
  'editTemplates',
  /** Read submitters' names and contacts, in lists and exports (admin by default; grantable). */
  'contacts',
  /** Create, list and revoke staff tokens. */
  'tokens',
  /** 审核: confirm a drafted decision (拟办), or send it back with a reason. */
  'check',
  /** 签发: sign off a checked decision, or send it back with a reason. */
  'signOff',
  /** Assign comments and groups to a unit (处室) with a due date; close assignments; add units. */
  'assign',
  /** Write internal notes and replies on comments and groups (never published). */
  'notes',
  /** Enter comments received by letter, e-mail, fax, telephone, meetings…, one by one or imported. */
  'enterComments',
] as const;
/** Where a decision stands: 拟办 (drafted), 审核 (checked), 签发 (signed off). */
export const SIGNOFF_STAGES = ['draft', 'checked', 'signed'] as const;
export type SignoffStage = (typeof SIGNOFF_STAGES)[number];

export type Decision = (typeof DECISIONS)[number];
export type Moderation = (typeof MODERATIONS)[number];
export type SubmitterType = (typeof SUBMITTER_TYPES)[number];
export type Channel = (typeof CHANNELS)[number];
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export type RemovalReason = (typeof REMOVAL_REASONS)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

/** `GET /consultations/:id`. */
export interface ConsultationView {
  id: string;
  title: string;
  policyId: string | null;
  opens: string;
  closes: string;
  days: number;
  shortWindowReason: string | null;
  status: ConsultationStatus;
  contact: string | null;
  draftingNotes: string | null;
  basis: { title: string; url?: string }[];
  origins: string[];
  /** The date (2030-05-20) by which staff expect to publish the feedback, or null if they have not said. */
  feedbackExpected: string | null;
  /** Where citizens read the draft and comment (the office's page), or null (absent from older servers). */
  pageUrl?: string | null;
  counts: { received: number; byClause: Record<string, number> };
  /** The notification channels the server offers (absent from older servers). */
  notify?: NotifyOffer;
  /** The round before this one (a 第二次征求意见 names the first), and the round after, if any. */
  previousRound?: ConsultationRound | null;
  nextRound?: ConsultationRound | null;
}

/** Another round of consultation on the same policy: named by its title, with its page. */
export interface ConsultationRound {
  id: string;
  title: string;
  pageUrl: string | null;
  status: ConsultationStatus;
}

/** Comments of a consultation by where they stand (`GET /consultations` and `GET /consultations/:id/counts`, staff). */
export interface ConsultationCounts {
  received: number;
  /** Awaiting moderation. */
  unmoderated: number;
  /** Approved, awaiting a decision. */
  undecided: number;
  /** Approved and decided. */
  decided: number;
  /** Removed in moderation. */
  removed: number;
}

/** One item of `GET /consultations` (staff). */
export interface ConsultationSummary {
  id: string;
  title: string;
  status: ConsultationStatus;
  opens: string;
  closes: string;
  feedbackExpected: string | null;
  counts: ConsultationCounts;
}

/** `GET /consultations` (staff): newest window first; `next` is the cursor of the next page. */
export interface ConsultationList {
  items: ConsultationSummary[];
  next: string | null;
}

/** `GET /staff/me`: the token's role and what it may do (the same table the endpoints check). */
export interface StaffMe {
  role: StaffRole;
  tokenId: string;
  label: string | null;
  permissions: Record<StaffPermission, boolean>;
  /** The consultations the token is limited to, or null for all. */
  consultations: string[] | null;
  /** When the token stops working. */
  expires: string;
}

/** `POST /consultations/:id/comments` body. */
export interface CommentCreate {
  body: string;
  clause?: string;
  submitterType?: SubmitterType;
  name?: string;
  contact?: string;
  /** The honeypot: always empty from a person. */
  website?: string;
  /** 处理结果公布后通知我: kept apart from the comment, confirmed first. */
  notify?: NotifyRequest;
}

/** `POST /consultations/:id/comments` answer (201). */
export interface ReceiptView {
  receipt: string;
  status: 'received';
}

/** `GET /receipts/:receipt`. */
export interface ReceiptLookup {
  receipt: string;
  consultation: string;
  // The four below are absent from servers older than these fields.
  /** The consultation's title: a receipt of another consultation is named by it, never by id. */
  title?: string;
  /** Where citizens read that consultation, when its office said. */
  pageUrl?: string | null;
  /** The date (2030-05-20) by which the office expects to publish the feedback, if it said. */
  feedbackExpected?: string | null;
  clause: string | null;
  /** The clause as printed (一、（三）工作目标 / 第十二条), null for the whole text or an unknown clause. */
  clauseLabel?: string | null;
  submitted: string;
  status: ReceiptStatus;
  decision: Decision | null;
  reason: string | null;
  /** What the commenter chose for notifications, the address masked (absent from older servers). */
  notify?: ReceiptNotify | null;
  /** The changes in a later version this comment led to, once the feedback saying so is published. */
  changes?: TracedChanges | null;
}

/** Counts in the published feedback, for the whole consultation or one clause. */
export interface FeedbackCounts {
  received: number;
  published: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  outOfScope: number;
  removed: number;
}

export interface FeedbackComment {
  no: number;
  /** Its near-duplicate group: the number (`no`) of the group's first published comment, if any. */
  group?: number | null;
  clause: string | null;
  /** The clause as printed (一、（三）工作目标 / 第十二条); absent from versions published before labels. */
  clauseLabel?: string | null;
  body: string;
  name: string | null;
  submitterType: string;
  decision: Decision;
  reason: string | null;
  /** The changes it led to (keys of the feedback's `changes.items`); absent when none. */
  changes?: string[];
}

/** The counts of the whole consultation, with the removed comments by category. */
export interface FeedbackSummary extends FeedbackCounts {
  /**
   * Comments removed in moderation, by the category staff gave; those removed without one are
   * in `removed` only. Absent from versions published before categories were kept.
   */
  removedBy?: Record<RemovalReason, number>;
  /** Every comment received (`received`), by the channel it came by. Absent from versions published before channels. */
  byChannel?: Record<Channel, number>;
  /** Every comment received, by who sent it. Absent from versions published before channels. */
  bySubmitterType?: Record<SubmitterType, number>;
}

/** Campaigns among the published comments: groups of near-identical letters, and their copies. */
export interface FeedbackCampaigns {
  /** Groups of two or more published comments. */
  groups: number;
  /** Published comments in those groups beyond each group's first (co-signed copies). */
  copies: number;
  /** The largest groups: the first comment's number in the feedback, and the group's size. */
  largest: { no: number; size: number }[];
}

/** `GET /consultations/:id/feedback`: the published 意见采纳情况反馈. */
export interface FeedbackView {
  consultation: string;
  title: string;
  version: number;
  published: string;
  message: string | null;
  summary: FeedbackSummary;
  /**
   * Every published comment (`summary.published`), of which `comments` is the first page when
   * `next` is set: the rest come from `GET …/feedback/comments`. Absent from versions published
   * before the feedback was paged, which list every comment.
   */
  total?: number;
  next?: string | null;
  campaigns?: FeedbackCampaigns;
  /** The reasons given, most frequent first (at most 30), with how many comments each answered. */
  reasons?: { decision: Decision; reason: string; count: number }[];
  /** `label`: the clause as printed, null for the whole text; absent from versions published before labels. */
  byClause: ({ clause: string | null; label?: string | null } & FeedbackCounts)[];
  comments: FeedbackComment[];
  /** 修改说明: the later version's changes comments led to; absent when the policy has no later version. */
  changes?: ChangeExplanation | null;
}

/** `GET /consultations/:id/feedback/comments`: a page of the published comments. */
export interface FeedbackCommentsPage {
  items: FeedbackComment[];
  next: string | null;
  /** How many match the filters. */
  total: number;
}

/**
 * `GET /consultations/:id/feedback/preview` (staff): the feedback as publishing it now would make
 * it (`version` the next one, `published` now), and what still stands in the way.
 */
export interface FeedbackPreview {
  feedback: FeedbackView;
  /** Publishing now would succeed: the window has closed and every comment is handled. */
  publishable: boolean;
  /** The window has not closed yet. */
  stillOpen: boolean;
  /** Comments awaiting moderation: absent from the preview's figures until handled. */
  unmoderated: number;
  /** Approved comments awaiting a decision: counted as received, not listed. */
  undecided: number;
  /**
   * Published comments whose masked text still holds a run of 7 or more digits (a number the
   * masking did not recognise): `no` is the comment's number in `feedback.comments`. For a human look.
   */
  flagged: { no: number; digits: string[] }[];
  /** What blocks publication (absent from older servers). */
  blocking?: PublicationBlocking;
}

/**
 * What stands between a consultation and publication (`409` of `POST …/feedback`, and the
 * preview): comments unhandled, decisions not yet signed off, per step and per unit, and open
 * assignments per unit, each with the first few ids.
 */
export interface PublicationBlocking {
  unmoderated: number;
  undecided: number;
  /** Decided comments at 拟办 (drafted, not checked). */
  draft: number;
  /** Decided comments at 审核 (checked, not signed off). */
  checked: number;
  /** Open assignments. */
  openAssignments: number;
  byStep: { step: 'unmoderated' | 'undecided' | 'draft' | 'checked'; count: number; first: number[] }[];
  /** Per unit (null: comments of no unit): decisions not signed off and assignments still open. */
  byUnit: {
    unit: number | null;
    unitName: string | null;
    draft: number;
    checked: number;
    openAssignments: number;
    overdue: number;
    firstAssignments: number[];
  }[];
}

/**
 * Publishing the feedback, or building its preview, is a job in the database (it grows with the
 * number of comments). `POST …/feedback` and `GET …/feedback/preview` answer with the result when
 * the job finishes within a moment; otherwise 202 with this run, to be followed at
 * `GET …/feedback/runs/:run` until `state` is `done` (with `result`) or `failed` (with `error`).
 */
export interface PublicationRun {
  id: number;
  consultation: string;
  kind: 'publish' | 'preview';
  state: 'queued' | 'running' | 'done' | 'failed';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** publish: the version it made. */
  version: number | null;
  /** done: the FeedbackView published (publish) or the FeedbackPreview (preview). */
  result?: FeedbackView | FeedbackPreview;
  /** failed: the error the request would have answered (e.g. 409 still-open / undecided). */
  error?: { status: number; error: string; message: string; zh?: string; [detail: string]: unknown };
}

/** `GET /reason-templates` (staff): a reusable reason offered when deciding on comments. */
export interface ReasonTemplateView {
  id: number;
  /** The decision it fits, or null for any. */
  decision: Decision | null;
  title: string;
  text: string;
  /** `role:tokenId` of the staff member who made it (`system` for the defaults). */
  createdBy: string;
  updated: string;
}

/** Every error answer: a stable code, an English message, often a Chinese one, and details. */
export interface ApiErrorBody {
  error: string;
  message: string;
  zh?: string;
  problems?: { path: string; message: string }[];
  opens?: string;
  closes?: string;
}
export * from './changes.js';
export * from './notify.js';
export * from './receipts.js';

// The consultation service's public vocabulary and the shapes its citizen-facing answers take.
// The server validates and serialises with JSON Schemas built from these constants; the
// elements read the answers with these types. Defined here once, beside the bundle's shape.

export const MAX_COMMENT_CHARS = 5000;
export const DECISIONS = ['adopted', 'partly-adopted', 'not-adopted', 'out-of-scope'] as const;
export const MODERATIONS = ['pending', 'approved', 'rejected'] as const;
export const SUBMITTER_TYPES = ['individual', 'organization', 'anonymous'] as const;
export const CONSULTATION_STATUSES = ['upcoming', 'open', 'closed', 'feedback-published'] as const;
export const RECEIPT_STATUSES = ['received', 'decided', 'removed'] as const;

export type Decision = (typeof DECISIONS)[number];
export type Moderation = (typeof MODERATIONS)[number];
export type SubmitterType = (typeof SUBMITTER_TYPES)[number];
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

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
  counts: { received: number; byClause: Record<string, number> };
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
  clause: string | null;
  submitted: string;
  status: ReceiptStatus;
  decision: Decision | null;
  reason: string | null;
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
  clause: string | null;
  body: string;
  name: string | null;
  submitterType: string;
  decision: Decision;
  reason: string | null;
}

/** `GET /consultations/:id/feedback`: the published 意见采纳情况反馈. */
export interface FeedbackView {
  consultation: string;
  title: string;
  version: number;
  published: string;
  message: string | null;
  summary: FeedbackCounts;
  byClause: ({ clause: string | null } & FeedbackCounts)[];
  comments: FeedbackComment[];
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
export * from './receipts.js';

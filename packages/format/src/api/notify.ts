// Notifications (意见有回音, issue 20): the shapes of the notification API, for the server's
// schemas to follow and the elements to read.

/** The channels a citizen may choose, where the server offers them. */
export const NOTIFY_CHANNELS = ['email', 'sms'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
/** The languages messages and the confirm/unsubscribe pages are written in. */
export const NOTIFY_LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type NotifyLocale = (typeof NOTIFY_LOCALES)[number];

/** `notify` of a comment submission (`POST /consultations/:id/comments`): e-mail or phone. */
export interface NotifyRequest {
  email?: string;
  phone?: string;
  locale?: NotifyLocale;
  /** Also an acknowledgement with the receipt, sent once the address is confirmed. */
  acknowledge?: boolean;
}

/** `POST /notify/follow` body: a consultation or a policy. */
export interface FollowRequest {
  email?: string;
  phone?: string;
  locale?: NotifyLocale;
  consultation?: string;
  policy?: string;
}

/** `POST /notify/follow` answer (202): the address masked. */
export interface FollowAnswer {
  status: 'pending';
  channel: string;
  address: string;
}

/** `notify` of a receipt lookup: what the commenter chose, the address masked. */
export interface ReceiptNotify {
  channel: string;
  state: 'pending' | 'confirmed' | 'unsubscribed';
  address: string | null;
  /** An acknowledgement with the receipt was asked for (absent from older servers). */
  acknowledge?: boolean;
}

/** `notify` of a consultation's public answer: the channels the server can send by (none without a secret). */
export interface NotifyOffer {
  channels: NotifyChannel[];
}

/** `GET /consultations/:id/notifications` (staff): counts, never addresses. */
export interface NotifyCounts {
  subscriptions: { pending: number; confirmed: number; unsubscribed: number };
  deliveries: { queued: number; sending: number; sent: number; failed: number; bounced: number; dropped: number };
}

/** What a message can be: a confirmation, an acknowledgement, or an event's kind. */
export const NOTIFY_MESSAGE_KINDS = [
  'confirm',
  'ack',
  'feedback.published',
  // The feedback published again once the final text is out: the changes this comment led to.
  'changes.published',
  'window.changed',
  'consultation.opened',
  'consultation.closing',
  'policy.version',
] as const;
export type NotifyMessageKind = (typeof NOTIFY_MESSAGE_KINDS)[number];

/** One message template (`GET /staff/notify-templates`, staff). */
export interface NotifyTemplateView {
  kind: NotifyMessageKind;
  locale: NotifyLocale;
  subject: string;
  body: string;
  /** The placeholders this kind may use ({title}, {decision}…). */
  placeholders: string[];
  /** The built-in text, which stands when staff have not written one (or deleted theirs). */
  builtIn: { subject: string; body: string };
  /** Staff wrote this one: when, and who. */
  custom: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** `GET /staff/notify-templates`. */
export interface NotifyTemplateList {
  items: NotifyTemplateView[];
}

/** `PUT /staff/notify-templates/:kind/:locale` body, and the preview's. */
export interface NotifyTemplateInput {
  subject: string;
  body: string;
}

/** `POST /staff/notify-templates/:kind/:locale/preview` answer: the message with sample values. */
export interface NotifyTemplatePreview {
  subject: string;
  text: string;
  html: string;
}

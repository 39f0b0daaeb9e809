// Request and response shapes of notifications, used by the comment route and the notify routes.
import { EMAIL_PATTERN, PHONE_PATTERN } from './secrets.js';
import { LOCALES } from './templates.js';

/** `notify` in a comment submission and a follow request. */
export const NotifyFields = {
  email: { type: 'string', maxLength: 254, pattern: EMAIL_PATTERN, description: 'Receives a confirmation link first.' },
  phone: { type: 'string', maxLength: 20, pattern: PHONE_PATTERN, description: 'Only where the site sends SMS.' },
  locale: { type: 'string', enum: LOCALES, default: 'zh-Hans' },
} as const;

export const NotifyCreate = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: NotifyFields,
  description: 'Tell me when the outcome is published (处理结果公布后通知我): kept apart from the comment, encrypted.',
} as const;

export const ReceiptNotify = {
  type: ['object', 'null'],
  description: 'What the commenter chose: the channel, confirmed or pending, the address masked.',
  properties: {
    channel: { type: 'string' },
    state: { type: 'string', enum: ['pending', 'confirmed', 'unsubscribed'] },
    address: { type: ['string', 'null'] },
  },
} as const;

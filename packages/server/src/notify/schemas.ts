// Request and response shapes of notifications, used by the comment route and the notify routes.
import { NOTIFY_CHANNELS } from '@gongkai/format';
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
  properties: {
    ...NotifyFields,
    acknowledge: {
      type: 'boolean',
      default: false,
      description: 'Also send an acknowledgement with the receipt, once the address is confirmed (never before).',
    },
  },
  description: 'Tell me when the outcome is published (处理结果公布后通知我): kept apart from the comment, encrypted.',
} as const;

export const ReceiptNotify = {
  type: ['object', 'null'],
  description: 'What the commenter chose: the channel, confirmed or pending, the address masked.',
  properties: {
    channel: { type: 'string' },
    state: { type: 'string', enum: ['pending', 'confirmed', 'unsubscribed'] },
    address: { type: ['string', 'null'] },
    acknowledge: { type: 'boolean', description: 'An acknowledgement with the receipt was asked for.' },
  },
} as const;

/** `notify` of a consultation's public answer: the channels this server can send by. */
export const NotifyOffer = {
  type: 'object',
  description: 'How this server can tell commenters and followers: email with --smtp, sms with an SMS gateway.',
  properties: { channels: { type: 'array', items: { type: 'string', enum: NOTIFY_CHANNELS } } },
} as const;

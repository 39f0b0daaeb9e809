// What must be right before a comment is sent; the same limits the service enforces.
import { MAX_COMMENT_CHARS } from '@gongkai/format';
import type { ConsultationMessages } from '../i18n/consultation.js';
import type { Draft } from './drafts.js';
import { addressError, type NotifyChannel } from './notify.js';

export const MAX_NAME = 100;
export const MAX_CONTACT = 200;

export type Field = 'body' | 'name' | 'contact' | 'notify' | 'consent';
export type FieldErrors = Partial<Record<Field, string>>;
type Msg = (key: keyof ConsultationMessages, params?: Record<string, string | number>) => string;

/** Characters as a reader counts them (an emoji or a rare hanzi is one, not two). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `channels`: those the site offers; a wish to be notified is checked only where one is. */
export function validateDraft(draft: Draft, msg: Msg, channels: readonly NotifyChannel[] = []): FieldErrors {
  const errors: FieldErrors = {};
  const length = charCount(draft.body);
  if (!draft.body.trim()) errors.body = msg('err_bodyRequired');
  else if (length > MAX_COMMENT_CHARS) {
    errors.body = msg('err_bodyTooLong', { max: MAX_COMMENT_CHARS, over: length - MAX_COMMENT_CHARS });
  }
  if (charCount(draft.name) > MAX_NAME) errors.name = msg('err_nameTooLong', { max: MAX_NAME });
  if (charCount(draft.contact) > MAX_CONTACT) errors.contact = msg('err_contactTooLong', { max: MAX_CONTACT });
  if (draft.notify && channels.length) {
    const channel = channels.includes(draft.notifyChannel) ? draft.notifyChannel : channels[0]!;
    const problem = addressError(channel, draft.notifyAddress, msg);
    if (problem) errors.notify = problem;
  }
  if (!draft.consent) errors.consent = msg('err_consent');
  return errors;
}

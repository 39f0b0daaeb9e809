// The text of gk-review (the staff console), a catalogue per part of the console (i18n/review/):
// it ships in the staff bundle only.

import { type AuditReviewMessages, auditReviewMessages } from './review/audit.js';
import { type CommentsReviewMessages, commentsReviewMessages } from './review/comments.js';
import { type CommonReviewMessages, commonReviewMessages } from './review/common.js';
import { type EntryReviewMessages, entryReviewMessages } from './review/entry.js';
import { type GroupsReviewMessages, groupsReviewMessages } from './review/groups.js';
import { type NotifyReviewMessages, notifyReviewMessages } from './review/notify.js';
import { type PublishReviewMessages, publishReviewMessages } from './review/publish.js';
import { type SessionReviewMessages, sessionReviewMessages } from './review/session.js';
import { type WorkflowReviewMessages, workflowReviewMessages } from './review/workflow.js';
import type { Catalogues, UiLang } from './types.js';

export type ReviewMessages = CommonReviewMessages &
  SessionReviewMessages &
  CommentsReviewMessages &
  GroupsReviewMessages &
  PublishReviewMessages &
  AuditReviewMessages &
  NotifyReviewMessages &
  WorkflowReviewMessages &
  EntryReviewMessages;

const inLang = (lang: UiLang): ReviewMessages => ({
  ...commonReviewMessages[lang],
  ...sessionReviewMessages[lang],
  ...commentsReviewMessages[lang],
  ...groupsReviewMessages[lang],
  ...publishReviewMessages[lang],
  ...auditReviewMessages[lang],
  ...notifyReviewMessages[lang],
  ...workflowReviewMessages[lang],
  ...entryReviewMessages[lang],
});

export const reviewMessages: Catalogues<ReviewMessages> = {
  'zh-Hans': inLang('zh-Hans'),
  'zh-Hant': inLang('zh-Hant'),
  en: inLang('en'),
};

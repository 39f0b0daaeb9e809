// gk-review: the 通知 tab's name (issue 20). The tab's own text is in i18n/review-notify.ts,
// loaded with it.
import type { Catalogues } from '../types.js';

const zhHans = { tabNotify: '通知' } as const;

export type NotifyReviewMessages = Record<keyof typeof zhHans, string>;

export const notifyReviewMessages: Catalogues<NotifyReviewMessages> = {
  'zh-Hans': zhHans,
  'zh-Hant': { tabNotify: '通知' },
  en: { tabNotify: 'Notifications' },
};

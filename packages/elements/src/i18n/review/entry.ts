// gk-review: the 录入意见 tab's name and the channels' names (issue 21, every channel), which the
// list and the detail show too. The tab's own text is in i18n/review-entry.ts, loaded with it.
import type { Catalogues } from '../types.js';

const zhHans = {
  tabEntry: '录入意见',
  channel: '收到方式',
  receivedAt: '收到日期',
  ch_online: '网上',
  ch_letter: '信函',
  ch_email: '电子邮件',
  ch_fax: '传真',
  ch_phone: '电话',
  ch_meeting: '座谈会',
  ch_hearing: '听证会',
  'ch_contact-point': '基层立法联系点',
} as const;

export type EntryReviewMessages = Record<keyof typeof zhHans, string>;

const zhHant: EntryReviewMessages = {
  tabEntry: '錄入意見',
  channel: '收到方式',
  receivedAt: '收到日期',
  ch_online: '網上',
  ch_letter: '信函',
  ch_email: '電子郵件',
  ch_fax: '傳真',
  ch_phone: '電話',
  ch_meeting: '座談會',
  ch_hearing: '聽證會',
  'ch_contact-point': '基層立法聯繫點',
};

const en: EntryReviewMessages = {
  tabEntry: 'Enter comments',
  channel: 'Received by',
  receivedAt: 'Date received',
  ch_online: 'online',
  ch_letter: 'letter',
  ch_email: 'e-mail',
  ch_fax: 'fax',
  ch_phone: 'telephone',
  ch_meeting: 'meeting',
  ch_hearing: 'hearing',
  'ch_contact-point': 'legislative contact point',
};

export const entryReviewMessages: Catalogues<EntryReviewMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

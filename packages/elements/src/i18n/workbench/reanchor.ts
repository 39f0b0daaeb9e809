// gk-workbench's text about notes carried over from a previous version whose place is to be
// confirmed, where the workbench says so outside the queue (the queue's own text comes with it:
// reanchor-queue.ts, loaded only then); zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  reanchorMoved: '{n} 条解读的位置有变化，请在“解读”一步确认或重新定位。',
  reanchorNotice: '{n} 条解读的位置有变化，尚待确认。',
  reanchorGoTo: '去确认',
  reanchorBadge: '位置待确认',
};

export type ReanchorWorkbenchMessages = { [K in keyof typeof zhHans]: string };

const zhHant: ReanchorWorkbenchMessages = {
  reanchorMoved: '{n} 條解讀的位置有變化，請在「解讀」一步確認或重新定位。',
  reanchorNotice: '{n} 條解讀的位置有變化，尚待確認。',
  reanchorGoTo: '去確認',
  reanchorBadge: '位置待確認',
};

const en: ReanchorWorkbenchMessages = {
  reanchorMoved: '{n} note(s) moved: confirm or re-place them in the Notes step.',
  reanchorNotice: '{n} note(s) moved and await confirmation.',
  reanchorGoTo: 'Review them',
  reanchorBadge: 'place to confirm',
};

export const reanchorWorkbenchMessages: Catalogues<ReanchorWorkbenchMessages> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

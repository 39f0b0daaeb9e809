// The text of gk-feedback's 修改说明 part (因意见修改): loaded with that part, only for feedback
// or a receipt that names changes, so the feedback chunk stays within its budget.
import type { Catalogues } from './types.js';

const zhHans = {
  heading: '修改说明',
  lead: '本文件根据公众意见修改了 {n} 处。',
  leadNone: '本文件没有根据公众意见修改的条文。',
  summary: '与征求意见稿相比，{label}修改 {modified} 条、新增 {added} 条、删除 {removed} 条',
  summaryOfWhich: '，其中 {n} 处根据公众意见修改。',
  summaryEnd: '。',
  versionLabel: '第 {version} 版',
  nameAdded: '新增{number}',
  nameRemoved: '删除原{number}',
  nameMoved: '{number}（原{from}）',
  basis: '{comments} 条意见促成此处修改',
  basisCampaigns: '{comments} 条意见促成此处修改，其中内容相近的意见 {campaigns} 组',
  reasons: '主要理由',
  reasonCount: '（{n} 条）',
  show: '查看修改前后对照',
  hide: '收起修改前后对照',
  legend: '下划线为新增文字，删除线为删除文字。',
  noText: '条文内容未改，仅调整了序号或位置。',
  ledTo: '因此修改：',
  receiptLed: '您的意见促成了以下修改（{label}）：',
  separator: '、',
  invalid: '修改说明有误，暂不显示（其余反馈不受影响）',
};
export type FeedbackChangesMessages = { [K in keyof typeof zhHans]: string };

const zhHant: FeedbackChangesMessages = {
  heading: '修改說明',
  lead: '本文件根據公眾意見修改了 {n} 處。',
  leadNone: '本文件沒有根據公眾意見修改的條文。',
  summary: '與徵求意見稿相比，{label}修改 {modified} 條、新增 {added} 條、刪除 {removed} 條',
  summaryOfWhich: '，其中 {n} 處根據公眾意見修改。',
  summaryEnd: '。',
  versionLabel: '第 {version} 版',
  nameAdded: '新增{number}',
  nameRemoved: '刪除原{number}',
  nameMoved: '{number}（原{from}）',
  basis: '{comments} 則意見促成此處修改',
  basisCampaigns: '{comments} 則意見促成此處修改，其中內容相近的意見 {campaigns} 組',
  reasons: '主要理由',
  reasonCount: '（{n} 則）',
  show: '查看修改前後對照',
  hide: '收起修改前後對照',
  legend: '底線為新增文字，刪除線為刪除文字。',
  noText: '條文內容未改，僅調整了序號或位置。',
  ledTo: '因此修改：',
  receiptLed: '您的意見促成了以下修改（{label}）：',
  separator: '、',
  invalid: '修改說明有誤，暫不顯示（其餘回饋不受影響）',
};

const en: FeedbackChangesMessages = {
  heading: 'Changes made in response to comments',
  lead: 'Changes made to this document because of public comments: {n}.',
  leadNone: 'No clause of this document was changed because of public comments.',
  summary:
    'Compared with the draft for comment, {label} modifies {modified} clauses, adds {added} and removes {removed}',
  summaryOfWhich: '; {n} of these changes were made because of public comments.',
  summaryEnd: '.',
  versionLabel: 'version {version}',
  nameAdded: 'new {number}',
  nameRemoved: '{number} removed',
  nameMoved: '{number} (was {from})',
  basis: 'Comments that led to it: {comments}',
  basisCampaigns: 'Comments that led to it: {comments}, including {campaigns} groups of near-identical letters',
  reasons: 'Main reasons',
  reasonCount: ' ({n})',
  show: 'Show before and after',
  hide: 'Hide before and after',
  legend: 'Underlined text was added, struck-through text removed.',
  noText: 'The text is unchanged; only its number or place changed.',
  ledTo: 'Led to changes in: ',
  receiptLed: 'Your comment led to these changes ({label}): ',
  separator: ', ',
  invalid: 'The explanation of changes is invalid and is not shown (the rest of the feedback is not affected)',
};

export const feedbackChangesMessages: Catalogues<FeedbackChangesMessages> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

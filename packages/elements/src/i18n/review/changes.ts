// gk-review's text for 因意见修改 (issue 19): linking an adopted comment to the changes of the
// next version. Loaded with the panel's chunk (review/change-links.ts), not with the console, so
// it is read there rather than merged into reviewMessages; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  cl_title: '因意见修改',
  cl_against: '与{label}相比，本意见促成了哪些修改？勾选后保存。',
  cl_version: '第 {version} 版',
  cl_loading: '正在读取修改之处…',
  cl_failed: '未能读取修改之处：{detail}',
  cl_none: '新版本与本意见所评的版本相比没有修改。',
  cl_suggested: '建议关联的修改',
  cl_noSuggestion: '没有找到与本意见直接相关的修改，可从本版其他修改中选择。',
  cl_why_clause: '所评条款',
  cl_why_text: '内容相近',
  cl_others: '本版其他修改（{count} 处）',
  cl_change: '{number}（{kind}）',
  cl_renumbered: '{to}（原{from}）',
  cl_group: '同一组的全部采纳意见',
  cl_groupHint: '第 {group} 组中采纳或部分采纳的意见都按此关联，替换它们原有的关联。',
  cl_save: '保存关联',
  cl_saving: '正在保存…',
  cl_saved: '已关联 {count} 条意见。',
  cl_unlinked: '已取消 {count} 条意见的关联。',
  cl_chosen: '已选 {count} 处修改',
  cl_readOnly: '您的角色（{role}）不能关联修改之处，只能查看。',
  cl_failedSave: '未能保存：{detail}',
};

export type ChangeLinkMessages = { [K in keyof typeof zhHans]: string };

const zhHant: ChangeLinkMessages = {
  cl_title: '因意見修改',
  cl_against: '與{label}相比，本意見促成了哪些修改？勾選後儲存。',
  cl_version: '第 {version} 版',
  cl_loading: '正在讀取修改之處…',
  cl_failed: '未能讀取修改之處：{detail}',
  cl_none: '新版本與本意見所評的版本相比沒有修改。',
  cl_suggested: '建議關聯的修改',
  cl_noSuggestion: '沒有找到與本意見直接相關的修改，可從本版其他修改中選擇。',
  cl_why_clause: '所評條款',
  cl_why_text: '內容相近',
  cl_others: '本版其他修改（{count} 處）',
  cl_change: '{number}（{kind}）',
  cl_renumbered: '{to}（原{from}）',
  cl_group: '同一組的全部採納意見',
  cl_groupHint: '第 {group} 組中採納或部分採納的意見都按此關聯，取代它們原有的關聯。',
  cl_save: '儲存關聯',
  cl_saving: '正在儲存…',
  cl_saved: '已關聯 {count} 條意見。',
  cl_unlinked: '已取消 {count} 條意見的關聯。',
  cl_chosen: '已選 {count} 處修改',
  cl_readOnly: '您的角色（{role}）不能關聯修改之處，只能檢視。',
  cl_failedSave: '未能儲存：{detail}',
};

const en: ChangeLinkMessages = {
  cl_title: 'Changes made because of comments',
  cl_against: 'Compared with {label}: which changes did this comment lead to? Tick them and save.',
  cl_version: 'version {version}',
  cl_loading: 'Reading the changes…',
  cl_failed: 'The changes could not be read: {detail}',
  cl_none: 'The new version has no changes against the version this comment was made on.',
  cl_suggested: 'Suggested changes',
  cl_noSuggestion: 'No change found that relates directly to this comment; choose from the other changes below.',
  cl_why_clause: 'the clause commented on',
  cl_why_text: 'similar wording',
  cl_others: 'Other changes in this version ({count})',
  cl_change: '{number} ({kind})',
  cl_renumbered: '{to} (was {from})',
  cl_group: 'Every adopted comment of the same group',
  cl_groupHint:
    'Every adopted or partly adopted comment of group {group} is linked this way, replacing what it was linked to.',
  cl_save: 'Save links',
  cl_saving: 'Saving…',
  cl_saved: 'Linked {count} comments.',
  cl_unlinked: 'Unlinked {count} comments.',
  cl_chosen: '{count} changes chosen',
  cl_readOnly: 'Your role ({role}) may not link changes; you can only read them.',
  cl_failedSave: 'Not saved: {detail}',
};

export const changeLinkMessages: Catalogues<ChangeLinkMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

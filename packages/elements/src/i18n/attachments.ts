// The comment form's attachments field (issue 21): its own text, loaded with it only on pages whose
// gk-consultation has the `attachments` attribute.
import type { Catalogues } from './types.js';

const zhHans = {
  att_label: '附件（选填）',
  att_hint:
    '可附 PDF、JPEG、PNG 或 Word（.docx）文件，最多 {files} 个，每个不超过 {mb} MB。附件只供工作人员阅看，不会公开，除非起草部门随反馈一并公布。',
  att_device:
    '提交成功前，附件保存在本设备上（与草稿一样，{days} 天后或提交成功后删除）；离线时也会保留，联网后随意见一并提交。',
  att_list: '已选附件',
  att_remove: '删除 {name}',
  att_tooBig: '“{name}”有 {size}，超过每个 {mb} MB 的上限，未添加。',
  att_wrongType: '“{name}”不是 PDF、JPEG、PNG 或 Word（.docx）文件，未添加。',
  att_tooMany: '最多只能附 {files} 个文件，“{name}”未添加。',
  att_empty: '“{name}”是空文件，未添加。',
  att_refused: '附件“{name}”未能上传：{detail}。意见已保留，请删除或更换该文件后再提交。',
  att_uploading: '正在上传附件 {done}/{total}…',
  att_receipt: '附件（{count} 个）：{names}',
  att_badConfig: 'attachments 属性应为“文件数/MB”，例如 5/10',
} as const;

export type AttachmentMessages = Record<keyof typeof zhHans, string>;

const zhHant: AttachmentMessages = {
  att_label: '附件（選填）',
  att_hint:
    '可附 PDF、JPEG、PNG 或 Word（.docx）檔案，最多 {files} 個，每個不超過 {mb} MB。附件只供工作人員閱看，不會公開，除非起草部門隨回饋一併公布。',
  att_device:
    '提交成功前，附件保存在本裝置上（與草稿一樣，{days} 天後或提交成功後刪除）；離線時也會保留，連網後隨意見一併提交。',
  att_list: '已選附件',
  att_remove: '刪除 {name}',
  att_tooBig: '「{name}」有 {size}，超過每個 {mb} MB 的上限，未加入。',
  att_wrongType: '「{name}」不是 PDF、JPEG、PNG 或 Word（.docx）檔案，未加入。',
  att_tooMany: '最多只能附 {files} 個檔案，「{name}」未加入。',
  att_empty: '「{name}」是空檔案，未加入。',
  att_refused: '附件「{name}」未能上傳：{detail}。意見已保留，請刪除或更換該檔案後再提交。',
  att_uploading: '正在上傳附件 {done}/{total}…',
  att_receipt: '附件（{count} 個）：{names}',
  att_badConfig: 'attachments 屬性應為「檔案數/MB」，例如 5/10',
};

const en: AttachmentMessages = {
  att_label: 'Attachments (optional)',
  att_hint:
    'PDF, JPEG, PNG or Word (.docx) files: up to {files}, each at most {mb} MB. Only the drafting office reads them; they are not published unless the office publishes one with the feedback.',
  att_device:
    'Until your comment is sent, the files stay on this device (like the draft: deleted after {days} days or once sent); offline, they wait and go with the comment when you are back online.',
  att_list: 'Attached files',
  att_remove: 'Remove {name}',
  att_tooBig: '"{name}" is {size}, over the limit of {mb} MB a file; not added.',
  att_wrongType: '"{name}" is not a PDF, JPEG, PNG or Word (.docx) file; not added.',
  att_tooMany: 'At most {files} files may be attached; "{name}" was not added.',
  att_empty: '"{name}" is empty; not added.',
  att_refused:
    'The attachment "{name}" could not be uploaded: {detail}. Your comment is kept: remove or replace the file and send again.',
  att_uploading: 'Uploading attachments {done}/{total}…',
  att_receipt: 'Attachments ({count}): {names}',
  att_badConfig: 'the attachments attribute is FILES/MB, e.g. 5/10',
};

export const attachmentMessages: Catalogues<AttachmentMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

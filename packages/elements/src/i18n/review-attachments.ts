// The staff console's attachments of a comment (issue 21): loaded with that view only.
import type { Catalogues } from './types.js';

const zhHans = {
  sa_title: '附件',
  sa_loading: '正在读取附件…',
  sa_failed: '未能读取附件：{detail}',
  sa_download: '下载 {name}',
  sa_downloading: '正在下载…',
  sa_publish: '随反馈公开',
  sa_published: '将随反馈公开',
  sa_private: '不公开',
  sa_scanPending: '等待病毒扫描，暂不能下载',
  sa_infected: '发现恶意代码，不予提供',
  sa_unscanned: '未经病毒扫描（本站未配置扫描）',
  sa_note: '附件只供工作人员阅看；每次下载记入审计日志。勾选“随反馈公开”的文件在反馈公布后对公众可见。',
} as const;

export type ReviewAttachmentMessages = Record<keyof typeof zhHans, string>;

const zhHant: ReviewAttachmentMessages = {
  sa_title: '附件',
  sa_loading: '正在讀取附件…',
  sa_failed: '未能讀取附件：{detail}',
  sa_download: '下載 {name}',
  sa_downloading: '正在下載…',
  sa_publish: '隨回饋公開',
  sa_published: '將隨回饋公開',
  sa_private: '不公開',
  sa_scanPending: '等待病毒掃描，暫不能下載',
  sa_infected: '發現惡意程式碼，不予提供',
  sa_unscanned: '未經病毒掃描（本站未設定掃描）',
  sa_note: '附件只供工作人員閱看；每次下載記入稽核日誌。勾選「隨回饋公開」的檔案在回饋公布後對公眾可見。',
};

const en: ReviewAttachmentMessages = {
  sa_title: 'Attachments',
  sa_loading: 'Reading the attachments…',
  sa_failed: 'The attachments could not be read: {detail}',
  sa_download: 'Download {name}',
  sa_downloading: 'Downloading…',
  sa_publish: 'Publish with the feedback',
  sa_published: 'To be published with the feedback',
  sa_private: 'Private',
  sa_scanPending: 'Awaiting the virus scan: cannot be downloaded yet',
  sa_infected: 'Malware found: not served',
  sa_unscanned: 'Not virus-scanned (no scanner configured)',
  sa_note:
    'Attachments are for staff only; every download is recorded in the audit log. A file marked "Publish with the feedback" is public once the feedback is published.',
};

export const reviewAttachmentMessages: Catalogues<ReviewAttachmentMessages> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

import type { Messages } from './zh-Hans.js';

/** Traditional Chinese UI text. */
export const zhHant: Messages = {
  loading: '正在載入…',
  loadFailed: '無法載入政策文件',
  invalidBundle: '政策文件格式有誤，請聯絡網站編輯',
  noSource: '未指定政策文件：請設定 src 屬性或 bundle 屬性',
  httpStatus: '伺服器回應 {status}',
  networkError: '網路錯誤，請檢查網路後重新整理頁面',
  notJson: '檔案不是有效的 JSON：{detail}',
  docNumber: '文號',
  issuer: '發布機構',
  indexNumber: '索引號',
  published: '發布日期',
  effective: '生效日期',
  category: '分類',
  validity: '有效性',
  status_valid: '有效',
  status_repealed: '已失效',
  status_amended: '已修訂',
  status_draft: '徵求意見稿',
  repealedNotice: '本文件已失效，僅供查閱。',
  amendedNotice: '本文件已被修訂，請以修訂後的版本為準。',
  draftNotice: '本文件為徵求意見稿，不具有正式效力。',
  seeCurrent: '查看現行版本：',
  documentMeta: '文件資訊',
  documentBody: '正文',
};

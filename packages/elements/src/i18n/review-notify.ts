// The 通知 tab's own text (issue 20): a consultation's notifications and the message templates;
// loaded with that tab only. zh-Hans is the shape the others follow.
import type { Catalogues } from './types.js';

const zhHans = {
  nt_countsTitle: '本征求意见的通知',
  nt_countsNote: '只显示数量，不显示任何地址。',
  nt_subscriptions: '订阅：待确认 {pending}，已确认 {confirmed}，已退订 {unsubscribed}',
  nt_deliveries:
    '消息：排队 {queued}，发送中 {sending}，已发送 {sent}，失败 {failed}，被拒收 {bounced}，已取消 {dropped}',
  nt_retry: '重新发送失败的消息',
  nt_retried: '已重新排队 {count} 条消息。',
  nt_title: '通知模板（全站通用）',
  nt_note:
    '修改后，之后发出的所有消息都使用新模板。正文每行为一段；某行中的占位符在某条消息里没有内容时，该行不发送。链接、退订链接和页脚由系统自动附上。',
  nt_kind: '消息类型',
  nt_lang: '语言',
  nt_subject: '主题',
  nt_body: '正文',
  nt_placeholders: '可用的占位符：{list}',
  nt_custom: '已修改：{who}，{time}',
  nt_builtIn: '正在使用内置模板',
  nt_preview: '预览',
  nt_previewTitle: '预览（示例数据）',
  nt_save: '保存模板',
  nt_saved: '模板已保存。',
  nt_reset: '恢复内置模板',
  nt_resetDone: '已恢复内置模板。',
  nt_readOnly: '您的角色不能修改模板，只能预览。',
  nt_k_confirm: '确认订阅',
  nt_k_ack: '收到意见的确认（附回执）',
  'nt_k_feedback.published': '意见处理结果公布',
  'nt_k_changes.published': '意见促成的修改公布',
  'nt_k_window.changed': '征求意见期限变更',
  'nt_k_consultation.opened': '开始征求意见',
  'nt_k_consultation.closing': '截止前提醒',
  'nt_k_policy.version': '文件新版本',
};

export type NotifyTabMessages = { [K in keyof typeof zhHans]: string };

const zhHant: NotifyTabMessages = {
  nt_countsTitle: '本徵求意見的通知',
  nt_countsNote: '只顯示數量，不顯示任何地址。',
  nt_subscriptions: '訂閱：待確認 {pending}，已確認 {confirmed}，已退訂 {unsubscribed}',
  nt_deliveries:
    '訊息：排隊 {queued}，發送中 {sending}，已發送 {sent}，失敗 {failed}，被拒收 {bounced}，已取消 {dropped}',
  nt_retry: '重新發送失敗的訊息',
  nt_retried: '已重新排隊 {count} 則訊息。',
  nt_title: '通知範本（全站通用）',
  nt_note:
    '修改後，之後發出的所有訊息都使用新範本。正文每行為一段；某行中的佔位符在某則訊息裡沒有內容時，該行不發送。連結、退訂連結和頁尾由系統自動附上。',
  nt_kind: '訊息類型',
  nt_lang: '語言',
  nt_subject: '主旨',
  nt_body: '正文',
  nt_placeholders: '可用的佔位符：{list}',
  nt_custom: '已修改：{who}，{time}',
  nt_builtIn: '正在使用內建範本',
  nt_preview: '預覽',
  nt_previewTitle: '預覽（示例資料）',
  nt_save: '儲存範本',
  nt_saved: '範本已儲存。',
  nt_reset: '恢復內建範本',
  nt_resetDone: '已恢復內建範本。',
  nt_readOnly: '您的角色不能修改範本，只能預覽。',
  nt_k_confirm: '確認訂閱',
  nt_k_ack: '收到意見的確認（附回執）',
  'nt_k_feedback.published': '意見處理結果公布',
  'nt_k_changes.published': '意見促成的修改公布',
  'nt_k_window.changed': '徵求意見期限變更',
  'nt_k_consultation.opened': '開始徵求意見',
  'nt_k_consultation.closing': '截止前提醒',
  'nt_k_policy.version': '文件新版本',
};

const en: NotifyTabMessages = {
  nt_countsTitle: 'Notifications of this consultation',
  nt_countsNote: 'Counts only: no address is shown.',
  nt_subscriptions: 'Subscriptions: {pending} to confirm, {confirmed} confirmed, {unsubscribed} unsubscribed',
  nt_deliveries:
    'Messages: {queued} queued, {sending} sending, {sent} sent, {failed} failed, {bounced} bounced, {dropped} dropped',
  nt_retry: 'Send the failed messages again',
  nt_retried: '{count} messages queued again.',
  nt_title: 'Message templates (the whole site)',
  nt_note:
    'Every message sent after saving uses the new template. Each line of the body is a paragraph; a line whose placeholder has nothing in a given message is left out. Links, the unsubscribe link and the footer are added by the system.',
  nt_kind: 'Message',
  nt_lang: 'Language',
  nt_subject: 'Subject',
  nt_body: 'Body',
  nt_placeholders: 'Placeholders: {list}',
  nt_custom: 'Changed by {who}, {time}',
  nt_builtIn: 'The built-in template is in use',
  nt_preview: 'Preview',
  nt_previewTitle: 'Preview (sample data)',
  nt_save: 'Save template',
  nt_saved: 'Template saved.',
  nt_reset: 'Back to the built-in template',
  nt_resetDone: 'The built-in template is back.',
  nt_readOnly: 'Your role cannot change templates; you can preview them.',
  nt_k_confirm: 'Confirm a subscription',
  nt_k_ack: 'Comment received (with the receipt)',
  'nt_k_feedback.published': 'Outcome published',
  'nt_k_changes.published': 'Changes a comment led to published',
  'nt_k_window.changed': 'Comment period changed',
  'nt_k_consultation.opened': 'Open for comments',
  'nt_k_consultation.closing': 'Reminder before closing',
  'nt_k_policy.version': 'New policy version',
};

export const notifyTabMessages: Catalogues<NotifyTabMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

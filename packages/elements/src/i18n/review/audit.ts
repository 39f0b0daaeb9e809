// gk-review's text for the audit log; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  // Audit
  auditTitle: '操作记录',
  auditComment: '意见编号',
  auditAll: '显示全部',
  auditEmpty: '没有操作记录。',
  auditTime: '时间',
  auditActor: '操作人',
  auditAction: '操作',
  auditChange: '变更',
  auditDecide: '审核或处理',
  auditPublish: '发布采纳情况',
  auditCreate: '创建征求意见',
  auditUpdate: '修改征求意见',
  auditVersion: '第 {version} 版',
  auditNoChange: '无变化',
};

export type AuditReviewMessages = { [K in keyof typeof zhHans]: string };

const zhHant: AuditReviewMessages = {
  auditTitle: '操作紀錄',
  auditComment: '意見編號',
  auditAll: '顯示全部',
  auditEmpty: '沒有操作紀錄。',
  auditTime: '時間',
  auditActor: '操作人',
  auditAction: '操作',
  auditChange: '變更',
  auditDecide: '審核或處理',
  auditPublish: '發布採納情況',
  auditCreate: '建立徵求意見',
  auditUpdate: '修改徵求意見',
  auditVersion: '第 {version} 版',
  auditNoChange: '無變化',
};

const en: AuditReviewMessages = {
  auditTitle: 'Audit log',
  auditComment: 'Comment no.',
  auditAll: 'Show all',
  auditEmpty: 'No entries.',
  auditTime: 'Time',
  auditActor: 'By',
  auditAction: 'Action',
  auditChange: 'Change',
  auditDecide: 'Moderation or decision',
  auditPublish: 'Feedback published',
  auditCreate: 'Consultation created',
  auditUpdate: 'Consultation changed',
  auditVersion: 'version {version}',
  auditNoChange: 'no change',
};

export const auditReviewMessages: Catalogues<AuditReviewMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

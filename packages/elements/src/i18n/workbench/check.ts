// gk-workbench's text for step 7, the self-check; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  checkIntro: '发布前检查数据是否完整、解读是否都能对应到原文、有效性和日期是否标注等。',
  checkAgain: '重新检查',
  checkRerun: '已重新检查',
  schemaOk: '数据格式没有问题。',
  problemsHeading: '需要修改的问题（{n}）',
  problemsIntro: '这些问题修改后才能保存。点“前往修改”跳到对应位置。',
  checksHeading: '发布前自检',
  checkSummary: '{fail} 项未通过，{warn} 项需注意，{pass} 项通过。',
  checkNeedsValid: '先修改上面的问题，才能进行发布前自检。',
  goThere: '前往修改',
  pathNote: '解读 {n}（{clause}）',
  pathQa: '问答 {n}：{question}',
  pathGraphic: '图解 {n}：{caption}',
  pathMeta: '文件信息',
  pathDocument: '文件正文',
  pathOther: '其他',
  junkInBody: '正文中有 {n} 段像是网页上的内容',
  plainNote: '解读 {n}',
  plainQa: '问答 {n}',
  plainGraphic: '图解 {n}',
};

export type CheckWorkbenchMessages = { [K in keyof typeof zhHans]: string };

const zhHant: CheckWorkbenchMessages = {
  checkIntro: '發布前檢查資料是否完整、解讀是否都能對應到原文、有效性和日期是否標註等。',
  checkAgain: '重新檢查',
  checkRerun: '已重新檢查',
  schemaOk: '資料格式沒有問題。',
  problemsHeading: '需要修改的問題（{n}）',
  problemsIntro: '這些問題修改後才能保存。按「前往修改」跳到對應位置。',
  checksHeading: '發布前自檢',
  checkSummary: '{fail} 項未通過，{warn} 項需注意，{pass} 項通過。',
  checkNeedsValid: '先修改上面的問題，才能進行發布前自檢。',
  goThere: '前往修改',
  pathNote: '解讀 {n}（{clause}）',
  pathQa: '問答 {n}：{question}',
  pathGraphic: '圖解 {n}：{caption}',
  pathMeta: '文件資訊',
  pathDocument: '文件正文',
  pathOther: '其他',
  junkInBody: '正文中有 {n} 段像是網頁上的內容',
  plainNote: '解讀 {n}',
  plainQa: '問答 {n}',
  plainGraphic: '圖解 {n}',
};

const en: CheckWorkbenchMessages = {
  checkIntro:
    'Before publishing: is the data complete, does every note find its place in the text, are validity and dates given?',
  checkAgain: 'Check again',
  checkRerun: 'Checked again',
  schemaOk: 'The data is well formed.',
  problemsHeading: 'Problems to fix ({n})',
  problemsIntro: 'These must be fixed before saving. “Fix this” takes you to the field.',
  checksHeading: 'Publication self-check',
  checkSummary: '{fail} failed, {warn} to look at, {pass} passed.',
  checkNeedsValid: 'Fix the problems above first; then the self-check runs.',
  goThere: 'Fix this',
  pathNote: 'Note {n} ({clause})',
  pathQa: 'Question {n}: {question}',
  pathGraphic: 'Graphic {n}: {caption}',
  pathMeta: 'Document details',
  pathDocument: 'Document text',
  pathOther: 'Other',
  junkInBody: 'The text has {n} piece(s) that look like parts of a web page',
  plainNote: 'note {n}',
  plainQa: 'Q&A {n}',
  plainGraphic: 'graphic {n}',
};

export const checkWorkbenchMessages: Catalogues<CheckWorkbenchMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

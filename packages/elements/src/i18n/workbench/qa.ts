// gk-workbench's text for step 5, the questions and answers; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  nextGraphics: '下一步：图解',
  qaIntro: '用问答回应读者最关心的问题，每个回答可以关联到条款。',
  qaList: '已写的问答',
  qaNone: '还没有问答。',
  qaAdd: '新增问答',
  qaLegend: '问答 {n}',
  qaQuestion: '问题',
  qaAnswer: '回答',
  qaClauses: '相关条款',
  qaCategory: '分类',
  qaCategoryHint: '可选，例如“申请条件”“办理流程”。',
  qaNoQuestion: '（未填写问题）',
  qaDelete: '删除这个问答',
  qaDeleted: '已删除一个问答。',
};

export type QaWorkbenchMessages = { [K in keyof typeof zhHans]: string };

const zhHant: QaWorkbenchMessages = {
  nextGraphics: '下一步：圖解',
  qaIntro: '用問答回應讀者最關心的問題，每個回答可以關聯到條款。',
  qaList: '已寫的問答',
  qaNone: '還沒有問答。',
  qaAdd: '新增問答',
  qaLegend: '問答 {n}',
  qaQuestion: '問題',
  qaAnswer: '回答',
  qaClauses: '相關條款',
  qaCategory: '分類',
  qaCategoryHint: '可選，例如「申請條件」「辦理流程」。',
  qaNoQuestion: '（未填寫問題）',
  qaDelete: '刪除這個問答',
  qaDeleted: '已刪除一個問答。',
};

const en: QaWorkbenchMessages = {
  nextGraphics: 'Next: graphics',
  qaIntro: 'Answer the questions readers ask most; each answer can be linked to clauses.',
  qaList: 'Q&A written',
  qaNone: 'No Q&A yet.',
  qaAdd: 'Add a question',
  qaLegend: 'Question {n}',
  qaQuestion: 'Question',
  qaAnswer: 'Answer',
  qaClauses: 'Related clauses',
  qaCategory: 'Category',
  qaCategoryHint: 'Optional, e.g. “Eligibility”, “How to apply”.',
  qaNoQuestion: '(no question yet)',
  qaDelete: 'Delete this question',
  qaDeleted: 'Question deleted.',
};

export const qaWorkbenchMessages: Catalogues<QaWorkbenchMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

// gk-review's text for signing in and choosing a consultation; zh-Hans is the shape the others follow.
import type { Catalogues } from '../types.js';

const zhHans = {
  // Sign-in
  signInTitle: '工作人员登录',
  tokenLabel: '访问令牌',
  tokenHint: '令牌由系统管理员发放（以 gks_ 开头）。令牌只保存在本浏览器标签页中，关闭标签页或退出登录即清除。',
  signIn: '登录',
  signingIn: '正在登录…',
  noticeExpired: '登录已失效（令牌被吊销或已过期），请重新输入令牌。您正在填写的内容已保留。',
  noticeSignedOut: '已退出登录，本标签页中的令牌已清除。',
  // Consultations
  consultationsTitle: '征求意见',
  consultationsNone: '服务器上还没有征求意见。',
  colTitle: '标题',
  colStatus: '状态',
  colWindow: '征求期',
  colReceived: '收到意见',
  colUnmoderated: '待审核',
  colUndecided: '待处理',
  listFeedbackExpected: '预计 {date} 前公布处理情况',
};

export type SessionReviewMessages = { [K in keyof typeof zhHans]: string };

const zhHant: SessionReviewMessages = {
  signInTitle: '工作人員登入',
  tokenLabel: '存取權杖',
  tokenHint: '權杖由系統管理員發放（以 gks_ 開頭）。權杖只保存在本瀏覽器分頁中，關閉分頁或登出即清除。',
  signIn: '登入',
  signingIn: '正在登入…',
  noticeExpired: '登入已失效（權杖被撤銷或已過期），請重新輸入權杖。您正在填寫的內容已保留。',
  noticeSignedOut: '已登出，本分頁中的權杖已清除。',
  consultationsTitle: '徵求意見',
  consultationsNone: '伺服器上還沒有徵求意見。',
  colTitle: '標題',
  colStatus: '狀態',
  colWindow: '徵求期',
  colReceived: '收到意見',
  colUnmoderated: '待審核',
  colUndecided: '待處理',
  listFeedbackExpected: '預計 {date} 前公布處理情況',
};

const en: SessionReviewMessages = {
  signInTitle: 'Staff sign-in',
  tokenLabel: 'Access token',
  tokenHint:
    'Your administrator issues the token (it starts with gks_). It is kept in this browser tab only and cleared when you close the tab or sign out.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  noticeExpired:
    'Your session ended (the token was revoked or expired). Enter a token again; what you were writing is kept.',
  noticeSignedOut: 'Signed out. The token was removed from this tab.',
  consultationsTitle: 'Consultations',
  consultationsNone: 'There are no consultations on the server yet.',
  colTitle: 'Title',
  colStatus: 'Status',
  colWindow: 'Window',
  colReceived: 'Comments',
  colUnmoderated: 'To moderate',
  colUndecided: 'To decide',
  listFeedbackExpected: 'outcome expected by {date}',
};

export const sessionReviewMessages: Catalogues<SessionReviewMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

// gk-follow's own text, loaded with it (the bar loads gk-follow when 关注 is pressed). The words
// it shares with the comment form's opt-in (the address fields, their errors, the confirmation)
// are in the consultation's catalogue (i18n/consultation.ts); gk-follow reads both.
import type { Catalogues } from './types.js';

const zhHans = {
  follow_titleConsultation: '关注此征求意见',
  follow_titlePolicy: '关注此政策',
  follow_hint:
    '无需注册账号：填写{what}后，我们先发送{confirm}，点击其中的链接确认后才会发送更新通知，每条都可一键退订。',
  follow_what: '关注什么',
  follow_consultation: '本次征求意见：开始、截止前 7 天和 1 天、期限变更、反馈公布',
  follow_policy: '这项政策：新版本、解读和问答、废止或失效',
  follow_submit: '提交关注',
  follow_done: '{confirm}已发往 {address}，请点击其中的链接完成关注；不确认就不会收到任何通知。',
  follow_rate: '关注请求过于频繁，请稍后再试。',
  follow_off: '本网站暂未开通通知，您可以使用下方的订阅源或日历。',
  follow_notFound: '找不到要关注的征求意见或政策（{id}）。',
  follow_failed: '未能提交：{detail}。您填写的地址还在，可以重试。',
  follow_missing: '未指定要关注的内容：请设置 endpoint 和 consultation（或 policy）属性',
  follow_feeds: '不想留地址？也可以订阅：',
  follow_atom: '更新订阅源（Atom）',
  follow_ics: '截止日期日历（ICS）',
} as const;

export type FollowMessages = Record<keyof typeof zhHans, string>;

const zhHant: FollowMessages = {
  follow_titleConsultation: '關注此徵求意見',
  follow_titlePolicy: '關注此政策',
  follow_hint:
    '無需註冊帳號：填寫{what}後，我們先發送{confirm}，點擊其中的連結確認後才會發送更新通知，每則都可一鍵退訂。',
  follow_what: '關注什麼',
  follow_consultation: '本次徵求意見：開始、截止前 7 天和 1 天、期限變更、回饋公布',
  follow_policy: '這項政策：新版本、解讀和問答、廢止或失效',
  follow_submit: '提交關注',
  follow_done: '{confirm}已寄往 {address}，請點擊其中的連結完成關注；不確認就不會收到任何通知。',
  follow_rate: '關注請求過於頻繁，請稍後再試。',
  follow_off: '本網站暫未開通通知，您可以使用下方的訂閱源或日曆。',
  follow_notFound: '找不到要關注的徵求意見或政策（{id}）。',
  follow_failed: '未能提交：{detail}。您填寫的地址還在，可以重試。',
  follow_missing: '未指定要關注的內容：請設定 endpoint 和 consultation（或 policy）屬性',
  follow_feeds: '不想留地址？也可以訂閱：',
  follow_atom: '更新訂閱源（Atom）',
  follow_ics: '截止日期日曆（ICS）',
};

const en: FollowMessages = {
  follow_titleConsultation: 'Follow this consultation',
  follow_titlePolicy: 'Follow this policy',
  follow_hint:
    'No account needed: give {what} and we first send {confirm}; updates come only once you follow its link, each with a one-click unsubscribe.',
  follow_what: 'What to follow',
  follow_consultation: 'This consultation: opening, 7 days and 1 day before closing, period changes, the outcome',
  follow_policy: 'This policy: new versions, interpretations and Q&A, repeal or expiry',
  follow_submit: 'Subscribe',
  follow_done: 'We have sent {confirm} to {address}: follow its link to finish; nothing is sent until you do.',
  follow_rate: 'Too many follow requests: please try again later.',
  follow_off: 'This site sends no notifications yet: use the feed or the calendar below.',
  follow_notFound: 'There is no consultation or policy {id} to follow.',
  follow_failed: 'Not sent: {detail}. Your address is still here; try again.',
  follow_missing: 'Nothing to follow: set the endpoint and consultation (or policy) attributes',
  follow_feeds: 'Rather leave no address? Subscribe instead:',
  follow_atom: 'Updates feed (Atom)',
  follow_ics: 'Deadlines calendar (ICS)',
};

export const followMessages: Catalogues<FollowMessages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

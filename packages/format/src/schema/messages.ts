// Bilingual texts for the rules the schema states. The schema passes the English text to
// valibot (so plain `v.safeParse` users read something sensible) and `validate` looks the
// Chinese up by it: one table, no second copy of any rule.
export const RULES = {
  date: {
    en: 'must be a date such as 2017-06-01 (or a full timestamp such as 2017-06-01T09:00:00+08:00)',
    'zh-Hans': '应为日期，格式如 2017-06-01（或完整时间，如 2017-06-01T09:00:00+08:00）',
  },
  id: {
    en: 'must be an id of letters, digits and . _ : - (such as 2.1 or q1), starting with a letter or digit, at most 128 characters',
    'zh-Hans': '应为标识：由字母、数字及 . _ : - 组成（如 2.1、q1），以字母或数字开头，最长 128 个字符',
  },
  url: {
    en: 'must be a safe link: only http(s), mailto, tel or relative links are allowed',
    'zh-Hans': '链接不安全：只允许 http(s)、mailto、tel 或相对链接',
  },
  target: {
    en: 'the target needs a clause id (clause) or a quoted passage (quote), or only pending (a placement awaiting confirmation)',
    'zh-Hans': '解读对象需要条款编号（clause）或引用原文（quote），或仅有 pending（待确认的位置）',
  },
  revisionOf: {
    en: 'revisionOf needs the id or url of the previous version',
    'zh-Hans': 'revisionOf 需要上一版本的 id 或 url',
  },
  transcript: {
    en: 'a video or interview note needs media with a transcript (media.transcript)',
    'zh-Hans': '视频或访谈解读需要提供媒体及文字实录（media.transcript）',
  },
} as const;

export type Message = { 'zh-Hans': string; en: string };

const byEnglish = new Map<string, Message>(Object.values(RULES).map((m) => [m.en, m]));

/** The bilingual message for a rule the schema states, found by its English text. */
export function ruleMessage(en: string): Message | undefined {
  return byEnglish.get(en);
}

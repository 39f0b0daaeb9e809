// Clause titles, and the lines around a document that are not clause text.

const SENT_END = /[。；;：:！!？?]/;
const WS = /\s/;
const WS_ALL = /\s+/g;
/** `总　　则`: a short heading spaced out one character at a time. */
const SPACED = /^\S(?:\s+\S)+$/u;
/** `第一条【立法目的】为了…`: a bracketed article heading. */
const BRACKETED = /^[【［[]([^】］\]]{1,30})[】］\]]/;
/** A heading run together with its body (`指导思想 全面贯彻…`) has no clause punctuation. */
const HEAD_PUNCT = /[，,、。；;：:]/;
const PAIRS: Record<string, string> = {
  '《': '》',
  '“': '”',
  '(': ')',
  '（': '）',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '【': '】',
  '[': ']',
  '<': '>',
};
const CLOSERS = new Set(Object.values(PAIRS));

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (PAIRS[ch]) depth++;
    else if (CLOSERS.has(ch)) depth--;
  }
  return depth === 0;
}

/**
 * The title of a clause from the text after its marker: a short heading (`指导思想`), the
 * heading of a heading run together with its body (`基本原则 坚持需求导向。…` → `基本原则`),
 * else the first sentence, up to the first 。；：!? (without it).
 */
export function titleOf(raw: string): string {
  const rest = raw.trim();
  if (!rest) return '';
  if (rest.length <= 16 && SPACED.test(rest)) return rest.replace(WS_ALL, '');
  const bracketed = BRACKETED.exec(rest);
  if (bracketed) return bracketed[1] as string;
  const end = rest.search(SENT_END);
  const ws = rest.search(WS);
  if (ws >= 3 && ws <= 30 && (end < 0 || ws < end)) {
    const head = rest.slice(0, ws);
    if (!HEAD_PUNCT.test(head) && balanced(head)) return head;
  }
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

const KINDS =
  '(?:通知|方案|意见|办法|规定|条例|條例|细则|細則|决定|決定|规划|規劃|计划|計劃|要点|要點|通告|公告|批复|批復|报告|報告|规则|規則|纲要|綱要|指引|指南|措施|制度|章程)';
const TITLE_LIKE = new RegExp(
  `^(?:附件\\s*[0-9０-９]*\\s*[:：]?[^。；;]{0,80}|[^。；;]{2,80}${KINDS}(?:\\s*[(（](?:征求意见稿|徵求意見稿|草案|试行|試行)[)）])?\\s*[|｜]?)$`,
);

/** A document title or an attachment line (`附件1：…`), as seen between two documents. */
export function isTitleLike(text: string): boolean {
  return TITLE_LIKE.test(text);
}

const DATE_ONLY =
  /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;
const THIS_DOC = /^[(（]此件[^)）]{0,20}[)）]$/;
const SIGNATURE =
  /^[\u4e00-\u9fff（）()、\s]{2,40}(?:政府|办公室|辦公室|办公厅|辦公廳|委员会|委員會|局|厅|廳|委|部|院|中心|公司|协会|協會|小组|小組)$/;

/** 'date' for a date line or (此件公开发布), 'signature' for an issuing body's name line, else null. */
export function trailerKind(text: string): 'date' | 'signature' | null {
  if (DATE_ONLY.test(text) || THIS_DOC.test(text)) return 'date';
  if (SIGNATURE.test(text)) return 'signature';
  return null;
}

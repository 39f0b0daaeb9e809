// Input formats → paragraph blocks, and the recognisers for page chrome.
import { type Block, htmlToBlocks } from './html.js';

export type SegmentFormat = 'text' | 'markdown' | 'html';

export interface SegmentOptions {
  /** Auto-detected when absent (see `detectFormat`). */
  format?: SegmentFormat;
}

const HTML_HINT =
  /<(?:p|div|br|span|font|table|tr|td|h[1-6]|html|body|head|section|article|strong|ul|ol|li|script|style|meta|center)\b[^<>]*>/i;
const MD_HINT = /^(?:#{1,6}[ \t]|<!--|>[ \t]|[-*+][ \t]|\*\*|```)/m;

/** `html` when the input has common HTML tags, `markdown` when it has markdown block syntax, else `text`. */
export function detectFormat(input: string): SegmentFormat {
  const head = input.length > 20000 ? input.slice(0, 20000) : input;
  if (HTML_HINT.test(head)) return 'html';
  if (MD_HINT.test(head)) return 'markdown';
  return 'text';
}

const LINE = /\r\n?|\n|\u2028|\u2029/;
const MD_HEADING = /^#{1,6}(?:[ \t]+|$)/;
const MD_CLOSING_HASHES = /[ \t]+#+[ \t]*$/;
const MD_QUOTE = /^(?:>[ \t]?)+/;
const MD_BULLET = /^[-*+][ \t]+/;
const MD_EMPHASIS = /\*\*|__/g;
// Bounded, so a line full of '[' stays linear.
const MD_IMAGE_LINK = /!?\[([^[\]\n]{0,300})\]\([^()\n]{0,500}\)/g;
const MD_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~<"'])/g;
const MD_COMMENT_LINE = /^<!--[\s\S]*?-->$/;

function markdownToBlocks(input: string): Block[] {
  const out: Block[] = [];
  let inComment = false;
  for (const raw of input.split(LINE)) {
    let line = raw.trim();
    if (inComment) {
      const close = line.indexOf('-->');
      if (close < 0) continue;
      inComment = false;
      line = line.slice(close + 3).trim();
    }
    if (!line) continue;
    if (line.startsWith('<!--')) {
      if (MD_COMMENT_LINE.test(line)) continue;
      if (line.indexOf('-->') < 0) {
        inComment = true;
        continue;
      }
    }
    if (line.startsWith('```')) continue;
    let heading = false;
    if (line.charCodeAt(0) === 35 /* # */ && MD_HEADING.test(line)) {
      heading = true;
      line = line.replace(MD_HEADING, '').replace(MD_CLOSING_HASHES, '');
    }
    if (line.charCodeAt(0) === 62 /* > */) line = line.replace(MD_QUOTE, '');
    line = line.replace(MD_BULLET, '');
    if (line.indexOf('**') >= 0 || line.indexOf('__') >= 0) line = line.replace(MD_EMPHASIS, '');
    if (line.indexOf('](') >= 0) line = line.replace(MD_IMAGE_LINK, '$1');
    if (line.indexOf('\\') >= 0) line = line.replace(MD_ESCAPE, '$1');
    line = line.trim();
    if (line) out.push({ text: line, chrome: false, heading });
  }
  return out;
}

function textToBlocks(input: string): Block[] {
  const out: Block[] = [];
  for (const raw of input.split(LINE)) {
    const text = raw.trim();
    if (text) out.push({ text, chrome: false, heading: false });
  }
  return out;
}

// Page chrome: navigation, print/close links, share widgets, footers, metadata rows, pipes.
const CHROME_PUNCT = /^[\s|｜\-—_=*·•>»＞<«＜#~]+$/;
const CHROME_TEXT = new RegExp(
  '^(?:【[^】]{1,12}】(?:\\s*【[^】]{1,12}】)*$' +
    '|(?:扫一扫|掃一掃|分享到|当前位置|當前位置|您当前的?位置|您的位置|请稍候|請稍候|打印本页|列印本頁|关闭窗口|關閉窗口|' +
    '上一篇|下一篇|相关链接|相關連結|相关文件[:：]|责任编辑|責任編輯|浏览次数|瀏覽次數|访问次数|点击数|阅读次数|字号[:：]|' +
    '版权所有|版權所有|主办单位[:：]|主办[:：]|主辦[:：]|承办单位?[:：]|网站标识码|网站地图|联系我们|首页\\s*[>＞»]|' +
    '(?:索\\s*引\\s*[号號]|发布机构|發布機構|发文机关|發文機關|发布日期|發布日期|成文日期|信息分类|資訊分類|主题分类|' +
    '有\\s*效\\s*性|时\\s*效\\s*性|時\\s*效\\s*性)\\s*[:：]))' +
    '|ICP备',
);
// What a page puts only after its document (print/close/纠错 links, 责任编辑：, share and QR
// prompts, 备案号), within its last 200 characters: at the start of a paragraph, or after a
// space or sentence end; never inside a sentence (`下载、打印本页所列表格` is text).
const PAGE_END =
  /(^|[\s。；;！!？?】|｜])(?=[\s\S]{0,200}$)(?:[【[［](?:打印|关闭)[】\]］]|[【[［]?\s*(?:打印本页|列印本頁|关闭窗口|關閉窗口|我要纠错)|(?:上一篇|下一篇|责任编辑|責任編輯|分享到)\s*[:：]|(?:扫一扫|掃一掃)\s*在手|\S{0,3}ICP备\s*\d)/;

/**
 * Where the page's own text starts in a paragraph (0: all of it), or -1. It ends the
 * document: no text after it belongs to the last clause.
 */
export function pageEnd(text: string): number {
  const m = PAGE_END.exec(text);
  return m ? m.index + (m[1] as string).length : -1;
}

/** Whether a whole paragraph is page chrome rather than document text. */
export function isChrome(text: string): boolean {
  if (CHROME_PUNCT.test(text)) return true;
  return text.length <= 200 && CHROME_TEXT.test(text);
}

/** The paragraph blocks of an input, with chrome flagged. */
export function toBlocks(input: string, options?: SegmentOptions): Block[] {
  const format = options?.format ?? detectFormat(input);
  const blocks =
    format === 'html' ? htmlToBlocks(input) : format === 'markdown' ? markdownToBlocks(input) : textToBlocks(input);
  for (const b of blocks) if (!b.chrome && isChrome(b.text)) b.chrome = true;
  return blocks;
}

/**
 * The paragraphs that `segment` works on, in order: one per non-blank line of text or
 * markdown (markdown syntax removed), one per HTML block (tags, scripts and styles removed,
 * entities decoded, items of an outermost `<ol>` numbered `1. ` unless written with a
 * number). Each is trimmed. Chrome paragraphs are included.
 */
export function toParagraphs(input: string, options?: SegmentOptions): string[] {
  return toBlocks(input, options).map((b) => b.text);
}

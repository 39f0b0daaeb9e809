// Page junk: what a CMS page wraps around a document (当前位置 : 首页 >> …, the title again, 日期:…,
// 分享到, 请稍候...) and what a copy of the page brings along into the text. The segmenter's
// `isChrome` already knows most of it; this adds what only makes sense for a whole pasted page
// (the title repeated, a bare date line at the top) and says what each paragraph is, so a
// drafter can be told in words before it is removed.
import { isChrome } from '../segment/index.js';

export type PageJunkKind =
  /** 当前位置 : 首页 >> … */
  | 'breadcrumb'
  /** The document's title again, as the page's heading. */
  | 'title'
  /** 日期:2017/4/28, 来源：…, 浏览次数：…, 索引号：… */
  | 'page-info'
  /** 分享到, 扫一扫 */
  | 'share'
  /** 请稍候..., 加载中 */
  | 'loading'
  /** 【打印本页】【关闭窗口】, 字号：大 中 小 */
  | 'page-tools'
  /** 上一篇, 下一篇, 相关链接 */
  | 'links'
  /** 版权所有, 主办单位, ICP备, 网站地图 */
  | 'footer'
  /** A line of separators or anything else the segmenter takes for page chrome. */
  | 'other';

export interface PageJunk {
  /** Index of the paragraph in the list given. */
  index: number;
  text: string;
  kind: PageJunkKind;
}

const KINDS: [PageJunkKind, RegExp][] = [
  ['breadcrumb', /^(?:当前位置|當前位置|您当前的?位置|您的位置|您現在的位置|您现在的位置|所在位置|首页\s*[>＞»])/],
  ['share', /^(?:分享到|分享至|扫一扫|掃一掃)/],
  ['loading', /^(?:请稍候|請稍候|加载中|載入中|正在加载)/],
  ['links', /^(?:上一篇|下一篇|相关链接|相關連結|相关文件[:：])/],
  ['footer', /^(?:版权所有|版權所有|主办单位|主办[:：]|主辦[:：]|承办单位?[:：]|网站标识码|网站地图|联系我们)|ICP备/],
  ['page-tools', /^(?:【|打印本页|列印本頁|关闭窗口|關閉窗口|字号[:：])/],
];

// A short labelled line at the top of a page: 日期:2017/4/28, 发布时间：… 来源：… 浏览次数：…
const PAGE_INFO =
  /^(?:日期|时间|時間|发布时间|發布時間|发布日期|發布日期|更新时间|更新日期|来源|來源|作者|浏览次数|瀏覽次數|点击数|阅读次数|访问次数|责任编辑|責任編輯|索\s*引\s*[号號]|发布机构|發布機構|发文机关|發文機關|成文日期|信息分类|主题分类|有\s*效\s*性|时\s*效\s*性)\s*[:：]/;
/** Page-info lines are only looked for among the first paragraphs, where the page puts them. */
const HEAD = 8;
const MAX_INFO = 80;

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * The paragraphs of a pasted page that are not the document: page navigation, page tools,
 * the title repeated (when `title` is given: every paragraph equal to it), page-info lines at
 * the top. Paragraphs are as `toParagraphs` gives them (one per line or HTML block).
 */
export function findPageJunk(paragraphs: readonly string[], options: { title?: string } = {}): PageJunk[] {
  const title = options.title ? squash(options.title) : '';
  const out: PageJunk[] = [];
  paragraphs.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) return;
    if (title && squash(text) === title) {
      out.push({ index, text, kind: 'title' });
      return;
    }
    const chrome = isChrome(text);
    const info = index < HEAD && text.length <= MAX_INFO && PAGE_INFO.test(text);
    if (!chrome && !info) return;
    const kind = KINDS.find(([, re]) => re.test(text))?.[0] ?? (PAGE_INFO.test(text) ? 'page-info' : 'other');
    out.push({ index, text, kind });
  });
  return out;
}

/** The paragraphs without the junk found by `findPageJunk`. */
export function withoutPageJunk(paragraphs: readonly string[], junk: readonly PageJunk[]): string[] {
  const drop = new Set(junk.map((j) => j.index));
  return paragraphs.filter((_, i) => !drop.has(i));
}

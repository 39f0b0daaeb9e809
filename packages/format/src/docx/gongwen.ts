// The layout of a 公文 (GB/T 9704-2012) read from a Word document's blocks: 发文机关标志,
// 发文字号, 标题 (centred, often over two lines), 主送机关, then the body and the 落款 — the
// issuer's name above the 成文日期. These are the meta a drafter expects to see filled in.
// The text-based detection (`extractMeta`) still runs after this for everything else.
import { toIsoDate } from '../segment/meta.js';
import { matchMarker } from '../segment/numbering.js';
import type { DocxBlock } from './markdown.js';

export interface GongwenMeta {
  docNumber?: string;
  title?: string;
  issuer?: string;
  /** 成文日期, ISO. */
  published?: string;
  /** 主送机关 (the bundle has no field for it: said in the notes). */
  addressee?: string;
}

const DOC_NUMBER =
  /^([\u4e00-\u9fffA-Za-z]{1,20}\s*[〔[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*[号號])(?:\s|签发人|$)/;
const CN = '〇○零一二三四五六七八九十';
const DATE_LINE = new RegExp(`^([\\d${CN}]{4})年([\\d${CN}]{1,3})月([\\d${CN}]{1,3})日$`);
/** The name of an office: ends like one, no sentence punctuation. */
const ORG =
  /(?:政府|办公室|辦公室|办公厅|辦公廳|委员会|委員會|人大常委会|局|厅|廳|委|部|院|署|中心|办|辦|会|會|党组|党委|公司|集团)$/;
const SENTENCE = /[。，；：:;,！？!?、]/;
/** 份号, 密级, 紧急程度: the lines above the 发文机关标志. */
const TOP_MARKS = /^(?:\d{6}|[绝机秘]密(?:★.*)?|(?:特急|加急|特提|平急)|(?:绝密|机密|秘密)\S*)$/;

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => {
    const i = '〇一二三四五六七八九'.indexOf(c === '○' || c === '零' ? '〇' : c);
    return i < 0 ? Number.NaN : i;
  };
  const ten = s.indexOf('十');
  if (ten < 0) return Number([...s].map(digit).join(''));
  const tens = ten === 0 ? 1 : digit(s.slice(0, ten));
  const ones = ten === s.length - 1 ? 0 : digit(s.slice(ten + 1));
  return tens * 10 + ones;
}

/** `2024年1月5日` or `二〇二四年一月五日` → `2024-01-05`. */
export function dateOf(text: string): string | undefined {
  const m = DATE_LINE.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  const [y, mo, d] = [m[1], m[2], m[3]].map((x) => cnNumber(x as string));
  if (![y, mo, d].every((x) => Number.isFinite(x))) return undefined;
  // A day the calendar has (2月30日 is a typo, not a date to publish under).
  const day = new Date(Date.UTC(y as number, (mo as number) - 1, d as number));
  if (day.getUTCMonth() !== (mo as number) - 1 || day.getUTCDate() !== d) return undefined;
  return toIsoDate(`${y}年${mo}月${d}日`);
}

const isIssuerLine = (b: DocxBlock | undefined): b is DocxBlock =>
  !!b &&
  b.kind === 'paragraph' &&
  b.text.length >= 2 &&
  b.text.length <= 40 &&
  !SENTENCE.test(b.text) &&
  !/^附件|^抄送|^印发/.test(b.text) &&
  (ORG.test(b.text.replace(/\s+/g, '')) || b.align === 'right');

const plain = (b: DocxBlock) => b.kind === 'paragraph' || b.kind === 'heading';

/** What the layout says; only what is found. */
export function readGongwen(blocks: readonly DocxBlock[]): GongwenMeta {
  const meta: GongwenMeta = {};
  const texts = blocks.map((b) => b.text.replace(/\s+/g, ' ').trim());
  // The head: 份号/密级 and the 发文机关标志 (…文件), then the 文号.
  let i = 0;
  let banner: string | undefined;
  while (i < blocks.length && i < 6 && plain(blocks[i] as DocxBlock)) {
    const t = texts[i] as string;
    if (TOP_MARKS.test(t.replace(/\s+/g, ''))) i++;
    else if (/^\S{2,40}文件$/.test(t.replace(/\s+/g, '')) && !DOC_NUMBER.test(t)) {
      banner = t.replace(/\s+/g, '').replace(/文件$/, '');
      i++;
    } else break;
  }
  const doc = DOC_NUMBER.exec(texts[i] ?? '');
  if (doc) {
    meta.docNumber = (doc[1] as string).replace(/\s+/g, '');
    i++;
  }
  // The title: centred lines (or headings) before the first ordinary paragraph.
  const title: string[] = [];
  let j = i;
  while (
    j < blocks.length &&
    plain(blocks[j] as DocxBlock) &&
    ((blocks[j] as DocxBlock).align === 'center' || (blocks[j] as DocxBlock).kind === 'heading') &&
    (texts[j] as string).length <= 60 &&
    !/[。；]$/.test(texts[j] as string) &&
    // A numbered heading (第一章　总则) starts the body.
    !matchMarker(texts[j] as string, 0)
  ) {
    title.push(texts[j] as string);
    j++;
  }
  // Without alignment, the lines before a 主送机关 line close by are the title.
  const addresseeAt = (from: number) =>
    from < blocks.length &&
    (blocks[from] as DocxBlock).kind === 'paragraph' &&
    /[：:]$/.test(texts[from] as string) &&
    (texts[from] as string).length <= 120 &&
    !/^附件/.test(texts[from] as string);
  if (title.length === 0 && (doc || banner)) {
    for (let k = i + 1; k <= i + 3 && k < blocks.length; k++) {
      if (addresseeAt(k)) {
        title.push(...texts.slice(i, k));
        j = k;
        break;
      }
    }
  }
  if (title.length) meta.title = title.join('');
  if (addresseeAt(j)) meta.addressee = (texts[j] as string).replace(/[：:]$/, '');
  // The 落款: the issuer's name right above a date on a line of its own (a seal image may sit
  // between); the first such pair after the title, as attachments follow it.
  for (let k = Math.max(j, 1); k < blocks.length; k++) {
    const block = blocks[k] as DocxBlock;
    if (block.kind !== 'paragraph') continue;
    const same = /^(.{2,40}?)\s+(\S{8,14}日)$/.exec(texts[k] as string);
    const date = dateOf(texts[k] as string) ?? (same ? dateOf(same[2] as string) : undefined);
    if (!date) continue;
    if (same && ORG.test(same[1] as string)) {
      meta.issuer = same[1] as string;
      meta.published = date;
      break;
    }
    let p = k - 1;
    while (p > 0 && (blocks[p] as DocxBlock).kind === 'paragraph' && !texts[p] && blocks[p]?.images.length) p--;
    const names: string[] = [];
    while (p >= j && isIssuerLine(blocks[p]) && names.length < 4) {
      names.unshift(texts[p] as string);
      p--;
      // Several issuers (联合行文) stand one above the other, each like an office's name.
      if (!ORG.test((texts[p] ?? '').replace(/\s+/g, ''))) break;
    }
    if (names.length) {
      meta.issuer = names.join('、');
      meta.published = date;
      break;
    }
  }
  if (!meta.issuer && banner) meta.issuer = banner;
  return meta;
}

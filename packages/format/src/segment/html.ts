// A small, linear HTML-to-paragraphs converter (no DOM): what a CMS page shows, as text blocks.
import { matchMarker } from './numbering.js';

export interface Block {
  text: string;
  /** Inside <nav>/<header>/<footer>/<aside>, or recognised page chrome. */
  chrome: boolean;
  /** An <h1>–<h6> or a markdown `#` heading. */
  heading: boolean;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  bull: '•',
  emsp: '\u2003',
  ensp: '\u2002',
  thinsp: '\u2009',
  ideographicspace: '\u3000',
  zwj: '',
  zwnj: '',
  shy: '',
  times: '×',
  divide: '÷',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  yen: '¥',
  sect: '§',
  permil: '‰',
  le: '≤',
  ge: '≥',
  ne: '≠',
  minus: '−',
  rarr: '→',
  larr: '←',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

function fromCode(code: number): string {
  if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return code === 0xa0 ? ' ' : String.fromCodePoint(code);
}

/** Decodes character references; unknown named ones are kept as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (all, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCode(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCode(Number.parseInt(hex, 16));
    const v = ENTITIES[(name as string).toLowerCase()];
    return v ?? all;
  });
}

// A tag: quoted values may contain '>'. No part may contain '<', so a failed attempt stops at
// the next '<' and the whole scan stays linear.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/y;
const WS = /[ \t\n\r\f\v]+/g;
const LINE_BREAKS = /[\n\r\u2028\u2029]+/g;
const BLOCK = new Set(
  (
    'p div br hr li ul ol dl dt dd tr table tbody thead tfoot caption section article main blockquote pre ' +
    'address figure figcaption form fieldset legend center details summary option body html header footer nav aside'
  ).split(' '),
);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const OL_START = /\sstart\s*=\s*["']?(\d{1,3})/i;
/** Elements whose content is never text of the page. */
const SKIP = ['script', 'style', 'noscript', 'template', 'head', 'title', 'textarea', 'iframe', 'object', 'svg'];
const SKIP_END: Record<string, RegExp> = {};
for (const name of SKIP) SKIP_END[name] = new RegExp(`</${name}\\s*>`, 'gi');

/** Paragraph blocks of an HTML fragment or page. Never throws. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let buf: string[] = [];
  let chromeDepth = 0;
  let headingDepth = 0;
  // Open lists ('o' or 'u'); an item of an outermost <ol> without a written number gets the
  // number the page shows (`1. `), so a list of articles is clauses.
  let lists = '';
  let next = 1;
  let item = '';
  const flush = () => {
    if (buf.length === 0) return;
    // Entities may decode to line breaks; a block is one paragraph.
    let text = buf.join('').replace(LINE_BREAKS, ' ').trim();
    buf = [];
    if (!text) return;
    if (item && !matchMarker(text, 0)) text = item + text;
    item = '';
    blocks.push({ text, chrome: chromeDepth > 0, heading: headingDepth > 0 });
  };
  const addText = (raw: string) => {
    if (raw) buf.push(decodeEntities(raw.replace(WS, ' ')));
  };
  // Raw-text elements known to have no closing tag after some point: never search again.
  const unclosed = new Set<string>();
  let i = 0;
  const len = html.length;
  while (i < len) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(html.slice(i));
      break;
    }
    addText(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? len : close + 3;
      continue;
    }
    const c1 = html.charCodeAt(i + 1);
    if (c1 === 33 || c1 === 63) {
      // <!DOCTYPE …>, <?xml …?>
      const close = html.indexOf('>', i);
      i = close < 0 ? len : close + 1;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (!m) {
      // A '<' that starts no tag (`<关于…>` in sloppy pages) is text.
      buf.push('<');
      i++;
      continue;
    }
    i = TAG.lastIndex;
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    const skipEnd = closing ? undefined : SKIP_END[name];
    if (skipEnd && !m[0].endsWith('/>') && !unclosed.has(name)) {
      skipEnd.lastIndex = i;
      // An unclosed <head> is just ignored; other unclosed raw-text elements run to the end.
      if (skipEnd.exec(html)) i = skipEnd.lastIndex;
      else if (name !== 'head') i = len;
      else unclosed.add(name);
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (!closing) buf.push(' ');
    } else if (HEADINGS.has(name)) {
      flush();
      headingDepth = Math.max(0, headingDepth + (closing ? -1 : 1));
    } else if (BLOCK.has(name)) {
      flush();
      if (CHROME_TAGS.has(name)) chromeDepth = Math.max(0, chromeDepth + (closing ? -1 : 1));
      else if (name === 'ol' || name === 'ul') {
        if (closing) lists = lists.slice(0, -1);
        else {
          if (!lists.includes('o')) next = Number(OL_START.exec(m[0])?.[1] ?? 1);
          lists += name[0];
        }
      } else if (name === 'li') item = !closing && /^u*o$/.test(lists) ? `${next++}. ` : '';
    }
  }
  flush();
  return blocks;
}

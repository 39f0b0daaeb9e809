// When gk-document enhances an article that stays in the page's light DOM, our styles must
// reach it: the highlight of the clause being read, the reader's text size and contrast, and
// a readable minimum against the page's global CSS (`* { font-size: 12px !important }`), and
// space between paragraphs (a CMS's `* { margin: 0 }` runs its clauses together).
// One constructable stylesheet adopted by the document: not a <style> element, so a strict
// CSP allows it.
import { TEXT_SIZES } from './reader-prefs.js';

const sheets = new WeakMap<Document, CSSStyleSheet>();
const TEXT = ':is(p, li, td, th, dd, dt, div, span, font, blockquote, h1, h2, h3, h4, h5, h6, a, b, strong, em)';

const scales = TEXT_SIZES.map(
  (scale, i) => `[data-gk-article][data-gk-scale='${i}'] { font-size: ${16 * scale}px !important; }`,
);

const css = `
  [data-gk-article] { font-size: 16px !important; line-height: 1.75 !important; color: var(--gk-color-text, #1f2328) !important; }
  ${scales.join('\n')}
  [data-gk-article] ${TEXT} { font-size: max(1em, 16px) !important; line-height: inherit !important; color: inherit !important; }
  [data-gk-article] a { color: var(--gk-color-link, #0b57d0) !important; }
  [data-gk-article][data-gk-contrast] { color: #000 !important; background: #fff !important; }
  [data-gk-article][data-gk-contrast] a { color: #0000c8 !important; text-decoration: underline !important; }
  [data-gk-article] p { margin-block: 0 1em; }
  [data-gk-current] { background: var(--gk-color-current, #fff4ce); box-shadow: -0.5em 0 0 var(--gk-color-current, #fff4ce), calc(-0.5em - 4px) 0 0 var(--gk-color-focus, #c2410c); }
  [data-gk-flash] { outline: 3px solid var(--gk-color-focus, #c2410c); outline-offset: 2px; }
  @media print { [data-gk-current] { background: none; box-shadow: none; } }
`;

export function adoptPageStyles(doc: Document): void {
  if (sheets.has(doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  sheets.set(doc, sheet);
}

/** Marks an enhanced article and keeps its reader settings in step with the element's. */
export function markArticle(article: Element, prefs: { textSize: number; contrast: boolean }): void {
  article.setAttribute('data-gk-article', '');
  article.setAttribute('data-gk-scale', String(prefs.textSize));
  article.toggleAttribute('data-gk-contrast', prefs.contrast);
}

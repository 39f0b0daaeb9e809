// When gk-document enhances an article that stays in the page's light DOM, the highlight of
// the clause being read must reach it: one constructable stylesheet adopted by the document
// (not a <style> element, so a strict CSP allows it).
const sheets = new WeakMap<Document, CSSStyleSheet>();

export function adoptPageStyles(doc: Document): void {
  if (sheets.has(doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    [data-gk-current] { background: var(--gk-color-current, #fff4ce); box-shadow: -0.5em 0 0 var(--gk-color-current, #fff4ce); }
    [data-gk-flash] { outline: 3px solid var(--gk-color-focus, #c2410c); outline-offset: 2px; }
    @media print { [data-gk-current] { background: none; box-shadow: none; } }
  `);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  sheets.set(doc, sheet);
}

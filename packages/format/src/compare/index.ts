export { compareTexts, GAP_MIN_SIMILARITY } from './compare.js';
export { comparisonHtml, type RedlineOptions } from './html.js';
export { applyOps, diffText } from './ops.js';
export { type CompareInput, clausesOf, comparisonUnits } from './units.js';

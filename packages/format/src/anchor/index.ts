export { type AnchorBundle, anchor } from './anchor.js';
export { type AnchorIndex, createAnchorIndex } from './haystack.js';
export { FUZZY_FLOOR, FUZZY_MIN_CHARS, FUZZY_MIN_SCORE, locate } from './locate.js';
export { anchorOnNamedClauses } from './named.js';
export * from './types.js';

// The anchoring chunk: places interpretation notes on clauses. Loaded only on pages with notes.
export { anchor } from '@gongkai/format';

// Near-duplicate groups for campaign-style comments, all in memory: the browser tests' stand-in
// for the server uses it; the server itself groups incrementally with the same functions
// (src/grouping.ts). Pure (no Node modules).
import { groupsOf } from './minhash.js';

/** Groups of comment ids (two or more each), each keyed by its smallest id. */
export const nearDuplicates = groupsOf;

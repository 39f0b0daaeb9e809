// The CPU-bound work on comments, as pure functions a worker thread runs (lib/cpu-worker.ts):
// grouping signatures and search keys, and the masking of what is published.
import { maskText, publicName } from './mask.js';
import { searchKeys, signature } from './minhash.js';

export interface MaskInput {
  body: string;
  name: string | null;
  submitterType: string;
}

export const cpuTasks = {
  /** Signatures and search keys of comments, for grouping and the staff search. */
  sign: (bodies: string[]) => bodies.map((b) => ({ sig: Array.from(signature(b)), search: searchKeys(b) })),
  /** Search keys alone, of comments publishing finds not grouped yet. */
  keys: (bodies: string[]) => bodies.map(searchKeys),
  /** Comments as published: text and name masked (found by their comment's search keys). */
  mask: (rows: MaskInput[]) => rows.map((r) => ({ body: maskText(r.body), name: publicName(r.submitterType, r.name) })),
};

export type CpuTask = keyof typeof cpuTasks;

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
  /** Comments as published: text and name masked, and the search keys of the masked text. */
  mask: (rows: MaskInput[]) =>
    rows.map((r) => {
      const body = maskText(r.body);
      return { body, name: publicName(r.submitterType, r.name), search: searchKeys(body) };
    }),
};

export type CpuTask = keyof typeof cpuTasks;

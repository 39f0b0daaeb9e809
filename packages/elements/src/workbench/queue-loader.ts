// The queue of notes whose place changed with a revision, with its text in three languages, is
// loaded only when such notes exist (after a revision): not part of the staff console's first
// download. Once loaded it is kept, so the notes step renders it at once from then on.
import { once } from '../internal/once.js';

type QueueModule = typeof import('./reanchor-queue.js');
let loaded: QueueModule | null = null;

export const loadQueue = once(
  (): Promise<QueueModule> =>
    import('./reanchor-queue.js').then((m) => {
      loaded = m;
      return m;
    }),
);

/** The queue's module when it has been loaded, else null (then call loadQueue). */
export function queueModule(): QueueModule | null {
  return loaded;
}

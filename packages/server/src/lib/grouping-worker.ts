// Runs in a worker thread: the near-duplicate comparison is CPU-bound and would otherwise hold
// the event loop (and /healthz) for seconds.
import { parentPort } from 'node:worker_threads';
import { nearDuplicates } from './groups.js';

parentPort!.once('message', (comments: { id: number; body: string }[]) => {
  parentPort!.postMessage([...nearDuplicates(comments)]);
});

// Runs in a worker thread: signatures and search keys of a batch of comments (CPU-bound, linear
// in their text), so that the event loop (and /healthz) never waits on them.
import { parentPort } from 'node:worker_threads';
import { searchKeys, signature } from './minhash.js';

parentPort!.once('message', (bodies: string[]) => {
  parentPort!.postMessage(bodies.map((b) => ({ sig: Array.from(signature(b)), search: searchKeys(b) })));
});

// Runs in a worker thread: signatures of a batch of comments (CPU-bound, linear in their text),
// so that the event loop (and /healthz) never waits on them.
import { parentPort } from 'node:worker_threads';
import { signature } from './minhash.js';

parentPort!.once('message', (bodies: string[]) => {
  parentPort!.postMessage(bodies.map((b) => Array.from(signature(b))));
});

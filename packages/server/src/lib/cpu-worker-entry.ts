// The worker thread's side of lib/cpu-worker.ts: runs the tasks it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { type CpuTask, cpuTasks } from './cpu-tasks.js';

parentPort!.on('message', ({ id, task, input }: { id: number; task: CpuTask; input: never }) => {
  try {
    parentPort!.postMessage({ id, output: cpuTasks[task](input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: String((error as Error)?.message ?? error) });
  }
});

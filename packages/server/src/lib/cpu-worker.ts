// A worker thread for the CPU-bound work on many comments (lib/cpu-tasks.ts), so that the event
// loop, and /healthz with it, never waits on grouping or masking. One per job or publication,
// closed when it is done. From source (tests, `tsx`) the worker registers tsx first; built, it
// loads the compiled file.
import { Worker } from 'node:worker_threads';
import type { CpuTask, cpuTasks } from './cpu-tasks.js';

type Tasks = typeof cpuTasks;

export class CpuWorker {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor() {
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = new URL(`./cpu-worker-entry.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
    const code = fromSource
      ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => t.register()).then(() => import(${JSON.stringify(entry)}))`
      : `import(${JSON.stringify(entry)})`;
    this.worker = new Worker(code, { eval: true });
    this.worker.on('message', ({ id, output, error }: { id: number; output?: unknown; error?: string }) => {
      const w = this.waiting.get(id);
      this.waiting.delete(id);
      if (error !== undefined) w?.reject(new Error(error));
      else w?.resolve(output);
    });
    const fail = (error: Error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`worker thread exited with ${code}`)));
  }

  run<T extends CpuTask>(task: T, input: Parameters<Tasks[T]>[0]): Promise<ReturnType<Tasks[T]>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, task, input });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The loop of a worker that polls the database (the job runner, the notification deliverer): it
 * runs `tick` again at once while there was work or someone called wake() during it, else after
 * `pollMs`; after a failure (the database may be away) after five times that, never crashing
 * the server. One tick at a time; stop() waits for the one under way.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopped = true;
  private ticking = false;
  /** Woken during a tick: look again at once when it ends. */
  private woken = false;

  constructor(
    private readonly tick: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts polling after `delayMs`; `before` (e.g. releasing a dead process's leases) is awaited by stop(). */
  start(delayMs: number, before?: Promise<unknown>): void {
    this.stopped = false;
    this.current = before ?? null;
    this.schedule(delayMs);
  }

  /** Stops polling and waits for the tick under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  /** Work was just queued: look for it now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.woken = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = true;
      this.woken = false;
      this.current = this.tick()
        .then((worked) => {
          this.ticking = false;
          this.schedule(worked || this.woken ? 0 : this.pollMs);
        })
        .catch((error) => {
          this.ticking = false;
          this.onError(error);
          this.schedule(this.pollMs * 5);
        });
    }, ms);
    this.timer.unref();
  }
}

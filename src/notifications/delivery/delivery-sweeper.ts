import type { DeliveryKey, DeliveryStore } from './delivery-store.port';

/**
 * Finds keys with a due notification and a free lease and enqueues a delivery job for each: what a crash,
 * a restart or a lost retry job left behind. Runs once at start, then every interval, on every replica
 * (duplicate jobs are harmless: the lease lets one deliver, the others find nothing to do).
 */
export class DeliverySweeper {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly store: Pick<DeliveryStore, 'dueKeys'>,
    private readonly enqueue: (keys: DeliveryKey[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly batch = 500,
  ) {}

  start(onError: (e: unknown) => void = () => undefined): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.running = this.sweep().then(
        () => undefined,
        (e: unknown) => onError(e),
      ).then(() => {
        if (this.stopped) return;
        this.timer = setTimeout(tick, this.intervalMs);
        this.timer.unref();
      });
    };
    tick();
  }

  /** Stops the timer and waits for a sweep in progress, so nothing writes after shutdown. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async sweep(): Promise<number> {
    const keys = await this.store.dueKeys(this.batch);
    await this.enqueue(keys);
    return keys.length;
  }
}

import type PgBoss from 'pg-boss';

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

/**
 * Up to `concurrency` jobs of one queue at once behind ONE poller. It fetches as many jobs as slots are
 * free, fetches again whenever a job ends (more may wait), and polls once per interval only while it finds
 * nothing. pg-boss 10 has no local concurrency for a worker: N workers poll N times per interval when idle.
 * A job that throws is failed, so pg-boss retries it per its retry options; one that returns is completed.
 */
export class JobPool<T> {
  private readonly active = new Set<Promise<void>>();
  private stopping = false;
  private wake: () => void = () => undefined;
  private loopDone?: Promise<void>;

  constructor(private readonly o: { boss: PgBoss; name: string; handler: JobHandler<T>; concurrency: number; intervalMs: number; onError(e: unknown): void }) {}

  start(): void {
    this.loopDone = this.loop();
  }

  /** Stops fetching; resolves when the jobs in flight have ended or `graceMs` has passed (pg-boss retries those after they expire). */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    await Promise.race([Promise.allSettled([...this.active]), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const free = this.o.concurrency - this.active.size;
      let found = 0;
      if (free > 0) {
        try {
          const jobs = await this.o.boss.fetch<T>(this.o.name, { batchSize: free, includeMetadata: true });
          found = jobs.length;
          for (const j of jobs) this.run(j);
        } catch (e) {
          this.o.onError(e);
        }
      }
      if (this.stopping) break;
      // A full batch means more may wait: go again once a slot is free; an empty one waits for the next poll.
      if (found > 0 && found === free && this.active.size < this.o.concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, free > 0 && found < free ? this.o.intervalMs : 60_000);
        timer.unref();
        this.wake = () => { clearTimeout(timer); resolve(); };
      });
    }
  }

  private run(j: PgBoss.JobWithMetadata<T>): void {
    const p: Promise<void> = this.o.handler(j.data, { id: j.id, retryCount: j.retryCount })
      .then(() => this.o.boss.complete(this.o.name, j.id), (err: unknown) => this.o.boss.fail(this.o.name, j.id, { message: (err as Error)?.message ?? String(err) }))
      .catch((e) => this.o.onError(e))
      .finally(() => {
        this.active.delete(p);
        // A slot is free, and where one job was, others may wait.
        this.wake();
      });
    this.active.add(p);
  }
}

/**
 * Group commit: writes that arrive while a flush is in flight wait and go out together in the next one,
 * so many concurrent writers cost one round trip (and one WAL flush) per batch instead of one each. A
 * write's promise settles when the batch holding it has been written (or has failed), so a caller that
 * awaits it still knows its write is durable before it moves on.
 */
export class GroupCommit<T> {
  private queued: Array<{ item: T; done: (err?: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly flush: (items: T[]) => Promise<void>, private readonly maxBatch = 500) {}

  write(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ item, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queued.length) {
        const batch = this.queued.splice(0, this.maxBatch);
        try {
          await this.flush(batch.map((b) => b.item));
          batch.forEach((b) => b.done());
        } catch (err) {
          batch.forEach((b) => b.done(err ?? new Error('group commit failed')));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

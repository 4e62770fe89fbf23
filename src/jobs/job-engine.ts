import PgBoss from 'pg-boss';
import { Database } from '../persistence/database';
import { managerOf } from '../persistence/transactions';
import { JobPool } from './job-pool';
import { QUEUES } from './queues';
import type { TxHandle } from '../shared/unit-of-work';

export interface JobEngineOptions {
  schema: string;
  pollSeconds: number;
}

export type { JobHandler } from './job-pool';
import type { JobHandler } from './job-pool';

export interface SendOptions {
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  singletonKey?: string;
  startAfter?: number | Date;
}

/**
 * pg-boss 10 as the job engine. On PostgreSQL it opens its own pool; on PGlite it runs through the
 * `db` adapter on the one embedded connection. Jobs created with {@link send} inside a transaction are
 * written through that transaction, so they exist only if it commits (no job for a rolled-back change).
 */
export class JobEngine {
  private readonly queues = new Set<string>();
  private readonly pools: Array<JobPool<unknown>> = [];

  private constructor(private readonly boss: PgBoss, private readonly pollMs: number) {}

  static async start(db: Database, databaseUrl: string | undefined, o: JobEngineOptions): Promise<JobEngine> {
    const common = { schema: o.schema, pollingIntervalSeconds: o.pollSeconds, supervise: true, schedule: false };
    const executor = db.pgliteExecutor();
    const boss = executor
      ? new PgBoss({ ...common, db: executor })
      : new PgBoss({ ...common, connectionString: databaseUrl, max: 4 });
    boss.on('error', () => undefined); // surfaced through /ready and job failures, not as crashes
    await boss.start();
    const engine = new JobEngine(boss, o.pollSeconds * 1000);
    for (const q of QUEUES) await engine.ensureQueue(q.name, q.policy);
    return engine;
  }

  async ensureQueue(name: string, policy: 'standard' | 'short' = 'standard'): Promise<void> {
    if (this.queues.has(name)) return;
    const existing = await this.boss.getQueue(name);
    if (!existing) await this.boss.createQueue(name, { name, policy });
    else if (existing.policy !== policy) await this.boss.updateQueue(name, { name, policy });
    this.queues.add(name);
  }

  /** Enqueues within `tx`: the job becomes visible to workers only when `tx` commits. */
  async send<T extends object>(tx: TxHandle, name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    // Never create a queue from inside a transaction (see queues.ts): unknown queues are a programming error.
    if (!this.queues.has(name)) throw new Error(`job queue "${name}" is not declared in jobs/queues.ts`);
    return this.boss.send(name, data, { ...opts, db: Database.executorOf(managerOf(tx)) } as PgBoss.SendOptions);
  }

  /**
   * Runs `handler` for each job; a throw fails the attempt and pg-boss retries it per the job's retry options.
   * A worker that has just handled jobs fetches again at once: pg-boss 10 otherwise waits out the rest of its
   * polling interval after every job, so a worker would run at most one short job per interval however many
   * wait. Only a worker that found nothing waits for the next poll.
   */
  async work<T>(name: string, handler: JobHandler<T>, batchSize = 1): Promise<string> {
    await this.ensureQueue(name);
    let workerId: string | undefined;
    workerId = await this.boss.work<T>(name, { batchSize, includeMetadata: true }, async (jobs) => {
      try {
        for (const j of jobs) await handler(j.data, { id: j.id, retryCount: j.retryCount });
      } finally {
        if (workerId) this.boss.notifyWorker(workerId);
      }
    });
    return workerId;
  }

  /** Runs up to `concurrency` jobs of the queue at once behind one poller (see JobPool), instead of `concurrency` workers. */
  async workPool<T>(name: string, handler: JobHandler<T>, concurrency: number): Promise<void> {
    await this.ensureQueue(name);
    const pool = new JobPool<T>({ boss: this.boss, name, handler, concurrency, intervalMs: this.pollMs, onError: (e) => this.boss.emit('error', e) });
    this.pools.push(pool as JobPool<unknown>);
    pool.start();
  }

  getJob(name: string, id: string) {
    return this.boss.getJobById(name, id);
  }

  async ping(): Promise<void> {
    await this.boss.getQueues();
  }

  async stop(graceMs: number): Promise<void> {
    await Promise.all(this.pools.map((p) => p.stop(Math.max(graceMs, 1000))));
    await this.boss.stop({ graceful: true, wait: true, timeout: Math.max(graceMs, 1000), close: true });
  }
}

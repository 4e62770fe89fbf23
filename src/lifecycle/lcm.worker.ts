import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { JobEngine } from '../jobs/job-engine';
import { UNIT_OF_WORK } from '../packages/packages.tokens';
import type { UnitOfWork } from '../shared/unit-of-work';
import { RUN_LCM_OPERATION_QUEUE, type RunLcmOperationJob } from './operations/lcm-queue';
import type { RunLcmOperation } from './operations/run-lcm-operation.use-case';
import { LCM_RUN_STORE, type LcmRunStore } from './ports/lcm-run-store.port';

export const RUN_LCM_OPERATION = Symbol('RUN_LCM_OPERATION');

/** Operations run at once per replica (behind one poller); each runs its own steps in parallel too. */
const WORKERS = 16;

/**
 * Runs LCM operations on every replica (pg-boss hands each job to one), and sweeps for occurrences whose
 * worker died: their lease expires, the sweep queues them again, and any replica resumes them from
 * their journal. The sweep runs at start too, so a restarted service picks up its own.
 */
@Injectable()
export class LcmWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobEngine,
    @Inject(RUN_LCM_OPERATION) private readonly run: RunLcmOperation,
    @Inject(LCM_RUN_STORE) private readonly runs: LcmRunStore,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.workPool<RunLcmOperationJob>(RUN_LCM_OPERATION_QUEUE, (job) => this.run.execute(job), WORKERS);
    const leaseMs = this.config.lcmLeaseSeconds * 1000;
    this.timer = setInterval(() => void this.sweep(leaseMs).catch(() => undefined), Math.max(500, leaseMs / 2));
    this.timer.unref();
    await this.sweep(leaseMs).catch(() => undefined);
  }

  private async sweep(graceMs: number): Promise<void> {
    for (const id of await this.runs.claimOrphans(graceMs)) {
      await this.uow.run((tx) => this.jobs.send(tx, RUN_LCM_OPERATION_QUEUE, { nsLcmOpOccId: id }, { retryLimit: 0 }));
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

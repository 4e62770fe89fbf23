import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobEngine } from '../../jobs/job-engine';
import { Database } from '../../persistence/database';
import type { DeliverNotifications } from './deliver-notifications.use-case';
import type { DeliveryPolicy } from './delivery-policy';
import { DELIVER_NOTIFICATIONS_QUEUE, enqueueDeliveries, isDeliveryJob } from './delivery-queue';
import type { DeliverySweeper } from './delivery-sweeper';
import { DELIVER_NOTIFICATIONS, DELIVERY_POLICY, DELIVERY_SWEEPER } from './delivery.tokens';

/**
 * Runs delivery jobs on every replica (several at once, so a hanging subscriber holds up only its own
 * key), re-enqueues a key for its retry time, and runs the sweeper from start-up to shutdown.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('NotificationDelivery');

  constructor(
    private readonly jobs: JobEngine,
    private readonly db: Database,
    @Inject(DELIVER_NOTIFICATIONS) private readonly deliver: DeliverNotifications,
    @Inject(DELIVERY_SWEEPER) private readonly sweeper: DeliverySweeper,
    @Inject(DELIVERY_POLICY) private readonly policy: DeliveryPolicy,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.workPool<unknown>(DELIVER_NOTIFICATIONS_QUEUE, (job) => this.run(job), this.policy.concurrency);
    this.sweeper.start((e) => this.log.warn(`notification sweep failed: ${(e as Error).message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
  }

  async run(job: unknown): Promise<void> {
    if (!isDeliveryJob(job)) return this.log.error(`ignored a malformed ${DELIVER_NOTIFICATIONS_QUEUE} job: ${JSON.stringify(job).slice(0, 200)}`);
    const { rescheduleAt } = await this.deliver.execute(job);
    if (rescheduleAt) await enqueueDeliveries(this.db, this.jobs, [job], rescheduleAt);
  }
}

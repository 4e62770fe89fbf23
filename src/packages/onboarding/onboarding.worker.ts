import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobEngine } from '../../jobs/job-engine';
import { FETCH_PACKAGE, ONBOARD_PACKAGE } from '../packages.tokens';
import type { FetchPackage } from './fetch-package.use-case';
import { FETCH_QUEUE, type FetchJob } from './fetch-queue';
import type { OnboardPackage } from './onboard-package.use-case';
import { ONBOARD_QUEUE, ONBOARD_RETRY_LIMIT, type OnboardJob } from './onboarding-queue';

/** Runs package download and onboarding jobs on every replica; pg-boss hands each job to one of them. */
@Injectable()
export class OnboardingWorker implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobEngine,
    @Inject(ONBOARD_PACKAGE) private readonly onboard: OnboardPackage,
    @Inject(FETCH_PACKAGE) private readonly fetch: FetchPackage,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<OnboardJob>(ONBOARD_QUEUE, async (job, meta) => {
      try {
        await this.onboard.execute(job);
      } catch (err) {
        if (meta.retryCount >= ONBOARD_RETRY_LIMIT) await this.onboard.giveUp(job, (err as Error).message.slice(0, 200));
        throw err;
      }
    });
    await this.jobs.work<FetchJob>(FETCH_QUEUE, (job) => this.fetch.execute(job));
  }
}

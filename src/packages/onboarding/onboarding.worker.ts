import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { STALE_UPLOADS, type StaleUploads } from '../ports/stale-uploads.port';
import { JobEngine } from '../../jobs/job-engine';
import { FETCH_PACKAGE, ONBOARD_PACKAGE } from '../packages.tokens';
import type { FetchPackage } from './fetch-package.use-case';
import { FETCH_QUEUE, type FetchJob } from './fetch-queue';
import type { OnboardPackage } from './onboard-package.use-case';
import { ONBOARD_QUEUE, ONBOARD_RETRY_LIMIT, type OnboardJob } from './onboarding-queue';

/** Runs package download and onboarding jobs on every replica; pg-boss hands each job to one of them. */
@Injectable()
export class OnboardingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobEngine,
    @Inject(ONBOARD_PACKAGE) private readonly onboard: OnboardPackage,
    @Inject(FETCH_PACKAGE) private readonly fetch: FetchPackage,
    @Inject(STALE_UPLOADS) private readonly stale: StaleUploads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    // Every replica sweeps; the UPDATE is idempotent, so running it twice at once does no harm.
    const every = Math.min(60_000, this.config.uploadStaleSeconds * 250);
    this.timer = setInterval(() => void this.stale.recover(this.config.uploadStaleSeconds).catch(() => undefined), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

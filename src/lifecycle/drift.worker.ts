import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { isNfvoError } from '../shared/nfvo-error';
import { NS_STACKS, type NsInstanceStacks } from './ns-instances/ns-instance-stacks.use-case';
import { DRIFT_REPORTS, type DriftReports } from './ports/drift-reports.port';

/**
 * Scheduled drift checks (NFVO_DRIFT_CHECK_SECONDS; 0 = off): every interval, each replica claims the NS
 * instances not checked for that long (so each is checked once across replicas), asks their stacks what
 * would change, and keeps the report on the NS instance. A drifted stack is logged as a warning too.
 */
@Injectable()
export class DriftWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('DriftWorker');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(NS_STACKS) private readonly stacks: NsInstanceStacks,
    @Inject(DRIFT_REPORTS) private readonly reports: DriftReports,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const ms = this.config.driftCheckSeconds * 1000;
    if (!ms) return;
    this.timer = setInterval(() => void this.sweep(ms), Math.min(ms, 60_000));
    this.timer.unref();
  }

  /** One round: check what is due, one NS instance at a time (a plan per stack is a Terraform run each). */
  async sweep(intervalMs: number): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let checked = 0;
    try {
      for (const id of await this.reports.claimDue(intervalMs, 50)) {
        try {
          const report = await this.stacks.checkDrift(id);
          checked++;
          if (report.drifted) this.log.warn(`NS instance ${id} drifted: ${report.stacks.flatMap((s) => s.resources.map((r) => `${r.address} (${r.action})`)).join(', ')}`);
        } catch (e) {
          // Busy with an operation (409) or gone (404): the next round tries again.
          if (!isNfvoError(e)) this.log.warn(`drift check of NS instance ${id} failed: ${(e as Error).message}`);
        }
      }
    } finally {
      this.running = false;
    }
    return checked;
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

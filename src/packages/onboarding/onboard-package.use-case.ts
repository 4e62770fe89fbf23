import { stateOf } from '../catalogue/catalogue-item';
import { reportOf } from '../../descriptors/model';
import { NSD_KIND } from '../nsd-info/nsd-info.model';
import { VNF_PKG_KIND } from '../vnf-pkg-info/vnf-pkg-info.model';
import type { ReadPackage } from '../ports/package-reader.port';
import { checkPackage } from './check-package';
import { commitOnboarding } from './commit-onboarding';
import { failOnboarding } from './fail-onboarding';
import type { OnboardingDeps } from './onboarding-deps';
import { packageFinding } from './onboarding-outcome';
import type { OnboardJob } from './onboarding-queue';

/**
 * The onboarding job: PROCESSING -> ONBOARDED (ENABLED) or ERROR. Re-running it is harmless: it acts
 * only on an item still PROCESSING, and each outcome is written in one transaction, so a crash before
 * the commit simply means the retried job does the work again.
 */
export class OnboardPackage {
  constructor(private readonly d: OnboardingDeps) {}

  get deps(): OnboardingDeps {
    return this.d;
  }

  async execute(job: OnboardJob): Promise<void> {
    const { owner, ownerId } = job;
    const item = owner === 'nsd' ? await this.d.nsds.get(ownerId) : await this.d.vnfPkgs.get(ownerId);
    const kind = owner === 'nsd' ? NSD_KIND : VNF_PKG_KIND;
    if (!item || stateOf(item.doc as never, kind.onboarding as never) !== 'PROCESSING') return;
    const content = await this.d.files.get(owner, ownerId, '');
    if (!content) return this.fail(job, 'package.missing-content', 'The uploaded content is missing; upload it again to a new resource.');

    let pkg: ReadPackage;
    try {
      pkg = await this.d.reader.read(this.d.blobs.openWhole(content.blobId), { contentType: content.contentType });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code?.startsWith('package.')) throw err; // infrastructure trouble: let the job retry
      return this.fail(job, code, (err as Error).message, (err as { file?: string }).file);
    }
    try {
      const outcome = await checkPackage(owner, ownerId, pkg, this.d.descriptors);
      if (outcome.ok) await commitOnboarding(this.d, owner, ownerId, outcome, content);
      else await failOnboarding(this.d, owner, ownerId, outcome.report, ['PROCESSING']);
    } finally {
      await pkg.cleanup();
    }
  }

  /** The last attempt failed for a reason outside the package: report it rather than stay PROCESSING. */
  async giveUp(job: OnboardJob, reason: string): Promise<void> {
    const item = job.owner === 'nsd' ? await this.d.nsds.get(job.ownerId) : await this.d.vnfPkgs.get(job.ownerId);
    const kind = job.owner === 'nsd' ? NSD_KIND : VNF_PKG_KIND;
    if (item && stateOf(item.doc as never, kind.onboarding as never) === 'PROCESSING') {
      await this.fail(job, 'internal.onboarding-failed', `Onboarding could not complete after several attempts (${reason}); upload the package to a new resource, and tell the operator if it happens again.`);
    }
  }

  private fail(job: OnboardJob, code: string, message: string, file?: string): Promise<void> {
    return failOnboarding(this.d, job.owner, job.ownerId, reportOf([packageFinding(code, message, file)]), ['PROCESSING']);
  }
}

import type { ValidationReport } from '../../descriptors/model';
import type { ProblemDetails } from '../../sol013/problem-details';
import { NSD_KIND, type NsdInfo } from '../nsd-info/nsd-info.model';
import { StaleAttempt, expectState } from '../catalogue/expect-state';
import { VNF_PKG_KIND, type VnfPkgInfo } from '../vnf-pkg-info/vnf-pkg-info.model';
import type { OwnerType } from '../ports/package-file-store.port';
import type { OnboardingDeps } from './onboarding-deps';
import { nsdOnboardingFailed } from '../catalogue/catalogue-events';

/**
 * The failure path, in ONE transaction: the info resource goes to ERROR with onboardingFailureDetails (a
 * ProblemDetails carrying the whole report), and everything of the attempt, the uploaded content
 * included, is removed. SOL005 allows content only once per resource, so the user creates a new one.
 */
export async function failOnboarding(d: OnboardingDeps, owner: OwnerType, ownerId: string, report: ValidationReport, expected: readonly string[]): Promise<void> {
  const details = failureDetails(report);
  try {
    await d.uow.run(async (tx) => {
      // State first, under the row lock: an abandoned attempt must not wipe what a newer one stored.
      if (owner === 'nsd') {
        const nsd = await d.nsds.update(ownerId, (cur) => {
          expectState(cur.doc, NSD_KIND.onboarding, expected, NSD_KIND.noun);
          return { ...cur.doc, nsdOnboardingState: 'ERROR', onboardingFailureDetails: details } as NsdInfo;
        }, tx);
        await d.events.append(nsdOnboardingFailed(nsd.doc), tx);
      } else {
        await d.vnfPkgs.update(ownerId, (cur) => {
          expectState(cur.doc, VNF_PKG_KIND.onboarding, expected, VNF_PKG_KIND.noun);
          return { ...cur.doc, onboardingState: 'ERROR', onboardingFailureDetails: details } as VnfPkgInfo;
        }, tx);
      }
      await d.files.removeAll(owner, ownerId, tx);
      await d.descriptors.removeAll(owner, ownerId, tx);
    });
  } catch (err) {
    if (!(err instanceof StaleAttempt)) throw err;
  }
}

export function failureDetails(report: ValidationReport): ProblemDetails {
  const errors = report.findings.filter((f) => f.severity === 'error');
  const first = errors[0];
  const where = first ? ` First: ${first.file || 'package'}${first.line ? `:${first.line}:${first.column}` : ''} ${first.code}: ${first.message}` : '';
  return {
    title: 'Onboarding failed',
    status: 422,
    detail: `The package was not onboarded: ${report.counts.errors} error(s), ${report.counts.warnings} warning(s).${where} Fix them and upload the package to a new resource.`,
    report,
  };
}

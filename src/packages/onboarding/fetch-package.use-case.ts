import { reportOf } from '../../descriptors/model';
import { expectState } from '../catalogue/expect-state';
import type { SecretBox } from '../../shared/secret-box';
import type { JobQueue } from '../ports/job-queue.port';
import type { PackageFetcher } from '../ports/package-fetcher.port';
import { failOnboarding } from './fail-onboarding';
import type { FetchJob } from './fetch-queue';
import type { OnboardingDeps } from './onboarding-deps';
import { packageFinding } from './onboarding-outcome';
import { ONBOARD_QUEUE, ONBOARD_RETRY_LIMIT, type OnboardJob } from './onboarding-queue';
import { type AllowRule, checkUri } from '../../shared/uri-allow-list';

export interface FetchDeps {
  onboarding: OnboardingDeps;
  fetcher: PackageFetcher;
  jobs: JobQueue;
  box: SecretBox;
  rules: AllowRule[];
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Downloads the content of an upload_from_uri request into the blob store (streaming, under the size
 * limit), then, in one transaction, records it, moves the package to PROCESSING and enqueues onboarding.
 * Any failure ends in ERROR naming what the source did; the package never stays UPLOADING.
 */
export class FetchPackage {
  constructor(private readonly d: FetchDeps) {}

  async execute(job: FetchJob): Promise<void> {
    const o = this.d.onboarding;
    const item = await o.vnfPkgs.get(job.ownerId);
    if (item?.doc.onboardingState !== 'UPLOADING') return;
    let blob;
    let contentType: string | undefined;
    try {
      const { url, rule } = checkUri(job.uri, this.d.rules);
      const creds = job.sealedCredentials ? (JSON.parse(this.d.box.open(job.sealedCredentials)) as { userName?: string; password?: string }) : {};
      const fetched = await this.d.fetcher.fetch(url, { username: creds.userName, password: creds.password, allowSensitiveAddress: !!rule.literalHost, timeoutMs: this.d.timeoutMs });
      contentType = fetched.contentType;
      blob = await o.blobs.put(fetched.body, { maxBytes: this.d.maxBytes });
    } catch (err) {
      const code = (err as { code?: string }).code;
      const finding = packageFinding(code === 'PAYLOAD_TOO_LARGE' ? 'package.too-large' : 'package.fetch-failed', (err as Error).message, job.uri);
      return failOnboarding(o, 'vnf_pkg', job.ownerId, reportOf([finding]), ['UPLOADING']);
    }
    const fetched = blob;
    try {
      await this.record(job, fetched, contentType);
    } catch (err) {
      await o.blobs.delete([fetched.blobId]).catch(() => undefined);
      throw err;
    }
  }

  private async record(job: FetchJob, blob: { blobId: string; size: number; sha256: string }, contentType: string | undefined): Promise<void> {
    const o = this.d.onboarding;
    await o.uow.run(async (tx) => {
      await o.vnfPkgs.update(
        job.ownerId,
        (cur) => {
          expectState(cur.doc, 'onboardingState', ['UPLOADING'], 'VNF package');
          return { ...cur.doc, onboardingState: 'PROCESSING' };
        },
        tx,
      );
      await o.files.add('vnf_pkg', job.ownerId, { path: '', role: 'package', contentType, size: blob.size, checksum: { algorithm: 'SHA-256', hash: blob.sha256 }, blobId: blob.blobId }, tx);
      const next: OnboardJob = { owner: 'vnf_pkg', ownerId: job.ownerId };
      await this.d.jobs.send(tx, ONBOARD_QUEUE, next, { retryLimit: ONBOARD_RETRY_LIMIT, retryDelay: 5, retryBackoff: true, singletonKey: job.ownerId });
    });
  }
}

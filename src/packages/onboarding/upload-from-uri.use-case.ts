import type { ResourceStore } from '../../shared/resource-store';
import type { SecretBox } from '../../shared/secret-box';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { stateOf } from '../catalogue/catalogue-item';
import { contentConflict } from '../catalogue/content-conflict';
import { VNF_PKG_KIND, type VnfPkgInfo } from '../vnf-pkg-info/vnf-pkg-info.model';
import type { JobQueue } from '../ports/job-queue.port';
import { FETCH_QUEUE, type FetchJob } from './fetch-queue';
import { type AllowRule, checkUri } from '../../shared/uri-allow-list';

export interface UploadFromUriRequest {
  addressInformation: string;
  userName?: string;
  password?: string;
}

/**
 * SOL005 cl. 9.4.6.3.1: POST upload_from_uri (202). The URI is checked against the operator's allow-list
 * now, so a refused source is a 422 to the caller, not a failed package later; the download runs as a job.
 */
export class UploadFromUri {
  constructor(
    private readonly d: { store: ResourceStore<VnfPkgInfo>; uow: UnitOfWork; jobs: JobQueue; box: SecretBox; rules: AllowRule[] },
  ) {}

  async execute(id: string, req: UploadFromUriRequest): Promise<void> {
    const { url } = checkUri(req.addressInformation, this.d.rules);
    const credentials = req.userName !== undefined ? this.d.box.seal(JSON.stringify({ userName: req.userName, password: req.password })) : undefined;
    await this.d.uow.run(async (tx) => {
      await this.d.store.update(
        id,
        (cur) => {
          const state = stateOf(cur.doc, VNF_PKG_KIND.onboarding);
          if (state !== 'CREATED') throw contentConflict(VNF_PKG_KIND.noun, state);
          return { ...cur.doc, onboardingState: 'UPLOADING' };
        },
        tx,
      );
      const job: FetchJob = { ownerId: id, uri: url.href, ...(credentials ? { sealedCredentials: credentials } : {}) };
      await this.d.jobs.send(tx, FETCH_QUEUE, job, { retryLimit: 0 });
    });
  }
}

import { contentConflict } from '../catalogue/content-conflict';
import { expectState } from '../catalogue/expect-state';
import type { ResourceStore } from '../../shared/resource-store';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { type CatalogueKind, stateOf } from '../catalogue/catalogue-item';
import type { BlobStore } from '../ports/blob-store.port';
import type { JobQueue } from '../ports/job-queue.port';
import type { OwnerType, PackageFileStore } from '../ports/package-file-store.port';
import { ONBOARD_QUEUE, ONBOARD_RETRY_LIMIT, type OnboardJob } from './onboarding-queue';

export interface UploadedContent {
  body: AsyncIterable<Uint8Array>;
  contentType?: string;
  fileName?: string;
}

export interface UploadDeps<T extends { id: string }> {
  kind: CatalogueKind<T>;
  owner: OwnerType;
  store: ResourceStore<T>;
  blobs: BlobStore;
  files: PackageFileStore;
  uow: UnitOfWork;
  jobs: JobQueue;
  maxBytes: number;
}

/**
 * SOL005 cl. 5.4.4.3.3 / 9.4.5.3.3: PUT content, only while CREATED (409 otherwise). The content streams
 * into the database (UPLOADING); then ONE transaction moves the item to PROCESSING, records the content
 * and enqueues the onboarding job, so the job exists exactly when the content does. A failed upload goes
 * back to CREATED and keeps nothing.
 */
export class UploadPackageContent<T extends { id: string }> {
  constructor(private readonly d: UploadDeps<T>) {}

  async execute(id: string, content: UploadedContent): Promise<void> {
    const onboarding = this.d.kind.onboarding;
    const setState = (state: string) => (cur: { doc: T }) => ({ ...cur.doc, [onboarding]: state }) as T;
    await this.d.store.update(id, (cur) => {
      const state = stateOf(cur.doc, onboarding);
      if (state !== 'CREATED') throw contentConflict(this.d.kind.noun, state);
      return setState('UPLOADING')(cur);
    });
    let blob;
    try {
      blob = await this.d.blobs.put(content.body, { maxBytes: this.d.maxBytes });
    } catch (err) {
      // Back to CREATED only if this upload still holds the resource (it may have been abandoned and retaken).
      await this.d.store.update(id, (cur) => (stateOf(cur.doc, onboarding) === 'UPLOADING' ? setState('CREATED')(cur) : cur.doc)).catch(() => undefined);
      throw err;
    }
    const { blobId, size, sha256 } = blob;
    try {
      await this.d.uow.run(async (tx) => {
        await this.d.store.update(id, (cur) => {
          expectState(cur.doc, onboarding, ['UPLOADING'], this.d.kind.noun);
          return setState('PROCESSING')(cur);
        }, tx);
        await this.d.files.add(this.d.owner, id, { path: '', role: 'package', contentType: content.contentType, size, checksum: { algorithm: 'SHA-256', hash: sha256 }, blobId }, tx);
        const job: OnboardJob = { owner: this.d.owner, ownerId: id };
        await this.d.jobs.send(tx, ONBOARD_QUEUE, job, { retryLimit: ONBOARD_RETRY_LIMIT, retryDelay: 5, retryBackoff: true, singletonKey: id });
      });
    } catch (err) {
      await this.d.blobs.delete([blobId]).catch(() => undefined);
      throw err;
    }
  }
}

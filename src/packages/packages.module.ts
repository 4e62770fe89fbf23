import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { JobEngine } from '../jobs/job-engine';
import { Database } from '../persistence/database';
import { DatabaseBlobStore } from '../persistence/database-blob-store';
import { DatabaseDescriptorStore } from '../persistence/descriptor.store';
import { DocumentStore } from '../persistence/document-store';
import { DatabasePackageFileStore } from '../persistence/package-file.store';
import { DatabaseUnitOfWork } from '../persistence/transactions';
import { DatabaseStaleUploads } from '../persistence/stale-uploads';
import { STALE_UPLOADS } from './ports/stale-uploads.port';
import { NSD_INFO_STORE } from './nsd-info/nsd-info.store';
import { VNF_PKG_INFO_STORE } from './vnf-pkg-info/vnf-pkg-info.store';
import { BLOB_STORE } from './ports/blob-store.port';
import { DESCRIPTOR_STORE } from './ports/descriptor-store.port';
import { EVENT_LOG } from './ports/event-log.port';
import { JOB_QUEUE } from './ports/job-queue.port';
import { PACKAGE_FILE_STORE } from './ports/package-file-store.port';
import { PACKAGE_READER } from './ports/package-reader.port';
import { FETCH_PACKAGE, ONBOARD_PACKAGE, SECRET_BOX, UNIT_OF_WORK, UPLOAD_FROM_URI } from './packages.tokens';
import { FetchPackage } from './onboarding/fetch-package.use-case';
import { UploadFromUri } from './onboarding/upload-from-uri.use-case';
import { GuardedPackageFetcher } from '../adapters/http/guarded-package-fetcher';
import { SecretBox } from '../shared/secret-box';
import { EXT_ARTIFACTS_ACCESS_STORE } from './ext-artifacts/ext-artifacts-access';
import { DatabaseExtArtifactsAccessStore } from '../persistence/ext-artifacts-access.store';
import { OnboardPackage } from './onboarding/onboard-package.use-case';
import { OnboardingWorker } from './onboarding/onboarding.worker';
import { ArchivePackageReader } from './onboarding/archive-package-reader';

const db = (make: (d: Database) => unknown) => ({ inject: [Database], useFactory: make });

/** The catalogue: NSD and VNF package stores, package content, descriptors, onboarding (composition only). */
@Module({
  providers: [
    { provide: NSD_INFO_STORE, ...db((d) => new DocumentStore(d, 'nsd_info', 'NSD resource')) },
    { provide: VNF_PKG_INFO_STORE, ...db((d) => new DocumentStore(d, 'vnf_pkg_info', 'VNF package resource')) },
    { provide: BLOB_STORE, ...db((d) => new DatabaseBlobStore(d)) },
    { provide: PACKAGE_FILE_STORE, ...db((d) => new DatabasePackageFileStore(d)) },
    { provide: DESCRIPTOR_STORE, ...db((d) => new DatabaseDescriptorStore(d)) },
    { provide: UNIT_OF_WORK, ...db((d) => new DatabaseUnitOfWork(d)) },
    { provide: STALE_UPLOADS, ...db((d) => new DatabaseStaleUploads(d)) },
    { provide: JOB_QUEUE, useExisting: JobEngine },
    { provide: PACKAGE_READER, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new ArchivePackageReader(c.maxPackageBytes) },
    {
      provide: ONBOARD_PACKAGE,
      inject: [NSD_INFO_STORE, VNF_PKG_INFO_STORE, PACKAGE_FILE_STORE, DESCRIPTOR_STORE, BLOB_STORE, EVENT_LOG, UNIT_OF_WORK, PACKAGE_READER, APP_CONFIG],
      useFactory: (nsds, vnfPkgs, files, descriptors, blobs, events, uow, reader, config: AppConfig) =>
        new OnboardPackage({ nsds, vnfPkgs, files, descriptors, blobs, events, uow, reader, now: () => new Date(), maxFileBytes: config.maxPackageBytes }),
    },
    { provide: EXT_ARTIFACTS_ACCESS_STORE, inject: [Database, SECRET_BOX], useFactory: (d: Database, box: SecretBox) => new DatabaseExtArtifactsAccessStore(d, box) },
    {
      provide: FETCH_PACKAGE,
      inject: [ONBOARD_PACKAGE, JobEngine, SECRET_BOX, APP_CONFIG],
      useFactory: (onboard: OnboardPackage, jobs: JobEngine, box: SecretBox, config: AppConfig) =>
        new FetchPackage({ onboarding: onboard.deps, fetcher: new GuardedPackageFetcher(), jobs, box, rules: config.uploadUriAllow, maxBytes: config.maxPackageBytes, timeoutMs: 30000 }),
    },
    {
      provide: UPLOAD_FROM_URI,
      inject: [VNF_PKG_INFO_STORE, UNIT_OF_WORK, JobEngine, SECRET_BOX, APP_CONFIG],
      useFactory: (store, uow, jobs: JobEngine, box: SecretBox, config: AppConfig) => new UploadFromUri({ store, uow, jobs, box, rules: config.uploadUriAllow }),
    },
    OnboardingWorker,
  ],
  exports: [STALE_UPLOADS, UPLOAD_FROM_URI, EXT_ARTIFACTS_ACCESS_STORE, NSD_INFO_STORE, VNF_PKG_INFO_STORE, BLOB_STORE, PACKAGE_FILE_STORE, DESCRIPTOR_STORE, UNIT_OF_WORK, JOB_QUEUE],
})
export class PackagesModule {}

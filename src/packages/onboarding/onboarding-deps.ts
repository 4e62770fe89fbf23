import type { ResourceStore } from '../../shared/resource-store';
import type { UnitOfWork } from '../../shared/unit-of-work';
import type { NsdInfo } from '../nsd-info/nsd-info.model';
import type { VnfPkgInfo } from '../vnf-pkg-info/vnf-pkg-info.model';
import type { BlobStore } from '../ports/blob-store.port';
import type { DescriptorStore } from '../ports/descriptor-store.port';
import type { EventLog } from '../ports/event-log.port';
import type { PackageFileStore } from '../ports/package-file-store.port';
import type { PackageReader } from '../ports/package-reader.port';

/** Everything the onboarding job touches, as ports. */
export interface OnboardingDeps {
  nsds: ResourceStore<NsdInfo>;
  vnfPkgs: ResourceStore<VnfPkgInfo>;
  files: PackageFileStore;
  descriptors: DescriptorStore;
  blobs: BlobStore;
  events: EventLog;
  uow: UnitOfWork;
  reader: PackageReader;
  now: () => Date;
  /** Largest single file of a package kept as an artifact. */
  maxFileBytes: number;
}

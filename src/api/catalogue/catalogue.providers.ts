import type { Provider } from '@nestjs/common';
import { APP_CONFIG, APP_KEYS } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import type { ResourceStore } from '../../shared/resource-store';
import type { UnitOfWork } from '../../shared/unit-of-work';
import type { KeyValuePairs } from '../../packages/catalogue/catalogue-item';
import { CreateCatalogueItem } from '../../packages/catalogue/create-catalogue-item.use-case';
import { DeleteCatalogueItem } from '../../packages/catalogue/delete-catalogue-item.use-case';
import { ModifyCatalogueItem } from '../../packages/catalogue/modify-catalogue-item.use-case';
import { UploadPackageContent } from '../../packages/onboarding/upload-package-content.use-case';
import { BLOB_STORE, type BlobStore } from '../../packages/ports/blob-store.port';
import { DESCRIPTOR_STORE, type DescriptorStore } from '../../packages/ports/descriptor-store.port';
import { JOB_QUEUE, type JobQueue } from '../../packages/ports/job-queue.port';
import { PACKAGE_FILE_STORE, type OwnerType, type PackageFileStore } from '../../packages/ports/package-file-store.port';
import { UNIT_OF_WORK } from '../../packages/packages.tokens';
import { EVENT_LOG, type EventLog } from '../../packages/ports/event-log.port';
import { changeEvents, deletionEvents } from '../../packages/catalogue/catalogue-events';
import { CatalogueContentHttp } from './catalogue-content-http';
import { CatalogueHttp } from './catalogue-http';
import type { CatalogueResource } from './catalogue-resource';

type Item = { id: string; userDefinedData?: KeyValuePairs };

/** Wires a catalogue resource's use cases and HTTP glue over the ports the PackagesModule provides. */
export function catalogueProviders<T extends Item>(resource: CatalogueResource<T>, storeToken: symbol, owner: OwnerType, contentToken: symbol): Provider[] {
  return [
    {
      provide: resource.token,
      inject: [storeToken, UNIT_OF_WORK, PACKAGE_FILE_STORE, DESCRIPTOR_STORE, EVENT_LOG, APP_CONFIG, APP_KEYS],
      useFactory: (store: ResourceStore<T>, uow: UnitOfWork, files: PackageFileStore, descriptors: DescriptorStore, events: EventLog, config: AppConfig, keys: AppKeys) =>
        new CatalogueHttp(
          resource,
          {
            store,
            create: new CreateCatalogueItem(resource.kind, store),
            modify: new ModifyCatalogueItem(resource.kind, store, uow, events, (before, after) => changeEvents(owner, before as never, after as never)),
            // Deleting the info resource deletes its content and descriptors, and announces it, in the same transaction.
            remove: new DeleteCatalogueItem(resource.kind, store, uow, async (item, tx) => {
              await files.removeAll(owner, item.id, tx);
              await descriptors.removeAll(owner, item.id, tx);
              for (const e of deletionEvents(owner, item as never)) await events.append(e, tx);
            }),
          },
          config,
          keys,
        ),
    },
    {
      provide: contentToken,
      inject: [storeToken, PACKAGE_FILE_STORE, DESCRIPTOR_STORE, BLOB_STORE, UNIT_OF_WORK, JOB_QUEUE, APP_CONFIG],
      useFactory: (store: ResourceStore<T>, files: PackageFileStore, descriptors: DescriptorStore, blobs: BlobStore, uow: UnitOfWork, jobs: JobQueue, config: AppConfig) =>
        new CatalogueContentHttp<T>({
          resource,
          owner,
          store,
          files,
          descriptors,
          blobs,
          upload: new UploadPackageContent({ kind: resource.kind, owner, store, blobs, files, uow, jobs, maxBytes: config.maxPackageBytes }),
        }),
    },
  ];
}

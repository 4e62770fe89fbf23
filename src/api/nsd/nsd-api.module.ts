import { Module } from '@nestjs/common';
import { Database } from '../../persistence/database';
import { DocumentStore } from '../../persistence/document-store';
import { NSD_INFO_STORE, type NsdInfoStore } from '../../packages/nsd-info/nsd-info.store';
import { CreateNsdInfo } from '../../packages/nsd-info/create-nsd-info.use-case';
import { ModifyNsdInfo } from '../../packages/nsd-info/modify-nsd-info.use-case';
import { DeleteNsdInfo } from '../../packages/nsd-info/delete-nsd-info.use-case';
import { NsDescriptorsHandler } from './ns-descriptors.handler';
import { NsDescriptorsV1Controller, NsDescriptorsV2Controller } from './ns-descriptors.controller';

@Module({
  controllers: [NsDescriptorsV2Controller, NsDescriptorsV1Controller],
  providers: [
    { provide: NSD_INFO_STORE, inject: [Database], useFactory: (db: Database) => new DocumentStore(db, 'nsd_info', 'NS descriptor resource') },
    { provide: CreateNsdInfo, inject: [NSD_INFO_STORE], useFactory: (s: NsdInfoStore) => new CreateNsdInfo(s) },
    { provide: ModifyNsdInfo, inject: [NSD_INFO_STORE], useFactory: (s: NsdInfoStore) => new ModifyNsdInfo(s) },
    { provide: DeleteNsdInfo, inject: [NSD_INFO_STORE], useFactory: (s: NsdInfoStore) => new DeleteNsdInfo(s) },
    NsDescriptorsHandler,
  ],
})
export class NsdApiModule {}

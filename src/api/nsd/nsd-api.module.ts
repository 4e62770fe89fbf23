import { Module } from '@nestjs/common';
import { NSD_INFO_STORE } from '../../packages/nsd-info/nsd-info.store';
import { PackagesModule } from '../../packages/packages.module';
import { catalogueController } from '../catalogue/catalogue.controller';
import { catalogueContentControllers } from '../catalogue/catalogue-content.controller';
import { catalogueProviders } from '../catalogue/catalogue.providers';
import { CreateNsdInfoRequestDto, NsdInfoModificationsDto, NsdInfoV1Dto, NsdInfoV2Dto } from './nsd-info.dto';
import { NSD_RESOURCE, NSD_V1, NSD_V2 } from './nsd-resource';

const CONTENT = Symbol('NSD_CONTENT_HTTP');
const V2 = { tag: 'NSD management v2 (SOL005 4.5.1)', versionHeader: { required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' } };
const V1 = { tag: 'NSD management v1 (SOL005 2.4.1)', versionHeader: { required: false, description: 'API version 1.0.0; optional for SOL005 2.x clients' } };
const docs = { createRequest: CreateNsdInfoRequestDto, modifications: NsdInfoModificationsDto, noun: 'NS descriptor' };

/** NSD management (SOL005 cl. 5): nsd/v2 (V4.5.1) and nsd/v1 (V2.4.1, which has only nsd_content). */
@Module({
  imports: [PackagesModule],
  controllers: [
    catalogueController(NSD_RESOURCE, NSD_V2, { ...docs, ...V2, info: NsdInfoV2Dto }),
    catalogueController(NSD_RESOURCE, NSD_V1, { ...docs, ...V1, info: NsdInfoV1Dto }),
    ...catalogueContentControllers(NSD_RESOURCE, 'v2', { ...V2, content: 'nsd_content', descriptor: 'nsd', manifest: true, artifacts: true, token: CONTENT }),
    ...catalogueContentControllers(NSD_RESOURCE, 'v1', { ...V1, content: 'nsd_content', manifest: false, artifacts: false, token: CONTENT }),
  ],
  providers: catalogueProviders(NSD_RESOURCE, NSD_INFO_STORE, 'nsd', CONTENT),
})
export class NsdApiModule {}

import { Module } from '@nestjs/common';
import { NSD_INFO_STORE } from '../../packages/nsd-info/nsd-info.store';
import { catalogueController } from '../catalogue/catalogue.controller';
import { catalogueProviders } from '../catalogue/catalogue.providers';
import { CreateNsdInfoRequestDto, NsdInfoModificationsDto, NsdInfoV1Dto, NsdInfoV2Dto } from './nsd-info.dto';
import { NSD_RESOURCE, NSD_V1, NSD_V2 } from './nsd-resource';

const common = { createRequest: CreateNsdInfoRequestDto, modifications: NsdInfoModificationsDto, noun: 'NS descriptor' };

/** NSD management (SOL005 cl. 5): nsd/v2 (V4.5.1) and nsd/v1 (V2.4.1). */
@Module({
  controllers: [
    catalogueController(NSD_RESOURCE, NSD_V2, {
      ...common,
      tag: 'NSD management v2 (SOL005 4.5.1)',
      versionHeader: { required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' },
      info: NsdInfoV2Dto,
    }),
    catalogueController(NSD_RESOURCE, NSD_V1, {
      ...common,
      tag: 'NSD management v1 (SOL005 2.4.1)',
      versionHeader: { required: false, description: 'API version 1.0.0; optional for SOL005 2.x clients' },
      info: NsdInfoV1Dto,
    }),
  ],
  providers: catalogueProviders(NSD_RESOURCE, 'nsd_info', NSD_INFO_STORE),
  exports: [NSD_INFO_STORE, NSD_RESOURCE.token],
})
export class NsdApiModule {}

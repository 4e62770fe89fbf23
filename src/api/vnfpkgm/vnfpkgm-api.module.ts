import { Module } from '@nestjs/common';
import { VNF_PKG_INFO_STORE } from '../../packages/vnf-pkg-info/vnf-pkg-info.store';
import { catalogueController } from '../catalogue/catalogue.controller';
import { catalogueProviders } from '../catalogue/catalogue.providers';
import { CreateVnfPkgInfoRequestDto, VnfPkgInfoModificationsDto, VnfPkgInfoV1Dto, VnfPkgInfoV2Dto } from './vnf-pkg-info.dto';
import { VNF_PKG_RESOURCE, VNF_PKG_V1, VNF_PKG_V2 } from './vnf-pkg-resource';

const common = { createRequest: CreateVnfPkgInfoRequestDto, modifications: VnfPkgInfoModificationsDto, noun: 'VNF package' };

/** VNF package management (SOL005 cl. 9): vnfpkgm/v2 (V4.5.1) and vnfpkgm/v1 (V2.4.1). */
@Module({
  controllers: [
    catalogueController(VNF_PKG_RESOURCE, VNF_PKG_V2, {
      ...common,
      tag: 'VNF package management v2 (SOL005 4.5.1)',
      versionHeader: { required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' },
      info: VnfPkgInfoV2Dto,
    }),
    catalogueController(VNF_PKG_RESOURCE, VNF_PKG_V1, {
      ...common,
      tag: 'VNF package management v1 (SOL005 2.4.1)',
      versionHeader: { required: false, description: 'API version 1.0.0; optional for SOL005 2.x clients' },
      info: VnfPkgInfoV1Dto,
    }),
  ],
  providers: catalogueProviders(VNF_PKG_RESOURCE, 'vnf_pkg_info', VNF_PKG_INFO_STORE),
  exports: [VNF_PKG_INFO_STORE, VNF_PKG_RESOURCE.token],
})
export class VnfpkgmApiModule {}

import { Module } from '@nestjs/common';
import { VNF_PKG_INFO_STORE } from '../../packages/vnf-pkg-info/vnf-pkg-info.store';
import { PackagesModule } from '../../packages/packages.module';
import { catalogueController } from '../catalogue/catalogue.controller';
import { catalogueContentControllers } from '../catalogue/catalogue-content.controller';
import { catalogueProviders } from '../catalogue/catalogue.providers';
import { CreateVnfPkgInfoRequestDto, VnfPkgInfoModificationsDto, VnfPkgInfoV1Dto, VnfPkgInfoV2Dto } from './vnf-pkg-info.dto';
import { VNF_PKG_RESOURCE, VNF_PKG_V1, VNF_PKG_V2 } from './vnf-pkg-resource';
import { uploadFromUriController } from './upload-from-uri.controller';
import { ExtArtifactsAccessController } from './ext-artifacts-access.controller';

const CONTENT = Symbol('VNF_PKG_CONTENT_HTTP');
const V2 = { tag: 'VNF package management v2 (SOL005 4.5.1)', versionHeader: { required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' } };
const V1 = { tag: 'VNF package management v1 (SOL005 2.4.1)', versionHeader: { required: false, description: 'API version 1.0.0; optional for SOL005 2.x clients' } };
const docs = { createRequest: CreateVnfPkgInfoRequestDto, modifications: VnfPkgInfoModificationsDto, noun: 'VNF package' };

/** VNF package management (SOL005 cl. 9): vnfpkgm/v2 (V4.5.1) and vnfpkgm/v1 (V2.4.1, without manifest). */
@Module({
  imports: [PackagesModule],
  controllers: [
    catalogueController(VNF_PKG_RESOURCE, VNF_PKG_V2, { ...docs, ...V2, info: VnfPkgInfoV2Dto }),
    catalogueController(VNF_PKG_RESOURCE, VNF_PKG_V1, { ...docs, ...V1, info: VnfPkgInfoV1Dto }),
    ...catalogueContentControllers(VNF_PKG_RESOURCE, 'v2', { ...V2, content: 'package_content', descriptor: 'vnfd', manifest: true, artifacts: true, token: CONTENT }),
    ...catalogueContentControllers(VNF_PKG_RESOURCE, 'v1', { ...V1, content: 'package_content', descriptor: 'vnfd', manifest: false, artifacts: true, token: CONTENT }),
    uploadFromUriController('v2', V2),
    uploadFromUriController('v1', V1),
    ExtArtifactsAccessController,
  ],
  providers: catalogueProviders(VNF_PKG_RESOURCE, VNF_PKG_INFO_STORE, 'vnf_pkg', CONTENT),
})
export class VnfpkgmApiModule {}

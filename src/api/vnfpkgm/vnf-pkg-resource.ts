import { VNF_PKG_INFO_ATTRIBUTE_ORDER, VNF_PKG_KIND, type VnfPkgInfo } from '../../packages/vnf-pkg-info/vnf-pkg-info.model';
import { VNF_PKG_INFO_COMPLEX_ATTRIBUTES, VNF_PKG_INFO_V1_ATTRIBUTES, VNF_PKG_INFO_V2_ATTRIBUTES } from '../../packages/vnf-pkg-info/vnf-pkg-info.catalogue';
import { pickInOrder } from '../../shared/pick-in-order';
import type { CatalogueApiVersion, CatalogueResource } from '../catalogue/catalogue-resource';

export const VNF_PKG_RESOURCE: CatalogueResource<VnfPkgInfo> = {
  kind: VNF_PKG_KIND,
  apiName: 'vnfpkgm',
  collection: 'vnf_packages',
  idParam: 'vnfPkgId',
  complexAttributes: VNF_PKG_INFO_COMPLEX_ATTRIBUTES,
  token: Symbol('VNF_PKG_HTTP'),
};

const links = (doc: VnfPkgInfo, apiRoot: string, major: string) => {
  const self = `${apiRoot}/vnfpkgm/${major}/vnf_packages/${doc.id}`;
  return { self: { href: self }, vnfd: { href: `${self}/vnfd` }, packageContent: { href: `${self}/package_content` } };
};

/** vnfpkgm/v2: SOL005 V4.5.1 VnfPkgInfo. */
export const VNF_PKG_V2: CatalogueApiVersion<VnfPkgInfo> = {
  major: 'v2',
  catalogue: VNF_PKG_INFO_V2_ATTRIBUTES,
  toApi: (doc, apiRoot) => ({ ...pickInOrder(doc, VNF_PKG_INFO_ATTRIBUTE_ORDER), _links: links(doc, apiRoot, 'v2') }),
};

/** V2.4.1 lacks package security, compatibility, VNFM info and failure details. */
const V1_ORDER = VNF_PKG_INFO_ATTRIBUTE_ORDER.filter(
  (k) => !['compatibleSpecificationVersions', 'packageSecurityOption', 'signingCertificate', 'vnfmInfo', 'onboardingFailureDetails'].includes(k),
);

/** vnfpkgm/v1: SOL005 V2.4.1 VnfPkgInfo. */
export const VNF_PKG_V1: CatalogueApiVersion<VnfPkgInfo> = {
  major: 'v1',
  catalogue: VNF_PKG_INFO_V1_ATTRIBUTES,
  toApi: (doc, apiRoot) => ({ ...pickInOrder(doc, V1_ORDER), _links: links(doc, apiRoot, 'v1') }),
};

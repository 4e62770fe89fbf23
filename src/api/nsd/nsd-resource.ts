import { NSD_INFO_ATTRIBUTE_ORDER, NSD_KIND, type NsdInfo } from '../../packages/nsd-info/nsd-info.model';
import { NSD_INFO_COMPLEX_ATTRIBUTES, NSD_INFO_V1_ATTRIBUTES, NSD_INFO_V2_ATTRIBUTES } from '../../packages/nsd-info/nsd-info.catalogue';
import { pickInOrder } from '../../shared/pick-in-order';
import type { CatalogueApiVersion, CatalogueResource } from '../catalogue/catalogue-resource';

export const NSD_RESOURCE: CatalogueResource<NsdInfo> = {
  kind: NSD_KIND,
  apiName: 'nsd',
  collection: 'ns_descriptors',
  idParam: 'nsdInfoId',
  complexAttributes: NSD_INFO_COMPLEX_ATTRIBUTES,
  token: Symbol('NSD_HTTP'),
};

const links = (doc: NsdInfo, apiRoot: string, major: string) => {
  const self = `${apiRoot}/nsd/${major}/ns_descriptors/${doc.id}`;
  return { self: { href: self }, nsd_content: { href: `${self}/nsd_content` } };
};

/** nsd/v2: SOL005 V4.5.1 NsdInfo. */
export const NSD_V2: CatalogueApiVersion<NsdInfo> = {
  major: 'v2',
  catalogue: NSD_INFO_V2_ATTRIBUTES,
  toApi: (doc, apiRoot) => ({ ...pickInOrder(doc, NSD_INFO_ATTRIBUTE_ORDER), _links: links(doc, apiRoot, 'v2') }),
};

/** V2.4.1 has no archive security attributes or artifact list; everything else is the same. */
const V1_ORDER = NSD_INFO_ATTRIBUTE_ORDER.filter((k) => !['archiveSecurityOption', 'signingCertificate', 'artifacts'].includes(k));

/** nsd/v1: SOL005 V2.4.1 NsdInfo. */
export const NSD_V1: CatalogueApiVersion<NsdInfo> = {
  major: 'v1',
  catalogue: NSD_INFO_V1_ATTRIBUTES,
  toApi: (doc, apiRoot) => ({ ...pickInOrder(doc, V1_ORDER), _links: links(doc, apiRoot, 'v1') }),
};

import type { AttributeCatalogue } from '../../sol013/filter';
import { NSD_INFO_ATTRIBUTE_ORDER, type NsdInfo } from '../../packages/nsd-info/nsd-info.model';
import { pickInOrder } from '../../shared/pick-in-order';
import { NSD_INFO_V1_ATTRIBUTES, NSD_INFO_V2_ATTRIBUTES } from '../../packages/nsd-info/nsd-info.catalogue';

/** What differs between nsd/v1 (SOL005 V2.4.1) and nsd/v2 (V4.5.1): one domain model, two mappers. */
export interface NsdApiVersion {
  major: 'v1' | 'v2';
  catalogue: AttributeCatalogue;
  toApi(doc: NsdInfo, apiRoot: string): object;
}

const links = (doc: NsdInfo, apiRoot: string, major: string) => {
  const self = `${apiRoot}/nsd/${major}/ns_descriptors/${doc.id}`;
  return { self: { href: self }, nsd_content: { href: `${self}/nsd_content` } };
};

export const NSD_V2: NsdApiVersion = {
  major: 'v2',
  catalogue: NSD_INFO_V2_ATTRIBUTES,
  toApi: (doc, apiRoot) => ({ ...pickInOrder(doc, NSD_INFO_ATTRIBUTE_ORDER), _links: links(doc, apiRoot, 'v2') }),
};

/** V2.4.1 has no archive security attributes or artifact list; everything else is the same. */
const V1_ORDER = NSD_INFO_ATTRIBUTE_ORDER.filter((k) => !['archiveSecurityOption', 'signingCertificate', 'artifacts'].includes(k));

export const NSD_V1: NsdApiVersion = {
  major: 'v1',
  catalogue: NSD_INFO_V1_ATTRIBUTES,
  toApi: (doc, apiRoot) => ({ ...pickInOrder(doc, V1_ORDER), _links: links(doc, apiRoot, 'v1') }),
};

import type { AttributeCatalogue } from '../../sol013/filter';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const freeForm = { type: 'object', freeForm: true } as const;

/** What filters on the registry collections may name. */
export const SITE_ATTRIBUTES: AttributeCatalogue = { id: str, name: str, labels: freeForm, location: { type: 'object', children: { countryCode: str, civicAddress: freeForm } } };
export const VIM_ATTRIBUTES: AttributeCatalogue = {
  id: str, siteId: str, name: str, vimType: str, endpoint: str, region: str, project: str, projectDomain: str, authType: str,
  capacity: { type: 'object', children: { vcpus: num, memoryMiB: num, storageGiB: num, instances: num } },
};
export const WAN_LINK_ATTRIBUTES: AttributeCatalogue = {
  id: str, siteA: str, siteB: str, latencyMs: num, bandwidthMbps: num, tunnel: { type: 'object', children: { type: str, endpointA: str, endpointB: str } },
};
export const SWITCH_ATTRIBUTES: AttributeCatalogue = { id: str, siteId: str, host: str, port: num, username: str, hostKeyFingerprint: str, bridge: str };

import { VimError } from '../../lifecycle/ports/vim-error';

export interface CatalogEntry {
  type: string;
  endpoints: { interface: string; region?: string; region_id?: string; url: string }[];
}

/** Neutron and Glance publish unversioned endpoints; clients add the API version (Networking v2.0, Image v2). */
const VERSION_SUFFIX: Record<string, RegExp | undefined> = { network: /\/v2\.0\/?$/, image: /\/v2\/?$/ };
const ADD: Record<string, string> = { network: '/v2.0', image: '/v2' };

/** Picks the endpoint of `type` for the VIM's region (any region when none is configured) and interface. */
export function endpointFrom(catalog: CatalogEntry[], type: string, region: string | undefined, iface: string): string {
  const service = catalog.find((e) => e.type === type);
  const ep = service?.endpoints.find((e) => e.interface === iface && (!region || e.region_id === region || e.region === region));
  if (!ep) {
    const where = region ? ` in region ${region}` : '';
    throw new VimError('BAD_REQUEST', 'keystone.catalog', `the service catalog has no ${iface} ${type} endpoint${where}; check the VIM's region`);
  }
  const url = ep.url.replace(/\/+$/, '');
  const suffix = VERSION_SUFFIX[type];
  return suffix && !suffix.test(url) ? `${url}${ADD[type]}` : url;
}

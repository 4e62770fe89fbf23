import type { FunctionDescriptor, ServiceDescriptor } from '../../descriptors/model';
import type { PlacedFunction } from './deployment-input';

/** The network a unit's connection point attaches to: a service virtual link, or one internal to its function. */
export interface NetworkRef { key: string; internal: boolean }

/**
 * Unit connection point -> network. A unit cp `unit:cp` sits on a function virtual link; when that link
 * also holds a function cp `x` and the service links `fn:x`, the unit is on that service link's network.
 * A function link of units only becomes a network of its own. An unconnected cp gets no port.
 */
export function networkOf(service: ServiceDescriptor, f: { ref: { id: string }; descriptor: FunctionDescriptor }, unitId: string, cpId: string): NetworkRef | undefined {
  const fvl = f.descriptor.virtualLinks.find((l) => l.connectionPointRefs.includes(`${unitId}:${cpId}`));
  if (!fvl) return undefined;
  const fcps = fvl.connectionPointRefs.filter((r) => !r.includes(':'));
  const svl = service.virtualLinks.find((l) => fcps.some((c) => l.connectionPointRefs.includes(`${f.ref.id}:${c}`)));
  if (svl) return { key: svl.id, internal: false };
  return fcps.length ? undefined : { key: `${f.ref.id}.${fvl.id}`, internal: true };
}

/** Virtual links that carry chained traffic: their networks must let forwarded packets through. */
export function chainedLinks(service: ServiceDescriptor): Set<string> {
  return new Set(service.forwardingGraphs.flatMap((g) => g.constituentVirtualLinks));
}

/** A stable /24 per network name, the same on every VIM a link spans (the WAN tunnel joins them at L2). */
export function cidrFor(index: number): string {
  return `10.${100 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

/** Sites on which a service virtual link has VM endpoints. */
export function sitesOfLink(service: ServiceDescriptor, functions: PlacedFunction[], linkId: string): string[] {
  const link = service.virtualLinks.find((l) => l.id === linkId);
  const ids = new Set((link?.connectionPointRefs ?? []).filter((r) => r.includes(':')).map((r) => r.split(':')[0]));
  return [...new Set(functions.filter((f) => ids.has(f.ref.id)).map((f) => f.siteId))].sort();
}

/**
 * A link joined across sites at L2 is one subnet with one gateway: each site's network hands out its own
 * share of the host addresses, so two sites never give out the same IP, and only the first site has the
 * gateway (the others have none, or two routers would answer for .1).
 */
export function siteShare(index: number, sites: number, cidr: string): { allocationPools?: { start: string; end: string }[]; gatewayIp?: null } {
  if (sites < 2) return {};
  const prefix = cidr.split('.').slice(0, 3).join('.');
  const size = Math.floor(252 / sites);
  const start = 2 + index * size;
  return { allocationPools: [{ start: `${prefix}.${start}`, end: `${prefix}.${start + size - 1}` }], ...(index > 0 ? { gatewayIp: null } : {}) };
}

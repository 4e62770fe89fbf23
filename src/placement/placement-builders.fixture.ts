import type { PlacementConstraint } from '../descriptors/model';
import type { FunctionDemand, PlacementInput, Site, Vim } from './placement.model';

const source = { file: 'nsd.yaml', pointer: '/placement' };

export const site = (id: string, countryCode?: string, civicAddress?: Record<string, string>): Site => ({
  id,
  name: id,
  labels: {},
  location: countryCode || civicAddress ? { countryCode, civicAddress } : undefined,
});

export const vim = (id: string, siteId: string, type: Vim['type'], vcpus = 64, memoryMiB = 262144, used: Partial<Vim['used']> = {}): Vim => ({
  id,
  siteId,
  type,
  capacity: { vcpus, memoryMiB },
  used: { vcpus: 0, memoryMiB: 0, ...used },
});

export const fn = (functionId: string, target: FunctionDemand['target'] = 'openstack', vcpus = 2, memoryMiB = 2048): FunctionDemand => ({
  functionId,
  target,
  vcpus,
  memoryMiB,
  storageGiB: 0,
  instances: 1,
});

export const allowed = (functions: string[], sites: string[]): PlacementConstraint => ({ type: 'allowed-sites', functions, sites, source });
export const affinity = (...functions: string[]): PlacementConstraint => ({ type: 'affinity', functions, scope: 'site', source });
export const anti = (functions: string[], scope: 'site' | 'host' = 'site'): PlacementConstraint => ({ type: 'anti-affinity', functions, scope, source });
export const maxLatency = (a: string, b: string, maxLatencyMs: number): PlacementConstraint => ({ type: 'max-latency', functions: [a, b], maxLatencyMs, source });

/** Sites with one OpenStack and one Kubernetes VIM each (`<site>-os`, `<site>-k8s`), no links, no constraints. */
export function twoVimSites(...ids: string[]): PlacementInput {
  return {
    functions: [],
    constraints: [],
    locationConstraints: [],
    sites: ids.map((id) => site(id)),
    vims: ids.flatMap((id) => [vim(`${id}-os`, id, 'openstack'), vim(`${id}-k8s`, id, 'kubernetes')]),
    wanLinks: [],
  };
}

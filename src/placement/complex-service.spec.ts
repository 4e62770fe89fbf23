import type { DescriptorKey, FunctionDescriptor, PlacementConstraint, ServiceDescriptor, Unit } from '../descriptors/model';
import { NfvoError } from '../shared/nfvo-error';
import { demandsOf } from './demands-of';
import { placementProblem } from './placement-problem';
import type { PlacementInput, Vim } from './placement.model';
import { placeService } from './place-service';
import { site, vim } from './placement-builders.fixture';

// Hand-written twins of descriptors/examples/complex-service/*.yaml: only what placement reads.
const src = { file: 'nsd.yaml', pointer: '' };
const key = (name: string): DescriptorKey => ({ vendor: 'eu.example.nfvo', name, version: '1.0' });
const vm = (id: string, vcpus: number, memoryMiB: number): Unit => ({ kind: 'vm', id, image: { name: id }, resources: { vcpus, memoryMiB, storageGiB: 10 }, connectionPoints: [], source: src });
const pod = (id: string, cpu: number, memoryMiB: number): Unit => ({ kind: 'container', id, image: id, ports: [], env: {}, replicas: 2, resources: { cpu, memoryMiB }, connectionPoints: [], scaling: { min: 2, max: 4, initial: 2 }, source: src });
const fd = (name: string, target: FunctionDescriptor['target'], unit: Unit, scaling?: FunctionDescriptor['scaling']): FunctionDescriptor => ({
  kind: 'function', key: key(name), sourceFormat: 'nfvo', target, units: [unit], connectionPoints: [], virtualLinks: [], monitoringParameters: [], scaling, source: src,
});
const descriptors = [
  fd('firewall-vnf', 'openstack', vm('fw-vm', 2, 2048)),
  fd('loadbalancer-vnf', 'openstack', vm('lb-vm', 2, 4096), { min: 1, max: 2, initial: 1 }),
  fd('web-frontend', 'kubernetes', pod('web', 0.5, 256)),
  fd('web-backend', 'kubernetes', pod('api', 1, 512)),
];
const placement: PlacementConstraint[] = [
  { type: 'allowed-sites', functions: ['fw'], sites: ['site-a'], source: src },
  { type: 'allowed-sites', functions: ['lb', 'frontend', 'backend'], sites: ['site-b'], source: src },
  { type: 'anti-affinity', functions: ['fw', 'lb'], scope: 'site', source: src },
  { type: 'max-latency', functions: ['fw', 'lb'], maxLatencyMs: 20, source: src },
];
const ref = (id: string, name: string) => ({ id, descriptor: key(name), source: src, ...(id === 'lb' ? { scaling: { min: 1, max: 2, initial: 1 } } : {}) });
const nsd: ServiceDescriptor = {
  kind: 'service', key: key('complex-edge-web'), sourceFormat: 'nfvo', connectionPoints: [], virtualLinks: [], forwardingGraphs: [], monitoringParameters: [], dependencies: [], placement, source: src,
  functions: [ref('fw', 'firewall-vnf'), ref('lb', 'loadbalancer-vnf'), ref('frontend', 'web-frontend'), ref('backend', 'web-backend')],
};
const both = (s: string): Vim[] => [vim(`${s}-openstack`, s, 'openstack'), vim(`${s}-k8s`, s, 'kubernetes')];
const input = (latencyMs: number): PlacementInput => ({
  functions: demandsOf(nsd, descriptors), constraints: nsd.placement, locationConstraints: [],
  sites: [site('site-a', 'DE'), site('site-b', 'DE')], vims: [...both('site-a'), ...both('site-b')],
  wanLinks: [{ siteA: 'site-a', siteB: 'site-b', latencyMs }],
});

describe('the complex example service', () => {
  it('derives demands: resources x initial instances, container cores as vCPUs', () => {
    expect(demandsOf(nsd, descriptors)).toEqual([
      { functionId: 'fw', target: 'openstack', vcpus: 2, memoryMiB: 2048, storageGiB: 10, instances: 1 },
      { functionId: 'lb', target: 'openstack', vcpus: 2, memoryMiB: 4096, storageGiB: 10, instances: 1 },
      { functionId: 'frontend', target: 'kubernetes', vcpus: 1, memoryMiB: 512, storageGiB: 0, instances: 2 },
      { functionId: 'backend', target: 'kubernetes', vcpus: 2, memoryMiB: 1024, storageGiB: 0, instances: 2 },
    ]);
    expect(() => demandsOf(nsd, descriptors.slice(1))).toThrow(/'fw' references eu.example.nfvo:firewall-vnf:1.0/);
  });

  it('puts the firewall at the edge and the rest in the cloud site', () => {
    const r = placeService(input(12));
    expect(r.ok && r.assignments).toEqual({
      fw: { siteId: 'site-a', vimId: 'site-a-openstack' },
      lb: { siteId: 'site-b', vimId: 'site-b-openstack' },
      frontend: { siteId: 'site-b', vimId: 'site-b-k8s' },
      backend: { siteId: 'site-b', vimId: 'site-b-k8s' },
    });
  });

  it('fails on a WAN slower than the chain budget, as a 422 naming the function, site and latency', () => {
    const r = placeService(input(35));
    if (r.ok) throw new Error('placed over a 35 ms WAN');
    const e = placementProblem(r);
    expect(e).toBeInstanceOf(NfvoError);
    expect(e.code).toBe('UNPROCESSABLE');
    expect(e.detail).toContain("latency to 'fw' at site-a is 35 ms > 20 ms");
    expect(e.detail).toMatch(/^Placement failed: function 'lb'/);
    expect(e.extras.failures).toEqual(r.failures);
  });
});

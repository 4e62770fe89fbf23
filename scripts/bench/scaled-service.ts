import { randomUUID } from 'node:crypto';
import type { FunctionDescriptor, ServiceDescriptor, SourceRef } from '../../src/descriptors/model';
import type { DeploymentInput, PlacedFunction } from '../../src/lifecycle/plan/deployment-input';

const source: SourceRef = { file: 'bench', pointer: '' };
const key = (name: string) => ({ vendor: 'bench', name, version: '1.0' });

const vnf = (name: string): FunctionDescriptor => ({
  kind: 'function', key: key(name), sourceFormat: 'nfvo', target: 'openstack', monitoringParameters: [], source,
  units: [{ kind: 'vm', id: 'vm', image: { name: 'bench-image' }, resources: { vcpus: 1, memoryMiB: 512, storageGiB: 1 }, connectionPoints: ['eth0', 'eth1', 'eth2'].map((id) => ({ id, type: 'internal' as const, portSecurity: id === 'eth0', source })), source }],
  connectionPoints: ['mgmt', 'input', 'output'].map((id) => ({ id, type: 'external' as const, source })),
  virtualLinks: [['eth0', 'mgmt'], ['eth1', 'input'], ['eth2', 'output']].map(([u, f]) => ({ id: f, connectivityType: 'E-Line' as const, connectionPointRefs: [`vm:${u}`, f], source })),
});

const microservice = (name: string): FunctionDescriptor => ({
  kind: 'function', key: key(name), sourceFormat: 'nfvo', target: 'kubernetes', monitoringParameters: [], source, virtualLinks: [],
  units: [{ kind: 'container', id: 'app', image: `registry.example.net/${name}:1`, ports: [{ port: 8080, protocol: 'TCP', serviceType: 'ClusterIP' }], env: {}, replicas: 2, resources: { cpu: 1, memoryMiB: 256 }, connectionPoints: [], source }],
  connectionPoints: [{ id: 'http', type: 'serviceendpoint', port: 8080, source }],
});

/**
 * The complex example's shape at scale: `vnfs` forwarding VNFs in one chain (the first half at site-a,
 * the rest at site-b, each hop its own link, one management LAN), then `services` microservices at site-b,
 * each depending on the next one (startup and connectivity), as the front-end depends on the back-end.
 */
export function scaledComplexService(nsInstanceId: string = randomUUID(), vnfs = 20, services = 10): DeploymentInput {
  const ids = [...Array.from({ length: vnfs }, (_, i) => `vnf${i}`), ...Array.from({ length: services }, (_, i) => `ms${i}`)];
  const links = Array.from({ length: vnfs - 1 }, (_, i) => ({ id: `hop${i}`, connectivityType: 'E-Line' as const, connectionPointRefs: [`vnf${i}:output`, `vnf${i + 1}:input`], source }));
  const service: ServiceDescriptor = {
    kind: 'service', key: key('scaled'), sourceFormat: 'nfvo', connectionPoints: [], monitoringParameters: [], placement: [], source,
    functions: ids.map((id) => ({ id, descriptor: key(id), source })),
    virtualLinks: [{ id: 'mgmt', connectivityType: 'E-LAN', connectionPointRefs: Array.from({ length: vnfs }, (_, i) => `vnf${i}:mgmt`), source }, ...links],
    forwardingGraphs: [{ id: 'chain', constituentFunctions: ids.slice(0, vnfs), constituentVirtualLinks: links.map((l) => l.id), source, paths: [{ id: 'p', source, hops: Array.from({ length: vnfs }, (_, i) => ({ connectionPointRef: `vnf${i}:input`, position: i + 1, source })) }] }],
    dependencies: Array.from({ length: services - 1 }, (_, i) => [
      { from: `ms${i}`, to: `ms${i + 1}`, type: 'startup' as const, source },
      { from: `ms${i}`, to: `ms${i + 1}`, type: 'connectivity' as const, endpoint: 'http', inject: 'NEXT_URL', source },
    ]).flat(),
  };
  const functions: PlacedFunction[] = service.functions.map((ref, i) => {
    const isVnf = ref.id.startsWith('vnf');
    const site = isVnf && i < vnfs / 2 ? 'site-a' : 'site-b';
    return { ref, descriptor: isVnf ? vnf(ref.id) : microservice(ref.id), vnfPkgId: `pkg-${ref.id}`, siteId: site, vimId: `${site}-${isVnf ? 'openstack' : 'kubernetes'}` };
  });
  return { nsInstanceId, service, functions, hostAntiAffinity: [] };
}

import type { ContainerUnit, DescriptorSet, Finding, FunctionDescriptor, ServiceDescriptor, SourceRef, VirtualLink, VmUnit } from '../model';
import { pointerJoin } from '../model';
import { buildDescriptorIndex } from '../validate/descriptor-index';
import type { IndexOptions } from '../validate/descriptor-index';
import type { Rule } from './rule';

/**
 * Hand-built model objects for the rule specs (independent of the importers): a valid complex
 * service "web-chain" in which traffic from `input` crosses a firewall VNF (VM), a load-balancer
 * VNF (VM), a web front-end microservice and a back-end microservice (containers). Every call
 * returns fresh objects, so a spec can mutate its copy.
 */
export const NSD_FILE = 'service_descriptors/web-chain-nsd.yml';
export const FW_FILE = 'function_descriptors/firewall-vnfd.yml';
export const LB_FILE = 'function_descriptors/haproxy-vnfd.yml';
export const WEB_FILE = 'function_descriptors/web-frontend-csd.yml';
export const BE_FILE = 'function_descriptors/backend-api-csd.yml';

const at = (file: string, ...tokens: Array<string | number>): SourceRef => ({ file, pointer: pointerJoin('', ...tokens) });

const link = (file: string, base: string, i: number, id: string, type: VirtualLink['connectivityType'], refs: string[]): VirtualLink => ({
  id, connectivityType: type, connectionPointRefs: refs, source: at(file, base, i),
});

/** A forwarding VNF: one VM with mgmt/in/out interfaces wired to the function's CPs of the same names. */
function vmFunction(file: string, name: string, version: string, image: string): FunctionDescriptor {
  const unit: VmUnit = {
    kind: 'vm', id: 'vdu01',
    image: { name: image, url: `https://images.example.net/${image}.qcow2`, format: 'qcow2', checksum: { algorithm: 'sha256', hash: 'a'.repeat(64) } },
    resources: { vcpus: 2, memoryMiB: 2048, storageGiB: 10 },
    connectionPoints: ['eth0', 'eth1', 'eth2'].map((id, i) => ({ id, type: 'internal', interface: 'ipv4', portSecurity: false, source: at(file, 'virtual_deployment_units', 0, 'connection_points', i) })),
    source: at(file, 'virtual_deployment_units', 0),
  };
  return {
    kind: 'function', key: { vendor: 'eu.nfvo', name, version }, sourceFormat: 'sonata', target: 'openstack', units: [unit],
    connectionPoints: [['mgmt', 'management'], ['in', 'external'], ['out', 'external']].map(([id, type], i) => ({ id, type: type as 'external', interface: 'ipv4', source: at(file, 'connection_points', i) })),
    virtualLinks: [
      link(file, 'virtual_links', 0, 'mgmt', 'E-LAN', ['vdu01:eth0', 'mgmt']),
      link(file, 'virtual_links', 1, 'in', 'E-Line', ['vdu01:eth1', 'in']),
      link(file, 'virtual_links', 2, 'out', 'E-Line', ['vdu01:eth2', 'out']),
    ],
    monitoringParameters: [{ name: 'packets_dropped', unit: 'count', from: 'vdu01:packets_dropped', source: at(file, 'monitoring_parameters', 0) }],
    source: at(file),
  };
}

/** A microservice: one container unit exposing `port` through a Kubernetes Service. */
function containerFunction(file: string, name: string, version: string, unitId: string, image: string, port: number, cps: string[]): FunctionDescriptor {
  const unit: ContainerUnit = {
    kind: 'container', id: unitId, image, replicas: 2, env: { LOG_LEVEL: 'info' }, resources: { cpu: 0.5, memoryMiB: 256 },
    ports: [{ name: 'main', port, protocol: 'TCP', serviceType: 'ClusterIP' }, { name: 'metrics', port: 9100, protocol: 'TCP' }],
    probes: { readiness: { httpGet: { path: '/healthz', port }, periodSeconds: 5 } },
    connectionPoints: [], source: at(file, 'virtual_deployment_units', 0),
  };
  return {
    kind: 'function', key: { vendor: 'eu.nfvo', name, version }, sourceFormat: 'pishahang-v2', target: 'kubernetes', units: [unit],
    connectionPoints: cps.map((id, i) => ({ id, type: 'serviceendpoint', interface: 'ipv4', port: i === 0 ? port : undefined, source: at(file, 'connection_points', i) })),
    virtualLinks: [], monitoringParameters: [], source: at(file),
  };
}

function service(): ServiceDescriptor {
  const f = NSD_FILE;
  const fns: Array<[string, string, string]> = [['fw', 'firewall-vnf', '1.0'], ['lb', 'haproxy-vnf', '2.1'], ['web', 'web-frontend', '3.0'], ['be', 'backend-api', '1.2']];
  const hops = ['input', 'fw:in', 'fw:out', 'lb:in', 'lb:out', 'web:http', 'web:upstream', 'be:api'];
  const fpBase = ['forwarding_graphs', 0, 'network_forwarding_paths', 0] as const;
  return {
    kind: 'service', key: { vendor: 'eu.nfvo', name: 'web-chain', version: '1.0' }, sourceFormat: 'sonata',
    functions: fns.map(([id, name, version], i) => ({ id, descriptor: { vendor: 'eu.nfvo', name, version }, source: at(f, 'network_functions', i) })),
    connectionPoints: [
      { id: 'mgmt', type: 'management', interface: 'ipv4', source: at(f, 'connection_points', 0) },
      { id: 'input', type: 'external', interface: 'ipv4', source: at(f, 'connection_points', 1) },
    ],
    virtualLinks: [
      link(f, 'virtual_links', 0, 'mgmt', 'E-LAN', ['mgmt', 'fw:mgmt', 'lb:mgmt']),
      link(f, 'virtual_links', 1, 'input-2-fw', 'E-Line', ['input', 'fw:in']),
      link(f, 'virtual_links', 2, 'fw-2-lb', 'E-Line', ['fw:out', 'lb:in']),
      link(f, 'virtual_links', 3, 'lb-2-web', 'E-Line', ['lb:out', 'web:http']),
      link(f, 'virtual_links', 4, 'web-2-be', 'E-LAN', ['web:upstream', 'be:api']),
    ],
    forwardingGraphs: [{
      id: 'fg01', constituentFunctions: ['fw', 'lb', 'web', 'be'],
      constituentVirtualLinks: ['mgmt', 'input-2-fw', 'fw-2-lb', 'lb-2-web', 'web-2-be'],
      paths: [{
        id: 'fg01:fp01', policy: 'none', classifier: { protocol: 'tcp', destinationPort: 443 },
        hops: hops.map((connectionPointRef, i) => ({ connectionPointRef, position: i + 1, source: at(f, ...fpBase, 'connection_points', i) })),
        source: at(f, ...fpBase),
      }],
      source: at(f, 'forwarding_graphs', 0),
    }],
    monitoringParameters: [
      { name: 'fw-drops', unit: 'count', from: 'fw:packets_dropped', source: at(f, 'monitoring_parameters', 0) },
      { name: 'fw-cpu', unit: 'percent', from: 'fw:vdu01:cpu_util', source: at(f, 'monitoring_parameters', 1) },
    ],
    dependencies: [
      { from: 'web', to: 'be', type: 'startup', source: at(f, 'dependencies', 0) },
      { from: 'web', to: 'be', type: 'connectivity', endpoint: 'api', inject: 'BACKEND_ADDR', source: at(f, 'dependencies', 1) },
      { from: 'lb', to: 'web', type: 'startup', source: at(f, 'dependencies', 2) },
    ],
    placement: [
      { type: 'allowed-sites', functions: ['fw', 'lb'], sites: ['edge-1', 'edge-2'], source: at(f, 'placement', 0) },
      { type: 'anti-affinity', functions: ['fw', 'lb'], scope: 'host', source: at(f, 'placement', 1) },
      { type: 'affinity', functions: ['web', 'be'], scope: 'site', source: at(f, 'placement', 2) },
      { type: 'max-latency', functions: ['lb', 'web'], maxLatencyMs: 5, source: at(f, 'placement', 3) },
    ],
    source: at(f),
  };
}

/** The valid service and its four function descriptors. */
export function validSet(): DescriptorSet {
  return {
    service: service(),
    functions: [
      vmFunction(FW_FILE, 'firewall-vnf', '1.0', 'firewall-img'),
      vmFunction(LB_FILE, 'haproxy-vnf', '2.1', 'haproxy-img'),
      containerFunction(WEB_FILE, 'web-frontend', '3.0', 'web', 'registry.example.net/web-frontend:3.0', 8080, ['http', 'upstream']),
      containerFunction(BE_FILE, 'backend-api', '1.2', 'api', 'registry.example.net/backend-api:1.2', 8443, ['api']),
    ],
  };
}

/** The service of a set built by validSet (which always has one). */
export const svc = (set: DescriptorSet): ServiceDescriptor => set.service!;

/** A function descriptor of the set by its descriptor name. */
export function fnd(set: DescriptorSet, name: string): FunctionDescriptor {
  const fd = set.functions.find((f) => f.key.name === name);
  if (!fd) throw new Error(`fixture has no function descriptor ${name}`);
  return fd;
}

/** Runs one rule the way the validator does (with a fresh index) and returns its findings. */
export function runRule(rule: Rule, set: DescriptorSet, opts: IndexOptions = {}): Finding[] {
  return rule.check(set, buildDescriptorIndex(set, opts));
}

/** The findings reduced to what specs assert on: where, and how bad. */
export const where = (findings: Finding[]): Array<Pick<Finding, 'code' | 'severity' | 'file' | 'pointer'>> =>
  findings.map(({ code, severity, file, pointer }) => ({ code, severity, file, pointer }));

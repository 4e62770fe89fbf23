import type { ConnectivityType, DescriptorKey, DescriptorSet, FunctionDescriptor, ServiceDescriptor, SourceRef, Unit, VirtualLink } from '../model';
import { pointerJoin } from '../model';

/**
 * Upstream SONATA-family examples (../shared/ref/sonata/examples), translated BY HAND into the
 * joint model with SONATA-style pointers, so the rules can be checked against real descriptors
 * before the importers exist. Only what the rules look at is carried over. Once `../parse/` lands,
 * the same expectations should hold for the parsed files (see upstream-examples.spec.ts).
 */
type Vl = [id: string, type: ConnectivityType, refs: string[]];
const at = (file: string, ...t: Array<string | number>): SourceRef => ({ file, pointer: pointerJoin('', ...t) });
const key = (k: string): DescriptorKey => { const [vendor, name, version] = k.split(' '); return { vendor, name, version }; };
/** Every example names its management CP `mgmt` and types it `management`. */
const cpType = (id: string) => (id === 'mgmt' ? 'management' as const : 'external' as const);
const links = (file: string, vls: Vl[]): VirtualLink[] => vls.map(([id, connectivityType, connectionPointRefs], i) => ({ id, connectivityType, connectionPointRefs, source: at(file, 'virtual_links', i) }));

interface NsdSpec { key: string; functions: Array<[id: string, key: string]>; cps: string[]; vls: Vl[]; fgs: Array<{ fns: string[]; vls: string[]; paths: Array<[id: string, hops: string[]]> }> }
export function nsd(file: string, s: NsdSpec): ServiceDescriptor {
  return {
    kind: 'service', key: key(s.key), sourceFormat: 'sonata',
    functions: s.functions.map(([id, k], i) => ({ id, descriptor: key(k), source: at(file, 'network_functions', i) })),
    connectionPoints: s.cps.map((id, i) => ({ id, type: cpType(id), interface: 'ipv4', source: at(file, 'connection_points', i) })),
    virtualLinks: links(file, s.vls),
    forwardingGraphs: s.fgs.map((fg, g) => ({
      id: `fg${g}`, constituentFunctions: fg.fns, constituentVirtualLinks: fg.vls, source: at(file, 'forwarding_graphs', g),
      paths: fg.paths.map(([id, hops], p) => ({ id, source: at(file, 'forwarding_graphs', g, 'network_forwarding_paths', p), hops: hops.map((connectionPointRef, h) => ({ connectionPointRef, position: h + 1, source: at(file, 'forwarding_graphs', g, 'network_forwarding_paths', p, 'connection_points', h) })) })),
    })),
    monitoringParameters: [], dependencies: [], placement: [], source: at(file),
  };
}

interface VnfdSpec { key: string; target?: 'openstack' | 'kubernetes'; units: Array<[id: string, kind: 'vm' | 'container', cps: string[], image?: string]>; cps: string[]; vls: Vl[] }
export function vnfd(file: string, s: VnfdSpec): FunctionDescriptor {
  const units = s.units.map(([id, kind, cps, image = 'image'], i): Unit => {
    const source = at(file, kind === 'vm' ? 'virtual_deployment_units' : 'cloudnative_deployment_units', i);
    const connectionPoints = cps.map((cp, c) => ({ id: cp, type: 'internal' as const, source: pointerAt(source, 'connection_points', c) }));
    return kind === 'vm'
      ? { kind, id, image: { name: image }, resources: { vcpus: 1, memoryMiB: 1024 }, connectionPoints, source }
      : { kind, id, image, ports: [{ port: 80, protocol: 'TCP', serviceType: 'LoadBalancer' }], env: {}, replicas: 1, resources: {}, connectionPoints, source };
  });
  return {
    kind: 'function', key: key(s.key), sourceFormat: 'sonata', target: s.target ?? 'openstack', units,
    connectionPoints: s.cps.map((id, i) => ({ id, type: cpType(id), interface: 'ipv4', source: at(file, 'connection_points', i) })),
    virtualLinks: links(file, s.vls), monitoringParameters: [], source: at(file),
  };
}
const pointerAt = (s: SourceRef, ...t: Array<string | number>): SourceRef => ({ file: s.file, pointer: pointerJoin(s.pointer, ...t) });

/** SONATA's three-interface VM VNF: one VDU, mgmt/input/output wired one-to-one (son-schema, son-cli). */
export const sonataVnf = (file: string, k: string, cp: (n: number) => string, ids = ['mgmt', 'input', 'output']): FunctionDescriptor =>
  vnfd(file, { key: k, units: [['vdu01', 'vm', [0, 1, 2].map(cp)]], cps: ids, vls: ids.map((id, n): Vl => [id, n ? 'E-Line' : 'E-LAN', [`vdu01:${cp(n)}`, id]]) });

/** The examples and what they model; each returns a fresh set. */
export const upstreamExamples: Record<string, () => DescriptorSet> = {
  'son-schema/nsd-sonata-demo.yml (valid)': () => ({
    service: nsd('nsd-sonata-demo.yml', {
      key: 'eu.sonata-nfv.service-descriptor sonata-demo 0.2.1',
      functions: [['vnf_firewall', 'eu.sonata-nfv firewall-vnf 0.3'], ['vnf_iperf', 'eu.sonata-nfv iperf-vnf 0.2'], ['vnf_tcpdump', 'eu.sonata-nfv tcpdump-vnf 0.2']],
      cps: ['mgmt', 'input', 'output'],
      vls: [['mgmt', 'E-LAN', ['vnf_iperf:mgmt', 'vnf_firewall:mgmt', 'vnf_tcpdump:mgmt', 'mgmt']], ['input-2-iperf', 'E-Line', ['input', 'vnf_iperf:input']], ['iperf-2-firewall', 'E-Line', ['vnf_iperf:output', 'vnf_firewall:input']], ['firewall-2-tcpdump', 'E-Line', ['vnf_firewall:output', 'vnf_tcpdump:input']], ['tcpdump-2-output', 'E-Line', ['vnf_tcpdump:output', 'output']]],
      fgs: [{ fns: ['vnf_iperf', 'vnf_firewall', 'vnf_tcpdump'], vls: ['mgmt', 'input-2-iperf', 'iperf-2-firewall', 'firewall-2-tcpdump', 'tcpdump-2-output'], paths: [['fg01:fp01', ['input', 'vnf_iperf:input', 'vnf_iperf:output', 'vnf_firewall:input', 'vnf_firewall:output', 'vnf_tcpdump:input', 'vnf_tcpdump:output', 'output']]] }],
    }),
    functions: [sonataVnf('vnfd-firewall.yml', 'eu.sonata-nfv firewall-vnf 0.3', (n) => `eth${n}`), sonataVnf('iperf-vnfd.yml', 'eu.sonata-nfv iperf-vnf 0.2', (n) => `cp0${n + 1}`), sonataVnf('tcpdump-vnfd.yml', 'eu.sonata-nfv tcpdump-vnf 0.2', (n) => `cp0${n + 1}`)],
  }),
  'son-cli/validate-samples/invalid_integrity/firewall-vnfd.yml': () => {
    const fw = sonataVnf('firewall-vnfd.yml', 'eu.sonata-nfv firewall-vnf 0.3', (n) => `eth${n}`);
    fw.virtualLinks[0].connectionPointRefs[0] = 'vdu02:eth0'; // "modified here"
    return { functions: [fw] };
  },
  'son-cli/validate-samples/p-valid-complex-cycles-nsd.yml': () => ({
    service: nsd('p-valid-complex-cycles-nsd.yml', {
      key: 'eu.sonata-nfv.service-descriptor sonata-demo-complex-cycles 0.2.1',
      functions: [['vnf_firewall', 'eu.sonata-nfv firewall-vnf 0.3'], ['vnf_iperf', 'eu.sonata-nfv iperf-vnf 0.2'], ['vnf_tcpdump', 'eu.sonata-nfv tcpdump-vnf 0.2'], ['vnf_vtc', 'eu.sonata-nfv vtc-vnf 0.1']],
      cps: ['mgmt', 'input', 'output'],
      vls: [['mgmt', 'E-LAN', ['vnf_iperf:mgmt', 'vnf_firewall:mgmt', 'vnf_tcpdump:mgmt', 'vnf_vtc:mgmt', 'mgmt']], ['input-2-iperf', 'E-Line', ['input', 'vnf_iperf:input']], ['iperf-2-vtc', 'E-Line', ['vnf_iperf:output', 'vnf_vtc:input_firewall']], ['iperf-2-firewall', 'E-Line', ['vnf_iperf:output', 'vnf_firewall:input']], ['firewall-2-tcpdump', 'E-Line', ['vnf_firewall:output_tcpdump', 'vnf_tcpdump:input']], ['firewall-2-vtc', 'E-Line', ['vnf_firewall:output_vtc', 'vnf_vtc:input_firewall']], ['tcpdump-2-vtc', 'E-Line', ['vnf_tcpdump:output', 'vnf_vtc:input_tcpdump']], ['vtc-2-output', 'E-Line', ['vnf_vtc:output', 'output']]],
      fgs: [{ fns: ['vnf_iperf', 'vnf_firewall', 'vnf_tcpdump'], vls: ['mgmt', 'input-2-iperf', 'iperf-2-firewall', 'firewall-2-tcpdump', 'tcpdump-2-output'], paths: [
        ['fg01:fp01', ['input', 'vnf_iperf:input', 'vnf_iperf:output', 'vnf_firewall:input', 'vnf_firewall:output_vtc', 'vnf_vtc:input_firewall', 'vnf_vtc:output', 'output']],
        ['fg01:fp02', ['input', 'vnf_iperf:input', 'vnf_iperf:output', 'vnf_firewall:input', 'vnf_firewall:output_tcpdump', 'vnf_tcpdump:input', 'vnf_tcpdump:output', 'vnf_vtc:input_tcpdump', 'vnf_vtc:output', 'output']],
        ['insert_cycles', ['vnf_firewall:output_vtc', 'vnf_vtc:input_firewall', 'vnf_vtc:input_firewall', 'vnf_firewall:output_vtc', 'vnf_tcpdump:input', 'vnf_firewall:output_tcpdump', 'vnf_vtc:input_firewall', 'vnf_iperf:output']],
      ] }],
    }),
    functions: [
      // The project's own firewall and vTC VNFDs are not in the reference set; one VDU carrying all CPs stands in.
      vnfd('firewall-vnfd.yml', { key: 'eu.sonata-nfv firewall-vnf 0.3', units: [['vdu01', 'vm', []]], cps: ['mgmt', 'input', 'output_vtc', 'output_tcpdump'], vls: [] }),
      sonataVnf('iperf-vnfd.yml', 'eu.sonata-nfv iperf-vnf 0.2', (n) => `cp0${n + 1}`),
      sonataVnf('tcpdump-vnfd.yml', 'eu.sonata-nfv tcpdump-vnf 0.2', (n) => `cp0${n + 1}`),
      vnfd('vtc-vnfd.yml', { key: 'eu.sonata-nfv vtc-vnf 0.1', units: [['vdu01', 'vm', []]], cps: ['mgmt', 'input_firewall', 'input_tcpdump', 'output'], vls: [] }),
    ],
  }),
  'pishahang-v2/ping-forwarder': () => ({
    service: nsd('nsd.yml', {
      key: 'eu.sonata-nfv.service-descriptor icmp-forwarder 1.0',
      functions: [['vm-forwarder', 'eu.sonata-nfv.vnf-descriptor forwarder-vm-vnf 1.0'], ['cn-forwarder', 'eu.sonata-nfv.cloud-service-descriptor forwarder-cn-vnf 1.0']],
      cps: [], vls: [],
      fgs: [{ fns: ['forwarder-vm-vnf', 'forwarder-cn-vnf'], vls: [], paths: [['ns:fg01:fp01', ['input', 'forwarder-vm-vnf:eth0', 'forwarder-cn-vnf:eth0', 'output']]] }],
    }),
    functions: [
      vnfd('vm-vnfd.yml', { key: 'eu.sonata-nfv.vnf-descriptor forwarder-vm-vnf 1.0', units: [['vm-forwarder', 'vm', ['eth0'], 'http://download.cirros-cloud.net/0.4.0/cirros-0.4.0-x86_64-disk.img']], cps: [], vls: [] }),
      vnfd('cn-vnfd.yml', { key: 'eu.sonata-nfv.cloud-service-descriptor forwarder-cn-vnf 1.0', target: 'kubernetes', units: [['cn-forwarder', 'container', [], 'pishahang/tcpdump:latest']], cps: [], vls: [] }),
    ],
  }),
  'pishahang-v1/social-network': () => ({
    service: nsd('social_network_cosd.yml', {
      key: 'eu.sonata-nfv.service-descriptor social-network 1.0',
      functions: [['social-network', 'eu.sonata-nfv.cloud-service-descriptor social-network 1.0'], ['squid-cache', 'eu.sonata-nfv.vnf-descriptor squid-cache 1.0'], ['snort-id', 'eu.sonata-nfv.vnf-descriptor snort-id 1.0']],
      cps: ['mgmt', 'input', 'output'],
      vls: [['mgmt', 'E-LAN', ['squid-cache:mgmt', 'snort-id:mgmt', 'mgmt']], ['input-2-snort', 'E-Line', ['input', 'snort-id:input']], ['snort-2-cache', 'E-Line', ['snort-id:output', 'squid-cache:input']], ['cache-2-output', 'E-Line', ['squid-cache:output', 'output']]],
      fgs: [{ fns: ['squid-cache'], vls: [], paths: [['ns:fg01:fp01', ['input', 'snort-id:input', 'snort-id:output', 'squid-cache:input', 'squid-cache:output', 'output']]] }],
    }),
    functions: [
      vnfd('social_network_csd.yml', { key: 'eu.sonata-nfv.cloud-service-descriptor social-network 1.0', target: 'kubernetes', units: [['humhub-1', 'container', [], 'tdierich/humhub'], ['db-1', 'container', [], 'mariadb'], ['redis-1', 'container', [], 'redis']], cps: [], vls: [] }),
      sonataVnf('squid_vnfd.yml', 'eu.sonata-nfv.vnf-descriptor squid-cache 1.0', (n) => `eth${n}`),
      sonataVnf('snort_vnfd.yml', 'eu.sonata-nfv.vnf-descriptor snort-id 1.0', (n) => `eth${n}`),
    ],
  }),
  'tng-industrial-pilot/ns1-k8s': () => ({
    service: nsd('nsd_smpilot_ns1.yml', {
      key: 'eu.5gtango tng-smpilot-ns1-k8s 0.1',
      functions: [['vnf_cc', 'eu.5gtango smpilot-cc 0.1'], ['vnf_eae', 'eu.5gtango smpilot-eae 0.1']],
      cps: ['mqtt', 'prometheus', 'grafana'],
      vls: [['mqtt-link', 'E-LAN', ['mqtt', 'vnf_cc:mqtt']], ['prometheus-link', 'E-LAN', ['prometheus', 'vnf_cc:prometheus']], ['grafana-link', 'E-LAN', ['grafana', 'vnf_eae:grafana']]],
      fgs: [],
    }),
    functions: [
      vnfd('vnfd_cc.yml', { key: 'eu.5gtango smpilot-cc 0.1', target: 'kubernetes', units: [['cdu01', 'container', ['int-mqtt'], 'sonatanfv/vnf-cc-broker:latest'], ['cdu02', 'container', [], 'sonatanfv/vnf-cc-processor:latest'], ['cdu03', 'container', [], 'sonatanfv/vnf-cc-mqttexporter:latest'], ['cdu04', 'container', ['int-prometheus'], 'sonatanfv/vnf-cc-database:latest']], cps: ['mqtt', 'prometheus'], vls: [['mqtt-link', 'E-Tree', ['mqtt', 'cdu01:int-mqtt']], ['prometheus-link', 'E-Tree', ['prometheus', 'cdu04:int-prometheus']]] }),
      vnfd('vnfd_eae.yml', { key: 'eu.5gtango smpilot-eae 0.1', target: 'kubernetes', units: [['cdu01', 'container', ['int-grafana'], 'sonatanfv/vnf-eae:latest']], cps: ['grafana'], vls: [['grafana-link', 'E-Tree', ['grafana', 'cdu01:int-grafana']]] }),
    ],
  }),
  'tng-schema/vnfd-hnf-hybrid.yml': () => ({
    functions: [vnfd('vnfd-hnf-hybrid.yml', {
      key: 'eu.5gtango ubuntu-vnf 0.9', units: [['vdu01', 'vm', ['mgmt', 'input', 'output'], 'ubuntu:16.04'], ['cndu01', 'container', ['http', 'https'], 'some-docker-hub/nginx:latest']],
      cps: ['mgmt', 'input', 'output'], vls: [['mgmt', 'E-LAN', ['vdu01:mgmt', 'mgmt']], ['input', 'E-Line', ['vdu01:input', 'input']], ['output', 'E-Line', ['vdu01:output', 'output']]],
    })],
  }),
};

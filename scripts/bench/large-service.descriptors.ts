/**
 * The input of the descriptor-validate benchmark, as the files of a package in our own (nfvo) format: one
 * service of `n` functions and 2n virtual links plus the n function descriptors it uses, half VM VNFs and half
 * container microservices, written in the style of descriptors/examples/complex-service/.
 *
 * The topology is the one of src/descriptors/validate/large-service.fixture.ts (which the scale spec validates
 * in-model), so the two figures can be compared: n+1 chain E-Lines from `input` through every function to
 * `output`, n-1 monitoring E-LANs between neighbours, one forwarding path over all of it, a startup chain,
 * connectivity dependencies and placement constraints. Deterministic: every run validates the same bytes.
 */

export interface DescriptorFile {
  /** Where the file sits in a package; also the `file` of every finding about it. */
  path: string;
  text: string;
}

export interface LargeServiceStats {
  functionRefs: number;
  vmFunctions: number;
  containerFunctions: number;
  virtualLinks: number;
  eLines: number;
  eLans: number;
  pathHops: number;
  dependencies: number;
  monitoringParameters: number;
  placement: number;
}

export interface LargeService {
  files: DescriptorFile[];
  stats: LargeServiceStats;
}

const VENDOR = 'eu.nfvo.bench';
const pad = (i: number) => String(i).padStart(4, '0');
const fnId = (i: number) => `nf${pad(i)}`;
/** Even: a VM VNF; odd: a container microservice. */
const isVm = (i: number) => i % 2 === 0;
const descriptorName = (i: number) => (isVm(i) ? `vnf-${pad(i)}` : `msvc-${pad(i)}`);

/** A fixed, plausible-looking sha256 per image (not the digest of anything: nothing is downloaded). */
function fakeSha256(i: number): string {
  let x = (i + 1) * 0x9e3779b1;
  let out = '';
  while (out.length < 64) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

function vmFunction(i: number): string {
  const name = descriptorName(i);
  return `# Function ${i} of the generated service: a VNF, one VM forwarding from "in" to "out".
nfvo_descriptor: function
schema_version: "1.0"

vendor: ${VENDOR}
name: ${name}
version: "1.0"
author: NFVO benchmark
description: Generated forwarding VNF ${i}; one Debian VM routing traffic from its input port to its output port.

target: openstack

units:
  - id: vdu01
    kind: vm
    image:
      name: bench-${name}-1.0
      url: https://images.example.net/nfvo/bench/${name}-1.0.qcow2
      format: qcow2
      checksum: { algorithm: sha256, hash: ${fakeSha256(i)} }
    resources: { vcpus: ${1 + (i % 4)}, memory_mib: ${1024 * (1 + (i % 4))}, storage_gib: 10 }
    connection_points:
      # Forwarded traffic is not addressed to the VM: Neutron's port security would drop it.
      - { id: eth0, interface: ipv4, type: internal, port_security: false }
      - { id: eth1, interface: ipv4, type: internal, port_security: false }
      - { id: eth2, interface: ipv4, type: management }
    user_data: |
      #cloud-config
      write_files:
        - path: /etc/sysctl.d/90-forward.conf
          content: net.ipv4.ip_forward=1
      runcmd:
        - sysctl --system
        - iptables -A FORWARD -i eth0 -o eth1 -j ACCEPT
        - iptables -A FORWARD -i eth1 -o eth0 -m state --state ESTABLISHED,RELATED -j ACCEPT
    scaling: { min: 1, max: 1, initial: 1 }

connection_points:
  - { id: in, interface: ipv4, type: external }
  - { id: out, interface: ipv4, type: external }
  - { id: mon, interface: ipv4, type: management }

virtual_links:
  - { id: in, connectivity_type: E-Line, connection_points_reference: ["vdu01:eth0", in] }
  - { id: out, connectivity_type: E-Line, connection_points_reference: ["vdu01:eth1", out] }
  - { id: mon, connectivity_type: E-LAN, connection_points_reference: ["vdu01:eth2", mon] }

monitoring_parameters:
  - { name: cpu_util, unit: Percentage, from: "vdu01:cpu_util" }
  - { name: forwarded_packets, unit: packets/s, from: "vdu01:rx_packets" }
`;
}

function containerFunction(i: number): string {
  const name = descriptorName(i);
  return `# Function ${i} of the generated service: a microservice, stateless containers behind a ClusterIP.
nfvo_descriptor: function
schema_version: "1.0"

vendor: ${VENDOR}
name: ${name}
version: "1.0"
author: NFVO benchmark
description: Generated microservice ${i}; HTTP containers that pass each request on to NEXT_HOP_ADDR.

target: kubernetes

units:
  - id: app
    kind: container
    image: registry.example.net/nfvo/bench/${name}:1.0.0
    replicas: 2
    ports:
      - { name: http, port: 8080, protocol: TCP, service_type: ClusterIP }
      - { name: metrics, port: 9100, protocol: TCP }
    env:
      LOG_LEVEL: info
      HTTP_PORT: "8080"
      INSTANCE_NAME: ${name}
    resources: { cpu: 0.5, memory_mib: ${256 * (1 + (i % 3))} }
    probes:
      liveness: { tcp_socket: { port: 8080 }, period_seconds: 10 }
      readiness: { http_get: { path: /ready, port: 8080 }, period_seconds: 5 }
    connection_points:
      - { id: http, interface: ipv4, type: internal }
    scaling: { min: 2, max: 6, initial: 2 }

connection_points:
  - { id: in, interface: ipv4, type: serviceendpoint, port: 8080 }
  - { id: out, interface: ipv4, type: external }
  - { id: mon, interface: ipv4, type: management }

monitoring_parameters:
  - { name: cpu_util, unit: Percentage, from: "app:cpu_usage" }
  - { name: requests_per_second, unit: requests/s, from: "app:http_requests" }
`;
}

function service(n: number): { text: string; stats: LargeServiceStats } {
  const ids = Array.from({ length: n }, (_, i) => fnId(i));
  const functions = ids.map((id, i) => {
    const scaling = isVm(i) ? '' : ', scaling: { min: 2, max: 6, initial: 2 }';
    return `  - { id: ${id}, vendor: ${VENDOR}, name: ${descriptorName(i)}, version: "1.0"${scaling} }`;
  });
  const chain = [
    `  - { id: in-link, connectivity_type: E-Line, connection_points_reference: [input, "${ids[0]}:in"], qos: { bandwidth_mbps: 1000 } }`,
    ...ids.slice(1).map((id, k) => {
      // The first segment carries the latency bound of the max-latency constraint below.
      const qos = k === 0 ? ', qos: { bandwidth_mbps: 1000, latency_ms: 10 }' : ', qos: { bandwidth_mbps: 1000 }';
      return `  - { id: chain-${pad(k)}, connectivity_type: E-Line, connection_points_reference: ["${ids[k]}:out", "${id}:in"]${qos} }`;
    }),
    `  - { id: out-link, connectivity_type: E-Line, connection_points_reference: ["${ids[n - 1]}:out", output], qos: { bandwidth_mbps: 1000 } }`,
  ];
  const mon = ids.slice(1).map((id, k) => `  - { id: mon-${pad(k)}, connectivity_type: E-LAN, connection_points_reference: ["${ids[k]}:mon", "${id}:mon"] }`);
  const linkIds = ['in-link', ...ids.slice(1).map((_, k) => `chain-${pad(k)}`), 'out-link', ...ids.slice(1).map((_, k) => `mon-${pad(k)}`)];
  const hopRefs = ['input', ...ids.flatMap((id) => [`${id}:in`, `${id}:out`]), 'output'];
  const hops = hopRefs.map((ref, k) => `          - { connection_point_ref: ${ref.includes(':') ? `"${ref}"` : ref}, position: ${k + 1} }`);
  const monitored = ids.filter((_, i) => i % 10 === 0);
  const monitoring = monitored.map((id) => `  - { name: ${id}_cpu_util, unit: Percentage, from: "${id}:cpu_util" }`);
  const dependencies = ids.slice(1).flatMap((next, k) => [
    `  - { from: ${ids[k]}, to: ${next}, type: startup }`,
    `  - { from: ${ids[k]}, to: ${next}, type: connectivity, endpoint: in, inject: NEXT_HOP_ADDR }`,
  ]);
  const placement = [
    `  - { type: allowed-sites, functions: [${ids.join(', ')}], sites: [site-a, site-b] }`,
    `  - { type: anti-affinity, functions: [${ids.slice(0, 10).join(', ')}], scope: host }`,
    `  - { type: max-latency, functions: [${ids[0]}, ${ids[1]}], max_latency_ms: 20 }`,
  ];
  const text = `# Generated service of ${n} functions (VM VNFs and container microservices alternating) chained from
# "input" to "output", with a monitoring LAN between neighbours: ${chain.length + mon.length} virtual links.
nfvo_descriptor: service
schema_version: "1.0"

vendor: ${VENDOR}
name: large-service
version: "1.0"
author: NFVO benchmark
description: >
  One forwarding chain through ${n} functions, each VNF a VM and each microservice a set of containers,
  started back to front, every function told its next hop's address.

functions:
${functions.join('\n')}

connection_points:
  - { id: input, interface: ipv4, type: external }
  - { id: output, interface: ipv4, type: external }

virtual_links:
${[...chain, ...mon].join('\n')}

forwarding_graphs:
  - id: chain
    constituent_functions: [${ids.join(', ')}]
    constituent_virtual_links: [${linkIds.join(', ')}]
    network_forwarding_paths:
      - id: input-to-output
        classifier: { protocol: tcp, destination_port: 80 }
        connection_points:
${hops.join('\n')}

monitoring_parameters:
${monitoring.join('\n')}

dependencies:
${dependencies.join('\n')}

placement:
${placement.join('\n')}
`;
  return {
    text,
    stats: {
      functionRefs: n,
      vmFunctions: ids.filter((_, i) => isVm(i)).length,
      containerFunctions: ids.filter((_, i) => !isVm(i)).length,
      virtualLinks: chain.length + mon.length,
      eLines: chain.length,
      eLans: mon.length,
      pathHops: hops.length,
      dependencies: dependencies.length,
      monitoringParameters: monitoring.length,
      placement: placement.length,
    },
  };
}

/** The service file first, then one function descriptor per function of the service. */
export function largeServiceFiles(n = 1000): LargeService {
  const svc = service(n);
  const functions = Array.from({ length: n }, (_, i) => ({
    path: `function_descriptors/${descriptorName(i)}.yaml`,
    text: isVm(i) ? vmFunction(i) : containerFunction(i),
  }));
  return { files: [{ path: 'service_descriptors/large-service.yaml', text: svc.text }, ...functions], stats: svc.stats };
}

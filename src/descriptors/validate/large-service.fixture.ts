import type { Dependency, DescriptorSet, FunctionDescriptor, FunctionRef, PathHop, SourceRef, VirtualLink } from '../model';
import { pointerJoin } from '../model';

const NSD = 'service_descriptors/large-nsd.yml';
const at = (file: string, ...tokens: Array<string | number>): SourceRef => ({ file, pointer: pointerJoin('', ...tokens) });
const line = (id: string, refs: string[], i: number, type: VirtualLink['connectivityType'] = 'E-Line', file = NSD): VirtualLink =>
  ({ id, connectivityType: type, connectionPointRefs: refs, source: at(file, 'virtual_links', i) });

/** Function i: a VM VNF (even i) or a microservice (odd i), with CPs in/out/mon, each its own descriptor. */
function descriptor(i: number): FunctionDescriptor {
  const file = `function_descriptors/f${i}.yml`;
  const cps = ['in', 'out', 'mon'].map((id, k) => ({ id, type: 'external' as const, port: i % 2 && k === 0 ? 8080 : undefined, source: at(file, 'connection_points', k) }));
  const base = { kind: 'function' as const, key: { vendor: 'eu.bench', name: `nf-${i}`, version: '1.0' }, sourceFormat: 'nfvo' as const, connectionPoints: cps, monitoringParameters: [], source: at(file) };
  if (i % 2 === 1) {
    return { ...base, target: 'kubernetes', virtualLinks: [], units: [{
      kind: 'container', id: 'app', image: `registry.example.net/nf-${i}:1.0`, replicas: 1, env: {}, resources: {}, connectionPoints: [],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP', serviceType: 'ClusterIP' }], source: at(file, 'units', 0),
    }] };
  }
  return { ...base, target: 'openstack', units: [{
    kind: 'vm', id: 'vdu01', image: { name: `nf-${i}-img` }, resources: { vcpus: 1, memoryMiB: 1024 },
    connectionPoints: ['eth0', 'eth1', 'eth2'].map((id, k) => ({ id, type: 'internal', source: at(file, 'units', 0, 'connection_points', k) })), source: at(file, 'units', 0),
  }], virtualLinks: ['in', 'out', 'mon'].map((cp, k) => line(cp, [`vdu01:eth${k}`, cp], k, 'E-Line', file)) };
}

/**
 * A valid service of `n` functions and 2n virtual links (n+1 chain E-Lines from `input` through
 * every function to `output`, n-1 monitoring E-LANs between neighbours), one forwarding path over
 * all of them, a startup chain, connectivity dependencies and placement constraints: the
 * benchmark input of the issue (1,000 functions, 2,000 links).
 */
export function largeServiceSet(n: number): DescriptorSet {
  const f = (i: number) => `f${i}`;
  const functions: FunctionRef[] = Array.from({ length: n }, (_, i) => ({ id: f(i), descriptor: { vendor: 'eu.bench', name: `nf-${i}`, version: '1.0' }, source: at(NSD, 'network_functions', i) }));
  const chain = [line('in-link', ['input', `${f(0)}:in`], 0), ...functions.slice(1).map((_, i) => line(`chain-${i}`, [`${f(i)}:out`, `${f(i + 1)}:in`], i + 1)), line('out-link', [`${f(n - 1)}:out`, 'output'], n)];
  const mon = functions.slice(1).map((_, i) => line(`mon-${i}`, [`${f(i)}:mon`, `${f(i + 1)}:mon`], n + 1 + i, 'E-LAN'));
  const virtualLinks = [...chain, ...mon];
  const refs = ['input', ...functions.flatMap((fn) => [`${fn.id}:in`, `${fn.id}:out`]), 'output'];
  const hops: PathHop[] = refs.map((connectionPointRef, k) => ({ connectionPointRef, position: k + 1, source: at(NSD, 'forwarding_graphs', 0, 'network_forwarding_paths', 0, 'connection_points', k) }));
  const dependencies: Dependency[] = functions.slice(1).flatMap((_, i) => [
    { from: f(i), to: f(i + 1), type: 'startup' as const, source: at(NSD, 'dependencies', 2 * i) },
    { from: f(i), to: f(i + 1), type: 'connectivity' as const, endpoint: 'in', inject: 'NEXT_HOP_ADDR', source: at(NSD, 'dependencies', 2 * i + 1) },
  ]);
  return {
    functions: functions.map((_, i) => descriptor(i)),
    service: {
      kind: 'service', key: { vendor: 'eu.bench', name: 'large', version: '1.0' }, sourceFormat: 'nfvo', functions,
      connectionPoints: ['input', 'output'].map((id, k) => ({ id, type: 'external', source: at(NSD, 'connection_points', k) })),
      virtualLinks,
      forwardingGraphs: [{ id: 'fg', constituentFunctions: functions.map((fn) => fn.id), constituentVirtualLinks: virtualLinks.map((vl) => vl.id), paths: [{ id: 'fp', hops, source: at(NSD, 'forwarding_graphs', 0, 'network_forwarding_paths', 0) }], source: at(NSD, 'forwarding_graphs', 0) }],
      monitoringParameters: [],
      dependencies,
      placement: [
        { type: 'allowed-sites', functions: functions.map((fn) => fn.id), sites: ['site-a', 'site-b'], source: at(NSD, 'placement', 0) },
        { type: 'anti-affinity', functions: functions.slice(0, 10).map((fn) => fn.id), scope: 'host', source: at(NSD, 'placement', 1) },
        { type: 'max-latency', functions: [f(0), f(n - 1)], maxLatencyMs: 20, source: at(NSD, 'placement', 2) },
      ],
      source: at(NSD),
    },
  };
}

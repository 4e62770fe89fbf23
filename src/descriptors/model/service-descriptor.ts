import type { DescriptorKey } from './descriptor-key';
import type { SourceFormat, SourceRef } from './source-ref';

/**
 * A network service whose functions are VNFs (VM units on OpenStack) and cloud microservices
 * (container units deployed through Terraform) in one graph. Grounded in the SONATA NSD
 * (network_functions, connection_points, virtual_links, forwarding_graphs), widened to
 * container functions (Pishahang's cloud_services), plus typed dependencies and placement.
 */
export interface ServiceDescriptor {
  kind: 'service';
  key: DescriptorKey;
  sourceFormat: SourceFormat;
  author?: string;
  description?: string;
  /** VNFs and microservices in one list; each names a function descriptor by its key. */
  functions: FunctionRef[];
  /** The service's own endpoints to the outside world. */
  connectionPoints: ServiceConnectionPoint[];
  virtualLinks: VirtualLink[];
  forwardingGraphs: ForwardingGraph[];
  monitoringParameters: MonitoringParameter[];
  dependencies: Dependency[];
  placement: PlacementConstraint[];
  source: SourceRef;
}

export interface FunctionRef {
  /** Instance id inside the service (SONATA vnf_id), used in connection point references `id:cp`. */
  id: string;
  descriptor: DescriptorKey;
  /** Scaling bounds of this function in the service (instances). */
  scaling?: ScalingBounds;
  source: SourceRef;
}

export interface ScalingBounds {
  min: number;
  max: number;
  initial: number;
}

export type CpInterface = 'ipv4' | 'ipv6' | 'ethernet';
export type CpType = 'management' | 'external' | 'internal' | 'serviceendpoint';

export interface ServiceConnectionPoint {
  id: string;
  interface?: CpInterface;
  type: CpType;
  source: SourceRef;
}

export type ConnectivityType = 'E-Line' | 'E-LAN' | 'E-Tree';

export interface VirtualLink {
  id: string;
  connectivityType: ConnectivityType;
  /** `functionId:cpId` for a function's (or, inside a function, a unit's) connection point, or `cpId` for the owner's own. */
  connectionPointRefs: string[];
  /** E-Tree: the root connection point references (the others are leaves). */
  roots?: string[];
  qos?: { bandwidthMbps?: number; latencyMs?: number };
  source: SourceRef;
}

export interface ForwardingGraph {
  id: string;
  constituentFunctions: string[];
  constituentVirtualLinks: string[];
  paths: ForwardingPath[];
  source: SourceRef;
}

export interface ForwardingPath {
  id: string;
  policy?: string;
  /** Traffic entering the chain (SONATA leaves it implicit: all traffic at the first hop). */
  classifier?: TrafficClassifier;
  hops: PathHop[];
  source: SourceRef;
}

export interface PathHop {
  connectionPointRef: string;
  position: number;
  source: SourceRef;
}

export interface TrafficClassifier {
  protocol?: 'tcp' | 'udp' | 'icmp' | 'any';
  sourceCidr?: string;
  destinationCidr?: string;
  destinationPort?: number;
}

export interface MonitoringParameter {
  name: string;
  unit?: string;
  /** `functionId:parameter` or `functionId:unitId:parameter` the service parameter is derived from. */
  from?: string;
  source: SourceRef;
}

/**
 * New in the joint model (no SONATA version had it): function `from` depends on function `to`.
 * `startup`: `from` starts only once `to` runs. `connectivity`: `from` needs the address of
 * `to`'s connection point `endpoint`, injected into `from` as configuration (env variable `inject`).
 */
export interface Dependency {
  from: string;
  to: string;
  type: 'startup' | 'connectivity';
  endpoint?: string;
  inject?: string;
  source: SourceRef;
}

/** New in the joint model: where functions may run, and how they relate. */
export type PlacementConstraint =
  | { type: 'allowed-sites'; functions: string[]; sites: string[]; source: SourceRef }
  | { type: 'affinity'; functions: string[]; scope: 'site'; source: SourceRef }
  | { type: 'anti-affinity'; functions: string[]; scope: 'site' | 'host'; source: SourceRef }
  | { type: 'max-latency'; functions: [string, string]; maxLatencyMs: number; source: SourceRef };

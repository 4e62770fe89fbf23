import type { DescriptorKey } from './descriptor-key';
import type { CpInterface, CpType, MonitoringParameter, ScalingBounds, VirtualLink } from './service-descriptor';
import type { SourceFormat, SourceRef } from './source-ref';

/** Where a function's units run: VMs on OpenStack, containers on Kubernetes (through Terraform). */
export type TargetDomain = 'openstack' | 'kubernetes';

/**
 * A VNF (VM units) or a cloud microservice (container units). Grounded in the SONATA VNFD
 * (virtual_deployment_units) and 5GTANGO (cloudnative_deployment_units), Pishahang's CSD and
 * its v2 `descriptor_flavor`.
 */
export interface FunctionDescriptor {
  kind: 'function';
  key: DescriptorKey;
  sourceFormat: SourceFormat;
  author?: string;
  description?: string;
  target: TargetDomain;
  units: Unit[];
  /** The function's endpoints, wired to its units through `virtualLinks`. */
  connectionPoints: FunctionConnectionPoint[];
  /** Internal virtual links between units and the function's connection points. */
  virtualLinks: VirtualLink[];
  monitoringParameters: MonitoringParameter[];
  scaling?: ScalingBounds;
  source: SourceRef;
}

export interface FunctionConnectionPoint {
  id: string;
  interface?: CpInterface;
  type: CpType;
  /** For container functions: the port this endpoint serves. */
  port?: number;
  source: SourceRef;
}

export type Unit = VmUnit | ContainerUnit;

export interface UnitConnectionPoint {
  id: string;
  interface?: CpInterface;
  type: CpType;
  /** Fixed addresses when the descriptor pins them. */
  mac?: string;
  ip?: string;
  /** Forwarding VNFs need port security off (traffic not addressed to them passes through). */
  portSecurity?: boolean;
  source: SourceRef;
}

export interface VmUnit {
  kind: 'vm';
  id: string;
  image: VmImage;
  resources: { vcpus: number; memoryMiB: number; storageGiB?: number };
  connectionPoints: UnitConnectionPoint[];
  userData?: string;
  scaling?: ScalingBounds;
  source: SourceRef;
}

export interface VmImage {
  /** Image name as registered in Glance, or a URL to register it from. */
  name: string;
  url?: string;
  format?: 'qcow2' | 'raw' | 'vmdk' | 'vdi' | 'iso' | 'vhd' | 'ami' | 'docker';
  checksum?: { algorithm: 'md5' | 'sha256' | 'sha512'; hash: string };
}

export interface ContainerPort {
  name?: string;
  port: number;
  /** Port inside the container, when it differs from `port`. */
  targetPort?: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** Exposed through a Kubernetes Service of this type; absent = not exposed. */
  serviceType?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
}

export interface ContainerUnit {
  kind: 'container';
  id: string;
  image: string;
  ports: ContainerPort[];
  env: Record<string, string>;
  replicas: number;
  resources: { cpu?: number; memoryMiB?: number };
  probes?: { liveness?: ContainerProbe; readiness?: ContainerProbe };
  connectionPoints: UnitConnectionPoint[];
  scaling?: ScalingBounds;
  source: SourceRef;
}

export interface ContainerProbe {
  httpGet?: { path: string; port: number };
  tcpSocket?: { port: number };
  periodSeconds?: number;
}

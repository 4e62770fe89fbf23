/** The shape of nfvo-format documents once they passed descriptors/schemas/ (snake_case, as written). */
export interface NfvoScaling { min: number; max: number; initial?: number }
export interface NfvoCp { id: string; interface?: 'ipv4' | 'ipv6' | 'ethernet'; type: 'management' | 'external' | 'internal' | 'serviceendpoint' }
export interface NfvoVirtualLink { id: string; connectivity_type: 'E-Line' | 'E-LAN' | 'E-Tree'; connection_points_reference: string[]; roots?: string[]; qos?: { bandwidth_mbps?: number; latency_ms?: number } }
export interface NfvoMonitoring { name: string; unit?: string; from?: string }

interface NfvoHeader { vendor: string; name: string; version: string; author?: string; description?: string }

export interface NfvoService extends NfvoHeader {
  functions: Array<{ id: string; vendor: string; name: string; version: string; scaling?: NfvoScaling }>;
  connection_points?: NfvoCp[];
  virtual_links?: NfvoVirtualLink[];
  forwarding_graphs?: Array<{
    id: string;
    constituent_functions?: string[];
    constituent_virtual_links?: string[];
    network_forwarding_paths: Array<{
      id: string;
      policy?: string;
      classifier?: { protocol?: 'tcp' | 'udp' | 'icmp' | 'any'; source_cidr?: string; destination_cidr?: string; destination_port?: number };
      connection_points: Array<{ connection_point_ref: string; position: number }>;
    }>;
  }>;
  monitoring_parameters?: NfvoMonitoring[];
  dependencies?: Array<{ from: string; to: string; type: 'startup' | 'connectivity'; endpoint?: string; inject?: string }>;
  placement?: NfvoPlacement[];
}

export type NfvoPlacement =
  | { type: 'allowed-sites'; functions: string[]; sites: string[] }
  | { type: 'affinity'; functions: string[]; scope?: 'site' }
  | { type: 'anti-affinity'; functions: string[]; scope: 'site' | 'host' }
  | { type: 'max-latency'; functions: [string, string]; max_latency_ms: number };

export interface NfvoUnitCp extends NfvoCp { mac?: string; ip?: string; port_security?: boolean }
export interface NfvoProbe { http_get?: { path: string; port: number }; tcp_socket?: { port: number }; period_seconds?: number }

export interface NfvoVmUnit {
  kind: 'vm'; id: string;
  image: { name: string; url?: string; format?: 'qcow2' | 'raw' | 'vmdk' | 'vdi' | 'iso' | 'vhd' | 'ami' | 'docker'; checksum?: { algorithm: 'md5' | 'sha256' | 'sha512'; hash: string } };
  resources: { vcpus: number; memory_mib: number; storage_gib?: number };
  connection_points?: NfvoUnitCp[]; user_data?: string; scaling?: NfvoScaling;
}

export interface NfvoContainerUnit {
  kind: 'container'; id: string; image: string; replicas?: number;
  ports?: Array<{ name?: string; port: number; target_port?: number; protocol?: 'TCP' | 'UDP' | 'SCTP'; service_type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' }>;
  env?: Record<string, string>; resources?: { cpu?: number; memory_mib?: number };
  probes?: { liveness?: NfvoProbe; readiness?: NfvoProbe };
  connection_points?: NfvoUnitCp[]; scaling?: NfvoScaling;
}

export interface NfvoFunction extends NfvoHeader {
  target: 'openstack' | 'kubernetes';
  units: Array<NfvoVmUnit | NfvoContainerUnit>;
  connection_points?: Array<NfvoCp & { port?: number }>;
  virtual_links?: NfvoVirtualLink[];
  monitoring_parameters?: NfvoMonitoring[];
  scaling?: NfvoScaling;
}

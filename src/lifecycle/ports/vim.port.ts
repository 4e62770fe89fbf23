/**
 * What the lifecycle needs from a VM infrastructure manager (ETSI NFV-IFA005 in spirit: networks,
 * ports, compute, images, capacity). Every `ensure…` is idempotent: it looks the resource up by its
 * deterministic name and the NS instance tag before creating it, so a re-run after a crash creates
 * nothing twice. Every `remove…` succeeds when the resource is already gone. Failures are VimErrors.
 */
export interface ResourceOwner {
  nsInstanceId: string;
  /** The LCM operation occurrence that created the resource (kept for audit; not part of identity). */
  nsLcmOpOccId: string;
}

export interface NetworkSpec {
  name: string;
  cidr: string;
  gatewayIp?: string | null;
  /** This VIM's share of the subnet's addresses, when the link spans sites. */
  allocationPools?: { start: string; end: string }[];
  /** Off for data-plane networks that carry chained traffic through forwarding VNFs. */
  portSecurity: boolean;
}

export interface SecurityGroupSpec {
  name: string;
  rules: { direction: 'ingress' | 'egress'; protocol?: 'tcp' | 'udp' | 'icmp'; portMin?: number; portMax?: number; remoteIpPrefix?: string }[];
}

export interface PortSpec {
  name: string;
  networkId: string;
  fixedIp?: string;
  macAddress?: string;
  /** False for ports of forwarding VNFs, which must pass traffic not addressed to them. */
  portSecurity: boolean;
  securityGroupIds?: string[];
}

export interface FlavorSpec { vcpus: number; memoryMiB: number; diskGiB: number }
export interface ImageSpec { name: string; checksum?: string; url?: string; diskFormat?: string }

export interface ServerSpec {
  name: string;
  flavorId: string;
  imageId: string;
  portIds: string[];
  userData?: string;
  serverGroupId?: string;
  /** Configuration for the guest (Nova server metadata: the metadata service's and config drive's `meta`). */
  metadata?: Record<string, string>;
}

export interface ServerState {
  id: string;
  name: string;
  status: string;
  addresses: { networkName: string; ip: string; mac: string }[];
}

export interface VimCapacity {
  vcpus: { total: number; used: number };
  memoryMiB: { total: number; used: number };
  instances: { total: number; used: number };
}

export interface VimPort {
  ensureNetwork(owner: ResourceOwner, spec: NetworkSpec): Promise<{ networkId: string; subnetId: string }>;
  ensureSecurityGroup(owner: ResourceOwner, spec: SecurityGroupSpec): Promise<string>;
  ensurePort(owner: ResourceOwner, spec: PortSpec): Promise<{ portId: string; ip: string; mac: string }>;
  ensureFlavor(spec: FlavorSpec): Promise<string>;
  ensureImage(spec: ImageSpec): Promise<string>;
  ensureServerGroup(owner: ResourceOwner, name: string, policy: 'affinity' | 'anti-affinity'): Promise<string>;
  /** Creates the server (or finds it) and waits until it is ACTIVE; a server found in ERROR is replaced. */
  ensureServer(owner: ResourceOwner, spec: ServerSpec): Promise<ServerState>;
  /** The same for many servers at once, with one lookup and shared status polling (what a plan step of a VNF uses). */
  ensureServers(owner: ResourceOwner, specs: ServerSpec[]): Promise<ServerState[]>;
  removeServer(owner: ResourceOwner, name: string): Promise<void>;
  removePort(owner: ResourceOwner, name: string): Promise<void>;
  removeSecurityGroup(owner: ResourceOwner, name: string): Promise<void>;
  removeServerGroup(owner: ResourceOwner, name: string): Promise<void>;
  removeNetwork(owner: ResourceOwner, name: string): Promise<void>;
  capacity(): Promise<VimCapacity>;
}

import type { ComputeDriver } from './compute-driver';
import { randomUUID } from 'node:crypto';
import { nowIso } from './time-format';
import { zedMl2Extensions } from './neutron-extensions';

// Records are stored in the shape the APIs answer with, so views are mostly copies.
export type Server = Record<string, unknown> & { id: string; name: string; status: string; metadata: Record<string, string> };
export type Network = Record<string, unknown> & { id: string; name: string; subnets: string[]; port_security_enabled: boolean };
export type Subnet = Record<string, unknown> & { id: string; name: string; network_id: string; cidr: string; gateway_ip: string | null; allocation_pools: { start: string; end: string }[] };
export type FixedIp = { subnet_id: string; ip_address: string };
export type Port = Record<string, unknown> & { id: string; name: string; network_id: string; fixed_ips: FixedIp[]; mac_address: string; device_id: string; device_owner: string; status: string };
export type Flavor = Record<string, unknown> & { id: string; name: string; ram: number; vcpus: number; disk: number };
export type Image = Record<string, unknown> & { id: string; name: string; status: string };
export type SecurityGroup = Record<string, unknown> & { id: string; name: string; security_group_rules: Record<string, unknown>[] };
export type ServerGroup = Record<string, unknown> & { id: string; name: string; policies: string[]; members: string[] };

/** A compute node of the emulated cloud; the scheduler places servers on these. */
export interface ComputeHost { name: string; vcpus: number; memoryMiB: number }

/** Nova's per-project quota (nova.conf [quota]); exceeding one answers 403 as Nova does. */
export interface Quotas { instances: number; cores: number; ramMiB: number; serverGroups: number }

export interface Inventory {
  servers: Server[];
  networks: Network[];
  subnets: Subnet[];
  ports: Port[];
  flavors: Flavor[];
  images: Image[];
  securityGroups: SecurityGroup[];
  serverGroups: ServerGroup[];
}

export interface Identity {
  username: string;
  password: string;
  project: string;
  userDomain: string;
  projectDomain: string;
  userId: string;
  projectId: string;
  applicationCredential: { id: string; secret: string };
  /** Keystone roles on the project; only `admin` passes admin-only policies (flavor creation, port binding fields). */
  roles: string[];
}

/** One site's cloud: everything a single emulator instance knows, and its pending timers. */
export class EmulatorState {
  readonly servers = new Map<string, Server>();
  readonly networks = new Map<string, Network>();
  readonly subnets = new Map<string, Subnet>();
  readonly ports = new Map<string, Port>();
  readonly flavors = new Map<string, Flavor>();
  readonly images = new Map<string, Image>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly serverGroups = new Map<string, ServerGroup>();
  readonly tokens = new Map<string, { expiresAt: number; roles: string[] }>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly identity: Identity,
    readonly region: string,
    readonly timing: { buildMs: number; deleteMs: number; tokenTtlMs: number },
    readonly hosts: ComputeHost[],
    readonly quotas: Quotas,
    public baseUrl = '',
    /** What backs the servers (nothing by default): see ComputeDriver. */
    readonly compute?: ComputeDriver,
    /** Neutron extension aliases this cloud advertises (`GET /v2.0/extensions`). */
    readonly extensions: readonly string[] = zedMl2Extensions,
  ) {}

  /** Runs `fn` later, unless the emulator closes first. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    t.unref();
    this.timers.add(t);
  }

  stopTimers(): void {
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  snapshot(): Inventory {
    const copy = <T>(m: Map<string, T>): T[] => structuredClone([...m.values()]);
    return {
      servers: copy(this.servers), networks: copy(this.networks), subnets: copy(this.subnets), ports: copy(this.ports), flavors: copy(this.flavors), images: copy(this.images),
      securityGroups: copy(this.securityGroups), serverGroups: copy(this.serverGroups),
    };
  }
}

export interface FlavorSeed { id?: string; name: string; ram: number; vcpus: number; disk: number }
export interface ImageSeed { id?: string; name: string; diskFormat?: string; minDisk?: number; minRam?: number }

/** devstack's default flavors (ids 1..4) and a CirrOS image, so an emulator is usable at once. */
export const defaultFlavors: FlavorSeed[] = [
  { id: '1', name: 'm1.tiny', ram: 512, vcpus: 1, disk: 1 },
  { id: '2', name: 'm1.small', ram: 2048, vcpus: 1, disk: 20 },
  { id: '3', name: 'm1.medium', ram: 4096, vcpus: 2, disk: 40 },
  { id: '4', name: 'm1.large', ram: 8192, vcpus: 4, disk: 80 },
];
export const defaultImages: ImageSeed[] = [{ name: 'cirros-0.6.2-x86_64-disk', minDisk: 1 }, { name: 'ubuntu-22.04-server', minDisk: 10, minRam: 1024 }];

/** Four devstack-sized compute nodes, and quotas large enough for a lab (Nova's own defaults are 10/20/50 GiB). */
export const defaultHosts: ComputeHost[] = [1, 2, 3, 4].map((i) => ({ name: `compute-${i}`, vcpus: 64, memoryMiB: 262144 }));
export const defaultQuotas: Quotas = { instances: 200, cores: 400, ramMiB: 1048576, serverGroups: 20 };

export const newId = (): string => randomUUID();
export { nowIso };

import { type IncomingMessage, type Server as HttpServer, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ComputeHost, EmulatorState, type FlavorSeed, type ImageSeed, type Inventory, type Quotas, defaultFlavors, defaultHosts, defaultImages, defaultQuotas, newId } from './emulator-state';
import { FaultInjector } from './fault-injector';
import { dispatch, operations } from './emulator-dispatch';
import { addFlavor } from './nova-flavors.routes';
import { addImage } from './glance-images.routes';
import { deleteServer } from './nova-servers';
import type { ComputeDriver } from './compute-driver';

export interface OpenStackEmulatorOptions {
  region?: string;
  /** Latency added to every call; per-operation latency goes through `faults.latency()`. */
  latencyMs?: number;
  /** How long a server stays BUILD before ACTIVE, and how long a delete takes. */
  buildMs?: number;
  deleteMs?: number;
  tokenTtlMs?: number;
  credentials?: { username: string; password: string; project: string; userDomain?: string; projectDomain?: string };
  applicationCredential?: { id: string; secret: string };
  flavors?: FlavorSeed[];
  /** Compute nodes the scheduler fills; a server that fits none goes to ERROR (NoValidHost). */
  hosts?: ComputeHost[];
  quotas?: Partial<Quotas>;
  images?: ImageSeed[];
  /** What backs the servers; nothing by default (see ComputeDriver). */
  compute?: ComputeDriver;
  /**
   * The account's roles on its project: `['admin', 'member', 'reader']` (an admin, the default) or
   * `['member', 'reader']`, the usual NFVO account, which default policies refuse flavor creation and binding details.
   */
  roles?: string[];
  /** Neutron extensions advertised; a default Zed's by default (no `tag-creation`). */
  extensions?: readonly string[];
}

/** One emulated OpenStack site (Keystone, Nova, Neutron, Glance) on its own loopback port. */
export class OpenStackEmulator {
  readonly faults = new FaultInjector();
  private constructor(private readonly server: HttpServer, private readonly state: EmulatorState) {}

  static async start(o: OpenStackEmulatorOptions = {}): Promise<OpenStackEmulator> {
    const c = o.credentials ?? { username: 'admin', password: 'secret', project: 'admin' };
    const state = new EmulatorState(
      { username: c.username, password: c.password, project: c.project, userDomain: c.userDomain ?? 'Default', projectDomain: c.projectDomain ?? 'Default', userId: newId().replace(/-/g, ''), projectId: newId().replace(/-/g, ''), applicationCredential: o.applicationCredential ?? { id: newId().replace(/-/g, ''), secret: 'app-secret' }, roles: o.roles ?? ['admin', 'member', 'reader'] },
      o.region ?? 'RegionOne',
      { buildMs: o.buildMs ?? 50, deleteMs: o.deleteMs ?? 50, tokenTtlMs: o.tokenTtlMs ?? 3_600_000 },
      o.hosts ?? defaultHosts,
      { ...defaultQuotas, ...o.quotas },
      '',
      o.compute,
      o.extensions,
    );
    let emulator: OpenStackEmulator | undefined;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => void dispatch(req, res, state, emulator!.faults));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    (o.flavors ?? defaultFlavors).forEach((f) => addFlavor(state, f));
    (o.images ?? defaultImages).forEach((i) => addImage(state, i));
    emulator = new OpenStackEmulator(server, state);
    emulator.faults.latencyMs = o.latencyMs ?? 0;
    return emulator;
  }

  /** Keystone v3 base URL, what a VIM record's endpoint points at. */
  get url(): string {
    return `${this.state.baseUrl}/identity/v3`;
  }

  get region(): string {
    return this.state.region;
  }

  /** The identity this instance accepts (user/project ids are generated per instance). */
  get identity() {
    return structuredClone(this.state.identity);
  }

  /** Every operation name the emulator serves (`service.resource.verb`), for fault plans. */
  operations(): string[] {
    return operations();
  }

  /** Deletes a server behind the NFVO's back, as an operator's `openstack server delete` would (for heal tests). */
  deleteServerOutOfBand(id: string): boolean {
    const server = this.state.servers.get(id);
    if (server) deleteServer(this.state, server);
    return !!server;
  }

  /** Sets the project's compute quotas, as an admin's `PUT /os-quota-sets/{project_id}` does. */
  setQuotas(q: Partial<Quotas>): void {
    Object.assign(this.state.quotas, q);
  }

  /** The account's password changes (an operator rotated it): Keystone revokes the user's tokens with it. */
  changePassword(password: string): void {
    this.state.identity.password = password;
    this.state.tokens.clear();
  }

  /** Forgets every issued token, as a Keystone restart with new Fernet keys would: services answer 401. */
  revokeTokens(): void {
    this.state.tokens.clear();
  }

  /** Keystone token requests answered so far, successful or not. */
  get tokenRequests(): number {
    return this.faults.calls('keystone.tokens.create');
  }

  inventory(): Inventory {
    return this.state.snapshot();
  }

  /** Stops timers and drops every connection, hung ones included. */
  async close(): Promise<void> {
    this.state.stopTimers();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}


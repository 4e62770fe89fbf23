import { setTimeout as sleep } from 'node:timers/promises';
import type { FlavorPolicy, Vim, VimCredentials } from '../../infra/infra.model';
import { isVimError } from '../../lifecycle/ports/vim-error';
import type { FlavorSpec, ImageSpec, NetworkSpec, PortSpec, ResourceOwner, SecurityGroupSpec, ServerSpec, ServerState, VimCapacity, VimPort } from '../../lifecycle/ports/vim.port';
import { GlanceImages } from './glance-images';
import { KeystoneSession } from './keystone-session';
import { NeutronResources } from './neutron-resources';
import { NovaResources } from './nova-resources';
import { OpenStackHttp } from './openstack-http';
import { type PollTiming, WaitTimeout } from './poll';
import { VimHttpClient } from './vim-http-client';

export interface OpenStackVimOptions {
  callTimeoutMs: number;
  poll: PollTiming;
  /** Attempts per ensure/remove for transient failures; each attempt looks up before creating, so repeats are safe. */
  attempts: number;
  retryBaseMs: number;
  interface: 'public' | 'internal' | 'admin';
  maxSockets: number;
  /** Server creates in flight at once per ensureServers call. */
  createConcurrency: number;
}

export const defaultOpenStackVimOptions: OpenStackVimOptions = {
  callTimeoutMs: 30_000, poll: { initialMs: 100, maxMs: 5_000, timeoutMs: 600_000 }, attempts: 3, retryBaseMs: 200, interface: 'public', maxSockets: 32, createConcurrency: 10,
};

/** Transient faults worth an immediate retry; quota and NoValidHost need capacity freed, which the lifecycle decides on. */
const TRANSIENT = new Set(['UNREACHABLE', 'TIMEOUT', 'SERVER_ERROR', 'MALFORMED_RESPONSE', 'CONFLICT']);

/** The VimPort for one OpenStack VIM: Keystone v3 session, Neutron, Nova and Glance over REST. */
export class OpenStackVim implements VimPort {
  readonly session: KeystoneSession;
  private readonly neutron: NeutronResources;
  private readonly nova: NovaResources;
  private readonly glance: GlanceImages;

  private readonly flavorPolicy: FlavorPolicy;

  constructor(vim: Pick<Vim, 'endpoint' | 'project' | 'projectDomain' | 'region' | 'flavorPolicy'>, credentials: VimCredentials, private readonly o: OpenStackVimOptions = defaultOpenStackVimOptions) {
    this.flavorPolicy = vim.flavorPolicy ?? 'select';
    const client = new VimHttpClient(o.maxSockets);
    this.session = new KeystoneSession(client, vim, credentials, { timeoutMs: o.callTimeoutMs, interface: o.interface });
    const http = new OpenStackHttp(client, this.session, o.callTimeoutMs);
    this.neutron = new NeutronResources(http);
    this.nova = new NovaResources(http, o.poll);
    this.glance = new GlanceImages(http, o.poll);
  }

  private async retrying<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!(isVimError(e) && TRANSIENT.has(e.kind)) || e instanceof WaitTimeout || attempt >= this.o.attempts) throw e;
        await sleep(this.o.retryBaseMs * 4 ** (attempt - 1));
      }
    }
  }

  ensureNetwork(owner: ResourceOwner, s: NetworkSpec) { return this.retrying(() => this.neutron.ensureNetwork(owner, s)); }
  ensureSecurityGroup(owner: ResourceOwner, s: SecurityGroupSpec) { return this.retrying(() => this.neutron.ensureSecurityGroup(owner, s)); }
  ensurePort(owner: ResourceOwner, s: PortSpec) { return this.retrying(() => this.neutron.ensurePort(owner, s)); }
  ensureFlavor(s: FlavorSpec) { return this.retrying(() => this.nova.ensureFlavor(s, this.flavorPolicy)); }
  ensureImage(s: ImageSpec) { return this.retrying(() => this.glance.ensure(s)); }
  ensureServerGroup(_owner: ResourceOwner, name: string, policy: 'affinity' | 'anti-affinity') { return this.retrying(() => this.nova.ensureServerGroup(name, policy)); }
  async ensureServer(owner: ResourceOwner, s: ServerSpec): Promise<ServerState> { return (await this.ensureServers(owner, [s]))[0]; }
  ensureServers(owner: ResourceOwner, s: ServerSpec[]): Promise<ServerState[]> { return this.retrying(() => this.nova.ensureServers(owner, s, this.o.createConcurrency)); }
  removeServer(owner: ResourceOwner, name: string) { return this.retrying(() => this.nova.removeServer(owner, name)); }
  removePort(owner: ResourceOwner, name: string) { return this.retrying(() => this.neutron.remove('ports', owner, name)); }
  removeSecurityGroup(owner: ResourceOwner, name: string) { return this.retrying(() => this.neutron.remove('security-groups', owner, name)); }
  removeServerGroup(_owner: ResourceOwner, name: string) { return this.retrying(() => this.nova.removeServerGroup(name)); }
  removeNetwork(owner: ResourceOwner, name: string) { return this.retrying(() => this.neutron.remove('networks', owner, name)); }
  capacity(): Promise<VimCapacity> { return this.retrying(() => this.nova.capacity()); }
}

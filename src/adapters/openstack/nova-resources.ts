import { setTimeout as sleep } from 'node:timers/promises';
import { VimError, isVimError } from '../../lifecycle/ports/vim-error';
import type { FlavorPolicy } from '../../infra/infra.model';
import type { FlavorSpec, ResourceOwner, ServerSpec, ServerState, VimCapacity } from '../../lifecycle/ports/vim.port';
import type { OpenStackHttp } from './openstack-http';
import { ownerMetadata } from './owner-tags';
import { type PollTiming, pollUntil } from './poll';
import { type NovaFlavor, noFlavorFits, smallestFitting } from './flavor-choice';
import { roomFreedSince } from './quota-freed';

type Server = { id: string; name: string; status: string; 'OS-EXT-STS:task_state'?: string | null; metadata?: Record<string, string>; fault?: { message?: string }; addresses?: Record<string, { addr: string; 'OS-EXT-IPS-MAC:mac_addr'?: string }[]> };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A server fault that means "no compute host had room": the scheduler's NoValidHost, or the conductor giving up
 * after compute hosts refused the build (a late server-group check, a claim that failed) and no host was left.
 */
const NO_ROOM = /no valid host|exhausted all hosts available/i;
const [FAULT_READS, FAULT_WAIT_MS] = [5, 200];
const notFound = (e: unknown) => isVimError(e) && e.kind === 'NOT_FOUND';

/** Compute API v2.1: flavors, server groups, servers, limits. */
export class NovaResources {
  constructor(private readonly h: OpenStackHttp, private readonly poll: PollTiming) {}

  /**
   * The smallest flavor the project may use that is at least this size. Without one, a flavor of exactly
   * this size is created where the VIM's registration allows it (`create-if-missing`) and the account may
   * (default policy: admins only); otherwise the refusal names the closest flavors and what each lacks.
   */
  async ensureFlavor(s: FlavorSpec, policy: FlavorPolicy): Promise<string> {
    const list = async () => (await this.h.call<{ flavors: NovaFlavor[] }>('compute', 'nova.flavors.list', 'GET', '/flavors/detail')).flavors;
    const flavors = await list();
    const fit = smallestFitting(flavors, s);
    if (fit) return fit.id;
    const why = noFlavorFits(flavors, s);
    if (policy === 'select') throw new VimError('NOT_FOUND', 'nova.flavors.select', `${why}. The VIM is registered with flavorPolicy select: ask the cloud's administrator for such a flavor, or register the VIM with flavorPolicy create-if-missing and an account that may create flavors.`);
    const name = `nfvo.c${s.vcpus}-m${s.memoryMiB}-d${s.diskGiB}`;
    try {
      return (await this.h.call<{ flavor: NovaFlavor }>('compute', 'nova.flavors.create', 'POST', '/flavors', { flavor: { name, vcpus: s.vcpus, ram: s.memoryMiB, disk: s.diskGiB } })).flavor.id;
    } catch (e) {
      // Another run created it between our list and our create.
      const raced = isVimError(e) && e.kind === 'CONFLICT' ? (await list()).find((f) => f.name === name) : undefined;
      if (raced) return raced.id;
      if (isVimError(e) && e.kind === 'FORBIDDEN') throw new VimError('FORBIDDEN', e.operation, `${why}, and the VIM refused to create one: ${e.vimMessage}`, e.status);
      throw e;
    }
  }

  async ensureServerGroup(name: string, policy: 'affinity' | 'anti-affinity'): Promise<string> {
    const existing = (await this.h.call<{ server_groups: { id: string; name: string }[] }>('compute', 'nova.server_groups.list', 'GET', '/os-server-groups')).server_groups.find((g) => g.name === name);
    if (existing) return existing.id;
    return (await this.h.call<{ server_group: { id: string } }>('compute', 'nova.server_groups.create', 'POST', '/os-server-groups', { server_group: { name, policies: [policy] } })).server_group.id;
  }

  async removeServerGroup(name: string): Promise<void> {
    const g = (await this.h.call<{ server_groups: { id: string; name: string }[] }>('compute', 'nova.server_groups.list', 'GET', '/os-server-groups')).server_groups.find((x) => x.name === name);
    if (g) await this.h.call('compute', 'nova.server_groups.delete', 'DELETE', `/os-server-groups/${g.id}`).catch((e) => { if (!notFound(e)) throw e; });
  }

  /** Nova's name filter is a regular expression: anchor it on the names' common prefix, then keep exact names this NS owns. */
  private async serversNamed(owner: ResourceOwner, names: string[]): Promise<Server[]> {
    const prefix = names.length === 1 ? `^${escapeRegex(names[0])}$` : `^${escapeRegex(commonPrefix(names))}`;
    const res = await this.h.call<{ servers: Server[] }>('compute', 'nova.servers.list', 'GET', `/servers/detail?name=${encodeURIComponent(prefix)}`);
    const wanted = new Set(names);
    return res.servers.filter((s) => wanted.has(s.name) && s.metadata?.nfvo_ns_instance_id === owner.nsInstanceId);
  }

  private async listOwned(owner: ResourceOwner, names: string[]): Promise<Map<string, Server>> {
    return new Map((await this.serversNamed(owner, names)).map((s) => [s.name, s]));
  }

  /**
   * Many servers at the cost of one lookup, one create each (at most `concurrency` at once) and one list
   * per polling round, instead of a lookup and a status read per server. A server found in ERROR is
   * replaced, not reused. If any server fails to build, the first failure is thrown once all have settled;
   * the others are left ACTIVE for the next run to find.
   */
  async ensureServers(owner: ResourceOwner, specs: ServerSpec[], concurrency: number): Promise<ServerState[]> {
    const names = specs.map((s) => s.name);
    const found = await this.listOwned(owner, names);
    // A server in ERROR, or one being deleted (by someone else), is not reused: wait it out and build anew.
    const broken = [...found.values()].filter((s) => s.status === 'ERROR' || s['OS-EXT-STS:task_state'] === 'deleting');
    await Promise.all(broken.map((s) => this.deleteAndWait(s.id)));
    broken.forEach((s) => found.delete(s.name));
    const missing = specs.filter((s) => !found.has(s.name));
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, async () => {
      while (next < missing.length) await this.createServer(owner, missing[next++]);
    }));
    const ready = await pollUntil('nova.servers.list', `${names.length} servers ACTIVE`, this.poll, async () => {
      const now = await this.listOwned(owner, names);
      const failed = names.map((n) => now.get(n)).find((s) => s?.status === 'ERROR');
      if (failed) throw await this.buildFailure(failed);
      return names.every((n) => now.get(n)?.status === 'ACTIVE') ? now : undefined;
    });
    return names.map((n) => view(ready.get(n)!));
  }

  /**
   * Why a server went to ERROR, as a VimError. Nova's conductor saves the ERROR state before the fault,
   * so a server seen in ERROR without one is read again (briefly) for it. A quota refusal may come this
   * way too: concurrent creates that all passed the API's check, then failed the conductor's recheck.
   */
  private async buildFailure(s: Server): Promise<VimError> {
    let fault = s.fault?.message;
    for (let i = 0; i < FAULT_READS && !fault; i++) {
      await sleep(FAULT_WAIT_MS);
      fault = (await this.h.call<{ server: Server }>('compute', 'nova.servers.get', 'GET', `/servers/${s.id}`).catch(() => undefined))?.server.fault?.message;
    }
    const message = fault?.trim() || 'the server went to ERROR without a fault message';
    const kind = NO_ROOM.test(message) ? 'NO_VALID_HOST' : /quota exceeded/i.test(message) ? 'QUOTA_EXCEEDED' : 'RESOURCE_ERROR';
    return new VimError(kind, 'nova.servers.create', `server ${s.name}: ${message}`);
  }

  /** One create; a quota refusal is tried once more only if the project's limits show room freed since (another NS terminated). */
  private async createServer(owner: ResourceOwner, s: ServerSpec): Promise<string> {
    try {
      return await this.postServer(owner, s);
    } catch (e) {
      if (!(isVimError(e) && e.kind === 'QUOTA_EXCEEDED') || !roomFreedSince(e.vimMessage, await this.limits())) throw e;
      return this.postServer(owner, s);
    }
  }

  private async postServer(owner: ResourceOwner, s: ServerSpec): Promise<string> {
    const body = {
      server: {
        name: s.name, flavorRef: s.flavorId, imageRef: s.imageId, networks: s.portIds.length ? s.portIds.map((port) => ({ port })) : 'none', metadata: { ...s.metadata, ...ownerMetadata(owner) },
        ...(s.userData ? { user_data: Buffer.from(s.userData).toString('base64') } : {}),
      },
      ...(s.serverGroupId ? { 'os:scheduler_hints': { group: s.serverGroupId } } : {}),
    };
    // Without ports, 2.1 would attach the project's only network, or answer 409 where it has several: 2.37 says `none`.
    const headers: Record<string, string> = s.portIds.length ? {} : { 'OpenStack-API-Version': 'compute 2.37' };
    return (await this.h.call<{ server: { id: string } }>('compute', 'nova.servers.create', 'POST', '/servers', body, headers)).server.id;
  }

  /** Deletes every server of that name the NS owns (a duplicate left by an interrupted create included). */
  async removeServer(owner: ResourceOwner, name: string): Promise<void> {
    await Promise.all((await this.serversNamed(owner, [name])).map((s) => this.deleteAndWait(s.id)));
  }

  /** Delete is asynchronous in Nova: the server lingers (task_state deleting) until GET answers 404. */
  private async deleteAndWait(id: string): Promise<void> {
    await this.h.call('compute', 'nova.servers.delete', 'DELETE', `/servers/${id}`).catch((e) => { if (!notFound(e)) throw e; });
    await pollUntil('nova.servers.delete', `server ${id} deleted`, this.poll, async () =>
      this.h.call('compute', 'nova.servers.get', 'GET', `/servers/${id}`).then(() => undefined, (e) => { if (notFound(e)) return true; throw e; }),
    );
  }

  private async limits(): Promise<Record<string, number>> {
    return (await this.h.call<{ limits: { absolute: Record<string, number> } }>('compute', 'nova.limits.get', 'GET', '/limits')).limits.absolute;
  }

  async capacity(): Promise<VimCapacity> {
    const a = await this.limits();
    // Nova writes an unlimited quota as -1.
    const total = (n: number) => (n < 0 ? Number.MAX_SAFE_INTEGER : n);
    return {
      vcpus: { total: total(a.maxTotalCores), used: a.totalCoresUsed },
      memoryMiB: { total: total(a.maxTotalRAMSize), used: a.totalRAMUsed },
      instances: { total: total(a.maxTotalInstances), used: a.totalInstancesUsed },
    };
  }
}

function commonPrefix(names: string[]): string {
  let p = names[0] ?? '';
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function view(s: Server): ServerState {
  const addresses = Object.entries(s.addresses ?? {}).flatMap(([networkName, list]) => list.map((a) => ({ networkName, ip: a.addr, mac: a['OS-EXT-IPS-MAC:mac_addr'] ?? '' })));
  return { id: s.id, name: s.name, status: s.status, addresses };
}

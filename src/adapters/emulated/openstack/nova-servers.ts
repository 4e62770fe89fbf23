import { createHash } from 'node:crypto';
import { type EmulatorState, type Server, newId, nowIso } from './emulator-state';
import { novaError } from './error-bodies';
import type { Body, Reply } from './http-kit';
import { createPort, isPort } from './neutron-ports';
import { pickHost, quotaExceeded } from './nova-scheduler';

/**
 * Which networks a server gets (Compute API "Create server", `networks`): from 2.37 on, `none` or `auto`
 * may stand for the list; before, no list means "the one network the project can use", and a project
 * that sees several gets Nova's 409.
 */
function networksOf(state: EmulatorState, networks: unknown, microversion: number): Body[] | Reply {
  if (networks === 'none' || networks === 'auto') {
    if (microversion < 2.037) return novaError(400, `Invalid input for field/attribute networks. Value: ${networks}. '${networks}' is not of type 'array'`);
    if (networks === 'none') return [];
  }
  if (Array.isArray(networks) && networks.length) return networks as Body[];
  const usable = [...state.networks.values()].filter((n) => n.subnets.length);
  if (usable.length > 1) return novaError(409, 'Multiple possible networks found, use a Network ID to be more specific.');
  return usable.map((n) => ({ uuid: n.id }));
}

/**
 * Compute API "Create server": validate references, then create or bind one port per
 * `networks` entry (Nova itself creates the port for `{uuid}`), exactly as nova-compute would.
 */
export function createServer(state: EmulatorState, s: Body, hints: Body = {}, microversion = 2.001): { server: Server; adminPass: string } | Reply {
  if (typeof s.name !== 'string' || !s.name) return novaError(400, "Invalid input for field/attribute name. Value: None. None is not of type 'string'");
  const flavor = state.flavors.get(String(s.flavorRef));
  if (!flavor) return novaError(400, `Flavor ${s.flavorRef} could not be found.`);
  const image = state.images.get(String(s.imageRef));
  if (!image) return novaError(400, `Image ${s.imageRef} could not be found.`);
  if (image.status !== 'active') return novaError(400, `Image ${image.id} is not active.`);
  const group = hints.group === undefined ? undefined : state.serverGroups.get(String(hints.group));
  if (hints.group !== undefined && !group) return novaError(400, `Invalid server group ${hints.group}.`);
  const overQuota = quotaExceeded(state, flavor);
  if (overQuota) return overQuota;
  const nets = networksOf(state, s.networks, microversion);
  if (!Array.isArray(nets)) return nets;
  for (const n of nets) {
    if (n.port) {
      const port = state.ports.get(n.port);
      if (!port) return novaError(400, `Port id ${n.port} could not be found.`);
      if (port.device_id) return novaError(409, `Port ${n.port} is still in use.`);
    } else if (!state.networks.has(n.uuid)) return novaError(400, `Network ${n.uuid} could not be found.`);
  }
  const id = newId();
  const portIds: string[] = [];
  const novaPortIds: string[] = [];
  for (const n of nets) {
    const made = n.port ? state.ports.get(n.port)! : createPort(state, { network_id: n.uuid, fixed_ips: n.fixed_ip ? [{ ip_address: n.fixed_ip }] : undefined });
    if (!isPort(made)) {
      novaPortIds.forEach((p) => state.ports.delete(p));
      portIds.forEach((p) => Object.assign(state.ports.get(p) ?? {}, { device_id: '', device_owner: '' }));
      return novaError(made.status === 409 ? 409 : 400, `Network ${n.uuid}: ${JSON.stringify(made.body)}`);
    }
    made.device_id = id;
    made.device_owner = 'compute:nova';
    if (!n.port) novaPortIds.push(made.id); // Nova deletes the ports it created and only unbinds the others
    portIds.push(made.id);
  }
  const link = (path: string) => [{ href: `${state.baseUrl}/compute/v2.1/${path}`, rel: 'self' }, { href: `${state.baseUrl}/compute/${path}`, rel: 'bookmark' }];
  const server: Server = {
    id, name: s.name, status: 'BUILD', tenant_id: state.identity.projectId, user_id: state.identity.userId,
    metadata: { ...(s.metadata ?? {}) }, hostId: '', image: { id: image.id, links: link(`images/${image.id}`).slice(1) },
    flavor: { id: flavor.id, links: link(`flavors/${flavor.id}`).slice(1) }, created: nowIso(), updated: nowIso(),
    addresses: {}, accessIPv4: '', accessIPv6: '', links: link(`servers/${id}`), key_name: s.key_name ?? null, progress: 0,
    config_drive: s.config_drive ? 'True' : '', 'OS-DCF:diskConfig': 'MANUAL', 'OS-EXT-AZ:availability_zone': s.availability_zone ?? 'nova',
    'OS-EXT-STS:power_state': 0, 'OS-EXT-STS:task_state': 'spawning', 'OS-EXT-STS:vm_state': 'building',
    'OS-SRV-USG:launched_at': null, 'OS-SRV-USG:terminated_at': null, 'os-extended-volumes:volumes_attached': [], security_groups: [{ name: 'default' }],
    user_data: s.user_data ?? null, port_ids: portIds, nova_port_ids: novaPortIds, host: null,
  };
  const host = pickHost(state, flavor, group);
  state.servers.set(id, server);
  group?.members.push(id);
  server.host = host ?? null;
  state.later(state.timing.buildMs, () => (host ? spawn(state, server) : noValidHost(state, server)));
  return { server, adminPass: Math.random().toString(36).slice(2, 14) };
}

/** The virt driver (if any) builds the server on its ports; a failure is the server's fault, as Nova reports a spawn failure. */
function spawn(state: EmulatorState, server: Server): void {
  if (!state.compute) return activate(state, server);
  const vifs = (server.port_ids as string[]).map((pid) => state.ports.get(pid)).filter((p): p is NonNullable<typeof p> => !!p)
    .map((p) => ({ portId: p.id, macAddress: p.mac_address, ips: p.fixed_ips.map((f) => f.ip_address), networkId: p.network_id, forwards: p.port_security_enabled === false || state.networks.get(p.network_id)?.port_security_enabled === false }));
  state.compute.spawn({ id: server.id, name: String(server.name) }, vifs).then(() => activate(state, server), (e: Error) => {
    if (server['OS-EXT-STS:task_state'] === 'deleting') return;
    releasePorts(state, server);
    const fault = { code: 500, created: nowIso(), message: `Build of instance ${server.id} aborted: ${e.message}` };
    Object.assign(server, { status: 'ERROR', fault, updated: nowIso(), 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:vm_state': 'error' });
  });
}

/** Spawn finished: ports bound and ACTIVE, addresses published (they are empty while building). */
function activate(state: EmulatorState, server: Server): void {
  if (server['OS-EXT-STS:task_state'] === 'deleting') return;
  const addresses: Record<string, Body[]> = {};
  for (const pid of server.port_ids as string[]) {
    const port = state.ports.get(pid);
    if (!port) continue;
    Object.assign(port, { status: 'ACTIVE', 'binding:host_id': server.host, 'binding:vif_type': 'ovs' });
    const net = state.networks.get(port.network_id)?.name ?? port.network_id;
    addresses[net] = [...(addresses[net] ?? []), ...port.fixed_ips.map((f) => ({ version: 4, addr: f.ip_address, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': port.mac_address }))];
  }
  Object.assign(server, { status: 'ACTIVE', addresses, hostId: hostId(state, String(server.host)), progress: 100, updated: nowIso(), 'OS-EXT-STS:power_state': 1, 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:vm_state': 'active', 'OS-SRV-USG:launched_at': nowIso() });
}

/**
 * Conductor's NoValidHost: Nova's own ports deleted and the user's ports unbound, ERROR, and then the fault.
 * The conductor saves the ERROR state before it records the fault, so a reader may see ERROR without one
 * for a moment (seen on a real Zed); its message carries the scheduler's empty reason.
 */
function noValidHost(state: EmulatorState, server: Server): void {
  if (server['OS-EXT-STS:task_state'] === 'deleting') return;
  releasePorts(state, server);
  server.port_ids = [];
  Object.assign(server, { status: 'ERROR', updated: nowIso(), 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:vm_state': 'error' });
  state.later(FAULT_LAG_MS, () => { server.fault = { code: 500, created: nowIso(), message: 'No valid host was found. ' }; });
}
const FAULT_LAG_MS = 20;

function releasePorts(state: EmulatorState, server: Server): void {
  for (const pid of server.port_ids as string[]) {
    const port = state.ports.get(pid);
    if (!port) continue;
    if ((server.nova_port_ids as string[]).includes(pid)) state.ports.delete(pid);
    else Object.assign(port, { device_id: '', device_owner: '', status: 'DOWN', 'binding:host_id': '', 'binding:vif_type': 'unbound' });
  }
}

/** Delete is asynchronous: task_state "deleting" for deleteMs, then the server is gone (404). */
export function deleteServer(state: EmulatorState, server: Server): void {
  Object.assign(server, { 'OS-EXT-STS:task_state': 'deleting', updated: nowIso() });
  void state.compute?.destroy(server.id).catch(() => undefined);
  state.later(state.timing.deleteMs, () => {
    releasePorts(state, server);
    for (const g of state.serverGroups.values()) g.members = g.members.filter((m) => m !== server.id);
    state.servers.delete(server.id);
  });
}

/** Nova's hostId: sha224 of project id + host, so servers of one project on one host share it. */
const hostId = (state: EmulatorState, host: string): string => createHash('sha224').update(state.identity.projectId + host).digest('hex');

/** The API view hides our bookkeeping fields. */
export function serverView(server: Server): Body {
  const { port_ids: _p, nova_port_ids: _n, user_data: _u, host: _h, ...view } = server;
  return view;
}

import { type EmulatorState, type Network, newId } from './emulator-state';
import { neutronError } from './error-bodies';
import { type Route, filterByQuery } from './http-kit';
import { bodyRequired, notFound, standardAttributes, tagsOnCreate } from './neutron-common';

export function addNetwork(state: EmulatorState, n: { name?: string; port_security_enabled?: boolean; shared?: boolean; admin_state_up?: boolean; mtu?: number; tags?: string[] }): Network {
  const network: Network = {
    ...standardAttributes(state), tags: n.tags ?? [], id: newId(), name: n.name ?? '', status: 'ACTIVE', admin_state_up: n.admin_state_up ?? true,
    subnets: [], shared: n.shared ?? false, mtu: n.mtu ?? 1450, 'router:external': false,
    port_security_enabled: n.port_security_enabled ?? true, availability_zone_hints: [], availability_zones: ['nova'],
    'provider:network_type': 'vxlan', 'provider:physical_network': null, 'provider:segmentation_id': 1000 + state.networks.size,
  };
  state.networks.set(network.id, network);
  return network;
}

/** Neutron's default policy shows a network's provider attributes (segmentation) to admins only. */
const view = (n: Network, admin: boolean): Network => (admin ? n : (Object.fromEntries(Object.entries(n).filter(([k]) => !k.startsWith('provider:'))) as Network));

/** Networking API v2.0, "Networks". */
export const neutronNetworkRoutes: Route[] = [
  {
    method: 'POST', path: '/v2.0/networks', operation: 'neutron.networks.create', service: 'neutron',
    handle: ({ state, body, admin }) => {
      if (!body?.network) return bodyRequired();
      const tags = tagsOnCreate(state, body.network);
      return Array.isArray(tags) ? { status: 201, body: { network: view(addNetwork(state, { ...body.network, tags }), admin) } } : tags;
    },
  },
  { method: 'GET', path: '/v2.0/networks', operation: 'neutron.networks.list', service: 'neutron', handle: ({ state, query, admin }) => ({ status: 200, body: { networks: filterByQuery([...state.networks.values()], query).map((n) => view(n, admin)) } }) },
  {
    method: 'GET', path: '/v2.0/networks/:id', operation: 'neutron.networks.get', service: 'neutron',
    handle: ({ state, params, admin }) => {
      const n = state.networks.get(params.id);
      return n ? { status: 200, body: { network: view(n, admin) } } : notFound('Network', params.id);
    },
  },
  {
    method: 'DELETE', path: '/v2.0/networks/:id', operation: 'neutron.networks.delete', service: 'neutron',
    handle: ({ state, params }) => {
      const n = state.networks.get(params.id);
      if (!n) return notFound('Network', params.id);
      // DHCP and router ports are not emulated, so any remaining port is a user's port.
      if ([...state.ports.values()].some((p) => p.network_id === n.id)) {
        return neutronError(409, 'NetworkInUse', `Unable to complete operation on network ${n.id}. There are one or more ports still in use on the network.`);
      }
      n.subnets.forEach((s) => state.subnets.delete(s));
      state.networks.delete(n.id);
      return { status: 204 };
    },
  },
];

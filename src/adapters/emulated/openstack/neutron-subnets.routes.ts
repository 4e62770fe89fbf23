import { type Subnet, newId } from './emulator-state';
import { neutronError } from './error-bodies';
import { type Route, filterByQuery } from './http-kit';
import { defaultsFor, inCidr, parseCidr } from './ipv4';
import { bodyRequired, notFound, standardAttributes, tagsOnCreate } from './neutron-common';

/** Networking API v2.0, "Subnets" (IPv4 only for now). */
export const neutronSubnetRoutes: Route[] = [
  {
    method: 'POST', path: '/v2.0/subnets', operation: 'neutron.subnets.create', service: 'neutron',
    handle: ({ state, body }) => {
      const s = body?.subnet;
      if (!s) return bodyRequired();
      const tags = tagsOnCreate(state, s);
      if (!Array.isArray(tags)) return tags;
      const network = state.networks.get(s.network_id);
      if (!network) return notFound('Network', String(s.network_id));
      if (s.ip_version !== undefined && s.ip_version !== 4) return neutronError(400, 'InvalidInput', 'Invalid input for operation: only ip_version 4 is emulated.');
      if (typeof s.cidr !== 'string' || !parseCidr(s.cidr)) return neutronError(400, 'InvalidInput', `Invalid input for cidr. Reason: '${s.cidr}' is not a valid IP subnet.`);
      const d = defaultsFor(s.cidr);
      const gateway: string | null = s.gateway_ip === undefined ? d.gateway : s.gateway_ip;
      if (gateway !== null && !inCidr(gateway, s.cidr)) return neutronError(400, 'InvalidInput', `Invalid input for operation: Gateway IP ${gateway} is not in subnet ${s.cidr}.`);
      const subnet: Subnet = {
        ...standardAttributes(state), tags, id: newId(), name: s.name ?? '', network_id: network.id, ip_version: 4, cidr: s.cidr,
        gateway_ip: gateway, allocation_pools: s.allocation_pools ?? [d.pool], enable_dhcp: s.enable_dhcp ?? true,
        dns_nameservers: s.dns_nameservers ?? [], host_routes: s.host_routes ?? [], ipv6_ra_mode: null, ipv6_address_mode: null, subnetpool_id: null, service_types: [],
      };
      state.subnets.set(subnet.id, subnet);
      network.subnets.push(subnet.id);
      return { status: 201, body: { subnet } };
    },
  },
  { method: 'GET', path: '/v2.0/subnets', operation: 'neutron.subnets.list', service: 'neutron', handle: ({ state, query }) => ({ status: 200, body: { subnets: filterByQuery([...state.subnets.values()], query) } }) },
  {
    method: 'GET', path: '/v2.0/subnets/:id', operation: 'neutron.subnets.get', service: 'neutron',
    handle: ({ state, params }) => {
      const s = state.subnets.get(params.id);
      return s ? { status: 200, body: { subnet: s } } : notFound('Subnet', params.id);
    },
  },
  {
    method: 'DELETE', path: '/v2.0/subnets/:id', operation: 'neutron.subnets.delete', service: 'neutron',
    handle: ({ state, params }) => {
      const s = state.subnets.get(params.id);
      if (!s) return notFound('Subnet', params.id);
      if ([...state.ports.values()].some((p) => p.fixed_ips.some((f) => f.subnet_id === s.id))) {
        return neutronError(409, 'SubnetInUse', `Unable to complete operation on subnet ${s.id}: One or more ports have an IP allocation from this subnet.`);
      }
      state.subnets.delete(s.id);
      const n = state.networks.get(s.network_id);
      if (n) n.subnets = n.subnets.filter((id) => id !== s.id);
      return { status: 204 };
    },
  },
];

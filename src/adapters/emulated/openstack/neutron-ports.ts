import { type Body, type Reply } from './http-kit';
import { type EmulatorState, type FixedIp, type Port, newId } from './emulator-state';
import { neutronError } from './error-bodies';
import { firstFree, inCidr, isIpv4, randomMac } from './ipv4';
import { notFound, standardAttributes, tagsOnCreate, takenOn } from './neutron-common';

/**
 * Port creation as Neutron does it (Networking API v2.0, "Create port"): each requested fixed IP
 * is checked against its subnet; without fixed_ips one address comes from the network's first subnet.
 */
export function createPort(state: EmulatorState, p: Body): Port | Reply {
  const tags = tagsOnCreate(state, p);
  if (!Array.isArray(tags)) return tags;
  const network = state.networks.get(p.network_id);
  if (!network) return notFound('Network', String(p.network_id));
  const wanted: Body[] = Array.isArray(p.fixed_ips) ? p.fixed_ips : network.subnets.length ? [{ subnet_id: network.subnets[0] }] : [];
  const fixedIps: FixedIp[] = [];
  for (const w of wanted) {
    const ip: string | undefined = w.ip_address;
    const subnet = w.subnet_id ? state.subnets.get(w.subnet_id) : network.subnets.map((id) => state.subnets.get(id)).find((s) => s && ip && inCidr(ip, s.cidr));
    if (!subnet && !w.subnet_id && ip) return neutronError(400, 'InvalidIpForNetwork', `IP address ${ip} is not a valid IP for any of the subnets on the specified network.`);
    if (!subnet || subnet.network_id !== network.id) return neutronError(400, 'InvalidInput', `Invalid input for operation: Failed to create port on network ${network.id}, because fixed_ips included invalid subnet ${w.subnet_id ?? ''}.`);
    const taken = takenOn(state, subnet.id);
    fixedIps.forEach((f) => taken.add(f.ip_address));
    if (ip !== undefined) {
      if (!isIpv4(ip) || !inCidr(ip, subnet.cidr)) return neutronError(400, 'InvalidIpForSubnet', `IP address ${ip} is not a valid IP for the specified subnet.`);
      if (taken.has(ip)) return neutronError(409, 'IpAddressAlreadyAllocated', `IP address ${ip} already allocated in subnet ${subnet.id}`);
      fixedIps.push({ subnet_id: subnet.id, ip_address: ip });
    } else {
      const free = firstFree(subnet.allocation_pools, taken);
      if (!free) return neutronError(409, 'IpAddressGenerationFailure', `No more IP addresses available on network ${network.id}.`);
      fixedIps.push({ subnet_id: subnet.id, ip_address: free });
    }
  }
  const mac: string = p.mac_address ?? randomMac();
  if ([...state.ports.values()].some((x) => x.network_id === network.id && x.mac_address === mac)) {
    return neutronError(409, 'MacAddressInUse', `Unable to complete operation for network ${network.id}. The mac address ${mac} is in use.`);
  }
  const security: boolean = p.port_security_enabled ?? network.port_security_enabled;
  const port: Port = {
    ...standardAttributes(state), tags, id: newId(), name: p.name ?? '', network_id: network.id, admin_state_up: p.admin_state_up ?? true,
    mac_address: mac, fixed_ips: fixedIps, device_id: p.device_id ?? '', device_owner: p.device_owner ?? '', status: 'DOWN',
    port_security_enabled: security, security_groups: security ? (p.security_groups ?? ['default']) : [], allowed_address_pairs: p.allowed_address_pairs ?? [],
    'binding:vnic_type': p['binding:vnic_type'] ?? 'normal', 'binding:host_id': '', 'binding:vif_type': 'unbound', 'binding:profile': {}, 'binding:vif_details': {},
    extra_dhcp_opts: [], dns_name: '', dns_assignment: [],
  };
  state.ports.set(port.id, port);
  return port;
}

export const isPort = (x: Port | Reply): x is Port => 'id' in x;

import { isVimError } from '../../lifecycle/ports/vim-error';
import type { NetworkSpec, PortSpec, ResourceOwner, SecurityGroupSpec } from '../../lifecycle/ports/vim.port';
import type { OpenStackHttp } from './openstack-http';
import { nsTag, ownerTags, q } from './owner-tags';

type Kind = 'networks' | 'subnets' | 'ports' | 'security-groups';
type Row = { id: string; [k: string]: unknown };
const key: Record<Kind, string> = { networks: 'network', subnets: 'subnet', ports: 'port', 'security-groups': 'security_group' };
const op = (kind: Kind, verb: string) => `neutron.${kind.replace('-', '_')}.${verb}`;

/** Networking API v2.0: find by deterministic name and owner tag, create when absent, delete tolerating absence. */
export class NeutronResources {
  constructor(private readonly h: OpenStackHttp) {}

  async find(kind: Kind, query: Record<string, string | undefined>): Promise<Row | undefined> {
    const res = await this.h.call<Record<string, Row[]>>('network', op(kind, 'list'), 'GET', `/${kind}${q(query)}`);
    return res[kind.replace('-', '_')]?.[0];
  }

  async create(kind: Kind, body: Record<string, unknown>): Promise<Row> {
    const res = await this.h.call<Record<string, Row>>('network', op(kind, 'create'), 'POST', `/${kind}`, { [key[kind]]: body });
    return res[key[kind]];
  }

  /** Deletes every resource of that name the NS owns (a duplicate left by an interrupted create included). */
  async remove(kind: Kind, owner: ResourceOwner, name: string): Promise<void> {
    const res = await this.h.call<Record<string, Row[]>>('network', op(kind, 'list'), 'GET', `/${kind}${q({ name, tags: nsTag(owner) })}`);
    for (const found of res[kind.replace('-', '_')] ?? []) {
      await this.h.call('network', op(kind, 'delete'), 'DELETE', `/${kind}/${found.id}`).catch((e) => {
        if (!(isVimError(e) && e.kind === 'NOT_FOUND')) throw e;
      });
    }
  }

  async ensureNetwork(owner: ResourceOwner, s: NetworkSpec): Promise<{ networkId: string; subnetId: string }> {
    const tags = ownerTags(owner);
    const found = await this.find('networks', { name: s.name, tags: nsTag(owner) });
    const net = found ?? (await this.create('networks', { name: s.name, port_security_enabled: s.portSecurity, tags }));
    // A network created just now has no subnet yet: only one found may have one already.
    const subnet =
      (found ? await this.find('subnets', { name: s.name, network_id: net.id }) : undefined) ??
      (await this.create('subnets', { name: s.name, network_id: net.id, ip_version: 4, cidr: s.cidr, tags, ...(s.gatewayIp !== undefined ? { gateway_ip: s.gatewayIp } : {}), ...(s.allocationPools ? { allocation_pools: s.allocationPools } : {}) }));
    return { networkId: net.id, subnetId: subnet.id };
  }

  async ensurePort(owner: ResourceOwner, s: PortSpec): Promise<{ portId: string; ip: string; mac: string }> {
    const port =
      (await this.find('ports', { name: s.name, network_id: s.networkId, tags: nsTag(owner) })) ??
      (await this.create('ports', {
        name: s.name, network_id: s.networkId, tags: ownerTags(owner), port_security_enabled: s.portSecurity,
        ...(s.fixedIp ? { fixed_ips: [{ ip_address: s.fixedIp }] } : {}),
        ...(s.macAddress ? { mac_address: s.macAddress } : {}),
        // Neutron refuses security groups on a port whose port security is off.
        ...(s.portSecurity && s.securityGroupIds?.length ? { security_groups: s.securityGroupIds } : {}),
      }));
    const fixed = (port.fixed_ips as { ip_address: string }[] | undefined) ?? [];
    return { portId: port.id, ip: fixed[0]?.ip_address ?? '', mac: String(port.mac_address ?? '') };
  }

  /** The group, then each rule it lacks; a rule another run added meanwhile (409) is already what we want. */
  async ensureSecurityGroup(owner: ResourceOwner, s: SecurityGroupSpec): Promise<string> {
    const group = (await this.find('security-groups', { name: s.name, tags: nsTag(owner) })) ?? (await this.create('security-groups', { name: s.name, description: 'NFVO managed', tags: ownerTags(owner) }));
    const have = (group.security_group_rules as Record<string, unknown>[] | undefined) ?? [];
    for (const r of s.rules) {
      const want = { direction: r.direction, ethertype: 'IPv4', protocol: r.protocol ?? null, port_range_min: r.portMin ?? null, port_range_max: r.portMax ?? null, remote_ip_prefix: r.remoteIpPrefix ?? null };
      if (have.some((x) => Object.entries(want).every(([k, v]) => (x[k] ?? null) === v))) continue;
      await this.h.call('network', 'neutron.security_group_rules.create', 'POST', '/security-group-rules', { security_group_rule: { ...want, security_group_id: group.id } }).catch((e) => {
        if (!(isVimError(e) && e.kind === 'CONFLICT')) throw e;
      });
    }
    return group.id;
  }
}

import { isVimError } from '../../lifecycle/ports/vim-error';
import type { NetworkSpec, PortSpec, ResourceOwner, SecurityGroupSpec } from '../../lifecycle/ports/vim.port';
import type { OpenStackHttp } from './openstack-http';
import { NS_TAG_PREFIX, nsTag, ownerTags, q } from './owner-tags';

type Kind = 'networks' | 'subnets' | 'ports' | 'security-groups';
type Row = { id: string; tags?: string[]; [k: string]: unknown };
const key: Record<Kind, string> = { networks: 'network', subnets: 'subnet', ports: 'port', 'security-groups': 'security_group' };
const op = (kind: Kind, verb: string) => `neutron.${kind.replace('-', '_')}.${verb}`;
const ownerless = (r: Row) => !(r.tags ?? []).some((t) => t.startsWith(NS_TAG_PREFIX));

/**
 * Networking API v2.0: find by deterministic name and owner tag, create when absent, delete tolerating absence.
 * Tags go on in the create only where the cloud has the `tag-creation` extension; a default Zed has not
 * (it answers 400 "Attribute 'tags' not allowed in POST"), so there a resource is created, then tagged.
 */
export class NeutronResources {
  private extensions?: Promise<Set<string>>;

  constructor(private readonly h: OpenStackHttp) {}

  /** The cloud's extension aliases, asked once per VIM (a failed ask is asked again next time). */
  private has(alias: string): Promise<boolean> {
    this.extensions ??= this.h.call<{ extensions: { alias: string }[] }>('network', 'neutron.extensions.list', 'GET', '/extensions')
      .then((r) => new Set(r.extensions.map((e) => e.alias)), (e) => { this.extensions = undefined; throw e; });
    return this.extensions.then((s) => s.has(alias));
  }

  private async list(kind: Kind, query: Record<string, string | undefined>): Promise<Row[]> {
    return (await this.h.call<Record<string, Row[]>>('network', op(kind, 'list'), 'GET', `/${kind}${q(query)}`))[kind.replace('-', '_')] ?? [];
  }

  /**
   * The resource of this name that the NS owns; or, failing that, one of this name that nobody owns: an
   * earlier attempt created it and died before tagging it. That one is adopted (tagged), never duplicated.
   * One list by name serves both (names are the NS's own: `nfvo-<ns8>-…`).
   */
  private async findOwned(kind: Kind, owner: ResourceOwner, query: Record<string, string>): Promise<Row | undefined> {
    const rows = await this.list(kind, query);
    const mine = rows.find((r) => r.tags?.includes(nsTag(owner)));
    if (mine) return mine;
    const orphan = rows.find(ownerless);
    if (orphan) await this.tag(kind, orphan.id, ownerTags(owner));
    return orphan;
  }

  private tag(kind: Kind, id: string, tags: string[]): Promise<unknown> {
    return this.h.call('network', op(kind, 'tag'), 'PUT', `/${kind}/${id}/tags`, { tags });
  }

  private async create(kind: Kind, owner: ResourceOwner, body: Record<string, unknown>): Promise<Row> {
    const tags = ownerTags(owner);
    const inline = await this.has('tag-creation');
    const res = await this.h.call<Record<string, Row>>('network', op(kind, 'create'), 'POST', `/${kind}`, { [key[kind]]: inline ? { ...body, tags } : body });
    const row = res[key[kind]];
    if (!inline) await this.tag(kind, row.id, tags);
    return { ...row, tags };
  }

  /** Deletes every resource of that name the NS owns, and any of that name nobody owns (a create that died before its tags). */
  async remove(kind: Kind, owner: ResourceOwner, name: string): Promise<void> {
    for (const found of (await this.list(kind, { name })).filter((r) => r.tags?.includes(nsTag(owner)) || ownerless(r))) {
      await this.h.call('network', op(kind, 'delete'), 'DELETE', `/${kind}/${found.id}`).catch((e) => {
        if (!(isVimError(e) && e.kind === 'NOT_FOUND')) throw e;
      });
    }
  }

  async ensureNetwork(owner: ResourceOwner, s: NetworkSpec): Promise<{ networkId: string; subnetId: string }> {
    const found = await this.findOwned('networks', owner, { name: s.name });
    const net = found ?? (await this.create('networks', owner, { name: s.name, port_security_enabled: s.portSecurity }));
    // A network created just now has no subnet yet: only one found may have one already.
    const subnet =
      (found ? await this.findOwned('subnets', owner, { name: s.name, network_id: net.id }) : undefined) ??
      (await this.create('subnets', owner, { name: s.name, network_id: net.id, ip_version: 4, cidr: s.cidr, ...(s.gatewayIp !== undefined ? { gateway_ip: s.gatewayIp } : {}), ...(s.allocationPools ? { allocation_pools: s.allocationPools } : {}) }));
    return { networkId: net.id, subnetId: subnet.id };
  }

  async ensurePort(owner: ResourceOwner, s: PortSpec): Promise<{ portId: string; ip: string; mac: string }> {
    const port =
      (await this.findOwned('ports', owner, { name: s.name, network_id: s.networkId })) ??
      (await this.create('ports', owner, {
        name: s.name, network_id: s.networkId, port_security_enabled: s.portSecurity,
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
    const group = (await this.findOwned('security-groups', owner, { name: s.name })) ?? (await this.create('security-groups', owner, { name: s.name, description: 'NFVO managed' }));
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

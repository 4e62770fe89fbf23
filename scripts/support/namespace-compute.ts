import type { ComputeDriver, Vif } from '../../src/adapters/emulated/openstack/compute-driver';
import { neutronDeviceName } from '../../src/lifecycle/chains/chain-programmer';
import type { Lab } from './ovs-lab';

/**
 * Backs an emulated OpenStack site's servers with network namespaces of the lab, as Nova with the Neutron
 * OVS agent would: one interface per port (`eth<i>`, the port's MAC and address), its other end plugged
 * into the site's bridge under Neutron's device name (`tap` + 11 characters of the port id). A server with
 * ports that may forward (port security off) becomes a forwarder between the first two of them, the way
 * the example VNFs (firewall, load balancer) pass traffic from input to output.
 */
export class NamespaceCompute implements ComputeDriver {
  private count = 0;
  readonly hosts = new Map<string, { host: string; name: string }>();

  constructor(private readonly lab: Lab, private readonly siteIndex: number, private readonly tag: string) {}

  async spawn(server: { id: string; name: string }, vifs: Vif[]): Promise<void> {
    const host = `${this.tag}${++this.count}`;
    await this.lab.addHost(this.siteIndex, host, vifs.map((v, i) => ({ ifname: `eth${i}`, ovsPort: neutronDeviceName(v.portId), mac: v.macAddress, cidr: `${v.ips[0]}/24` })));
    const forwarding = vifs.map((v, i) => (v.forwards ? `eth${i}` : undefined)).filter((x): x is string => !!x);
    if (forwarding.length) await this.lab.makeForwarder(host, forwarding[0], forwarding[1] ?? forwarding[0]);
    this.hosts.set(server.id, { host, name: server.name });
  }

  async destroy(serverId: string): Promise<void> {
    const h = this.hosts.get(serverId);
    this.hosts.delete(serverId);
    if (h) await this.lab.removeHost(h.host);
  }

  /** The lab host behind the server whose name contains `part` (e.g. `-fw-`). */
  hostOf(part: string): string | undefined {
    return [...this.hosts.values()].find((h) => h.name.includes(part))?.host;
  }
}

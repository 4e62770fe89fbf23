import { type Flow, renderFlow } from '../../lifecycle/domain/flows/flow.model';
import { cookie as cookieToken, ipv4Address, portName, vni } from '../../lifecycle/domain/flows/flow-tokens';
import type { SiteSwitch, TunnelPortSpec } from '../../lifecycle/ports/site-switch.port';
import { parseDumpFlows } from './dump-flows';
import type { ExecResult, SshPool, SshTarget } from './ssh-pool';
import { SwitchError } from './switch-error';

export interface OvsSwitchConfig extends SshTarget { siteId: string; bridge: string; clusterPort?: { name: string; mac: string } }

/**
 * One site's Open vSwitch bridge over SSH. A chain's flows at this site change in ONE exec: a bundle
 * (OpenFlow 1.4, `--bundle`) that deletes the cookie's flows and adds the new ones, so the switch
 * never forwards with half a chain; a switch that does not speak 1.4 gets the same file unbundled.
 */
export class OvsSiteSwitch implements SiteSwitch {
  readonly siteId: string;
  readonly clusterPort?: { name: string; mac: string };
  private readonly bridge: string;
  private bundles = true;

  constructor(private readonly ssh: SshPool, private readonly c: OvsSwitchConfig) {
    this.siteId = c.siteId;
    this.bridge = portName(c.bridge, 'bridge name');
    if (c.clusterPort) this.clusterPort = { name: portName(c.clusterPort.name, 'cluster port'), mac: c.clusterPort.mac };
  }

  async replaceFlows(cookie: string, flows: Flow[]) {
    const c = cookieToken(cookie);
    const file = [`delete cookie=${c}/-1`, ...flows.map((f) => `add ${renderFlow({ ...f, cookie: c })}`)].join('\n') + '\n';
    if (this.bundles) {
      const r = await this.ssh.exec(this.c, ['ovs-ofctl', '-O', 'OpenFlow14', '--bundle', 'add-flows', this.bridge, '-'], file);
      if (r.code === 0) return;
      if (!/version negotiation failed|OFPBRC_BAD_TYPE|OFPBRC_BAD_VERSION/i.test(r.stderr)) throw this.failed('ovs-ofctl add-flows', r);
      this.bundles = false;
    }
    this.check('ovs-ofctl add-flows', await this.ssh.exec(this.c, ['ovs-ofctl', 'add-flows', this.bridge, '-'], file));
  }

  async removeFlows(cookie: string) {
    this.check('ovs-ofctl del-flows', await this.ssh.exec(this.c, ['ovs-ofctl', 'del-flows', this.bridge, `cookie=${cookieToken(cookie)}/-1`]));
  }

  async flowStats(cookie: string) {
    const r = await this.ssh.exec(this.c, ['ovs-ofctl', '--names', 'dump-flows', this.bridge, `cookie=${cookieToken(cookie)}/-1`]);
    this.check('ovs-ofctl dump-flows', r);
    return parseDumpFlows(r.stdout);
  }

  /**
   * The tunnel port, created or brought to the spec in one transaction (`--may-exist`, then `set`), and
   * in the same exec the bridge's interfaces, to refuse a key another tunnel to the same peer uses.
   */
  async ensureTunnel(t: TunnelPortSpec) {
    const port = portName(t.port, 'tunnel port');
    const r = await this.ssh.exec(this.c, [
      'ovs-vsctl', '--format=json', '--may-exist', 'add-port', this.bridge, port, '--', 'set', 'interface', port, `type=${t.type === 'gre' ? 'gre' : 'vxlan'}`,
      `options:remote_ip=${ipv4Address(t.remoteIp)}`, `options:key=${vni(t.key)}`, `external_ids:nfvo-ns-instance=${t.nsInstanceId.replace(/[^A-Za-z0-9-]/g, '')}`,
      // Protected: the switch's L2 forwarding never passes a frame from one tunnel to another, so two
      // links of one service between the same sites (or a mesh of three) cannot loop a broadcast.
      '--', 'set', 'port', port, 'protected=true',
      '--', '--columns=name,options,error', 'list', 'interface',
    ]);
    this.check('ovs-vsctl add-port', r);
    const rows = interfacesOf(r.stdout);
    const mine = rows.find((x) => x.name === port);
    if (mine?.error) throw new SwitchError(`tunnel port ${port} at site ${this.siteId}: Open vSwitch reports ${mine.error}`, false);
    const clash = rows.find((x) => x.name !== port && x.options.key === String(t.key) && x.options.remote_ip === t.remoteIp);
    if (clash) {
      await this.removeTunnel(port);
      throw new SwitchError(`tunnel key ${t.key} to ${t.remoteIp} is already used by port ${clash.name} at site ${this.siteId}`, false);
    }
  }

  async removeTunnel(port: string) {
    this.check('ovs-vsctl del-port', await this.ssh.exec(this.c, ['ovs-vsctl', '--if-exists', 'del-port', this.bridge, portName(port, 'tunnel port')]));
  }

  private check(what: string, r: ExecResult) {
    if (r.code !== 0) throw this.failed(what, r);
  }

  /** A port not on the bridge yet (Nova plugs VM ports asynchronously) may appear: worth retrying. */
  private failed(what: string, r: ExecResult) {
    const text = (r.stderr || r.stdout).trim().split('\n').slice(0, 5).join('; ');
    return new SwitchError(`${what} on the switch of site ${this.siteId} (${this.c.host}) exited ${r.code}: ${text}`, /unknown port|invalid or unknown port|database connection failed/i.test(text));
  }
}

/** `ovs-vsctl --format=json list interface` rows: name, options map and error. */
function interfacesOf(stdout: string): Array<{ name: string; options: Record<string, string>; error?: string }> {
  const table = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { headings: string[]; data: unknown[][] }).find((t) => t.headings?.includes('options'));
  if (!table) return [];
  const col = (h: string) => table.headings.indexOf(h);
  return table.data.map((row) => {
    const opts = row[col('options')] as ['map', Array<[string, string]>];
    const err = row[col('error')];
    return { name: String(row[col('name')]), options: Object.fromEntries(opts?.[1] ?? []), ...(typeof err === 'string' && err ? { error: err } : {}) };
  });
}

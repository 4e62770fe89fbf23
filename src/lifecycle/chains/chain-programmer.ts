import { chainCookie, tunnelPort } from '../domain/flows/chain-cookie';
import { traceChain } from './chain-trace';
import { type Attachment, type ChainHop, compileChainFlows } from '../domain/flows/compile-chain-flows';
import { FlowInputError, ipv4Address } from '../domain/flows/flow-tokens';
import type { SiteSwitches } from '../ports/site-switch.port';
import type { ChainHopSpec, ChainObservation, ChainSpec, SwitchPort, TunnelSpec } from '../ports/switch.port';
import type { ResourceOwner } from '../ports/vim.port';

/**
 * Neutron's name for a VM port's device on the integration bridge: `tap` + the first 11 characters of
 * the port id (14 characters, within the kernel's interface name limit), as the OVS agent and os-vif plug it.
 */
export const neutronDeviceName = (portId: string) => `tap${portId.slice(0, 11)}`;

/**
 * The SwitchPort of the lifecycle: compiles each forwarding path into flows per site (the flow compiler)
 * and hands every site's set to that site's switch, one change per switch; tunnels become a port on
 * each side of the WAN link.
 */
export class ChainProgrammer implements SwitchPort {
  constructor(private readonly switches: SiteSwitches) {}

  async ensureTunnel(owner: ResourceOwner, spec: TunnelSpec) {
    const link = await this.switches.wanLink(spec.siteA, spec.siteB);
    if (!link) throw new FlowInputError(`no WAN link is registered between site ${spec.siteA} and site ${spec.siteB}, which virtual link ${spec.link} spans`);
    const [local, remote] = link.siteA === spec.siteA ? [link.endpointA, link.endpointB] : [link.endpointB, link.endpointA];
    const { port, vni } = tunnelPort(spec.name);
    const [a, b] = await Promise.all([this.switches.forSite(spec.siteA), this.switches.forSite(spec.siteB)]);
    const base = { port, type: link.type, key: vni, nsInstanceId: owner.nsInstanceId };
    await Promise.all([
      a.ensureTunnel({ ...base, localIp: ipv4Address(local), remoteIp: ipv4Address(remote) }),
      b.ensureTunnel({ ...base, localIp: ipv4Address(remote), remoteIp: ipv4Address(local) }),
    ]);
    return { tunnel: spec.name, port, vni, type: link.type };
  }

  async removeTunnel(_owner: ResourceOwner, name: string) {
    const { port } = tunnelPort(name);
    await Promise.all((await this.switches.all()).map((s) => s.removeTunnel(port)));
  }

  async ensureChain(owner: ResourceOwner, spec: ChainSpec) {
    const cookie = chainCookie(owner.nsInstanceId, spec.name);
    const hops = await Promise.all(spec.hops.map((h) => this.hopOf(h)));
    const tunnels = (spec.tunnels ?? []).map((t) => ({ siteA: t.siteA, siteB: t.siteB, port: tunnelPort(t.name).port }));
    const flows = compileChainFlows({ cookie, classifier: spec.classifier, hops, tunnels });
    // Every site of the path and of its tunnels gets its set, an empty one too: a site that a re-route no
    // longer passes through loses the chain's flows there.
    const sites = new Set([...flows.keys(), ...spec.hops.map((h) => h.siteId).filter((s): s is string => !!s), ...(spec.tunnels ?? []).flatMap((t) => [t.siteA, t.siteB])]);
    await Promise.all([...sites].map(async (site) => (await this.switches.forSite(site)).replaceFlows(cookie, flows.get(site) ?? [])));
    return { chain: spec.name, cookie, hops: spec.hops.length, flows: Object.fromEntries([...sites].map((s) => [s, flows.get(s)?.length ?? 0])) };
  }

  async removeChain(owner: ResourceOwner, name: string) {
    const cookie = chainCookie(owner.nsInstanceId, name);
    await Promise.all((await this.switches.all()).map((s) => s.removeFlows(cookie)));
  }

  async observeChain(owner: ResourceOwner, name: string): Promise<ChainObservation[]> {
    const cookie = chainCookie(owner.nsInstanceId, name);
    return Promise.all((await this.switches.all()).map(async (s) => {
      try { return { siteId: s.siteId, flows: await s.flowStats(cookie) }; } catch (e) { return { siteId: s.siteId, flows: [], error: (e as Error).message }; }
    }));
  }

  async traceChain(_owner: ResourceOwner, spec: ChainSpec) {
    const all = await this.switches.all();
    if (!all.every((s) => s.flowTable)) return undefined;
    const hops = await Promise.all(spec.hops.map((h) => this.hopOf(h)));
    const tunnels = (spec.tunnels ?? []).map((t) => ({ siteA: t.siteA, siteB: t.siteB, port: tunnelPort(t.name).port }));
    return traceChain(hops, tunnels, new Map(all.map((s) => [s.siteId, s.flowTable!()])), spec.classifier);
  }

  private async hopOf(h: ChainHopSpec): Promise<ChainHop> {
    const base = { connectionPointRef: h.connectionPointRef, functionId: h.functionId };
    if (h.functionId === null) return { ...base, attachment: { kind: 'sap' } };
    if (!h.siteId) throw new FlowInputError(`hop ${h.connectionPointRef} has no site: its function was not placed`);
    if (h.port) return { ...base, attachment: { kind: 'port', siteId: h.siteId, port: neutronDeviceName(h.port.portId), mac: h.port.mac } };
    // A microservice: the hop goes to the site's cluster port, where the Kubernetes nodes answer for its Service.
    const sw = await this.switches.forSite(h.siteId);
    if (!sw.clusterPort) throw new FlowInputError(`hop ${h.connectionPointRef} enters a microservice at site ${h.siteId}, but that site's switch has no clusterPort registered (the switch port towards its Kubernetes nodes)`);
    const attachment: Attachment = { kind: 'port', siteId: h.siteId, port: sw.clusterPort.name, mac: sw.clusterPort.mac };
    return { ...base, attachment };
  }
}

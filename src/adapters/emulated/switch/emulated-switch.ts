import { createHash } from 'node:crypto';
import { type Flow, renderFlow } from '../../../lifecycle/domain/flows/flow.model';
import type { SiteSwitch, TunnelPortSpec } from '../../../lifecycle/ports/site-switch.port';

/**
 * EMULATION of one site's Open vSwitch bridge, for the embedded default and for sites without a
 * registered switch host: it holds the same compiled flow sets and tunnel ports a real switch would be
 * given (so a packet can be traced through them), counts nothing, and forwards no packet.
 */
export class EmulatedSiteSwitch implements SiteSwitch {
  readonly flows = new Map<string, Flow[]>();
  readonly tunnels = new Map<string, TunnelPortSpec>();
  readonly clusterPort: { name: string; mac: string };
  /** Changes applied, one per replaceFlows/removeFlows call (what a real switch would get as one exec). */
  changes = 0;

  constructor(readonly siteId: string) {
    const h = createHash('sha256').update(siteId).digest('hex');
    this.clusterPort = { name: 'k8s-nodes', mac: `02:fe:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}` };
  }

  async replaceFlows(cookie: string, flows: Flow[]) {
    this.changes++;
    if (flows.length) this.flows.set(cookie, structuredClone(flows));
    else this.flows.delete(cookie);
  }

  async removeFlows(cookie: string) {
    this.changes++;
    this.flows.delete(cookie);
  }

  async flowStats(cookie: string) {
    return (this.flows.get(cookie) ?? []).map((f) => ({ flow: renderFlow(f), nPackets: 0, nBytes: 0 }));
  }

  async ensureTunnel(spec: TunnelPortSpec) {
    const other = [...this.tunnels.values()].find((t) => t.port !== spec.port && t.remoteIp === spec.remoteIp && t.key === spec.key);
    if (other) throw Object.assign(new Error(`tunnel key ${spec.key} to ${spec.remoteIp} is already used by port ${other.port} at site ${this.siteId}`), { retryable: false });
    this.tunnels.set(spec.port, { ...spec });
  }

  async removeTunnel(port: string) {
    this.tunnels.delete(port);
  }

  /** Every flow on this bridge, with the bridge's own default (L2 switching) below the chains'. */
  flowTable(): Flow[] {
    return [...[...this.flows.values()].flat(), { cookie: '0x0000000000000000', priority: 0, match: { proto: 'ip' }, actions: [{ normal: true }] }];
  }
}

import type { ChainSpec, SwitchPort, TunnelSpec } from '../../../lifecycle/ports/switch.port';
import type { ResourceOwner } from '../../../lifecycle/ports/vim.port';

/**
 * Emulation of the sites' switches for the embedded default and tests, until the Open vSwitch adapter
 * programs real bridges over SSH: it records the tunnels and chains that would be configured.
 */
export class EmulatedSwitch implements SwitchPort {
  readonly tunnels = new Map<string, TunnelSpec & { owner: ResourceOwner }>();
  readonly chains = new Map<string, ChainSpec & { owner: ResourceOwner }>();

  async ensureTunnel(owner: ResourceOwner, spec: TunnelSpec) {
    this.tunnels.set(spec.name, { ...structuredClone(spec), owner });
    return { tunnel: spec.name };
  }

  async removeTunnel(_owner: ResourceOwner, name: string) {
    this.tunnels.delete(name);
  }

  async ensureChain(owner: ResourceOwner, spec: ChainSpec) {
    this.chains.set(spec.name, { ...structuredClone(spec), owner });
    return { chain: spec.name, hops: spec.hops.length };
  }

  async removeChain(_owner: ResourceOwner, name: string) {
    this.chains.delete(name);
  }
}

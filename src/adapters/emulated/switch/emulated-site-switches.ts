import type { SiteSwitches } from '../../../lifecycle/ports/site-switch.port';
import { EmulatedSiteSwitch } from './emulated-switch';

type Wan = { type: 'vxlan' | 'gre'; endpointA: string; endpointB: string; siteA: string; siteB: string };

/** EMULATION: every site's switch emulated, with the WAN links given (for benchmarks and specs without a registry). */
export class EmulatedSiteSwitches implements SiteSwitches {
  readonly sites = new Map<string, EmulatedSiteSwitch>();

  constructor(private readonly wan: Wan[] = []) {}

  async forSite(siteId: string) {
    return this.sites.get(siteId) ?? this.sites.set(siteId, new EmulatedSiteSwitch(siteId)).get(siteId)!;
  }

  async all() {
    return [...this.sites.values()];
  }

  async wanLink(siteA: string, siteB: string) {
    return this.wan.find((l) => (l.siteA === siteA && l.siteB === siteB) || (l.siteA === siteB && l.siteB === siteA));
  }
}

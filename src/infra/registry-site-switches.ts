import type { SiteSwitch, SiteSwitches } from '../lifecycle/ports/site-switch.port';
import type { SecretBox } from '../shared/secret-box';
import type { InfraRepository } from './infra-repository.port';
import type { SwitchHost } from './infra.model';

const ALL = 10_000;

/**
 * The switch of each site: Open vSwitch on the site's registered switch host, or, for a site with none
 * (the embedded default's emulated sites), the emulated switch. WAN links come from the registry.
 */
export class RegistrySiteSwitches implements SiteSwitches {
  private readonly real = new Map<string, { key: string; sw: SiteSwitch }>();
  private readonly emulated = new Map<string, SiteSwitch>();

  constructor(private readonly d: {
    repo: InfraRepository; box: SecretBox;
    ovs: (host: SwitchHost, privateKey: string) => SiteSwitch;
    emulate: (siteId: string) => SiteSwitch;
  }) {}

  async forSite(siteId: string): Promise<SiteSwitch> {
    const host = (await this.hosts()).find((h) => h.siteId === siteId);
    return host ? this.ovsOf(host) : this.emulatedOf(siteId);
  }

  async all(): Promise<SiteSwitch[]> {
    const hosts = await this.hosts();
    const sites = (await this.d.repo.store('site').list(undefined, undefined, ALL)).items.map((s) => s.doc.id);
    const real = await Promise.all(hosts.map((h) => this.ovsOf(h)));
    return [...real, ...sites.filter((s) => !hosts.some((h) => h.siteId === s)).map((s) => this.emulatedOf(s))];
  }

  async wanLink(siteA: string, siteB: string) {
    const links = (await this.d.repo.store('wan_link').list(undefined, undefined, ALL)).items.map((l) => l.doc);
    const l = links.find((x) => (x.siteA === siteA && x.siteB === siteB) || (x.siteA === siteB && x.siteB === siteA));
    return l && { type: l.tunnel.type, endpointA: l.tunnel.endpointA, endpointB: l.tunnel.endpointB, siteA: l.siteA, siteB: l.siteB };
  }

  /** The emulated switches made so far (what the embedded default and tests look into). */
  emulatedSwitches(): SiteSwitch[] {
    return [...this.emulated.values()];
  }

  private async hosts(): Promise<SwitchHost[]> {
    return (await this.d.repo.store('switch_host').list(undefined, undefined, ALL)).items.map((h) => h.doc);
  }

  /** Kept while the record and its sealed key stay the same, so its SSH connection is reused. */
  private async ovsOf(h: SwitchHost): Promise<SiteSwitch> {
    const sealed = await this.d.repo.sealedCredentials('switch_host', h.id);
    const key = JSON.stringify(h) + (sealed ?? '');
    const known = this.real.get(h.id);
    if (known?.key === key) return known.sw;
    const sw = this.d.ovs(h, (JSON.parse(this.d.box.open(sealed!)) as { privateKey: string }).privateKey);
    this.real.set(h.id, { key, sw });
    return sw;
  }

  private emulatedOf(siteId: string): SiteSwitch {
    return this.emulated.get(siteId) ?? this.emulated.set(siteId, this.d.emulate(siteId)).get(siteId)!;
  }
}

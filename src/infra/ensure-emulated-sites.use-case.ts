import { randomBytes, randomUUID } from 'node:crypto';
import type { SecretBox } from '../shared/secret-box';
import type { EmulatedCloud } from './emulated-cloud.port';
import type { InfraRepository } from './infra-repository.port';
import type { Site, Vim, VimCredentials, WanLink } from './infra.model';
import type { RegisterVim } from './register-vim.use-case';

/** Named as the example service's placement constraints name them (allowed-sites site-a, site-b). */
const SITES = ['site-a', 'site-b'] as const;
const PROJECT = 'nfvo';

export interface EmulatedSite { site: Site; vim: Vim; kubernetes: Vim }

/**
 * The embedded default's two sites, each with an emulated OpenStack VIM, joined by a WAN link, so the
 * whole flow works out of the box. Idempotent across restarts: existing records are kept, the VIM's
 * endpoint follows the emulator's new port, and the emulator is started with the credentials already
 * sealed in the registry (the first start generates them).
 */
export class EnsureEmulatedSites {
  constructor(private readonly d: { repo: InfraRepository; box: SecretBox; registerVim: RegisterVim; cloud: EmulatedCloud; wanLatencyMs: number }) {}

  async execute(): Promise<{ sites: EmulatedSite[]; wanLink: WanLink }> {
    const sites: EmulatedSite[] = [];
    for (const name of SITES) sites.push(await this.ensureSite(name));
    return { sites, wanLink: await this.ensureWanLink(sites[0].site, sites[1].site) };
  }

  private async ensureSite(name: string): Promise<EmulatedSite> {
    const site = (await this.find('site', (s) => s.name === name)) ?? (await this.createSite(name));
    const vim = await this.ensureVim(site, `${name}-openstack`, async (creds) => {
      const c = (creds ?? { authType: 'password', username: 'nfvo', password: randomBytes(18).toString('base64url') }) as Extract<VimCredentials, { authType: 'password' }>;
      const { endpoint, region } = await this.d.cloud.start(name, { username: c.username, password: c.password, project: PROJECT });
      return { endpoint, region, project: PROJECT, vimType: 'openstack' as const, credentials: c };
    });
    const kubernetes = await this.ensureVim(site, `${name}-kubernetes`, async (creds) => {
      const c = (creds ?? { authType: 'token', token: randomBytes(24).toString('base64url') }) as Extract<VimCredentials, { authType: 'token' }>;
      const { endpoint } = await this.d.cloud.startKubernetes(name, c.token);
      return { endpoint, vimType: 'kubernetes' as const, credentials: c };
    });
    return { site, vim, kubernetes };
  }

  /** An existing VIM keeps its id and credentials (its emulator starts with them); a new one is registered like any VIM. */
  private async ensureVim(site: Site, vimName: string, start: (existing?: VimCredentials) => Promise<{ endpoint: string; region?: string; project?: string; vimType: Vim['vimType']; credentials: VimCredentials }>): Promise<Vim> {
    const existing = await this.find('vim', (v) => v.name === vimName);
    if (existing) {
      const sealed = await this.d.repo.sealedCredentials('vim', existing.id);
      const { endpoint, region } = await start(JSON.parse(this.d.box.open(sealed!)) as VimCredentials);
      return (await this.d.repo.store('vim').update(existing.id, (cur) => ({ ...cur.doc, endpoint, ...(region ? { region } : {}) }))).doc;
    }
    const { credentials, ...vim } = await start();
    return this.d.registerVim.execute({ siteId: site.id, name: vimName, ...vim }, credentials);
  }

  private async createSite(name: string): Promise<Site> {
    const site: Site = { id: randomUUID(), name, labels: { emulated: 'true' } };
    await this.d.repo.create('site', site);
    return site;
  }

  private async ensureWanLink(a: Site, b: Site): Promise<WanLink> {
    const found = await this.find('wan_link', (w) => (w.siteA === a.id && w.siteB === b.id) || (w.siteA === b.id && w.siteB === a.id));
    if (found) return found;
    // Documentation addresses (RFC 5737): the chaining layer decides the real tunnel endpoints of emulated sites.
    const link: WanLink = { id: randomUUID(), siteA: a.id, siteB: b.id, latencyMs: this.d.wanLatencyMs, bandwidthMbps: 1000, tunnel: { type: 'vxlan', endpointA: '192.0.2.1', endpointB: '192.0.2.2' } };
    await this.d.repo.create('wan_link', link);
    return link;
  }

  /** The registry is small; scanning a page of it is simpler than compiling a filter here. */
  private async find<K extends 'site' | 'vim' | 'wan_link'>(kind: K, match: (doc: K extends 'site' ? Site : K extends 'vim' ? Vim : WanLink) => boolean) {
    type Doc = K extends 'site' ? Site : K extends 'vim' ? Vim : WanLink;
    let after: string | undefined;
    for (;;) {
      const page = await this.d.repo.store(kind).list(undefined, after, 500);
      const hit = page.items.map((i) => i.doc as Doc).find(match);
      if (hit || !page.hasMore) return hit;
      after = page.lastSeq;
    }
  }
}

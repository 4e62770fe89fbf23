import type { INestApplicationContext } from '@nestjs/common';
import { EmulatedClouds } from './adapters/emulated/emulated-clouds';
import { HttpVimConnectivity } from './adapters/openstack/vim-connectivity-check';
import type { AppConfig } from './config/config.schema';
import { SECRET_BOX } from './config/config.module';
import { EnsureEmulatedSites } from './infra/ensure-emulated-sites.use-case';
import { INFRA_REPOSITORY, type InfraRepository } from './infra/infra-repository.port';
import { RegisterVim } from './infra/register-vim.use-case';
import type { SecretBox } from './shared/secret-box';

export interface EmulatedSitesHandle {
  /** One line per site and link, for the start banner. */
  summary: string[];
  clouds: EmulatedClouds;
  close(): Promise<void>;
}

/** Composition for the embedded default: emulated OpenStack per site, registered through the same use cases as real VIMs. */
export async function startEmulatedSites(app: INestApplicationContext, config: AppConfig, databaseKind: string): Promise<EmulatedSitesHandle | undefined> {
  const on = config.emulatedSites === 'on' || (config.emulatedSites === 'auto' && databaseKind === 'pglite');
  if (!on) return undefined;
  const repo = app.get<InfraRepository>(INFRA_REPOSITORY, { strict: false });
  const box = app.get<SecretBox>(SECRET_BOX, { strict: false });
  const clouds = new EmulatedClouds({ latencyMs: config.emulatorLatencyMs, faultRate: config.emulatorFaultRate });
  try {
    const registerVim = new RegisterVim({ repo, box, connectivity: new HttpVimConnectivity() });
    const { sites, wanLink } = await new EnsureEmulatedSites({ repo, box, registerVim, cloud: clouds, wanLatencyMs: 10 }).execute();
    const summary = [
      ...sites.map((s) => `${s.site.name} (site ${s.site.id}): VIM ${s.vim.name} (emulated OpenStack at ${s.vim.endpoint}), VIM ${s.kubernetes.name} (emulated Kubernetes)`),
      `WAN link ${sites[0].site.name} <-> ${sites[1].site.name}: ${wanLink.latencyMs} ms, ${wanLink.bandwidthMbps} Mbit/s`,
    ];
    return { summary, clouds, close: () => clouds.close() };
  } catch (err) {
    await clouds.close();
    throw err;
  }
}

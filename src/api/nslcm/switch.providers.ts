import type { Provider } from '@nestjs/common';
import { EmulatedSiteSwitch } from '../../adapters/emulated/switch/emulated-switch';
import { OvsSiteSwitch } from '../../adapters/ovs/ovs-site-switch';
import { SshPool } from '../../adapters/ovs/ssh-pool';
import { SECRET_BOX } from '../../config/config.module';
import { INFRA_REPOSITORY, type InfraRepository } from '../../infra/infra-repository.port';
import { RegistrySiteSwitches } from '../../infra/registry-site-switches';
import { ChainProgrammer } from '../../lifecycle/chains/chain-programmer';
import type { SiteSwitches } from '../../lifecycle/ports/site-switch.port';
import { SWITCH_PORT } from '../../lifecycle/ports/switch.port';
import type { SecretBox } from '../../shared/secret-box';

export const SSH_POOL = Symbol('SSH_POOL');
export const SITE_SWITCHES = Symbol('SITE_SWITCHES');

/** Chains and tunnels: Open vSwitch over SSH on every site with a registered switch host, the emulation elsewhere. */
export const switchProviders: Provider[] = [
  { provide: SSH_POOL, useFactory: () => new SshPool() },
  {
    provide: SITE_SWITCHES,
    inject: [INFRA_REPOSITORY, SECRET_BOX, SSH_POOL],
    useFactory: (repo: InfraRepository, box: SecretBox, ssh: SshPool) => new RegistrySiteSwitches({
      repo, box,
      ovs: (h, privateKey) => new OvsSiteSwitch(ssh, { siteId: h.siteId, host: h.host, port: h.port, username: h.username, privateKey, hostKeyFingerprint: h.hostKeyFingerprint, bridge: h.bridge, clusterPort: h.clusterPort }),
      emulate: (siteId) => new EmulatedSiteSwitch(siteId),
    }),
  },
  { provide: SWITCH_PORT, inject: [SITE_SWITCHES], useFactory: (s: SiteSwitches) => new ChainProgrammer(s) },
];

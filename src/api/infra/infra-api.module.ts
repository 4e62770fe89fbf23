import { Module } from '@nestjs/common';
import { APP_CONFIG, APP_KEYS, SECRET_BOX } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { Database } from '../../persistence/database';
import { DatabaseInfraRepository } from '../../persistence/infra.repository';
import { HttpVimConnectivity } from '../../adapters/openstack/vim-connectivity-check';
import { INFRA_REPOSITORY, type InfraRepository } from '../../infra/infra-repository.port';
import { RegisterVim } from '../../infra/register-vim.use-case';
import { clusterPreflight } from '../nslcm/iac.providers';
import { VIM_CONNECTIVITY, type VimConnectivity } from '../../infra/vim-connectivity.port';
import type { SecretBox } from '../../shared/secret-box';
import { CreateSiteDto, CreateSwitchHostDto, CreateVimDto, CreateWanLinkDto } from './infra.dto';
import { INFRA_HTTP, infraController } from './infra.controller';
import { InfraHttp } from './infra-http';
import { SITE_ATTRIBUTES, SWITCH_ATTRIBUTES, VIM_ATTRIBUTES, WAN_LINK_ATTRIBUTES } from './infra-catalogues';

/** The infrastructure registry under /nfvo/v1 (our own API, SOL013 conventions). */
@Module({
  controllers: [
    infraController('site', CreateSiteDto, SITE_ATTRIBUTES, (h, b, req, res) => h.createSite(b, req, res)),
    infraController('vim', CreateVimDto, VIM_ATTRIBUTES, (h, b, req, res) => h.createVim(b, req, res)),
    infraController('wan_link', CreateWanLinkDto, WAN_LINK_ATTRIBUTES, (h, b, req, res) => h.createWanLink(b, req, res)),
    infraController('switch_host', CreateSwitchHostDto, SWITCH_ATTRIBUTES, (h, b, req, res) => h.createSwitch(b, req, res)),
  ],
  providers: [
    { provide: INFRA_REPOSITORY, inject: [Database], useFactory: (db: Database) => new DatabaseInfraRepository(db) },
    { provide: VIM_CONNECTIVITY, useFactory: () => new HttpVimConnectivity() },
    {
      provide: INFRA_HTTP,
      inject: [INFRA_REPOSITORY, VIM_CONNECTIVITY, SECRET_BOX, APP_CONFIG, APP_KEYS],
      useFactory: (repo: InfraRepository, connectivity: VimConnectivity, box: SecretBox, config: AppConfig, keys: AppKeys) =>
        new InfraHttp({ repo, registerVim: new RegisterVim({ repo, connectivity, box, preflight: clusterPreflight(config, repo) }), box, config, keys }),
    },
  ],
  exports: [INFRA_REPOSITORY],
})
export class InfraApiModule {}

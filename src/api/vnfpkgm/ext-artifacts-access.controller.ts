import { Body, Controller, Get, Inject, Param, Put, ValidationPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/require-scope.decorator';
import { NfvoError } from '../../shared/nfvo-error';
import { VNF_PKG_INFO_STORE, type VnfPkgInfoStore } from '../../packages/vnf-pkg-info/vnf-pkg-info.store';
import { EXT_ARTIFACTS_ACCESS_STORE, type ExtArtifactsAccessStore, type ExternalArtifactsAccessConfig, withoutSecrets } from '../../packages/ext-artifacts/ext-artifacts-access';
import { ApiProblems } from '../common/api-problems.decorator';
import { ExternalArtifactsAccessConfigDto } from './ext-artifacts-access.dto';

const body = new ValidationPipe({ expectedType: ExternalArtifactsAccessConfigDto, whitelist: true, forbidNonWhitelisted: true });

/** SOL005 V4.5.1 cl. 9.4.9: access configuration for a VNF package's external artifacts; secrets are write-only. */
@ApiTags('VNF package management v2 (SOL005 4.5.1)')
@ApiBearerAuth()
@ApiHeader({ name: 'Version', required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' })
@RequireScope('vnfpkgm')
@Controller('vnfpkgm/v2/vnf_packages')
export class ExtArtifactsAccessController {
  constructor(
    @Inject(VNF_PKG_INFO_STORE) private readonly packages: VnfPkgInfoStore,
    @Inject(EXT_ARTIFACTS_ACCESS_STORE) private readonly store: ExtArtifactsAccessStore,
  ) {}

  @Get(':vnfPkgId/ext_artifacts_access')
  @ApiOperation({ summary: 'Read the external artifacts access configuration (without credentials)' })
  @ApiOkResponse({ type: ExternalArtifactsAccessConfigDto })
  @ApiProblems(404)
  async get(@Param('vnfPkgId') id: string): Promise<ExternalArtifactsAccessConfig> {
    await this.exists(id);
    return withoutSecrets((await this.store.get(id)) ?? { artifact: [] });
  }

  @Put(':vnfPkgId/ext_artifacts_access')
  @ApiOperation({ summary: 'Replace the external artifacts access configuration' })
  @ApiOkResponse({ type: ExternalArtifactsAccessConfigDto })
  @ApiProblems(404, 415, 422)
  async put(@Param('vnfPkgId') id: string, @Body(body) config: ExternalArtifactsAccessConfigDto): Promise<ExternalArtifactsAccessConfig> {
    await this.exists(id);
    config.artifact.forEach((a, i) => {
      if (a.authType === 'BASIC' && (a.username === undefined || a.password === undefined)) {
        throw new NfvoError('UNPROCESSABLE', `artifact[${i}]: authType BASIC needs username and password.`);
      }
      if (a.authType === 'OAUTH2_CLIENT_CREDENTIALS' && !a.paramsOauth2ClientCredentials) {
        throw new NfvoError('UNPROCESSABLE', `artifact[${i}]: authType OAUTH2_CLIENT_CREDENTIALS needs paramsOauth2ClientCredentials.`);
      }
    });
    await this.store.put(id, config);
    return withoutSecrets(config);
  }

  private async exists(id: string): Promise<void> {
    if (!(await this.packages.get(id))) throw new NfvoError('NOT_FOUND', `No VNF package resource with vnfPkgId ${id.slice(0, 64)}`);
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NfvoError } from '../shared/nfvo-error';
import { Public } from '../auth/public.decorator';
import { findApi, findMajor } from './api-registry';
import { ApiVersionInformationDto } from './api-version-information.dto';

/**
 * SOL013 cl. 9.3: `{apiRoot}/{apiName}/api_versions` lists all majors, `{apiRoot}/{apiName}/{major}/api_versions`
 * one. Public, like a discovery document: it names versions, nothing about resources.
 */
@ApiTags('API versions')
@Controller()
@Public()
export class ApiVersionsController {
  @Get(':apiName/api_versions')
  @ApiOperation({ summary: 'API versions of every major version of an API (SOL013 cl. 9.3)' })
  @ApiOkResponse({ type: ApiVersionInformationDto })
  all(@Param('apiName') apiName: string): ApiVersionInformationDto {
    const api = findApi(apiName);
    if (!api) throw new NfvoError('NOT_FOUND', `No API named "${apiName.slice(0, 40)}" is served here`);
    return {
      uriPrefix: `/${api.apiName}`,
      apiVersions: api.majors.flatMap((m) => m.versions.map((version) => ({ version, isDeprecated: false }))),
    };
  }

  @Get(':apiName/:major/api_versions')
  @ApiOperation({ summary: 'API versions of one major version of an API (SOL013 cl. 9.3)' })
  @ApiOkResponse({ type: ApiVersionInformationDto })
  one(@Param('apiName') apiName: string, @Param('major') major: string): ApiVersionInformationDto {
    const m = findMajor(apiName, major);
    if (!m) throw new NfvoError('NOT_FOUND', `No API "${apiName.slice(0, 40)}/${major.slice(0, 10)}" is served here`);
    return {
      uriPrefix: `/${apiName}/${m.major}`,
      apiVersions: m.versions.map((version) => ({ version, isDeprecated: false })),
    };
  }
}

import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequireScope } from '../../auth/require-scope.decorator';
import { Consumes } from '../../sol013/media-type.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiListQuery } from '../common/api-list-query.decorator';
import { NSD_V1, NSD_V2, type NsdApiVersion } from './nsd-api-version';
import { NsDescriptorsHandler } from './ns-descriptors.handler';
import { CreateNsdInfoRequestDto, NsdInfoModificationsDto, NsdInfoV1Dto, NsdInfoV2Dto } from './nsd-info.dto';

interface VersionDocs {
  tag: string;
  versionHeader: { required: boolean; description: string };
  dto: typeof NsdInfoV1Dto;
}

/**
 * SOL005 cl. 5.4.2 and 5.4.3: NS descriptors. One controller class per major version, built from the same
 * code so nsd/v1 and nsd/v2 cannot drift apart; only the mapper and the documented model differ.
 */
function nsDescriptorsController(v: NsdApiVersion, docs: VersionDocs) {
  @ApiTags(docs.tag)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Version', ...docs.versionHeader })
  @RequireScope('nsd')
  @Controller(`nsd/${v.major}/ns_descriptors`)
  class NsDescriptorsController {
    constructor(private readonly h: NsDescriptorsHandler) {}

    @Get()
    @ApiOperation({ summary: 'Query NS descriptors (filter, attribute selectors, paging)' })
    @ApiListQuery()
    @ApiOkResponse({ type: [docs.dto] })
    @ApiProblems()
    list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.list(v, req, res);
    }

    @Post()
    @ApiOperation({ summary: 'Create an individual NS descriptor resource' })
    @ApiCreatedResponse({ type: docs.dto, description: 'Created; Location names the new resource' })
    @ApiProblems(415)
    create(@Body() body: CreateNsdInfoRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.create(v, body, req, res);
    }

    @Get(':nsdInfoId')
    @ApiOperation({ summary: 'Read an individual NS descriptor resource' })
    @ApiOkResponse({ type: docs.dto })
    @ApiProblems(404)
    get(@Param('nsdInfoId') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.get(v, id, req, res);
    }

    @Patch(':nsdInfoId')
    @Consumes('application/merge-patch+json')
    @ApiOperation({ summary: 'Enable/disable an NSD or change its userDefinedData (JSON merge patch)' })
    @ApiHeader({ name: 'If-Match', required: false })
    @ApiOkResponse({ type: NsdInfoModificationsDto })
    @ApiProblems(404, 409, 412, 415)
    modify(@Param('nsdInfoId') id: string, @Body() body: NsdInfoModificationsDto, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
      return this.h.modify(id, body, ifMatch, res);
    }

    @Delete(':nsdInfoId')
    @HttpCode(204)
    @ApiOperation({ summary: 'Delete an individual NS descriptor resource (DISABLED and NOT_IN_USE only)' })
    @ApiNoContentResponse()
    @ApiProblems(404, 409)
    remove(@Param('nsdInfoId') id: string) {
      return this.h.remove(id);
    }
  }
  // Distinct class names keep controller-derived identifiers (e.g. OpenAPI operationIds) unique per version.
  Object.defineProperty(NsDescriptorsController, 'name', { value: `NsDescriptors${v.major.toUpperCase()}Controller` });
  return NsDescriptorsController;
}

export const NsDescriptorsV2Controller = nsDescriptorsController(NSD_V2, {
  tag: 'NSD management v2 (SOL005 4.5.1)',
  versionHeader: { required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' },
  dto: NsdInfoV2Dto,
});

export const NsDescriptorsV1Controller = nsDescriptorsController(NSD_V1, {
  tag: 'NSD management v1 (SOL005 2.4.1)',
  versionHeader: { required: false, description: 'API version 1.0.0; optional for SOL005 2.x clients' },
  dto: NsdInfoV1Dto,
});

import { type Type, Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequireScope } from '../../auth/require-scope.decorator';
import { ApiListQuery } from '../common/api-list-query.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { NSLCM_HTTP, type NslcmHttp } from './nslcm-http';
import { VERSION_DOCS } from './nslcm-version-docs';
import { CreateNsRequestDto, HealNsRequestDto, ScaleNsRequestDto, UpdateNsRequestDto, InstantiateNsRequestDto, NsInstanceDto, TerminateNsRequestDto } from './nslcm.dto';
import { NfvoError } from '../../shared/nfvo-error';
import { checkUpdateRequest } from './update-request';

/** NS instances (SOL005 cl. 6.4.2-6.4.3) and the instantiate and terminate tasks (cl. 6.4.4, 6.4.8), SOL005 V4.5.1 (v2) and V2.4.1 (v1). */
export function nsInstancesController(major: 'v1' | 'v2'): Type<unknown> {
  @ApiTags(VERSION_DOCS[major].tag)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Version', ...VERSION_DOCS[major].header })
  @RequireScope('nslcm')
  @Controller(`nslcm/${major}/ns_instances`)
  class NsInstancesController {
    constructor(@Inject(NSLCM_HTTP) private readonly h: NslcmHttp) {}

    @Get()
    @ApiOperation({ summary: 'Query NS instances (filter, attribute selectors, paging)' })
    @ApiListQuery()
    @ApiOkResponse({ type: [NsInstanceDto] })
    @ApiProblems()
    list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.listInstances(major, req, res);
    }

    @Post()
    @ApiOperation({ summary: 'Create an NS instance resource (NOT_INSTANTIATED) from an ONBOARDED, ENABLED NSD' })
    @ApiCreatedResponse({ type: NsInstanceDto, description: 'Created; Location names it; NsIdentifierCreationNotification is sent' })
    @ApiProblems(415, 422)
    create(@Body() body: CreateNsRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.createInstance(major, body, req, res);
    }

    @Get(':nsInstanceId')
    @ApiOperation({ summary: 'Read an NS instance' })
    @ApiOkResponse({ type: NsInstanceDto })
    @ApiProblems(404)
    get(@Param('nsInstanceId') id: string, @Req() req: Request) {
      return this.h.getInstance(major, id, req);
    }

    @Delete(':nsInstanceId')
    @HttpCode(204)
    @ApiOperation({ summary: 'Delete a NOT_INSTANTIATED NS instance (409 otherwise)' })
    @ApiNoContentResponse()
    @ApiProblems(404, 409)
    remove(@Param('nsInstanceId') id: string) {
      return this.h.deleteInstance(id);
    }

    @Post(':nsInstanceId/instantiate')
    @ApiOperation({ summary: 'Instantiate the NS: 202 and the Location of the new ns_lcm_op_occs resource' })
    @ApiBody({ type: InstantiateNsRequestDto })
    @ApiAcceptedResponse({ description: 'Accepted; Location names the NS LCM operation occurrence' })
    @ApiProblems(404, 409, 415)
    instantiate(@Param('nsInstanceId') id: string, @Body() body: InstantiateNsRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.task(major, id, 'INSTANTIATE', body, req, res);
    }

    @Post(':nsInstanceId/scale')
    @ApiOperation({ summary: 'Scale the NS (a function out or in by copies, within its scaling bounds): 202 and the Location of the occurrence' })
    @ApiBody({ type: ScaleNsRequestDto })
    @ApiAcceptedResponse({ description: 'Accepted; Location names the NS LCM operation occurrence' })
    @ApiProblems(404, 409, 415)
    scale(@Param('nsInstanceId') id: string, @Body() body: ScaleNsRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.task(major, id, 'SCALE', body, req, res);
    }

    @Post(':nsInstanceId/update')
    @ApiOperation({ summary: 'Update the NS (ADD_VNF, REMOVE_VNF, MODIFY_VNF_INFORMATION, ADD_VNFFG, REMOVE_VNFFG, UPDATE_VNFFG): 202 and the Location of the occurrence; other update types are 422' })
    @ApiBody({ type: UpdateNsRequestDto })
    @ApiAcceptedResponse({ description: 'Accepted; Location names the NS LCM operation occurrence' })
    @ApiProblems(404, 409, 415, 422)
    update(@Param('nsInstanceId') id: string, @Body() body: UpdateNsRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.task(major, id, 'UPDATE', checkUpdateRequest(body), req, res);
    }

    @Post(':nsInstanceId/heal')
    @ApiOperation({ summary: 'Heal the NS: the affected functions are ensured again (deleted or failed units re-created); 202 and the Location of the occurrence' })
    @ApiBody({ type: HealNsRequestDto })
    @ApiAcceptedResponse({ description: 'Accepted; Location names the NS LCM operation occurrence' })
    @ApiProblems(404, 409, 415)
    heal(@Param('nsInstanceId') id: string, @Body() body: HealNsRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      if (!body.healNsData === !body.healVnfData) throw new NfvoError('BAD_REQUEST', 'HealNsRequest needs exactly one of healNsData and healVnfData.');
      return this.h.task(major, id, 'HEAL', body, req, res);
    }

    @Post(':nsInstanceId/terminate')
    @ApiOperation({ summary: 'Terminate the NS: 202 and the Location of the new ns_lcm_op_occs resource' })
    @ApiBody({ type: TerminateNsRequestDto, required: false })
    @ApiAcceptedResponse({ description: 'Accepted; Location names the NS LCM operation occurrence' })
    @ApiProblems(404, 409, 415)
    terminate(@Param('nsInstanceId') id: string, @Body() body: TerminateNsRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.task(major, id, 'TERMINATE', body ?? {}, req, res);
    }
  }
  Object.defineProperty(NsInstancesController, 'name', { value: `NsInstances${major.toUpperCase()}Controller` });
  return NsInstancesController;
}

import { type Type, Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequireScope } from '../../auth/require-scope.decorator';
import { ApiListQuery } from '../common/api-list-query.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { NSLCM_HTTP, type NslcmHttp } from './nslcm-http';
import { VERSION_DOCS } from './nslcm-version-docs';
import { CancelModeDto, NsLcmOpOccDto } from './nslcm.dto';

/** NS LCM operation occurrences (SOL005 cl. 6.4.9-6.4.10), SOL005 V4.5.1 (v2) and V2.4.1 (v1). */
export function nsLcmOpOccsController(major: 'v1' | 'v2'): Type<unknown> {
  @ApiTags(VERSION_DOCS[major].tag)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Version', ...VERSION_DOCS[major].header })
  @RequireScope('nslcm')
  @Controller(`nslcm/${major}/ns_lcm_op_occs`)
  class NsLcmOpOccsController {
    constructor(@Inject(NSLCM_HTTP) private readonly h: NslcmHttp) {}

    @Get()
    @ApiOperation({ summary: 'Query NS LCM operation occurrences (filter, attribute selectors, paging)' })
    @ApiListQuery()
    @ApiOkResponse({ type: [NsLcmOpOccDto] })
    @ApiProblems()
    list(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.listOccurrences(major, req, res);
    }

    @Get(':nsLcmOpOccId')
    @ApiOperation({ summary: 'Read an NS LCM operation occurrence' })
    @ApiOkResponse({ type: NsLcmOpOccDto })
    @ApiProblems(404)
    get(@Param('nsLcmOpOccId') id: string, @Req() req: Request) {
      return this.h.getOccurrence(major, id, req);
    }

    @Post(':nsLcmOpOccId/retry')
    @HttpCode(202)
    @ApiOperation({ summary: 'Retry a FAILED_TEMP operation: failed and not yet run steps run again (409 in other states)' })
    @ApiAcceptedResponse()
    @ApiProblems(404, 409)
    retry(@Param('nsLcmOpOccId') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.occurrenceTask(major, id, 'retry', undefined, req, res);
    }

    @Post(':nsLcmOpOccId/rollback')
    @HttpCode(202)
    @ApiOperation({ summary: 'Roll back a FAILED_TEMP operation: every completed step is undone in reverse order' })
    @ApiAcceptedResponse()
    @ApiProblems(404, 409)
    rollback(@Param('nsLcmOpOccId') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.occurrenceTask(major, id, 'rollback', undefined, req, res);
    }

    @Post(':nsLcmOpOccId/continue')
    @HttpCode(202)
    @ApiOperation({ summary: 'Continue a FAILED_TEMP operation past its failed steps (they are skipped; the result is PARTIALLY_COMPLETED)' })
    @ApiAcceptedResponse()
    @ApiProblems(404, 409)
    continue(@Param('nsLcmOpOccId') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.occurrenceTask(major, id, 'continue', undefined, req, res);
    }

    @Post(':nsLcmOpOccId/fail')
    @HttpCode(200)
    @ApiOperation({ summary: 'Declare a FAILED_TEMP operation FAILED (final)' })
    @ApiOkResponse({ type: NsLcmOpOccDto })
    @ApiProblems(404, 409)
    fail(@Param('nsLcmOpOccId') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.occurrenceTask(major, id, 'fail', undefined, req, res);
    }

    @Post(':nsLcmOpOccId/cancel')
    @HttpCode(202)
    @ApiOperation({ summary: 'Cancel a PROCESSING or ROLLING_BACK operation: GRACEFUL stops at the next step boundary, FORCEFUL at once; it ends FAILED_TEMP' })
    @ApiBody({ type: CancelModeDto })
    @ApiAcceptedResponse()
    @ApiProblems(404, 409)
    cancel(@Param('nsLcmOpOccId') id: string, @Body() body: CancelModeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
      return this.h.occurrenceTask(major, id, 'cancel', body.cancelMode, req, res);
    }
  }
  Object.defineProperty(NsLcmOpOccsController, 'name', { value: `NsLcmOpOccs${major.toUpperCase()}Controller` });
  return NsLcmOpOccsController;
}

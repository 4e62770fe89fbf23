import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/require-scope.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { NSLCM_HTTP, type NslcmHttp } from './nslcm-http';

/** Our own view of an operation's plan (not SOL005): steps, their state, attempts, timings and errors. */
@ApiTags('NFVO: LCM plans')
@ApiBearerAuth()
@RequireScope('nslcm')
@Controller('nfvo/v1/ns_lcm_op_occs')
export class LcmPlanController {
  constructor(@Inject(NSLCM_HTTP) private readonly h: NslcmHttp) {}

  @Get(':nsLcmOpOccId/plan')
  @ApiOperation({ summary: 'The plan of an NS LCM operation occurrence with the journal of every step' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiProblems(404)
  plan(@Param('nsLcmOpOccId') id: string) {
    return this.h.plan(id);
  }
}

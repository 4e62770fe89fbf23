import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/require-scope.decorator';
import { NS_STACKS, type NsInstanceStacks } from '../../lifecycle/ns-instances/ns-instance-stacks.use-case';
import { ApiProblems } from '../common/api-problems.decorator';

/** Our own view of an NS instance's infrastructure-as-code stacks (not SOL005): audit and drift. */
@ApiTags('NFVO: infrastructure as code')
@ApiBearerAuth()
@RequireScope('nslcm')
@Controller('nfvo/v1/ns_instances')
export class NsInstanceStacksController {
  constructor(@Inject(NS_STACKS) private readonly stacks: NsInstanceStacks) {}

  @Get(':nsInstanceId/iac')
  @ApiOperation({ summary: 'The Terraform JSON last applied per cluster (one stack per NS instance and cluster), with the functions it holds and the operation that applied it' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiProblems(404)
  iac(@Param('nsInstanceId') id: string) {
    return this.stacks.latest(id);
  }

  @Get(':nsInstanceId/drift')
  @ApiOperation({ summary: 'The latest drift report of the NS instance (a check asked for, or scheduled every NFVO_DRIFT_CHECK_SECONDS)' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiProblems(404)
  drift(@Param('nsInstanceId') id: string) {
    return this.stacks.latestDrift(id);
  }

  @Post(':nsInstanceId/drift-check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Asks every stack of the NS instance what applying it again would change (Terraform plan), keeps and returns the report; changes nothing' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiProblems(404, 409)
  driftCheck(@Param('nsInstanceId') id: string) {
    return this.stacks.checkDrift(id);
  }
}

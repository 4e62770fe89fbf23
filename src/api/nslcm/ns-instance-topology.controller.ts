import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/require-scope.decorator';
import { NS_TOPOLOGY, type NsInstanceTopology } from '../../lifecycle/ns-instances/ns-instance-topology.use-case';
import { ApiProblems } from '../common/api-problems.decorator';

/** Our own view of where an NS instance's traffic goes (not SOL005). */
@ApiTags('NFVO: topology')
@ApiBearerAuth()
@RequireScope('nslcm')
@Controller('nfvo/v1/ns_instances')
export class NsInstanceTopologyController {
  constructor(@Inject(NS_TOPOLOGY) private readonly topology: NsInstanceTopology) {}

  @Get(':nsInstanceId/topology')
  @ApiOperation({ summary: 'Functions per site, WAN tunnels, and per forwarding path its hops and the flows each switch holds for it now, with packet counters (and a traced packet on emulated switches)' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiProblems(404)
  get(@Param('nsInstanceId') id: string) {
    return this.topology.topology(id);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { JobEngine } from '../jobs/job-engine';
import { Database } from '../persistence/database';
import { NfvoError } from '../shared/nfvo-error';

/** Liveness answers while the process serves HTTP; readiness also needs the database and the job engine. */
@ApiTags('Health')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly db: Database, private readonly jobs: JobEngine) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness' })
  @ApiOkResponse({ schema: { example: { status: 'UP' } } })
  health() {
    return { status: 'UP' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database and job engine reachable' })
  @ApiOkResponse({ schema: { example: { status: 'UP', database: 'UP', jobEngine: 'UP' } } })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down (ProblemDetails names it)' })
  async ready() {
    const [database, jobEngine] = await Promise.all([probe(() => this.db.ping()), probe(() => this.jobs.ping())]);
    if (database !== 'UP' || jobEngine !== 'UP') {
      throw new NfvoError('UNAVAILABLE', `Not ready: database ${database}, job engine ${jobEngine}.`, { database, jobEngine });
    }
    return { status: 'UP', database, jobEngine };
  }
}

const probe = async (fn: () => Promise<unknown>): Promise<'UP' | 'DOWN'> => {
  try {
    await withTimeout(fn(), 2000);
    return 'UP';
  } catch {
    return 'DOWN';
  }
};

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), ms).unref())]);

import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobEngine } from './jobs/job-engine';
import { Database } from './persistence/database';
import { RouteTable } from './sol013/route-table';

/** The outside resources opened before Nest starts (database, job engine), shared with every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(db: Database, jobs: JobEngine): DynamicModule {
    return {
      module: CoreModule,
      imports: [DiscoveryModule],
      providers: [{ provide: Database, useValue: db }, { provide: JobEngine, useValue: jobs }, RouteTable],
      exports: [Database, JobEngine, RouteTable],
    };
  }
}

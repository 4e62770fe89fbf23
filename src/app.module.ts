import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApiVersionsController } from './sol013/api-versions.controller';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/config.schema';
import type { AppKeys } from './config/app-keys';
import { CoreModule } from './core.module';
import { HealthController } from './health/health.controller';
import type { JobEngine } from './jobs/job-engine';
import type { Database } from './persistence/database';
import { NsdApiModule } from './api/nsd/nsd-api.module';
import { VnfpkgmApiModule } from './api/vnfpkgm/vnfpkgm-api.module';
import { NotificationsModule } from './notifications/notifications.module';
import { InfraApiModule } from './api/infra/infra-api.module';
import { NslcmApiModule } from './api/nslcm/nslcm-api.module';
import { MediaTypeGuard } from './sol013/media-type.guard';
import { ProblemDetailsFilter } from './sol013/problem-details.filter';

/** Composition root: wires modules, the one error filter, global guards and validation. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, keys: AppKeys, db: Database, jobs: JobEngine): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config, keys), CoreModule.forRoot(db, jobs), AuthModule, NotificationsModule.forRoot(config), NsdApiModule, VnfpkgmApiModule, InfraApiModule, NslcmApiModule],
      controllers: [ApiVersionsController, HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: MediaTypeGuard },
        {
          provide: APP_PIPE,
          // Unknown members are refused (400) where the SOL005 data type has none.
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: false, stopAtFirstError: false }),
        },
      ],
    };
  }

}

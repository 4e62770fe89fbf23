import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config.schema';
import { type AppKeys, resolveKeys } from './app-keys';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_KEYS = Symbol('APP_KEYS');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, keys: AppKeys = resolveKeys(config)): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_KEYS, useValue: keys },
      ],
      exports: [APP_CONFIG, APP_KEYS],
    };
  }
}

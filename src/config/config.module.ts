import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config.schema';
import { type AppKeys, resolveKeys } from './app-keys';
import { SecretBox } from '../shared/secret-box';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_KEYS = Symbol('APP_KEYS');
/** AES-256-GCM for credentials at rest, keyed from NFVO_SECRET_KEY. */
export const SECRET_BOX = Symbol('SECRET_BOX');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, keys: AppKeys = resolveKeys(config)): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_KEYS, useValue: keys },
        { provide: SECRET_BOX, useValue: new SecretBox(keys.encryption) },
      ],
      exports: [APP_CONFIG, APP_KEYS, SECRET_BOX],
    };
  }
}

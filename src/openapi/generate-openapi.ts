import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { resolveKeys } from '../config/app-keys';
import { loadConfig } from '../config/load-config';
import type { JobEngine } from '../jobs/job-engine';
import type { Database } from '../persistence/database';
import { buildOpenApi } from './setup-openapi';

/**
 * The published OpenAPI document, generated from the controllers alone. The database and job engine
 * are never touched while building it, so it needs neither.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NFVO_SECRET_KEY: '00'.repeat(32), NFVO_OAUTH_CLIENTS: 'doc:doc-generator-secret' });
  const unused = {} as Database & JobEngine;
  const app = await NestFactory.create(AppModule.forRoot(config, resolveKeys(config), unused, unused), { logger: false, abortOnError: false });
  try {
    return buildOpenApi(app);
  } finally {
    await app.close();
  }
}

export const OPENAPI_FILE = 'sol005-openapi/nfvo-openapi.json';
export const serialiseOpenApi = (doc: OpenAPIObject): string => `${JSON.stringify(doc, null, 2)}\n`;

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config.schema';
import type { AppKeys } from './config/app-keys';
import type { JobEngine } from './jobs/job-engine';
import type { Database } from './persistence/database';
import { setupOpenApi } from './openapi/setup-openapi';
import { PinoNestLogger } from './app-logger';
import { versionMiddleware } from './sol013/version.middleware';

export interface AppDeps {
  config: AppConfig;
  keys: AppKeys;
  db: Database;
  jobs: JobEngine;
  logger: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the HTTP application exactly as production runs it; tests use the same function. */
export async function createApp(deps: AppDeps): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(deps.config, deps.keys, deps.db, deps.jobs), {
    bodyParser: false,
    logger: new PinoNestLogger(deps.logger),
  });
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false); // ETags are ours: per resource revision (RFC 9110 cl. 8.8.3), not per body
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Tokens and credentials never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use(versionMiddleware);
  app.useBodyParser('json', { limit: deps.config.maxBodyBytes, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { extended: false, limit: 16 * 1024 });
  setupOpenApi(app);
  await app.init();
  return app;
}

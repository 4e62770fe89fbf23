import pino, { type Logger } from 'pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { createApp } from './app.factory';
import { ClientRegistry } from './auth/client-registry';
import { resolveKeys } from './config/app-keys';
import type { AppConfig } from './config/config.schema';
import { JobEngine } from './jobs/job-engine';
import { Database } from './persistence/database';
import { type EmulatedSitesHandle, startEmulatedSites } from './emulated-sites';

export interface RunningService {
  app: NestExpressApplication;
  url: string;
  logger: Logger;
  /** Drains in-flight requests, stops the job engine, closes the database. */
  shutdown(reason: string): Promise<void>;
}

/** Opens everything, starts listening, and returns a handle whose shutdown undoes it in reverse order. */
export async function startService(config: AppConfig, out: NodeJS.WritableStream = process.stdout): Promise<RunningService> {
  const logger = pino({ level: config.logLevel, base: { service: 'nfvo' } });
  const keys = resolveKeys(config);
  if (keys.source === 'ephemeral') logger.warn('NFVO_SECRET_KEY is not set: tokens and paging markers will not survive a restart nor work across replicas');
  const db = await Database.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.dbSchema });
  let jobs: JobEngine | undefined;
  let app: NestExpressApplication | undefined;
  let admin: { clientId: string; secret: string } | undefined;
  let emulated: EmulatedSitesHandle | undefined;
  try {
    jobs = await JobEngine.start(db, config.databaseUrl, { schema: config.jobsSchema, pollSeconds: config.jobPollSeconds });
    app = await createApp({ config, keys, db, jobs, logger });
    const clients = app.get(ClientRegistry);
    await clients.init();
    admin = await clients.bootstrapAdmin();
    emulated = await startEmulatedSites(app, config, db.kind);
    await app.listen(config.port, config.host);
  } catch (err) {
    // A failed start leaves nothing open behind it (a port in use must not leave the database locked).
    await emulated?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await jobs?.stop(1000).catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
  const started = { app, jobs };
  const server = app.getHttpServer() as Server;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, database: db.kind }, 'NFVO listening');
  printBanner(out, url, db.kind, admin, emulated?.summary);

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: draining requests');
      await closeServer(server, config.shutdownGraceMs);
      await started.jobs.stop(config.shutdownGraceMs);
      await started.app.close();
      await emulated?.close();
      await db.close();
      logger.info('stopped');
    })());
  return { app: started.app, url, logger, shutdown };
}

/** Stops accepting, lets in-flight requests finish, then cuts idle keep-alive sockets (and, after the grace period, all). */
function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function printBanner(out: NodeJS.WritableStream, url: string, kind: string, admin?: { clientId: string; secret: string }, emulated?: string[]) {
  const lines = [
    '',
    `NFVO is up (${kind === 'pglite' ? 'embedded PGlite database' : 'PostgreSQL'})`,
    `  API:            ${url}/nsd/v2/ns_descriptors  (SOL005; tokens from ${url}/oauth2/token)`,
    `  Docs (OpenAPI): ${url}/docs`,
  ];
  if (emulated) lines.push(`  Emulated sites (${url}/nfvo/v1/sites; OpenStack emulators, not real clouds):`, ...emulated.map((l) => `    ${l}`));
  if (admin) {
    lines.push(
      '  Bootstrap admin client created. Its secret is shown only this once; store it now:',
      `    client id:     ${admin.clientId}`,
      `    client secret: ${admin.secret}`,
      `    token:         curl -s -u ${admin.clientId}:<secret> -d grant_type=client_credentials ${url}/oauth2/token`,
    );
  }
  out.write(`${lines.join('\n')}\n\n`);
}

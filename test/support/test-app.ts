import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { ClientRegistry } from '../../src/auth/client-registry';
import { resolveKeys } from '../../src/config/app-keys';
import type { AppConfig } from '../../src/config/config.schema';
import { loadConfig } from '../../src/config/load-config';
import { JobEngine } from '../../src/jobs/job-engine';
import { openTestDatabase, type TestDb } from './test-database';

export const ADMIN = { id: 'test-admin', secret: 'admin-secret-0123456789' };
export const READER = { id: 'test-reader', secret: 'reader-secret-0123456789' };

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  t: TestDb;
  jobs: JobEngine;
  /** A bearer token for the admin client (all scopes) or the read-only client. */
  token(who?: 'admin' | 'reader'): Promise<string>;
  close(): Promise<void>;
}

/** The production application (createApp) on a fresh database schema, listening on an ephemeral port. */
/** `reuse` starts the application on an existing database (a restart); closing it then leaves the database alone. */
export async function startTestApp(env: Record<string, string> = {}, reuse?: TestDb): Promise<TestApp> {
  const config = loadConfig({
    NFVO_OAUTH_CLIENTS: `${ADMIN.id}:${ADMIN.secret},${READER.id}:${READER.secret}:nsd:read`,
    NFVO_SECRET_KEY: 'cd'.repeat(32),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const t = reuse ?? (await openTestDatabase());
  const jobs = await JobEngine.start(t.db, t.databaseUrl, { schema: t.jobsSchema, pollSeconds: 0.5 });
  const app = await createApp({ config, keys: resolveKeys(config), db: t.db, jobs, logger: pino({ level: 'silent' }) });
  await app.get(ClientRegistry).init();
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    config,
    t,
    jobs,
    async token(who = 'admin') {
      const c = who === 'admin' ? ADMIN : READER;
      if (!tokens.has(who)) {
        const r = await http.post('/oauth2/token').auth(c.id, c.secret).type('form').send({ grant_type: 'client_credentials' });
        if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`);
        tokens.set(who, r.body.access_token);
      }
      return tokens.get(who)!;
    },
    async close() {
      await app.close();
      await jobs.stop(1000);
      if (!reuse) await t.drop();
    },
  };
}

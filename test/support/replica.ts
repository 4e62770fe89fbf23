import { Database } from '../../src/persistence/database';
import { startTestApp, type TestApp } from './test-app';
import type { TestDb } from './test-database';

/**
 * A second NFVO replica on the first one's database schema (its own API, workers and job engine). On
 * PostgreSQL it has its own connection pool, as another process would; the embedded PGlite lives in one
 * process, so there the replicas share it. Closing it leaves the database to the first.
 */
export async function startReplica(first: TestApp, env: Record<string, string> = {}): Promise<TestApp> {
  const own = first.t.databaseUrl ? await Database.open({ databaseUrl: first.t.databaseUrl, dataDir: '', schema: first.t.schema }) : undefined;
  const t: TestDb = own ? { ...first.t, db: own, drop: () => own.close() } : first.t;
  const replica = await startTestApp(env, t);
  return { ...replica, close: async () => { await replica.close(); await own?.close(); } };
}

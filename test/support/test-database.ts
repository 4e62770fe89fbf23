import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Database } from '../../src/persistence/database';

/**
 * Each test file gets its own schemas, so files never see each other's rows. PostgreSQL when
 * DATABASE_URL is set (CI), else an in-memory PGlite (a machine without PostgreSQL).
 */
export interface TestDb {
  db: Database;
  schema: string;
  jobsSchema: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

export const testDatabaseUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

export function uniqueSchema(prefix = 't'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function openTestDatabase(): Promise<TestDb> {
  const databaseUrl = testDatabaseUrl();
  const schema = uniqueSchema();
  const jobsSchema = `${schema}_jobs`;
  const db = await Database.open({ databaseUrl, dataDir: '', schema, inMemory: true });
  return {
    db,
    schema,
    jobsSchema,
    databaseUrl,
    drop: async () => {
      await db.close();
      if (databaseUrl) await dropSchemas(databaseUrl, [schema, jobsSchema]);
    },
  };
}

export async function dropSchemas(databaseUrl: string, schemas: string[]): Promise<void> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await c.end();
  }
}

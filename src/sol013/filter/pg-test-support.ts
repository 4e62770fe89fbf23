import { randomBytes } from 'node:crypto';
import { NS_DOCUMENTS_JSON } from './test-documents.fixture';

/**
 * Minimal typed view of node-postgres for the specs of this folder (the project has
 * no @types/pg). Loaded with require so that the type check does not need them.
 */
export interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The URL without its password, for log lines. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export interface FilterTestDb {
  client: PgClient;
  /** Schema-qualified table (id serial, doc jsonb) holding the fixture documents, ids 1..10. */
  table: string;
  drop(): Promise<void>;
}

/**
 * Connects, creates a uniquely named schema with the documents table and a
 * jsonb_path_ops GIN index. Returns undefined (after logging why) when PostgreSQL
 * cannot be reached, so the calling spec skips its database tests.
 */
export async function openFilterTestDb(): Promise<FilterTestDb | undefined> {
  const pg = require('pg') as { Client: new (config: object) => PgClient };
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    console.log(`skipped: PostgreSQL not reachable at ${redacted(DATABASE_URL)}: ${(e as Error).message}`);
    await client.end().catch(() => undefined);
    return undefined;
  }
  const schema = `sol013_filter_${randomBytes(6).toString('hex')}`;
  const table = `${schema}.docs`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, doc jsonb NOT NULL)`);
  for (const doc of NS_DOCUMENTS_JSON) await client.query(`INSERT INTO ${table} (doc) VALUES ($1::jsonb)`, [doc]);
  await client.query(`CREATE INDEX docs_doc_gin ON ${table} USING gin (doc jsonb_path_ops)`);
  await client.query(`ANALYZE ${table}`);
  return {
    client,
    table,
    drop: async () => {
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

import { tryConnect } from './postgres-url';

/** Drops a benchmark's scratch schemas on a connection of its own: the benchmark's connection may be what failed. */
export async function dropSchemas(databaseUrl: string, schemas: string[]): Promise<void> {
  const conn = await tryConnect(databaseUrl);
  if (!('client' in conn)) throw new Error(`cannot reach PostgreSQL to drop ${schemas.join(', ')}: ${conn.reason}`);
  try {
    for (const s of schemas) await conn.client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await conn.client.end();
  }
}

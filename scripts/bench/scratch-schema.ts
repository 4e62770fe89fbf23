import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { BenchContext } from './bench.types';
import { databaseUrlFromEnv, tryConnect, withoutPassword } from './postgres-url';

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

export interface Scratch {
  databaseUrl: string;
  /** A connection of the benchmark's own, closed when it ends. */
  pg: Client;
  /** Fresh schemas for the service's tables and its job engine, dropped when the benchmark ends. */
  schema: string;
  jobsSchema: string;
}

/**
 * PostgreSQL for a benchmark, or undefined after printing why it is skipped. A scratch schema per run
 * never touches the service's own data, and two runs cannot collide.
 */
export async function openScratch(ctx: BenchContext, name: string): Promise<Scratch | undefined> {
  const databaseUrl = databaseUrlFromEnv();
  const conn = await tryConnect(databaseUrl);
  if (!('client' in conn)) {
    ctx.print(`${name}: skipped: PostgreSQL not reachable at ${withoutPassword(databaseUrl)}: ${conn.reason}`);
    return undefined;
  }
  const pg = conn.client;
  ctx.defer('close the PostgreSQL connection', () => pg.end());
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const jobsSchema = `${schema}_jobs`;
  ctx.defer(`drop schemas ${schema}, ${jobsSchema}`, () => dropSchemas(databaseUrl, [schema, jobsSchema]));
  return { databaseUrl, pg, schema, jobsSchema };
}

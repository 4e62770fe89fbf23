import { Client } from 'pg';

/** The PostgreSQL the benchmarks use; the default matches the local test database. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export const databaseUrlFromEnv = (env: NodeJS.ProcessEnv = process.env): string => env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;

/** The URL as it may be printed: without its password (DATABASE_URL is a secret in this project's config). */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}

/** A connected client, or the reason there is none; a short timeout so "no PostgreSQL here" is quick to learn. */
export async function tryConnect(url: string, timeoutMs = 3000): Promise<{ client: Client } | { reason: string }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined); // a dropped idle connection must not crash the run; the next query reports it
  try {
    await client.connect();
    return { client };
  } catch (e) {
    await client.end().catch(() => undefined);
    const err = e as Error & { code?: string };
    return { reason: err.message || err.code || String(e) };
  }
}

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import type { PGlite } from '@electric-sql/pglite';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { openPGlite, pgliteDriverFor } from './pglite/pglite-driver';
import { PGlitePool } from './pglite/pglite-pool';

export interface DatabaseOptions {
  /** PostgreSQL URL; undefined selects the embedded PGlite. */
  databaseUrl: string | undefined;
  dataDir: string;
  schema: string;
  /** In-memory PGlite (tests on machines without PostgreSQL). */
  inMemory?: boolean;
}

export type Tx = EntityManager;

/** Executes one SQL statement: the shape pg-boss's `db` adapter option expects. */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> };

/**
 * The system of record: PostgreSQL when DATABASE_URL is set, else embedded PGlite under NFVO_DATA_DIR.
 * Both run the same hand-written migrations into the schema NFVO_DB_SCHEMA (search_path), never `synchronize`.
 */
export class Database {
  private constructor(
    readonly dataSource: DataSource,
    readonly kind: 'postgres' | 'pglite',
    private readonly pglite?: { db: PGlite; pool: PGlitePool },
  ) {}

  static async open(o: DatabaseOptions): Promise<Database> {
    if (o.databaseUrl) {
      const ds = new DataSource({
        type: 'postgres',
        url: o.databaseUrl,
        entities: ENTITIES,
        migrations: MIGRATIONS,
        migrationsTransactionMode: 'each',
        extra: { options: `-c search_path=${o.schema}`, max: 10 },
        uuidExtension: 'pgcrypto',
        installExtensions: false,
      });
      await ds.initialize();
      const db = new Database(ds, 'postgres');
      await db.migrate(o.schema, true);
      return db;
    }
    const dir = o.inMemory ? undefined : resolve(o.dataDir, 'pgdata');
    if (dir) mkdirSync(dir, { recursive: true });
    const pg = await openPGlite(dir);
    const pool = new PGlitePool(pg);
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${o.schema}; SET search_path TO ${o.schema}`);
    const ds = new DataSource({
      type: 'postgres',
      driver: pgliteDriverFor(pool),
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTransactionMode: 'each',
      // PGlite has no uuid-ossp; without these TypeORM's failed CREATE EXTENSION kills the process later.
      uuidExtension: 'pgcrypto',
      installExtensions: false,
    });
    await ds.initialize();
    const db = new Database(ds, 'pglite', { db: pg, pool });
    await db.migrate(o.schema, false);
    return db;
  }

  /** Creates the schema and runs pending migrations; on PostgreSQL under an advisory lock so replicas can start together. */
  private async migrate(schema: string, lock: boolean): Promise<void> {
    if (!lock) {
      await this.dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await this.dataSource.runMigrations({ transaction: 'each' });
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('nfvo-migrations'))`);
      await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await this.dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('nfvo-migrations'))`).catch(() => undefined);
      await runner.release();
    }
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  /** An executor bound to a transaction, so work written through it commits or rolls back with it. */
  static executorOf(tx: Tx): SqlExecutor {
    return {
      executeSql: async (text, values) => {
        const r = await tx.queryRunner!.query(text, values as unknown[], true);
        return { rows: r.records ?? [] };
      },
    };
  }

  /** The executor pg-boss uses on PGlite (each statement on a short lease of the one connection). */
  pgliteExecutor(): SqlExecutor | undefined {
    const pool = this.pglite?.pool;
    if (!pool) return undefined;
    return { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows as any[] }) };
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.pglite) await this.pglite.db.close();
  }
}

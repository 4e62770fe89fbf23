import { PGlitePool } from './pglite-pool';
import type { PGlite } from '@electric-sql/pglite';

/**
 * The object TypeORM's postgres driver loads in place of `pg` (DataSourceOptions.driver): it only
 * constructs `new driver.Pool(options)`, so every pool it creates wraps the one embedded database.
 */
export function pgliteDriverFor(pool: PGlitePool): unknown {
  return {
    Pool: function PoolFactory() {
      return pool;
    },
  };
}

/** Opens (or creates) the embedded database, with node-postgres type conventions. */
export async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const db = await PGlite.create({
    dataDir,
    parsers: {
      // node-postgres returns int8 and numeric as strings; keep both drivers identical for our code.
      [types.INT8]: (v: string) => v,
      [types.NUMERIC]: (v: string) => v,
    },
  });
  // The dynamic import resolves PGlite's ESM typings, the type import above its CJS ones: same class.
  return db as unknown as PGlite;
}

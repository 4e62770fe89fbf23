import type { EntityManager } from 'typeorm';
import type { TxHandle, UnitOfWork } from '../shared/unit-of-work';
import type { Database } from './database';

/** The TypeORM transaction behind a handle (persistence is the only place that looks inside). */
export const managerOf = (tx: TxHandle): EntityManager => tx as unknown as EntityManager;
export const handleOf = (m: EntityManager): TxHandle => m as unknown as TxHandle;

/** Where a query runs: inside the given transaction, or on the data source. */
export const queryer = (db: Database, tx?: TxHandle): { query: EntityManager['query'] } => (tx ? managerOf(tx) : db.dataSource.manager);

/** Joins the caller's transaction, or opens one. */
export const inTransaction = <T>(db: Database, tx: TxHandle | undefined, fn: (m: EntityManager) => Promise<T>): Promise<T> =>
  tx ? fn(managerOf(tx)) : db.transaction(fn);

export class DatabaseUnitOfWork implements UnitOfWork {
  constructor(private readonly db: Database) {}
  run<T>(fn: (tx: TxHandle) => Promise<T>): Promise<T> {
    return this.db.transaction((m) => fn(handleOf(m)));
  }
}

/** The rows of any statement: TypeORM answers UPDATE/DELETE … RETURNING with [rows, count], SELECT with rows. */
export async function rowsOf<R>(m: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<R[]> {
  const r: unknown = await m.query(sql, params);
  return (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number' ? r[0] : r) as R[];
}

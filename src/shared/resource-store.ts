import type { TxHandle } from './unit-of-work';

/**
 * The port through which use cases keep SOL005 resources. Every resource is a JSON document with a
 * revision (ETag, optimistic concurrency) and a monotonically increasing paging key.
 */
export interface Stored<T> {
  doc: T;
  revision: number;
  /** Keyset for paging: assigned at insert, never reused, so pages stay stable under concurrent inserts. */
  seq: string;
}

/** A compiled, parameterised SQL condition over the document column; placeholders start at $1. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

export interface Page<T> {
  items: Stored<T>[];
  /** Set when more items follow: the seq of the last item returned. */
  lastSeq?: string;
  hasMore: boolean;
}

/**
 * Every method takes an optional transaction: without one it runs in its own; with one its writes
 * commit or roll back with everything else done in that transaction.
 */
export interface ResourceStore<T extends { id: string }> {
  insert(doc: T, tx?: TxHandle): Promise<Stored<T>>;
  get(id: string, tx?: TxHandle): Promise<Stored<T> | undefined>;
  list(condition: SqlCondition | undefined, afterSeq: string | undefined, limit: number): Promise<Page<T>>;
  /** Locks the row, lets `mutate` decide (it may throw), writes the result with revision + 1. */
  update(id: string, mutate: (current: Stored<T>) => T, tx?: TxHandle): Promise<Stored<T>>;
  /** Locks the row, lets `check` refuse (by throwing), then deletes it. */
  delete(id: string, check: (current: Stored<T>) => void, tx?: TxHandle): Promise<void>;
}

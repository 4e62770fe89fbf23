/**
 * A database transaction as the domain sees it: an opaque handle passed to every port call that must
 * commit or roll back together (state change, job, domain event). Only persistence knows what is inside.
 */
export interface TxHandle {
  readonly __txHandle: unique symbol;
}

export interface UnitOfWork {
  run<T>(fn: (tx: TxHandle) => Promise<T>): Promise<T>;
}

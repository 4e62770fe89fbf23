import type { TxHandle } from '../../shared/unit-of-work';

/** Durable background work: a job sent in a transaction exists only if that transaction commits. */
export interface JobQueue {
  send<T extends object>(tx: TxHandle, queue: string, data: T, opts?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; singletonKey?: string }): Promise<unknown>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');

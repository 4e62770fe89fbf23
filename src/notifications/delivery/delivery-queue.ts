import type { Database } from '../../persistence/database';
import { handleOf } from '../../persistence/transactions';
import type { JobEngine, SendOptions } from '../../jobs/job-engine';
import type { DeliveryKey } from './delivery-store.port';

/** The pg-boss queue whose jobs name one (subscription, ordering key) to deliver. */
export const DELIVER_NOTIFICATIONS_QUEUE = 'deliver-notifications';

export type DeliverNotificationsJob = DeliveryKey;

/** A job that threw (database unavailable) is retried by pg-boss; the sweeper is the backstop after that. */
export const DELIVERY_JOB_OPTIONS: SendOptions = { retryLimit: 3, retryDelay: 5, retryBackoff: true };

/**
 * One queued job per (subscription, ordering key) (queue policy `short`, see jobs/queues.ts): a send while
 * one already waits is dropped, and the waiting job delivers whatever is pending when it runs.
 */
export const deliveryKeyOf = (k: DeliveryKey): string => `${k.subscriptionId}:${k.orderingKey}`;

export const isDeliveryJob = (d: unknown): d is DeliverNotificationsJob =>
  typeof (d as DeliveryKey)?.subscriptionId === 'string' && typeof (d as DeliveryKey)?.orderingKey === 'string';

/**
 * Enqueues delivery jobs outside any business transaction (retries, the sweeper): JobEngine.send writes
 * through a transaction, so open a short one that holds nothing but these inserts. The queue is ensured
 * first, because on PGlite pg-boss's own statements cannot run while that transaction holds the connection.
 */
export async function enqueueDeliveries(db: Database, jobs: JobEngine, keys: DeliveryKey[], startAfter?: Date): Promise<void> {
  if (keys.length === 0) return;
  await jobs.ensureQueue(DELIVER_NOTIFICATIONS_QUEUE);
  const opts = { ...DELIVERY_JOB_OPTIONS, ...(startAfter ? { startAfter } : {}) };
  await db.transaction(async (m) => {
    for (const k of keys) await jobs.send(handleOf(m), DELIVER_NOTIFICATIONS_QUEUE, { subscriptionId: k.subscriptionId, orderingKey: k.orderingKey }, { ...opts, singletonKey: deliveryKeyOf(k) });
  });
}

/** Notifications of one (subscription, ordering key) are delivered one at a time, in seq order. */
export interface DeliveryKey {
  subscriptionId: string;
  orderingKey: string;
}

export interface PendingNotification {
  id: string;
  body: unknown;
  /** Failed attempts so far. */
  attempts: number;
  createdAt: Date;
}

/** The head of a key's queue: nothing pending, pending but not due until `at`, or due (with the database's clock). */
export type NextDue = { kind: 'none' } | { kind: 'wait'; at: Date } | { kind: 'due'; notification: PendingNotification; now: Date };

export interface SubscriptionTargetRecord {
  callbackUri: string;
  authSealed: string | null;
  api: string;
  major: string;
}

/**
 * The outbox as the delivery side sees it. Every call is one short statement: no transaction is ever held
 * across an HTTP request (on embedded PGlite the one connection would stall the whole service).
 */
export interface DeliveryStore {
  /** Takes the key's lease if it is free or expired; false while another holder has it. */
  acquireLease(key: DeliveryKey, holder: string, ms: number): Promise<boolean>;
  /** Extends the lease; false when it was lost (expired and taken over). */
  renewLease(key: DeliveryKey, holder: string, ms: number): Promise<boolean>;
  releaseLease(key: DeliveryKey, holder: string): Promise<void>;
  nextDue(key: DeliveryKey): Promise<NextDue>;
  markDelivered(id: string, attempts: number): Promise<void>;
  markFailed(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  markUndeliverable(id: string, attempts: number, error: string): Promise<void>;
  /** Keys whose oldest pending notification is due and whose lease is free: work a crash or restart left behind. */
  dueKeys(limit: number): Promise<DeliveryKey[]>;
  subscription(id: string): Promise<SubscriptionTargetRecord | undefined>;
}

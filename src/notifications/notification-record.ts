/** A notification as the NFVO's own /nfvo/v1/notifications resource shows it (delivery state included). */
export interface NotificationRecord {
  id: string;
  subscriptionId: string;
  notificationType: string;
  orderingKey: string;
  state: 'PENDING' | 'DELIVERED' | 'UNDELIVERABLE';
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  createdAt: string;
  deliveredAt?: string;
  notification: Record<string, unknown>;
}

export const NOTIFICATION_RECORDS = Symbol('NOTIFICATION_RECORDS');

const str = { type: 'string' } as const;
const time = { type: 'datetime' } as const;
/** What a filter on /nfvo/v1/notifications may name. */
export const NOTIFICATION_ATTRIBUTES = {
  id: str, subscriptionId: str, notificationType: str, orderingKey: str, state: str, attempts: { type: 'number' },
  nextAttemptAt: time, lastError: str, createdAt: time, deliveredAt: time, notification: { type: 'object', freeForm: true },
} as const;

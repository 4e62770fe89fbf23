import type { NotificationWriter } from '../notifications/notification-outbox';
import type { DomainEvent } from '../packages/ports/event-log.port';
import type { TxHandle } from '../shared/unit-of-work';
import { managerOf } from './transactions';

export class DatabaseNotificationWriter implements NotificationWriter {
  async appendEvent(e: DomainEvent, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(`INSERT INTO domain_event (type, subject_type, subject_id, payload) VALUES ($1, $2, $3, $4::jsonb)`, [e.type, e.subjectType, e.subjectId, JSON.stringify(e.payload)]);
  }

  async addNotification(n: { id: string; subscriptionId: string; orderingKey: string; type: string; body: Record<string, unknown> }, tx: TxHandle): Promise<void> {
    await managerOf(tx).query(`INSERT INTO notification (id, subscription_id, ordering_key, type, body) VALUES ($1, $2, $3, $4, $5::jsonb)`, [n.id, n.subscriptionId, n.orderingKey, n.type, JSON.stringify(n.body)]);
  }
}

import type { DomainEvent, EventLog } from '../packages/ports/event-log.port';
import type { JobQueue } from '../packages/ports/job-queue.port';
import type { TxHandle } from '../shared/unit-of-work';
import { FILTERS } from './filters';
import { DELIVERY_JOB_OPTIONS, DELIVER_NOTIFICATIONS_QUEUE, deliveryKeyOf } from './delivery/delivery-queue';
import { apiOfEvent, notificationBody } from './notification-body';
import type { SubscriptionRepository } from './subscription-repository.port';


export interface NotificationWriter {
  /** Appends the domain event itself (the audit trail) and one notification row per matching subscription. */
  appendEvent(e: DomainEvent, tx: TxHandle): Promise<void>;
  addNotification(n: { id: string; subscriptionId: string; orderingKey: string; type: string; body: Record<string, unknown> }, tx: TxHandle): Promise<void>;
}

/**
 * The transactional outbox (the EventLog port): an event and the notifications it causes are written in
 * the transaction of the change they report, with a delivery job per (subscription, ordering key), so
 * a notification exists exactly when its change does. The ordering key is the event's subject (the NSD,
 * the package, the NS instance), which is what subscribers need in order (START before RESULT).
 */
export class NotificationOutbox implements EventLog {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly subscriptions: SubscriptionRepository,
    private readonly jobs: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(e: DomainEvent, tx: TxHandle): Promise<void> {
    await this.writer.appendEvent(e, tx);
    const api = apiOfEvent(e.type);
    if (!api) return;
    const attributes = ((e.payload as { match?: Record<string, unknown> }).match ?? e.payload) as Record<string, unknown>;
    for (const { subscription: s, apiRoot } of await this.subscriptions.forApi(api, tx)) {
      if (!FILTERS[api].matches(s.filter ?? {}, { type: e.type, attributes })) continue;
      const body = notificationBody(e, { subscriptionId: s.id, api, major: s.major, apiRoot }, this.now());
      await this.writer.addNotification({ id: body.id as string, subscriptionId: s.id, orderingKey: e.subjectId, type: e.type, body }, tx);
      const key = { subscriptionId: s.id, orderingKey: e.subjectId };
      await this.jobs.send(tx, DELIVER_NOTIFICATIONS_QUEUE, key, { ...DELIVERY_JOB_OPTIONS, singletonKey: deliveryKeyOf(key) });
    }
  }
}


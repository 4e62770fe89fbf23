import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, APP_KEYS, SECRET_BOX } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import type { AppKeys } from '../config/app-keys';
import { JobEngine } from '../jobs/job-engine';
import { Database } from '../persistence/database';
import { DocumentStore } from '../persistence/document-store';
import { DatabaseNotificationWriter } from '../persistence/notification.writer';
import { DatabaseSubscriptionRepository } from '../persistence/subscription.repository';
import { EVENT_LOG } from '../packages/ports/event-log.port';
import type { SecretBox } from '../shared/secret-box';
import { SUBSCRIPTIONS_HTTP, subscriptionsController } from '../api/subscriptions/subscriptions.controller';
import { SubscriptionsHttp } from '../api/subscriptions/subscriptions-http';
import { CreateSubscription } from './create-subscription.use-case';
import { NotificationOutbox } from './notification-outbox';
import { SUBSCRIBER_PROBE, type SubscriberProbe } from './subscriber-probe.port';
import { SUBSCRIPTION_REPOSITORY, type SubscriptionRepository } from './subscription-repository.port';
import { SUBSCRIPTION_STORES, type SubscriptionStores } from './subscription-stores';
import type { Subscription } from './subscription.model';
import { NotificationsQueryController } from '../api/notifications/notifications-query.controller';
import { NOTIFICATION_RECORDS, type NotificationRecord } from './notification-record';
import { CALLBACK_PROBE, deliveryPolicy, deliveryProviders, parseCallbackAllow } from './delivery';

const V2 = { required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' };
const V1 = { required: false, description: 'API version 1.0.0; optional for SOL005 2.x clients' };

/**
 * Subscriptions of every SOL005 API and the notification outbox (global: every module that changes state
 * appends its events through EVENT_LOG in its own transaction).
 */
@Global()
@Module({
  controllers: [
    subscriptionsController('nsd', 'v2', V2, '4.5.1'),
    subscriptionsController('nsd', 'v1', V1, '2.4.1'),
    subscriptionsController('vnfpkgm', 'v2', V2, '4.5.1'),
    subscriptionsController('vnfpkgm', 'v1', V1, '2.4.1'),
    subscriptionsController('nslcm', 'v2', V2, '4.5.1'),
    subscriptionsController('nslcm', 'v1', V1, '2.4.1'),
    subscriptionsController('nsfm', 'v1', { required: false, description: 'API version 1.12.0 (SOL005 4.5.1); 2.x clients may omit it' }, '4.5.1'),
    NotificationsQueryController,
  ],
  providers: [
    { provide: SUBSCRIPTION_REPOSITORY, inject: [Database], useFactory: (db: Database) => new DatabaseSubscriptionRepository(db) },
    {
      provide: SUBSCRIPTION_STORES,
      inject: [Database],
      useFactory: (db: Database): SubscriptionStores => {
        const cache = new Map<string, DocumentStore<Subscription>>();
        return (api, major) => {
          const k = `${api}/${major}`;
          if (!cache.has(k)) cache.set(k, new DocumentStore<Subscription>(db, 'subscription', 'subscription', [['api', api], ['major', major]]));
          return cache.get(k)!;
        };
      },
    },
    { provide: EVENT_LOG, inject: [SUBSCRIPTION_REPOSITORY, JobEngine], useFactory: (repo: SubscriptionRepository, jobs: JobEngine) => new NotificationOutbox(new DatabaseNotificationWriter(), repo, jobs) },
    { provide: SUBSCRIBER_PROBE, useExisting: CALLBACK_PROBE },
    { provide: NOTIFICATION_RECORDS, inject: [Database], useFactory: (db: Database) => new DocumentStore<NotificationRecord>(db, 'notification_doc', 'notification') },
    {
      provide: SUBSCRIPTIONS_HTTP,
      inject: [SUBSCRIPTION_STORES, SUBSCRIPTION_REPOSITORY, SUBSCRIBER_PROBE, SECRET_BOX, APP_CONFIG, APP_KEYS],
      useFactory: (stores: SubscriptionStores, repo: SubscriptionRepository, probe: SubscriberProbe, box: SecretBox, config: AppConfig, keys: AppKeys) =>
        new SubscriptionsHttp({ stores, create: new CreateSubscription({ repo, probe, box }), config, keys }),
    },
  ],
  exports: [EVENT_LOG],
})
export class NotificationsModule {
  /** Delivery follows the operator's policy (NFVO_CALLBACK_ALLOW, NFVO_NOTIFICATION_HORIZON_SECONDS). */
  static forRoot(config: AppConfig): DynamicModule {
    const policy = deliveryPolicy({ allowAddresses: parseCallbackAllow(config.callbackAllow), horizonMs: config.notificationHorizonSeconds * 1000 });
    return { module: NotificationsModule, providers: deliveryProviders(policy) };
  }
}

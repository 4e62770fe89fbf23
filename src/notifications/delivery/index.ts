import { HttpCallbackClient } from '../../adapters/http/callback-client';
import { APP_KEYS } from '../../config/config.module';
import type { AppKeys } from '../../config/app-keys';
import { JobEngine } from '../../jobs/job-engine';
import { Database } from '../../persistence/database';
import { SecretBox } from '../../shared/secret-box';
import type { CallbackPort } from './callback-port';
import { CallbackProbe } from './callback-probe';
import { DeliverNotifications } from './deliver-notifications.use-case';
import type { DeliveryPolicy } from './delivery-policy';
import { enqueueDeliveries } from './delivery-queue';
import { DeliverySweeper } from './delivery-sweeper';
import * as T from './delivery.tokens';
import { DeliveryWorker } from './delivery.worker';
import { NotificationSender } from './notification-sender';
import { NotificationStore } from './notification.store';
import { OAuth2TokenSource } from './oauth2-token-source';
import { SubscriberAuth } from './subscriber-auth';

export * from './delivery.tokens';
export { CallbackError, type CallbackPort, type CallbackResponse, type CallbackRequestOptions } from './callback-port';
export { CallbackProbe } from './callback-probe';
export { DeliverNotifications } from './deliver-notifications.use-case';
export { deliveryPolicy, nextAttempt, type DeliveryPolicy, type DeliveryPolicyInput } from './delivery-policy';
export { parseCallbackAllow } from './callback-allow';
export { DELIVER_NOTIFICATIONS_QUEUE, DELIVERY_JOB_OPTIONS, type DeliverNotificationsJob } from './delivery-queue';
export { SubscriberAuthError } from './subscriber-auth';
export { DeliveryWorker } from './delivery.worker';

/** Structurally a Nest provider, so this file stays free of framework imports. */
type ProviderSpec = typeof DeliveryWorker | { provide: symbol; useValue: unknown } | { provide: symbol; inject: Array<symbol | Function>; useFactory: (...deps: any[]) => unknown };

/**
 * Everything notification delivery needs, for a NotificationsModule's `providers` (Database, JobEngine
 * and APP_KEYS come from the global Core and Config modules). Export CALLBACK_PROBE (the subscription
 * test) and CALLBACK_PORT from that module if others need them.
 */
export function deliveryProviders(policy: DeliveryPolicy): ProviderSpec[] {
  const request = { timeoutMs: policy.timeoutMs, maxResponseBytes: policy.maxResponseBytes, allowSensitive: policy.allowAddresses };
  return [
    { provide: T.DELIVERY_POLICY, useValue: policy },
    { provide: T.CALLBACK_PORT, inject: [], useFactory: () => new HttpCallbackClient() },
    { provide: T.DELIVERY_SECRET_BOX, inject: [APP_KEYS], useFactory: (k: AppKeys) => new SecretBox(k.encryption) },
    { provide: T.SUBSCRIBER_AUTH, inject: [T.CALLBACK_PORT], useFactory: (http: CallbackPort) => new SubscriberAuth(new OAuth2TokenSource(http, request)) },
    { provide: T.CALLBACK_PROBE, inject: [T.CALLBACK_PORT, T.SUBSCRIBER_AUTH], useFactory: (http: CallbackPort, auth: SubscriberAuth) => new CallbackProbe(http, auth, policy) },
    {
      provide: T.DELIVER_NOTIFICATIONS,
      inject: [Database, T.CALLBACK_PORT, T.SUBSCRIBER_AUTH, T.DELIVERY_SECRET_BOX],
      useFactory: (db: Database, http: CallbackPort, auth: SubscriberAuth, box: SecretBox) =>
        new DeliverNotifications({ store: new NotificationStore(db), sender: new NotificationSender(http, auth, policy), box, policy }),
    },
    {
      provide: T.DELIVERY_SWEEPER,
      inject: [Database, JobEngine],
      useFactory: (db: Database, jobs: JobEngine) => new DeliverySweeper(new NotificationStore(db), (keys) => enqueueDeliveries(db, jobs, keys), policy.sweepIntervalMs),
    },
    DeliveryWorker,
  ];
}

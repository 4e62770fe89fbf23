import { randomUUID } from 'node:crypto';
import type { SecretBox } from '../../shared/secret-box';
import type { SubscriptionAuthentication } from '../subscription.model';
import { type DeliveryPolicy, nextAttempt } from './delivery-policy';
import type { DeliveryKey, DeliveryStore } from './delivery-store.port';
import type { CallbackTarget, NotificationSender } from './notification-sender';

export interface DeliverNotificationsDeps {
  store: DeliveryStore;
  sender: NotificationSender;
  box: Pick<SecretBox, 'open'>;
  policy: DeliveryPolicy;
  random?: () => number;
  clock?: () => number;
}

/**
 * Delivers the pending notifications of one (subscription, ordering key) at least once and in the order
 * they were written (SOL005: START before RESULT, creation before deletion). The key's lease makes one
 * holder deliver at a time across replicas. A failing head blocks only its own key until its retry;
 * past the horizon it is UNDELIVERABLE and the ones behind it go on. Other keys are other jobs.
 */
export class DeliverNotifications {
  constructor(private readonly d: DeliverNotificationsDeps) {}

  async execute(key: DeliveryKey): Promise<{ rescheduleAt?: Date }> {
    // Bounded: a key that keeps filling up is left to the next job or sweep rather than held forever.
    for (let round = 0; round < 3; round++) {
      const holder = randomUUID();
      if (!(await this.d.store.acquireLease(key, holder, this.d.policy.leaseMs))) return {}; // the holder delivers
      let result: { rescheduleAt?: Date };
      try {
        result = await this.drain(key, holder);
      } finally {
        await this.d.store.releaseLease(key, holder);
      }
      // A notification written while we held the lease had its own job turned away: look once more.
      if (result.rescheduleAt || (await this.d.store.nextDue(key)).kind !== 'due') return result;
    }
    return {};
  }

  private async drain(key: DeliveryKey, holder: string): Promise<{ rescheduleAt?: Date }> {
    const { store, sender, policy } = this.d;
    const clock = this.d.clock ?? Date.now;
    const target = await this.target(key.subscriptionId);
    if (!target) return {};
    for (;;) {
      const next = await store.nextDue(key);
      // 'wait': the attempt that failed scheduled its retry (and the sweeper backs that job up).
      if (next.kind !== 'due') return {};
      if (!(await store.renewLease(key, holder, policy.leaseMs))) return {};
      const n = next.notification;
      const started = clock();
      const outcome = await sender.send(target, n.body);
      const attempts = n.attempts + 1;
      if (outcome.delivered) {
        await store.markDelivered(n.id, attempts);
        continue;
      }
      const now = new Date(next.now.getTime() + (clock() - started)); // the database's clock, as next_attempt_at is compared with it
      const plan = nextAttempt(attempts, now, n.createdAt, policy, this.d.random);
      if ('giveUp' in plan) {
        await store.markUndeliverable(n.id, attempts, `undeliverable after ${attempts} attempts: ${outcome.error}`);
        continue;
      }
      await store.markFailed(n.id, attempts, plan.at, outcome.error);
      return { rescheduleAt: plan.at };
    }
  }

  private async target(subscriptionId: string): Promise<CallbackTarget | undefined> {
    const s = await this.d.store.subscription(subscriptionId);
    if (!s) return undefined;
    const base = { callbackUri: s.callbackUri, api: s.api, major: s.major };
    if (!s.authSealed) return base;
    try {
      return { ...base, auth: JSON.parse(this.d.box.open(s.authSealed)) as SubscriptionAuthentication };
    } catch {
      return { ...base, authProblem: "the subscription's stored credentials cannot be opened (sealed under another NFVO_SECRET_KEY?)" };
    }
  }
}

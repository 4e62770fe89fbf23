import type { TxHandle } from '../shared/unit-of-work';
import type { Subscription, SubscriptionApi } from './subscription.model';

export interface StoredSubscription {
  subscription: Subscription;
  apiRoot: string;
}

/** What the outbox and the subscription use cases need beyond the generic resource store. */
export interface SubscriptionRepository {
  insert(s: Subscription, extra: { authSealed?: string; dedupKey: string; apiRoot: string }): Promise<void>;
  findByDedupKey(dedupKey: string): Promise<Subscription | undefined>;
  /** Every subscription of an API (any major version), read in the transaction that publishes. */
  forApi(api: SubscriptionApi, tx: TxHandle): Promise<StoredSubscription[]>;
}

export const SUBSCRIPTION_REPOSITORY = Symbol('SUBSCRIPTION_REPOSITORY');

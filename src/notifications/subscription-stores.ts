import type { ResourceStore } from '../shared/resource-store';
import type { Subscription, SubscriptionApi } from './subscription.model';

/** The subscriptions of one API major version, as a resource store (filter, paging, get, delete). */
export type SubscriptionStores = (api: SubscriptionApi, major: 'v1' | 'v2') => ResourceStore<Subscription>;
export const SUBSCRIPTION_STORES = Symbol('SUBSCRIPTION_STORES');

import type { SubscriptionAuthentication } from './subscription.model';

/**
 * Tests a callback before a subscription is created (SOL013 cl. 10.2 / SOL005: GET on the callback URI
 * must answer 204). Rejects with a human-readable reason when the endpoint cannot be reached or is refused.
 */
export interface SubscriberProbe {
  /** `api` puts the API's Version header on the test request, as on the notifications themselves. */
  probe(callbackUri: string, auth: SubscriptionAuthentication | undefined, api?: { api: string; major: string }): Promise<{ status: number }>;
}

export const SUBSCRIBER_PROBE = Symbol('SUBSCRIBER_PROBE');

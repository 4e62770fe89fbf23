import type { SubscriptionAuthentication } from '../subscription.model';
import type { CallbackPort } from './callback-port';
import type { DeliveryPolicy } from './delivery-policy';
import { versionHeader } from './notification-sender';
import type { SubscriberAuth } from './subscriber-auth';

/**
 * The test of a callback before its subscription is created (SOL005: `GET callbackUri` must answer 204):
 * same address policy, time-out and authentication as the notifications themselves. Returns the status
 * (the caller decides that only 204 passes); rejects with a CallbackError or SubscriberAuthError whose
 * message says why the endpoint could not be reached.
 */
export class CallbackProbe {
  constructor(
    private readonly http: CallbackPort,
    private readonly auth: SubscriberAuth,
    private readonly policy: DeliveryPolicy,
  ) {}

  async probe(callbackUri: string, auth: SubscriptionAuthentication | undefined, api?: { api: string; major: string }): Promise<{ status: number }> {
    const o = { timeoutMs: this.policy.timeoutMs, maxResponseBytes: this.policy.maxResponseBytes, allowSensitive: this.policy.allowAddresses };
    const res = await this.auth.call(auth, (h) => this.http.get(callbackUri, { ...o, headers: { ...(api ? versionHeader(api) : {}), ...h } }));
    return { status: res.status };
  }
}

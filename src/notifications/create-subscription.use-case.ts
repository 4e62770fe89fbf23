import { randomUUID } from 'node:crypto';
import { NfvoError } from '../shared/nfvo-error';
import type { SecretBox } from '../shared/secret-box';
import type { SubscriberProbe } from './subscriber-probe.port';
import type { SubscriptionRepository } from './subscription-repository.port';
import { type SubscriptionRequest, checkRequest, dedupKey } from './subscription-request';
import type { Subscription, SubscriptionApi } from './subscription.model';
import { validateFilter } from './validate-filter';

export type CreateResult = { created: Subscription } | { existing: Subscription };

/**
 * POST …/subscriptions (SOL005 cl. 5.4.8.3.1 and the same in each API). The callback is tested with GET
 * before anything is stored (204 required, else 422 saying what it answered). A request with the same
 * callback and filter as an existing subscription gets 303 See Other to it (SOL005 allows 201 or 303;
 * 303 keeps a client that retries a POST from subscribing twice and receiving every notification twice).
 */
export class CreateSubscription {
  constructor(private readonly d: { repo: SubscriptionRepository; probe: SubscriberProbe; box: SecretBox }) {}

  async execute(api: SubscriptionApi, major: 'v1' | 'v2', r: SubscriptionRequest, apiRoot: string): Promise<CreateResult> {
    checkRequest(r);
    validateFilter(api, r.filter);
    const key = dedupKey(api, major, r);
    const existing = await this.d.repo.findByDedupKey(key);
    if (existing) return { existing };
    let status: number;
    try {
      ({ status } = await this.d.probe.probe(r.callbackUri, r.authentication, { api, major }));
    } catch (err) {
      throw new NfvoError('UNPROCESSABLE', `The callback test (GET ${r.callbackUri.slice(0, 200)}) failed: ${(err as Error).message}`);
    }
    if (status !== 204) throw new NfvoError('UNPROCESSABLE', `The callback test (GET ${r.callbackUri.slice(0, 200)}) answered ${status}; SOL005 requires 204 No Content.`);
    const subscription: Subscription = { id: randomUUID(), api, major, ...(r.filter ? { filter: r.filter } : {}), callbackUri: r.callbackUri, ...(r.verbosity ? { verbosity: r.verbosity } : {}) };
    const authSealed = r.authentication ? this.d.box.seal(JSON.stringify(r.authentication)) : undefined;
    try {
      await this.d.repo.insert(subscription, { authSealed, dedupKey: key, apiRoot });
    } catch (err) {
      // Two identical requests raced past the look-up: the unique key keeps one; answer the other with it.
      const winner = await this.d.repo.findByDedupKey(key);
      if (winner) return { existing: winner };
      throw err;
    }
    return { created: subscription };
  }
}

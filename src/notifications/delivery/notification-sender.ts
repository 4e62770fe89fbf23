import { findMajor } from '../../sol013/api-registry';
import type { SubscriptionAuthentication } from '../subscription.model';
import type { CallbackPort } from './callback-port';
import type { DeliveryPolicy } from './delivery-policy';
import type { SubscriberAuth } from './subscriber-auth';

/** Where and how one subscription's notifications are POSTed. */
export interface CallbackTarget {
  callbackUri: string;
  api: string;
  major: string;
  auth?: SubscriptionAuthentication;
  /** Why the stored credentials cannot be used (e.g. sealed under another key): every attempt fails with it. */
  authProblem?: string;
}

export type SendOutcome = { delivered: true; status: number } | { delivered: false; error: string };

/**
 * POSTs one notification (SOL013 cl. 10.1.2). Success is any 2xx: SOL005 specifies 204 No Content, but a
 * consumer answering 200 or 202 has received it, and retrying would only send duplicates. Everything else
 * (3xx, 4xx, 5xx, time-out, refused address) is a failed attempt, retried with backoff.
 */
export class NotificationSender {
  constructor(
    private readonly http: CallbackPort,
    private readonly auth: SubscriberAuth,
    private readonly policy: DeliveryPolicy,
  ) {}

  async send(target: CallbackTarget, body: unknown): Promise<SendOutcome> {
    if (target.authProblem) return { delivered: false, error: target.authProblem };
    const payload = JSON.stringify(body);
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json', ...versionHeader(target) };
    const o = { timeoutMs: this.policy.timeoutMs, maxResponseBytes: this.policy.maxResponseBytes, allowSensitive: this.policy.allowAddresses };
    try {
      const res = await this.auth.call(target.auth, (h) => this.http.post(target.callbackUri, payload, { ...o, headers: { ...headers, ...h } }));
      if (res.status >= 200 && res.status < 300) return { delivered: true, status: res.status };
      const said = res.bodySnippet.replace(/\s+/g, ' ').trim().slice(0, 200);
      return { delivered: false, error: `the subscriber answered ${res.status}${said ? `: ${said}` : ''}` };
    } catch (e) {
      return { delivered: false, error: String((e as Error).message ?? e).slice(0, 500) };
    }
  }
}

/**
 * SOL013 cl. 9.1: requests carry the Version header, and the notification endpoints of SOL005 3.x+
 * declare it on the POST (and on the GET test). It is the version this NFVO serves for the subscription's
 * API and major. SOL005 2.x consumers (v1) predate the header and ignore it, so it is sent to them too:
 * nsfm/v1 is shared by 2.x and 4.x consumers and cannot tell them apart.
 */
export function versionHeader(t: { api: string; major: string }): Record<string, string> {
  const m = findMajor(t.api, t.major);
  return m ? { Version: m.versions[0] } : {};
}

import { NfvoError } from '../shared/nfvo-error';
import type { SubscriptionAuthentication } from './subscription.model';
import { canonicalJson } from '../shared/canonical-json';

/** The members common to every <X>SubscriptionRequest (SOL005; SOL013 cl. 8.3.4 authentication). */
export interface SubscriptionRequest {
  filter?: Record<string, unknown>;
  callbackUri: string;
  authentication?: SubscriptionAuthentication;
  verbosity?: 'FULL' | 'SHORT';
}

/** Checks what a schema cannot: an absolute http(s) URI, and credentials that fit the chosen authType. */
export function checkRequest(r: SubscriptionRequest): void {
  let url: URL;
  try {
    url = new URL(r.callbackUri);
  } catch {
    throw new NfvoError('BAD_REQUEST', `callbackUri "${String(r.callbackUri).slice(0, 200)}" is not an absolute URI.`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new NfvoError('BAD_REQUEST', `callbackUri must use http or https, not ${url.protocol}`);
  if (url.username || url.password) throw new NfvoError('BAD_REQUEST', 'Put callback credentials in authentication, not in callbackUri.');
  const a = r.authentication;
  if (!a) return;
  if (a.authType.includes('TLS_CERT')) throw new NfvoError('UNPROCESSABLE', 'authType TLS_CERT is not supported by this NFVO; use BASIC or OAUTH2_CLIENT_CREDENTIALS.');
  if (a.authType.includes('BASIC') && (!a.paramsBasic?.userName || a.paramsBasic.password === undefined)) {
    throw new NfvoError('BAD_REQUEST', 'authentication with authType BASIC needs paramsBasic.userName and paramsBasic.password.');
  }
  if (a.authType.includes('OAUTH2_CLIENT_CREDENTIALS') && !a.paramsOauth2ClientCredentials) {
    throw new NfvoError('BAD_REQUEST', 'authentication with authType OAUTH2_CLIENT_CREDENTIALS needs paramsOauth2ClientCredentials.');
  }
}

/** Same callback and same filter (members in any order) = the same subscription. */
export function dedupKey(api: string, major: string, r: SubscriptionRequest): string {
  return `${api}|${major}|${r.callbackUri}|${canonicalJson(r.filter ?? {})}`;
}

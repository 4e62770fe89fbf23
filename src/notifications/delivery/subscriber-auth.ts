import type { SubscriptionAuthentication } from '../subscription.model';
import type { CallbackResponse } from './callback-port';
import type { OAuth2TokenSource } from './oauth2-token-source';

export class SubscriberAuthError extends Error {
  readonly code = 'notification.auth-unsupported';
}

export type AuthenticatedAttempt = (headers: Record<string, string>) => Promise<CallbackResponse>;

/**
 * Authenticates requests to a subscriber as its SubscriptionAuthentication asks (SOL013 cl. 8.3.4).
 * authType lists what the consumer accepts, so OAuth 2.0 client credentials is preferred, then BASIC.
 * TLS_CERT would need a client certificate this NFVO does not hold: refused with a clear reason.
 */
export class SubscriberAuth {
  constructor(private readonly tokens: OAuth2TokenSource) {}

  async call(auth: SubscriptionAuthentication | undefined, attempt: AuthenticatedAttempt): Promise<CallbackResponse> {
    const types = auth?.authType ?? [];
    const oauth = auth?.paramsOauth2ClientCredentials;
    if (types.includes('OAUTH2_CLIENT_CREDENTIALS') && oauth) {
      const token = await this.tokens.token(oauth);
      const res = await attempt({ Authorization: `Bearer ${token}` });
      if (res.status !== 401) return res;
      // A token may be revoked or expire early: refresh once and repeat this attempt, never loop.
      return attempt({ Authorization: `Bearer ${await this.tokens.refresh(oauth, token)}` });
    }
    const basic = auth?.paramsBasic;
    if (types.includes('BASIC') && basic) {
      return attempt({ Authorization: `Basic ${Buffer.from(`${basic.userName ?? ''}:${basic.password ?? ''}`, 'utf8').toString('base64')}` });
    }
    if (types.length === 0) return attempt({});
    if (types.every((t) => t === 'TLS_CERT')) {
      throw new SubscriberAuthError('TLS_CERT authentication of notifications is not supported (SOL013 cl. 8.3.4); subscribe with BASIC or OAUTH2_CLIENT_CREDENTIALS');
    }
    throw new SubscriberAuthError(`authentication ${types.join(', ')} lacks paramsBasic / paramsOauth2ClientCredentials`);
  }
}

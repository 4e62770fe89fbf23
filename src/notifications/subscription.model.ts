/** The SOL005 APIs that have subscriptions (SOL013 cl. 5.5 / SOL005 cl. 5.4.8, 6.4.16, 8.4.6, 9.4.8). */
export type SubscriptionApi = 'nsd' | 'vnfpkgm' | 'nslcm' | 'nsfm';

/** SOL013 cl. 8.3.4 SubscriptionAuthentication, as stored (sealed) and used for delivery. */
export interface SubscriptionAuthentication {
  authType: Array<'BASIC' | 'OAUTH2_CLIENT_CREDENTIALS' | 'TLS_CERT'>;
  paramsBasic?: { userName?: string; password?: string };
  paramsOauth2ClientCredentials?: { clientId: string; clientPassword: string; tokenEndpoint: string };
}

/** A subscription as stored: its API representation (without _links) and where it belongs. */
export interface Subscription {
  id: string;
  api: SubscriptionApi;
  major: 'v1' | 'v2';
  filter?: Record<string, unknown>;
  callbackUri: string;
  verbosity?: 'FULL' | 'SHORT';
}

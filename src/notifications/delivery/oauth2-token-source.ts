import { createHash } from 'node:crypto';
import type { CallbackPort, CallbackRequestOptions } from './callback-port';

export interface ClientCredentials {
  clientId: string;
  clientPassword: string;
  tokenEndpoint: string;
}

interface Entry {
  token: Promise<string>;
  expiresAt: number;
}

const MAX_ENTRIES = 1000;
/** RFC 6749 cl. 5.1 lets a server omit expires_in; assume a short life and let a 401 refresh it. */
const DEFAULT_EXPIRES_IN_S = 60;

/**
 * Bearer tokens from a subscriber's token endpoint by the client credentials grant (RFC 6749 cl. 4.4),
 * for SubscriptionAuthentication OAUTH2_CLIENT_CREDENTIALS (SOL013 cl. 8.3.4). Cached per endpoint and
 * client until shortly before expires_in; the secret is part of the key so a subscription with a wrong
 * password never rides on another's token. Concurrent deliveries share one token request.
 */
export class OAuth2TokenSource {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly http: CallbackPort,
    private readonly request: Omit<CallbackRequestOptions, 'headers'>,
    private readonly now: () => number = Date.now,
  ) {}

  token(c: ClientCredentials): Promise<string> {
    const hit = this.cache.get(keyOf(c));
    return hit && hit.expiresAt > this.now() ? hit.token : this.fetch(c);
  }

  /** A new token after `stale` was refused, unless another delivery has already replaced it. */
  async refresh(c: ClientCredentials, stale: string): Promise<string> {
    const hit = this.cache.get(keyOf(c));
    const current = hit && hit.expiresAt > this.now() ? await hit.token.catch(() => undefined) : undefined;
    return current && current !== stale ? current : this.fetch(c);
  }

  private fetch(c: ClientCredentials): Promise<string> {
    const key = keyOf(c);
    const started = this.now();
    const entry: Entry = { expiresAt: Infinity, token: Promise.resolve('') };
    entry.token = this.grant(c).then(
      ({ token, expiresIn }) => {
        entry.expiresAt = started + expiresIn * 1000 - Math.min(30_000, expiresIn * 100);
        return token;
      },
      (e: unknown) => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
        throw e;
      },
    );
    this.cache.delete(key);
    this.cache.set(key, entry);
    this.evict();
    return entry.token;
  }

  /** RFC 6749 cl. 2.3.1: client id and secret form-encoded, then sent with HTTP Basic. */
  private async grant(c: ClientCredentials): Promise<{ token: string; expiresIn: number }> {
    const form = (s: string) => new URLSearchParams({ s }).toString().slice(2);
    const basic = Buffer.from(`${form(c.clientId)}:${form(c.clientPassword)}`).toString('base64');
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', Authorization: `Basic ${basic}` };
    const fail = (why: string) => new Error(`token endpoint ${c.tokenEndpoint.slice(0, 200)}: ${why}`);
    const res = await this.http.post(c.tokenEndpoint, 'grant_type=client_credentials', { ...this.request, headers }).catch((e: Error) => {
      throw fail(e.message);
    });
    let json: { access_token?: unknown; token_type?: unknown; expires_in?: unknown; error?: unknown } = {};
    try {
      json = JSON.parse(res.bodySnippet);
    } catch {
      /* reported below */
    }
    if (res.status !== 200) throw fail(`answered ${res.status}${typeof json.error === 'string' ? ` (${json.error.slice(0, 100)})` : ''}`);
    if (typeof json.access_token !== 'string' || !json.access_token) throw fail('the answer has no access_token');
    if (String(json.token_type).toLowerCase() !== 'bearer') throw fail(`token_type "${String(json.token_type).slice(0, 40)}" is not Bearer (RFC 6750)`);
    const expiresIn = Number(json.expires_in);
    return { token: json.access_token, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_S };
  }

  private evict(): void {
    if (this.cache.size <= MAX_ENTRIES) return;
    for (const [k, e] of this.cache) if (e.expiresAt <= this.now()) this.cache.delete(k);
    while (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
  }
}

const keyOf = (c: ClientCredentials) => createHash('sha256').update(JSON.stringify([c.tokenEndpoint, c.clientId, c.clientPassword])).digest('base64url');

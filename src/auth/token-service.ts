import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { APP_CONFIG, APP_KEYS } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import type { AppKeys } from '../config/app-keys';
import { NfvoError } from '../shared/nfvo-error';

export interface AccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface Principal {
  subject: string;
  scopes: string[];
}

/**
 * Issues HS256 JWT access tokens (RFC 9068 profile) for our own clients and verifies bearer tokens,
 * ours or an external IdP's (NFVO_JWKS_URL, issuer NFVO_JWKS_ISSUER, audience NFVO_JWKS_AUDIENCE).
 */
@Injectable()
export class TokenService {
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, @Inject(APP_KEYS) private readonly keys: AppKeys) {
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30000 });
  }

  async issue(clientId: string, scopes: string[]): Promise<AccessToken> {
    const ttl = this.config.tokenTtlSeconds;
    const token = await new SignJWT({ scope: scopes.join(' '), client_id: clientId })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(this.config.jwtIssuer)
      .setSubject(clientId)
      .setAudience('nfvo')
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .setJti(crypto.randomUUID())
      .sign(this.keys.jwt);
    return { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: scopes.join(' ') };
  }

  /**
   * Verified tokens, until they expire: a client reuses its token for many requests, and checking the
   * signature each time was a visible share of a busy list endpoint. Bounded, oldest evicted first.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  async verify(token: string): Promise<Principal> {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.principal;
    if (hit) this.verified.delete(token);
    const { principal, exp } = await this.verifyUncached(token);
    if (exp) {
      if (this.verified.size >= 10000) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { principal, expiresAt: exp * 1000 });
    }
    return principal;
  }

  private async verifyUncached(token: string): Promise<{ principal: Principal; exp?: number }> {
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, this.keys.jwt, { issuer: this.config.jwtIssuer, audience: 'nfvo', algorithms: ['HS256'] })).payload;
    } catch (own) {
      if (!this.jwks || !isSignatureOrKeyProblem(own)) throw unauthorized(own);
      try {
        payload = (await jwtVerify(token, this.jwks, { issuer: this.config.jwksIssuer, audience: this.config.jwksAudience })).payload;
      } catch (ext) {
        throw unauthorized(ext);
      }
    }
    return { principal: { subject: String(payload.sub ?? payload.client_id ?? 'unknown'), scopes: scopesOf(payload) }, exp: payload.exp };
  }
}

const isSignatureOrKeyProblem = (e: unknown) =>
  ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JWT_CLAIM_VALIDATION_FAILED'].includes((e as { code?: string }).code ?? '');

function unauthorized(e: unknown): NfvoError {
  const code = (e as { code?: string }).code;
  const why =
    code === 'ERR_JWT_EXPIRED' ? 'the access token has expired; request a new one from /oauth2/token'
    : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? `the access token's claims are not accepted (${(e as Error).message})`
    : 'the access token is not valid (malformed, or not signed by a trusted key)';
  return new NfvoError('UNAUTHORIZED', `Authorization refused: ${why}.`);
}

/** `scope` (RFC 9068, space-separated) or `scp` (array, common in IdPs). */
function scopesOf(p: JWTPayload): string[] {
  if (typeof p.scope === 'string') return p.scope.split(' ').filter(Boolean);
  if (Array.isArray(p.scp)) return p.scp.map(String);
  return [];
}

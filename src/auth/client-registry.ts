import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { Database } from '../persistence/database';
import { OAuthClientEntity } from '../persistence/entities';
import { NfvoError } from '../shared/nfvo-error';
import { effectiveScopes } from './scopes';
import { hashSecret, verifySecret } from './secret-hash';

interface KnownClient {
  secretHash: string;
  scopes: string[];
}

export const BOOTSTRAP_CLIENT_ID = 'nfvo-admin';

/**
 * OAuth 2.0 clients (RFC 6749 cl. 2.3.1): those of NFVO_OAUTH_CLIENTS, hashed in memory at start, and
 * those the service created itself (the bootstrap admin), hashed in the database.
 */
@Injectable()
export class ClientRegistry {
  private configured = new Map<string, KnownClient>();
  private decoy?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly db: Database) {}

  async init(): Promise<void> {
    for (const c of this.config.oauthClients ?? []) {
      this.configured.set(c.clientId, { secretHash: await hashSecret(c.secret), scopes: effectiveScopes(c.scopes) });
    }
  }

  /** Returns the client's scopes, or throws INVALID_CLIENT without saying which half was wrong. */
  async authenticate(clientId: string, secret: string): Promise<string[]> {
    const known = this.configured.get(clientId) ?? (await this.fromDatabase(clientId));
    // An unknown id still pays for one verification, so response time does not tell which ids exist.
    const secretHash = known?.secretHash ?? (await this.decoyHash());
    if (!(await verifySecret(secret, secretHash)) || !known) {
      throw new NfvoError('INVALID_CLIENT', 'Client authentication failed: unknown client id or wrong secret.', { error: 'invalid_client' });
    }
    return known.scopes;
  }

  private decoyHash(): Promise<string> {
    return (this.decoy ??= hashSecret(randomBytes(16).toString('hex')));
  }

  private async fromDatabase(clientId: string): Promise<KnownClient | undefined> {
    const row = await this.db.dataSource.getRepository(OAuthClientEntity).findOneBy({ clientId });
    return row ? { secretHash: row.secretHash, scopes: effectiveScopes(row.scopes) } : undefined;
  }

  /**
   * With no client configured and no external IdP, create one admin client once (ON CONFLICT: replicas
   * starting together create it once) and return its secret for a one-time print; later starts return undefined.
   */
  async bootstrapAdmin(): Promise<{ clientId: string; secret: string } | undefined> {
    if (this.config.oauthClients?.length || this.config.jwksUrl) return undefined;
    const secret = randomBytes(24).toString('base64url');
    const rows: unknown[] = await this.db.dataSource.query(
      `INSERT INTO oauth_client (client_id, secret_hash, scopes) VALUES ($1, $2, '{}') ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
      [BOOTSTRAP_CLIENT_ID, await hashSecret(secret)],
    );
    return rows.length ? { clientId: BOOTSTRAP_CLIENT_ID, secret } : undefined;
  }
}

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AppConfig } from './config.schema';

/** Independent keys derived from NFVO_SECRET_KEY (HKDF-SHA256), one per purpose. */
export interface AppKeys {
  jwt: Uint8Array;
  pagingMarker: Buffer;
  /** AES-256-GCM key for credentials at rest (subscriptions, VIMs). */
  encryption: Buffer;
  /** Where the root key came from, for the start-up banner (never the key itself). */
  source: 'env' | 'data-dir' | 'ephemeral';
}

const derive = (root: Buffer, info: string) => Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), info, 32));

/**
 * NFVO_SECRET_KEY when set. Otherwise the embedded default keeps a generated key in NFVO_DATA_DIR
 * (mode 0600) so tokens survive restarts; against PostgreSQL without a key, replicas could not share one,
 * so the key is ephemeral and the caller warns.
 */
export function resolveKeys(config: AppConfig): AppKeys {
  let root = config.secretKey;
  let source: AppKeys['source'] = 'env';
  if (!root && !config.databaseUrl) {
    const dir = resolve(config.dataDir);
    const file = join(dir, 'secret.key');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(file, 0o600);
    root = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    source = 'data-dir';
  } else if (!root) {
    root = randomBytes(32);
    source = 'ephemeral';
  }
  return {
    jwt: derive(root, 'nfvo/jwt-hs256'),
    pagingMarker: derive(root, 'nfvo/paging-marker'),
    encryption: derive(root, 'nfvo/secrets-at-rest'),
    source,
  };
}

import type { OAuthClientConfig } from './config.schema';
import { type AllowRule, parseAllowList } from '../shared/uri-allow-list';
import { parseCallbackAllow } from '../notifications/delivery/callback-allow';

/** Parsers throw a plain Error whose message says what a valid value looks like. */
export const int = (min: number, max: number) => (raw: string): number => {
  if (!/^\d+$/.test(raw.trim())) throw new Error(`must be a whole number from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`must be a whole number from ${min} to ${max}`);
  return n;
};

export const fraction = (raw: string): number => {
  const n = Number(raw.trim());
  if (!/^\d*\.?\d+$/.test(raw.trim()) || n < 0 || n > 1) throw new Error('must be a number from 0 to 1');
  return n;
};

export const url = (protocols: string[]) => (raw: string): string => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`must be an absolute URL (${protocols.join(', ')})`);
  }
  if (!protocols.includes(u.protocol.replace(':', ''))) throw new Error(`must use ${protocols.join(' or ')}`);
  return raw.replace(/\/+$/, '');
};

export const sqlIdentifier = (raw: string): string => {
  // Used as a PostgreSQL schema name in DDL; a strict identifier keeps env text out of SQL syntax.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new Error('must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63 chars)');
  return raw;
};

export const oneOf = <T extends string>(values: readonly T[]) => (raw: string): T => {
  if (!values.includes(raw as T)) throw new Error(`must be one of ${values.join(', ')}`);
  return raw as T;
};

export const nonEmpty = (raw: string): string => {
  if (!raw.trim()) throw new Error('must not be empty');
  return raw.trim();
};

/** 32 bytes as 64 hex characters or base64/base64url (AES-256-GCM and HMAC keys derive from it). */
export const secretKey = (raw: string): Buffer => {
  const v = raw.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64url');
  if (buf.length !== 32) throw new Error('must be 32 random bytes, as 64 hex characters or base64 (e.g. `openssl rand -hex 32`)');
  return buf;
};

const SCOPE = /^[a-z][a-z0-9_]*(:[a-z0-9_]+)*$/;
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/;

/** `clientId:secret[:scope scope …]`, comma-separated (RFC 6749 client credentials). */
export const oauthClients = (raw: string): OAuthClientConfig[] => {
  const clients = raw.split(',').map((s) => s.trim()).filter(Boolean).map((entry, i) => {
    // Only the first two colons separate: scopes such as `nsd:read` contain colons themselves.
    const [clientId, secret, ...scopeParts] = entry.split(':');
    const scopeText = scopeParts.join(':');
    if (!clientId || !secret) {
      throw new Error(`entry ${i + 1} must be clientId:secret or clientId:secret:scope scope…`);
    }
    if (!CLIENT_ID.test(clientId)) throw new Error(`entry ${i + 1}: client id may use letters, digits and . _ ~ - only`);
    if (secret.length < 16) throw new Error(`entry ${i + 1} (${clientId}): secret must be at least 16 characters`);
    const scopes = (scopeText ?? '').split(/\s+/).filter(Boolean);
    const bad = scopes.filter((s) => !SCOPE.test(s));
    if (bad.length) throw new Error(`entry ${i + 1} (${clientId}): invalid scope ${bad.join(', ')}`);
    return { clientId, secret, scopes };
  });
  const ids = clients.map((c) => c.clientId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`client id ${dup} is listed twice`);
  if (!clients.length) throw new Error('lists no client');
  return clients;
};

export const allowList = (raw: string): AllowRule[] => {
  const rules = parseAllowList(raw);
  if (!rules.length) throw new Error('lists no pattern');
  return rules;
};

/** Kept as text and checked now, so a bad entry stops the boot rather than the first delivery. */
export const callbackAllow = (raw: string): string => {
  parseCallbackAllow(raw);
  return raw;
};

import { createHmac, timingSafeEqual } from 'node:crypto';
import { NfvoError } from '../../shared/nfvo-error';

/**
 * The nextpage_opaque_marker of SOL013 cl. 5.4.2.1, for keyset pagination.
 *
 * Layout (then base64url): version byte | sort key as ASCII digits | HMAC-SHA256 (32 bytes).
 * The MAC covers the version, the key and the fingerprint of the query the page belongs
 * to. The fingerprint is not carried in the marker: it is recomputed from the request,
 * so a marker replayed with another filter or selector, or altered in any byte, fails.
 */
const VERSION = 1;
const MAC_BYTES = 32;
/** A PostgreSQL bigint sequence value: non-negative, at most 19 digits. */
const SEQ_KEY = /^(0|[1-9][0-9]{0,18})$/;
/** Longer text cannot be one of our markers; refuse it before decoding. */
const MAX_MARKER_CHARS = 128;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const INVALID_MARKER_DETAIL = 'the nextpage_opaque_marker does not belong to this query or was altered; restart from the first page';

export function encodeMarker(key: string, queryFingerprint: string, secret: Buffer): string {
  if (!SEQ_KEY.test(key)) throw new TypeError(`marker key must be a non-negative decimal bigint, got "${key}"`);
  assertSecret(secret);
  const body = Buffer.concat([Buffer.from([VERSION]), Buffer.from(key, 'ascii')]);
  return Buffer.concat([body, mac(body, queryFingerprint, secret)]).toString('base64url');
}

/** Returns the sort key of the last row of the previous page, or throws INVALID_MARKER (400, SOL013 cl. 5.4.2.1). */
export function decodeMarker(marker: string, queryFingerprint: string, secret: Buffer): string {
  assertSecret(secret);
  if (typeof marker !== 'string' || marker.length > MAX_MARKER_CHARS || !BASE64URL.test(marker)) throw invalid();
  const raw = Buffer.from(marker, 'base64url');
  // Several texts decode to the same bytes (unused trailing bits); only the one we issued is accepted.
  if (raw.toString('base64url') !== marker) throw invalid();
  if (raw.length < 1 + 1 + MAC_BYTES || raw[0] !== VERSION) throw invalid();
  const body = raw.subarray(0, raw.length - MAC_BYTES);
  const given = raw.subarray(raw.length - MAC_BYTES);
  // Constant-time comparison, so response timing does not reveal how much of a forged MAC was right.
  if (!timingSafeEqual(given, mac(body, queryFingerprint, secret))) throw invalid();
  const key = body.subarray(1).toString('ascii');
  if (!SEQ_KEY.test(key)) throw invalid(); // only reachable if the secret leaked; still never hand garbage to SQL
  return key;
}

function mac(body: Buffer, queryFingerprint: string, secret: Buffer): Buffer {
  // Domain label and length prefix keep this MAC apart from any other use of the secret and make the input unambiguous.
  return createHmac('sha256', secret)
    .update('sol013-nextpage-marker\0')
    .update(`${body.length}:`)
    .update(body)
    .update(queryFingerprint, 'utf8')
    .digest();
}

function assertSecret(secret: Buffer): void {
  if (!Buffer.isBuffer(secret) || secret.length < 16) throw new TypeError('marker secret must be a Buffer of at least 16 bytes');
}

const invalid = () => new NfvoError('INVALID_MARKER', INVALID_MARKER_DETAIL);

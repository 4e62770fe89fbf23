/**
 * The one error type of the domain. Code maps to an HTTP status in exactly one place
 * (sol013/problem-details.filter.ts), so domain code never thinks in HTTP.
 */
export const NFVO_ERROR_CODES = [
  'BAD_REQUEST', // malformed input (SOL013 cl. 6.4: 400)
  'INVALID_FILTER', // attribute-based filter syntax or unknown attribute (SOL013 cl. 5.2: 400)
  'INVALID_SELECTOR', // attribute selector misuse (SOL013 cl. 5.3: 400)
  'INVALID_MARKER', // unknown or tampered nextpage_opaque_marker (SOL013 cl. 5.4: 400)
  'VERSION_MISSING', // no Version header on a v2 route (SOL013 cl. 9.1: 400)
  'VERSION_NOT_SUPPORTED', // Version header names a version we do not serve (406)
  'UNAUTHORIZED', // no or bad bearer token (RFC 6750: 401)
  'INVALID_CLIENT', // OAuth token endpoint: unknown client or bad secret (RFC 6749 cl. 5.2: 401)
  'FORBIDDEN', // token lacks the scope (403)
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT', // state conflict (409)
  'PRECONDITION_FAILED', // If-Match mismatch (412)
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RANGE_NOT_SATISFIABLE',
  'UNPROCESSABLE', // semantically invalid (422)
  'UNAVAILABLE', // dependency down (503)
  'INTERNAL',
] as const;
export type NfvoErrorCode = (typeof NFVO_ERROR_CODES)[number];

export class NfvoError extends Error {
  constructor(
    readonly code: NfvoErrorCode,
    /** Human-actionable explanation; becomes ProblemDetails.detail. */
    readonly detail: string,
    /** Extra ProblemDetails members (e.g. supportedVersions). Never secrets. */
    readonly extras: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'NfvoError';
  }
}

export const isNfvoError = (e: unknown): e is NfvoError => e instanceof NfvoError;

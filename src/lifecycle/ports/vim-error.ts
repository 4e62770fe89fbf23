/**
 * What went wrong on a VIM, as the lifecycle engine needs to know it: a kind to decide on,
 * whether trying the same step again can help, and the VIM's own words for the operator.
 */
export type VimErrorKind =
  | 'UNREACHABLE' // connection refused or reset, DNS failure
  | 'TIMEOUT' // no answer within the call's deadline
  | 'UNAUTHORIZED' // credentials refused (not a token that merely expired: that is renewed silently)
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_REQUEST' // the VIM rejected what we sent; sending it again will not help
  | 'CONFLICT' // 409: a concurrent change or a resource in use
  | 'QUOTA_EXCEEDED'
  | 'NO_VALID_HOST' // Nova's scheduler found no compute node for the server
  | 'SERVER_ERROR' // 5xx
  | 'MALFORMED_RESPONSE' // an answer that is not the JSON the API documents
  | 'RESOURCE_ERROR'; // the resource itself went to ERROR (a server fault, a failed image import)

/**
 * A quota refusal is final for the step: trying again only helps once something was freed, which the
 * adapter checks itself (Nova's limits) before its one retry; the operator decides otherwise (retry/rollback).
 */
const RETRYABLE: Record<VimErrorKind, boolean> = {
  UNREACHABLE: true, TIMEOUT: true, UNAUTHORIZED: false, FORBIDDEN: false, NOT_FOUND: false, BAD_REQUEST: false,
  CONFLICT: true, QUOTA_EXCEEDED: false, NO_VALID_HOST: true, SERVER_ERROR: true, MALFORMED_RESPONSE: true, RESOURCE_ERROR: false,
};

export class VimError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly kind: VimErrorKind,
    /** `service.resource.verb`, e.g. `nova.servers.create`. */
    readonly operation: string,
    /** The VIM's own message, or what the transport said. */
    readonly vimMessage: string,
    readonly status?: number,
  ) {
    super(`${operation} failed (${kind}${status ? `, HTTP ${status}` : ''}): ${vimMessage}`);
    this.name = 'VimError';
    this.retryable = RETRYABLE[kind];
  }
}

export const isVimError = (e: unknown): e is VimError => e instanceof VimError;

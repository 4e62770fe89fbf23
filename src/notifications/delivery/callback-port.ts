/** What a subscriber answered: the status and the start of the body (for error messages, never trusted). */
export interface CallbackResponse {
  status: number;
  bodySnippet: string;
  /** The body was longer than maxResponseBytes; the rest was not read and the connection dropped. */
  truncated: boolean;
}

export interface CallbackRequestOptions {
  headers?: Record<string, string>;
  /** Covers name resolution, connecting and the whole response. */
  timeoutMs: number;
  maxResponseBytes: number;
  /** May a sensitive address (address-policy: loopback, link-local, metadata, …) be called? */
  allowSensitive: boolean | ((address: string) => boolean);
}

/**
 * Outbound HTTP to subscribers (SOL013 cl. 10: notifications are POSTed to the callbackUri, and the
 * callback is tested with a GET before a subscription is created). Any status is returned except 3xx,
 * which is a {@link CallbackError}: redirects are never followed.
 */
export interface CallbackPort {
  post(url: string, body: string, o: CallbackRequestOptions): Promise<CallbackResponse>;
  get(url: string, o: CallbackRequestOptions): Promise<CallbackResponse>;
}

export type CallbackFailure = 'invalid-uri' | 'address-refused' | 'unreachable' | 'timeout' | 'redirect' | 'tls';

/** A request that got no usable answer; the message is written for an operator reading `last_error` or a 422. */
export class CallbackError extends Error {
  readonly code = 'notification.callback-failed';
  constructor(
    readonly failure: CallbackFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A switch host's failure: the step engine retries it when `retryable` (host unreachable, a VM port not plugged yet). */
export class SwitchError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

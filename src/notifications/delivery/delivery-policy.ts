/** Exponential backoff between delivery attempts of one notification. */
export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  maxMs: number;
  /** Fraction (0..1) of each delay that is random ("full jitter" over that fraction), so retries of many subscribers spread out. */
  jitter: number;
}

/**
 * How notifications are delivered (SOL013 cl. 10 leaves retries to the producer). `leaseMs` must outlast one
 * attempt: an OAuth2 token fetch and the POST, both twice when a 401 forces a refresh (4 x timeoutMs).
 */
export interface DeliveryPolicy {
  timeoutMs: number;
  maxResponseBytes: number;
  backoff: BackoffPolicy;
  /** A notification still failing this long after it was created is given up (UNDELIVERABLE). */
  horizonMs: number;
  leaseMs: number;
  sweepIntervalMs: number;
  /** Deliveries run at the same time in one process, so one slow subscriber never holds up the others. */
  concurrency: number;
  /** Which sensitive addresses (loopback, link-local, …) may still be called: NFVO_CALLBACK_ALLOW. */
  allowAddresses: (address: string) => boolean;
}

export type DeliveryPolicyInput = Partial<Omit<DeliveryPolicy, 'backoff'>> & { backoff?: Partial<BackoffPolicy> };

export function deliveryPolicy(o: DeliveryPolicyInput = {}): DeliveryPolicy {
  const p: DeliveryPolicy = {
    timeoutMs: 10_000,
    maxResponseBytes: 64 * 1024,
    horizonMs: 24 * 3600_000,
    leaseMs: 60_000,
    sweepIntervalMs: 5_000,
    concurrency: 12,
    allowAddresses: () => false,
    ...o,
    backoff: { baseMs: 1_000, factor: 2, maxMs: 5 * 60_000, jitter: 0.2, ...o.backoff },
  };
  const { backoff: b, allowAddresses: _allow, ...sizes } = p;
  const bad = Object.entries({ ...sizes, baseMs: b.baseMs, maxMs: b.maxMs }).filter(([, v]) => !(Number.isFinite(v) && v > 0)).map(([k]) => k);
  if (!(b.factor >= 1)) bad.push('backoff.factor');
  if (!(b.jitter >= 0 && b.jitter <= 1)) bad.push('backoff.jitter');
  if (bad.length) throw new Error(`invalid delivery policy: ${bad.join(', ')}`);
  if (p.leaseMs < 4 * p.timeoutMs) throw new Error(`delivery leaseMs (${p.leaseMs}) must be at least 4 x timeoutMs (${p.timeoutMs})`);
  return p;
}

/**
 * When to try again after `attempts` failed attempts, or give up once the horizon is reached. The last
 * retry is moved to the horizon itself rather than skipped, so a subscriber gets the whole window.
 */
export function nextAttempt(attempts: number, now: Date, createdAt: Date, policy: Pick<DeliveryPolicy, 'backoff' | 'horizonMs'>, random: () => number = Math.random): { at: Date } | { giveUp: true } {
  const deadline = createdAt.getTime() + policy.horizonMs;
  if (now.getTime() >= deadline) return { giveUp: true };
  const b = policy.backoff;
  const full = Math.min(b.maxMs, b.baseMs * b.factor ** Math.max(0, attempts - 1));
  const delay = full * (1 - b.jitter * random());
  return { at: new Date(Math.min(now.getTime() + delay, deadline)) };
}

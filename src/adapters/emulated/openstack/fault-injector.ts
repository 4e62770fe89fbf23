/** What the dispatcher does with one call before (or instead of) handling it. */
export interface FaultDecision {
  latencyMs: number;
  /** `reset` drops the connection unanswered; `malformed` answers 200 with a body that is not JSON. */
  kind: 'pass' | 'fail' | 'hang' | 'reset' | 'malformed';
  status?: number;
}

/**
 * Per-instance fault plan. Operations are named `service.resource.verb`
 * (e.g. `nova.servers.create`); `*` in latency means every operation.
 */
export class FaultInjector {
  /** Latency added to every call unless an operation has its own. */
  latencyMs = 0;
  private readonly perOperationLatency = new Map<string, number>();
  private readonly failures = new Map<string, { times: number; status: number }>();
  private readonly hangs = new Map<string, number>();
  private readonly oneShots = new Map<string, { kind: 'reset' | 'malformed'; times: number }>();
  private readonly counts = new Map<string, number>();
  private readonly faulted = new Map<string, number>();
  private rate?: { rate: number; status: number; random: () => number; operations?: string[] };

  latency(operation: string, ms: number): this {
    if (operation === '*') this.latencyMs = ms;
    else this.perOperationLatency.set(operation, ms);
    return this;
  }

  failNext(operation: string, times: number, status = 503): this {
    this.failures.set(operation, { times, status });
    return this;
  }

  /** Fails a seeded-random share of calls, so a test run is reproducible. */
  errorRate(rate: number, status = 503, seed = 1, operations?: string[]): this {
    this.rate = { rate, status, random: seededRandom(seed), operations };
    return this;
  }

  /** The next `times` calls of `operation` are never answered until the client gives up or the emulator closes. */
  hang(operation: string, times = 1): this {
    this.hangs.set(operation, times);
    return this;
  }

  /** The next `times` calls of `operation` lose their connection (`reset`) or get a broken JSON body (`malformed`). */
  break(operation: string, kind: 'reset' | 'malformed', times = 1): this {
    this.oneShots.set(operation, { kind, times });
    return this;
  }

  /** How many calls of `operation` arrived, faulted or not. */
  calls(operation: string): number {
    return this.counts.get(operation) ?? 0;
  }

  reset(): void {
    this.latencyMs = 0;
    [this.perOperationLatency, this.failures, this.hangs, this.oneShots, this.counts, this.faulted].forEach((m) => m.clear());
    this.rate = undefined;
  }

  /** How many calls of `operation` (or of all operations) got a fault instead of an answer. */
  injected(operation?: string): number {
    return operation ? (this.faulted.get(operation) ?? 0) : [...this.faulted.values()].reduce((a, b) => a + b, 0);
  }

  decide(operation: string): FaultDecision {
    const d = this.choose(operation);
    if (d.kind !== 'pass') this.faulted.set(operation, this.injected(operation) + 1);
    return d;
  }

  private choose(operation: string): FaultDecision {
    this.counts.set(operation, this.calls(operation) + 1);
    const latencyMs = this.perOperationLatency.get(operation) ?? this.latencyMs;
    const hangsLeft = this.hangs.get(operation) ?? 0;
    if (hangsLeft > 0) {
      this.hangs.set(operation, hangsLeft - 1);
      return { latencyMs, kind: 'hang' };
    }
    const shot = this.oneShots.get(operation);
    if (shot && shot.times > 0) {
      shot.times--;
      return { latencyMs, kind: shot.kind };
    }
    const failure = this.failures.get(operation);
    if (failure && failure.times > 0) {
      failure.times--;
      return { latencyMs, kind: 'fail', status: failure.status };
    }
    const r = this.rate;
    if (r && (!r.operations || r.operations.includes(operation)) && r.random() < r.rate) return { latencyMs, kind: 'fail', status: r.status };
    return { latencyMs, kind: 'pass' };
  }
}

/** xorshift32 (Marsaglia 2003): tiny, deterministic, good enough for picking which calls fail. */
function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

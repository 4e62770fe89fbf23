/** What the dispatcher does with one call before (or instead of) handling it. */
export interface FaultDecision {
  latencyMs: number;
  kind: 'pass' | 'fail' | 'hang';
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
  private readonly counts = new Map<string, number>();
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

  /** How many calls of `operation` arrived, faulted or not. */
  calls(operation: string): number {
    return this.counts.get(operation) ?? 0;
  }

  reset(): void {
    this.latencyMs = 0;
    [this.perOperationLatency, this.failures, this.hangs, this.counts].forEach((m) => m.clear());
    this.rate = undefined;
  }

  decide(operation: string): FaultDecision {
    this.counts.set(operation, this.calls(operation) + 1);
    const latencyMs = this.perOperationLatency.get(operation) ?? this.latencyMs;
    const hangsLeft = this.hangs.get(operation) ?? 0;
    if (hangsLeft > 0) {
      this.hangs.set(operation, hangsLeft - 1);
      return { latencyMs, kind: 'hang' };
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

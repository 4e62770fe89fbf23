import { Agent, request } from 'node:http';

export interface RoundTripSpec {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Requests measured, after `warmup` more that are thrown away. */
  requests: number;
  warmup: number;
  /** Requests in flight at once. */
  concurrency: number;
  /**
   * false: a fresh TCP connection per request (`agent: false`), as the NFVO's callback client does;
   * true: `concurrency` kept-alive connections.
   */
  keepAlive: boolean;
}

export interface RoundTripResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers other than 2xx, and requests that got no answer. */
  failed: number;
  errorSamples: string[];
}

/**
 * POSTs the same body `requests` times from this process with `concurrency` in flight and no other work:
 * the bare loopback HTTP round-trip a notification delivery cannot beat.
 */
export async function postRoundTrips(spec: RoundTripSpec): Promise<RoundTripResult> {
  const agent = spec.keepAlive ? new Agent({ keepAlive: true, maxSockets: spec.concurrency }) : false;
  try {
    await batch(spec, agent, spec.warmup);
    return await batch(spec, agent, spec.requests);
  } finally {
    if (agent) agent.destroy();
  }
}

async function batch(spec: RoundTripSpec, agent: Agent | false, total: number): Promise<RoundTripResult> {
  const body = Buffer.from(spec.body, 'utf8');
  const headers = { ...spec.headers, 'content-length': String(body.length) };
  const latencies: number[] = [];
  const errorSamples = new Set<string>();
  let failed = 0;
  let issued = 0;
  const one = () =>
    new Promise<void>((done) => {
      const started = performance.now();
      const req = request(spec.url, { method: 'POST', headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) failed++;
          latencies.push(performance.now() - started);
          done();
        });
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        failed++;
        if (errorSamples.size < 3) errorSamples.add(e.code ?? e.message);
        done();
      });
      req.end(body);
    });
  const lane = async () => {
    while (issued < total) {
      issued++;
      await one();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: spec.concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    reqPerSec: seconds > 0 ? latencies.length / seconds : 0,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    requests: total,
    failed,
    errorSamples: [...errorSamples],
  };
}

/** Nearest-rank percentile of an ascending array; NaN when it is empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Measured seconds. */
  durationSec: number;
  /** Seconds of the same load run first and thrown away (JIT, connection pools, PostgreSQL caches). */
  warmupSec: number;
}

/** What went wrong in one autocannon run; empty when every response was a 2xx. */
export interface LoadProblems {
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Up to a few distinct request error messages, to say what the errors were. */
  samples: string[];
}

export interface LoadResult {
  reqPerSec: number;
  p99Ms: number;
  requests: number;
  problems: { warmup: LoadProblems; measured: LoadProblems };
}

/** Warm-up then measurement, 1 request in flight per connection (pipelining 1, as real clients do). */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const warmup = await runOnce(spec, spec.warmupSec);
  const measured = await runOnce(spec, spec.durationSec);
  return {
    reqPerSec: measured.result.requests.average,
    p99Ms: measured.result.latency.p99,
    requests: measured.result.requests.total,
    problems: { warmup: warmup.problems, measured: measured.problems },
  };
}

export const hasProblems = (p: LoadProblems): boolean => p.non2xx > 0 || p.errors > 0 || p.timeouts > 0;

/** `12 non-2xx (500 x12), 3 errors (ECONNRESET), 0 timeouts` */
export function describeProblems(p: LoadProblems): string {
  const codes = Object.entries(p.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, n]) => `${code} x${n}`)
    .join(', ');
  const samples = p.samples.length ? ` (${p.samples.join('; ')})` : '';
  return `${p.non2xx} non-2xx${codes ? ` (${codes})` : ''}, ${p.errors} errors${samples}, ${p.timeouts} timeouts`;
}

function runOnce(spec: LoadSpec, durationSec: number): Promise<{ result: autocannon.Result; problems: LoadProblems }> {
  const samples = new Set<string>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: spec.url, headers: spec.headers, connections: spec.connections, pipelining: 1, duration: durationSec, timeout: 10 },
      (err, result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
        resolve({
          result,
          problems: { non2xx: result.non2xx, statusCodes, errors: result.errors, timeouts: result.timeouts, samples: [...samples] },
        });
      },
    );
    instance.on('reqError', (e: unknown) => {
      if (samples.size < 3) samples.add(e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e));
    });
  });
}

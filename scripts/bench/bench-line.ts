/**
 * Formatting of the printed lines, kept apart from measuring so every benchmark prints figures the same way:
 * one line per figure, the ratio to its same-run baseline first and the absolute numbers beside it.
 */

/** Width of the "<benchmark> <scenario>" column, so the figures of consecutive lines align. */
const LABEL_WIDTH = 38;

/** The label column; at least two spaces follow it even when a label is longer than the column. */
export const label = (bench: string, scenario?: string): string => `${scenario ? `${bench} ${scenario}` : bench}  `.padEnd(LABEL_WIDTH);

/** Requests per second as a whole number: the run-to-run noise is far above one request per second. */
export const reqPerSec = (n: number): string => `${Math.round(n)} req/s`;

/** Milliseconds; one decimal below 10 ms, where autocannon's histogram still resolves it. */
export const millis = (n: number): string => `${n < 10 ? Number(n.toFixed(1)) : Math.round(n)} ms`;

export const ratio = (value: number, baseline: number): string => (baseline > 0 ? (value / baseline).toFixed(2) : 'n/a');

/** The target is printed, never enforced: a benchmark reports, it does not pass or fail. */
export const verdict = (met: boolean): string => (met ? 'met' : 'missed');

export interface Measured {
  reqPerSec: number;
  p99Ms: number;
}

export interface FigureTargets {
  /** Minimum throughput relative to the baseline. */
  minRatio: number;
  /** Maximum p99 latency of the measured service. */
  maxP99Ms: number;
}

/** `nsd-list page-of-100   nfvo 1234 req/s p99 18 ms | bare 5678 req/s p99 6 ms | throughput ratio 0.22 (target >= 0.3: missed) | …` */
export function figureLine(labelText: string, subject: Measured, baseline: Measured, targets: FigureTargets, suffix = ''): string {
  const r = baseline.reqPerSec > 0 ? subject.reqPerSec / baseline.reqPerSec : 0;
  return [
    `${labelText}nfvo ${reqPerSec(subject.reqPerSec)} p99 ${millis(subject.p99Ms)}`,
    `bare ${reqPerSec(baseline.reqPerSec)} p99 ${millis(baseline.p99Ms)}`,
    `throughput ratio ${ratio(subject.reqPerSec, baseline.reqPerSec)} (target >= ${targets.minRatio}: ${verdict(r >= targets.minRatio)})`,
    `p99 ${millis(subject.p99Ms)} (target < ${targets.maxP99Ms} ms: ${verdict(subject.p99Ms < targets.maxP99Ms)})${suffix}`,
  ].join(' | ');
}

/** Multi-line text (an EXPLAIN plan, a child's log tail) under a result line. */
export const indented = (lines: readonly string[], by = '    '): string[] => lines.map((l) => `${by}${l}`);

import type { FunctionDemand, Vim } from './placement.model';

type Dimension = 'vcpus' | 'memoryMiB' | 'storageGiB' | 'instances';
const DIMENSIONS: ReadonlyArray<[Dimension, string]> = [
  ['vcpus', 'vCPU'],
  ['memoryMiB', 'MiB memory'],
  ['storageGiB', 'GiB storage'],
  ['instances', 'instances'],
];
/** Container CPU is fractional (0.5 cores): sums like 0.1 + 0.2 must not fail a fit by rounding. */
const EPSILON = 1e-9;

/**
 * What this placement has put on each VIM so far, on top of the VIM's reported `used` and `reserved`.
 * An absent capacity dimension is unlimited, so it neither blocks nor counts in utilisation.
 */
export class VimLedger {
  private readonly assigned: Map<Dimension, Float64Array>;

  constructor(private readonly vims: readonly Vim[]) {
    // Set here, not as a field initializer: class-field semantics would run it before `vims` is set.
    this.assigned = new Map(DIMENSIONS.map(([d]) => [d, new Float64Array(vims.length)]));
  }

  /** Reported use plus what other operations hold: both are taken. */
  private taken(v: number, d: Dimension): number {
    return (this.vims[v].used[d] ?? 0) + (this.vims[v].reserved?.[d] ?? 0);
  }

  private free(v: number, d: Dimension): number {
    const cap = this.vims[v].capacity[d];
    return cap === undefined ? Infinity : cap - this.taken(v, d) - this.assigned.get(d)![v];
  }

  /**
   * One reason per exhausted dimension, e.g. `needs 8 vCPU, 2 free on vim-1`; empty when it fits. With
   * reservations known it says where the rest went: `…: limit 10, 6 in use, 3 reserved by operations in progress`.
   */
  shortfall(v: number, f: FunctionDemand): string[] {
    const out: string[] = [];
    const vim = this.vims[v];
    for (const [d, unit] of DIMENSIONS) {
      const free = this.free(v, d);
      if (f[d] <= free + EPSILON) continue;
      const parts = vim.reserved ? [`limit ${round(vim.capacity[d]!)}`, `${round(vim.used[d] ?? 0)} in use`, `${round(vim.reserved[d] ?? 0)} reserved by operations in progress`] : [];
      if (parts.length && this.assigned.get(d)![v] > EPSILON) parts.push(`${round(this.assigned.get(d)![v])} placed for this service`);
      out.push(`needs ${round(f[d])} ${unit}, ${round(Math.max(0, free))} free on ${vim.name ? `${vim.name} (${vim.id})` : vim.id}${parts.length ? `: ${parts.join(', ')}` : ''}`);
    }
    return out;
  }

  fits(v: number, f: FunctionDemand): boolean {
    for (const [d] of DIMENSIONS) if (f[d] > this.free(v, d) + EPSILON) return false;
    return true;
  }

  /** The dominant share after adding `f`: the dimension closest to full decides how loaded a VIM is. */
  utilisationAfter(v: number, f: FunctionDemand): number {
    let worst = 0;
    for (const [d] of DIMENSIONS) {
      const cap = this.vims[v].capacity[d];
      if (cap === undefined) continue;
      const load = this.taken(v, d) + this.assigned.get(d)![v] + f[d];
      worst = Math.max(worst, cap > 0 ? load / cap : load > 0 ? Infinity : 0);
    }
    return worst;
  }

  add(v: number, f: FunctionDemand, sign: 1 | -1 = 1): void {
    for (const [d] of DIMENSIONS) this.assigned.get(d)![v] += sign * f[d];
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;

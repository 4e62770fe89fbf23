import { readFileSync, writeFileSync } from 'node:fs';

/** Resident set size of a process, from /proc/<pid>/status (Linux), in bytes. */
export interface ProcMemory {
  /** VmRSS: resident now. */
  rss: number;
  /** VmHWM: the highest VmRSS since the process started, or since the peak was last reset. */
  hwm: number;
}

export function readProcMemory(pid: number): ProcMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(m[1]) * 1024;
  };
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/**
 * Resets the process's VmHWM to its current RSS (writing 5 to /proc/<pid>/clear_refs, Linux 4.0+), so VmHWM
 * read later is the exact peak since now, not a sample. False when the kernel or permissions do not allow it.
 */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface PhasePeak {
  phase: string;
  /** Highest sampled VmRSS in the phase, bytes. */
  peak: number;
  /** Milliseconds from the start of sampling to that sample. */
  atMs: number;
  samples: number;
}

/**
 * Samples VmRSS of a process every `intervalMs`, keeping the peak of each named phase. Synchronous reads of
 * a tiny proc file: they cost microseconds and keep the interval honest. The timer is unref'd, so a
 * forgotten sampler never keeps the process alive.
 */
export class RssSampler {
  private readonly phases: PhasePeak[] = [];
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private gone = false;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 50,
  ) {}

  /** Starts sampling in `phase`; returns the memory at that moment (the baseline). */
  start(phase: string): ProcMemory {
    this.started = performance.now();
    this.phases.push({ phase, peak: 0, atMs: 0, samples: 0 });
    const now = this.sample();
    if (!now) throw new Error(`cannot read /proc/${this.pid}/status: the process is gone`);
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return now;
  }

  /** Samples once more (the end of the phase belongs to it), then counts later samples for `phase`. */
  enter(phase: string): void {
    this.sample();
    this.phases.push({ phase, peak: 0, atMs: 0, samples: 0 });
    this.sample();
  }

  /** Stops sampling; returns the peak of each phase and the memory at the end. */
  stop(): { phases: PhasePeak[]; end: ProcMemory | undefined } {
    const end = this.gone ? undefined : this.sample();
    clearInterval(this.timer);
    this.timer = undefined;
    return { phases: this.phases.map((p) => ({ ...p })), end };
  }

  private sample(): ProcMemory | undefined {
    if (this.gone) return undefined;
    let m: ProcMemory;
    try {
      m = readProcMemory(this.pid);
    } catch {
      this.gone = true; // the process exited: keep what was sampled
      return undefined;
    }
    const p = this.phases[this.phases.length - 1];
    p.samples++;
    if (m.rss > p.peak) {
      p.peak = m.rss;
      p.atMs = performance.now() - this.started;
    }
    return m;
  }
}

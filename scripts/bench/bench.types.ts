/**
 * The contract between `run.ts` and each `*.bench.ts` module: a benchmark only prints lines and registers
 * its own cleanups; the runner decides which benchmarks run and makes sure cleanups run even on Ctrl-C.
 */
export interface BenchContext {
  /** Prints one result line (stdout); benchmarks never assert on what they print. */
  print(line: string): void;
  /** Runs `undo` when the benchmark ends, fails, or the run is interrupted; last registered runs first. */
  defer(label: string, undo: () => Promise<void> | void): void;
}

export interface Benchmark {
  /** What the command line names to select it, and the prefix of every line it prints. */
  name: string;
  run(ctx: BenchContext): Promise<void>;
}

/** Median and maximum of repeated timed runs, as the micro-benchmarks report them. */
export interface Stat {
  median: number;
  max: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const stat = (xs: readonly number[]): Stat => ({ median: median(xs), max: Math.max(...xs) });

/** Lets the event loop turn between runs, so Ctrl-C is handled after the current run, not after the whole benchmark. */
export const turn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

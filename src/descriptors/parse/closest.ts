/** Levenshtein distance, bounded by the short strings it is used on (field names, enum values). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/** The allowed word a near miss was meant to be (typos such as `interal` or `network_functions1`). */
export function closestWord(written: string, allowed: readonly string[]): string | undefined {
  if (written.length > 100) return undefined;
  const lower = written.toLowerCase();
  const best = allowed
    .map((candidate) => ({ candidate, d: distance(lower, candidate.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)[0];
  const close = best && (best.d <= 2 || lower.startsWith(best.candidate.toLowerCase()) || best.candidate.toLowerCase().startsWith(lower));
  return close && best.candidate !== written ? best.candidate : undefined;
}

/** "; did you mean 'x'?" for a near miss, else ''. */
export function didYouMean(written: string, allowed: readonly string[]): string {
  const word = closestWord(written, allowed);
  return word === undefined ? '' : `; did you mean '${word}'?`;
}

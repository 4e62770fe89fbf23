import { largeServiceSet } from './large-service.fixture';
import { validateDescriptors } from './validate-descriptors';

/**
 * The benchmark input: 1,000 functions and 2,000 virtual links. Not a timed assertion
 * (CI machines vary); the elapsed time is printed so a regression is visible. Every rule is linear
 * thanks to the shared index, so this stays in the tens of milliseconds.
 */
describe('validateDescriptors at scale', () => {
  it('validates a generated service of 1,000 functions and 2,000 virtual links', () => {
    const set = largeServiceSet(1000);
    expect(set.service!.functions).toHaveLength(1000);
    expect(set.service!.virtualLinks).toHaveLength(2000);
    const times: number[] = [];
    let report = validateDescriptors(set);
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      report = validateDescriptors(set);
      times.push(performance.now() - started);
    }
    expect(report.findings).toEqual([]);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`validateDescriptors: 1,000 functions / 2,000 virtual links: median ${sorted[2].toFixed(1)} ms, max ${sorted[4].toFixed(1)} ms over 5 runs (first, cold run excluded)`);
  });

  it('stays quick on a broken large service (every path hop off its links)', () => {
    const set = largeServiceSet(1000);
    set.service!.virtualLinks.splice(0, 1000); // the chain links are gone
    const started = performance.now();
    const report = validateDescriptors(set);
    const elapsed = performance.now() - started;
    expect(report.counts.errors).toBeGreaterThan(500);
    console.log(`validateDescriptors: broken 1,000-function service, ${report.findings.length} findings in ${elapsed.toFixed(1)} ms`);
  });
});

// Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI tooling reads.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: p, numFailedTests: f, numPendingTests: s, numRuntimeErrorTestSuites: e } = results;
    process.stdout.write(`\ntests: ${p} passed, ${f + e} failed, ${s} skipped\n`);
  }
}
module.exports = SummaryReporter;

/**
 * Undo steps of a benchmark (stop child processes, drop schemas), run last-in first-out. A failing step is
 * reported and the others still run, so one broken cleanup does not leak the rest.
 */
export class CleanupStack {
  private readonly steps: { label: string; undo: () => Promise<void> | void }[] = [];

  push(label: string, undo: () => Promise<void> | void): void {
    this.steps.push({ label, undo });
  }

  /** Returns the failures as readable strings; safe to call twice (the second call has nothing left). */
  async runAll(): Promise<string[]> {
    const failures: string[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.undo();
      } catch (e) {
        failures.push(`${step.label}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return failures;
  }
}

/**
 * Collects what had to be changed in an ETSI bundle to validate against it, so tests can
 * print it and reviewers can see that the contract is ETSI's, plus a named list of fixes.
 */
export class QuirkLog {
  private readonly entries = new Map<string, { count: number; details: Set<string> }>();

  /** `detail` (e.g. the type name concerned) is listed once per distinct value after the message. */
  note(message: string, detail?: string): void {
    const e = this.entries.get(message) ?? { count: 0, details: new Set<string>() };
    e.count++;
    if (detail) e.details.add(detail);
    this.entries.set(message, e);
  }

  /** One line per distinct quirk, with how often it occurred and what it concerned. */
  list(): string[] {
    return [...this.entries].map(([m, { count, details }]) => {
      const times = count > 1 ? `×${count}` : '';
      const what = [...details].join(', ');
      return times || what ? `${m} (${[times, what].filter(Boolean).join(': ')})` : m;
    });
  }
}

import type { StackDrift } from './iac.port';

/** The result of a drift check of an NS instance's stacks. */
export interface DriftReport { nsInstanceId: string; checkedAt: string; drifted: boolean; stacks: Array<{ vimId: string; name: string } & StackDrift> }

/** The latest drift report per NS instance, and the scheduled checks' claim on each instance. */
export interface DriftReports {
  save(report: DriftReport): Promise<void>;
  latest(nsInstanceId: string): Promise<DriftReport | undefined>;
  /** NS instances with a deployment not checked for `intervalMs`, each claimed for this caller (at most `limit`). */
  claimDue(intervalMs: number, limit: number): Promise<string[]>;
}

export const DRIFT_REPORTS = Symbol('DRIFT_REPORTS');

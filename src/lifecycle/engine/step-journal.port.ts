/**
 * The journal of one occurrence's steps: what ran, how often, what it produced, how it failed. Every
 * change is written before the runner moves on, so a restarted run knows exactly where it stands.
 */
/**
 * KEPT: made by an earlier operation and left as it is (heal, scale); it counts as done, and a rollback
 * of this operation leaves it alone.
 */
export type StepState = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED' | 'SKIPPED' | 'KEPT' | 'ROLLING_BACK' | 'ROLLED_BACK';

export interface StepError {
  title: string;
  detail: string;
  retryable: boolean;
}

export interface StepRecord {
  stepId: string;
  state: StepState;
  attempts: number;
  startedAt?: string;
  endedAt?: string;
  error?: StepError;
  output?: Record<string, unknown>;
}

export interface StepJournal {
  load(): Promise<Map<string, StepRecord>>;
  write(record: StepRecord): Promise<void>;
}

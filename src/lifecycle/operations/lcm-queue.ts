/** The job queue of LCM operation runs: one job per occurrence run (accept, retry, continue, rollback, recovery). */
export const RUN_LCM_OPERATION_QUEUE = 'run-lcm-operation';

export interface RunLcmOperationJob {
  nsLcmOpOccId: string;
}

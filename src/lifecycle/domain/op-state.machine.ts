import { defineMachine } from '../../shared/fsm';

/** SOL005 cl. 6.5.4.4 NsLcmOperationStateType. */
export type OperationState = 'PROCESSING' | 'COMPLETED' | 'PARTIALLY_COMPLETED' | 'FAILED_TEMP' | 'FAILED' | 'ROLLING_BACK' | 'ROLLED_BACK';

export type OpEvent =
  | 'SUCCEEDED' // every step done
  | 'PARTLY_SUCCEEDED' // done, with steps skipped by `continue`
  | 'STEP_FAILED' // a step failed after its retries, or an undo failed while rolling back
  | 'CANCELLED' // cancel took effect at a step boundary (GRACEFUL) or at once (FORCEFUL)
  | 'RETRY'
  | 'CONTINUE'
  | 'ROLLBACK'
  | 'ROLLBACK_DONE'
  | 'FAIL';

/**
 * The states of an NS LCM operation occurrence (SOL005 Table 6.5.4.4-1 and its state model):
 * PROCESSING ends COMPLETED, PARTIALLY_COMPLETED or FAILED_TEMP; FAILED_TEMP leaves on retry, continue
 * (both back to PROCESSING), rollback (ROLLING_BACK) or fail (FAILED); a rollback ends ROLLED_BACK or,
 * when an undo fails, FAILED_TEMP again; cancel stops PROCESSING or ROLLING_BACK in FAILED_TEMP.
 */
export const OP_STATE = defineMachine<OperationState, OpEvent>(
  'NsLcmOpOcc.operationState',
  {
    PROCESSING: { SUCCEEDED: 'COMPLETED', PARTLY_SUCCEEDED: 'PARTIALLY_COMPLETED', STEP_FAILED: 'FAILED_TEMP', CANCELLED: 'FAILED_TEMP' },
    FAILED_TEMP: { RETRY: 'PROCESSING', CONTINUE: 'PROCESSING', ROLLBACK: 'ROLLING_BACK', FAIL: 'FAILED' },
    ROLLING_BACK: { ROLLBACK_DONE: 'ROLLED_BACK', STEP_FAILED: 'FAILED_TEMP', CANCELLED: 'FAILED_TEMP' },
    COMPLETED: {},
    PARTIALLY_COMPLETED: {},
    FAILED: {},
    ROLLED_BACK: {},
  },
  'PROCESSING',
  ['COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED', 'ROLLED_BACK'],
);

/** States in which an occurrence still holds its NS instance (no second operation may start). */
export const NON_FINAL_OPERATION_STATES: readonly OperationState[] = ['PROCESSING', 'FAILED_TEMP', 'ROLLING_BACK'];

import type { ProblemDetails } from '../../sol013/problem-details';
import type { OperationState } from './op-state.machine';

/** SOL005 NsLcmOpType: the operation an occurrence performs. */
export type NsLcmOpType = 'INSTANTIATE' | 'SCALE' | 'UPDATE' | 'TERMINATE' | 'HEAL';

export type CancelMode = 'GRACEFUL' | 'FORCEFUL';

/** SOL005 cl. 6.5.2.3 NsLcmOpOcc (Table 6.5.2.3-1) as stored (without `_links`). */
export interface NsLcmOpOcc {
  id: string;
  operationState: OperationState;
  statusEnteredTime: string;
  nsInstanceId: string;
  lcmOperationType: NsLcmOpType;
  startTime: string;
  isAutomaticInvocation: boolean;
  operationParams?: Record<string, unknown>;
  isCancelPending: boolean;
  cancelMode?: CancelMode;
  error?: ProblemDetails;
  resourceChanges?: {
    affectedVnfs?: Array<{ vnfInstanceId: string; vnfdId: string; vnfProfileId: string; vnfName: string; changeType: 'ADD' | 'REMOVE' | 'INSTANTIATE' | 'TERMINATE' | 'SCALE' | 'HEAL' | 'OPERATE' | 'MODIFY_INFORMATION'; changeResult: 'COMPLETED' | 'ROLLED_BACK' | 'FAILED' | 'PARTIALLY_COMPLETED' }>;
    affectedVls?: Array<{ id: string; vlProfileId: string; changeType: 'ADD' | 'DELETE' | 'REMOVE' | 'INSTANTIATE' | 'TERMINATE'; changeResult: 'COMPLETED' | 'ROLLED_BACK' | 'FAILED' }>;
  };
}

export const NS_LCM_OP_OCC_ATTRIBUTE_ORDER: ReadonlyArray<keyof NsLcmOpOcc> = [
  'id', 'operationState', 'statusEnteredTime', 'nsInstanceId', 'lcmOperationType', 'startTime', 'isAutomaticInvocation',
  'operationParams', 'isCancelPending', 'cancelMode', 'error', 'resourceChanges',
];

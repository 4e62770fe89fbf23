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
  resourceChanges?: ResourceChanges;
}

export const NS_LCM_OP_OCC_ATTRIBUTE_ORDER: ReadonlyArray<keyof NsLcmOpOcc> = [
  'id', 'operationState', 'statusEnteredTime', 'nsInstanceId', 'lcmOperationType', 'startTime', 'isAutomaticInvocation',
  'operationParams', 'isCancelPending', 'cancelMode', 'error', 'resourceChanges',
];

export type ChangeResult = 'COMPLETED' | 'ROLLED_BACK' | 'FAILED' | 'PARTIALLY_COMPLETED';
export type VnfChangeType = 'ADD' | 'REMOVE' | 'INSTANTIATE' | 'TERMINATE' | 'SCALE' | 'HEAL' | 'OPERATE' | 'MODIFY_INFORMATION';

/** SOL005 cl. 6.5.2.3 resourceChanges: AffectedVnf, AffectedVirtualLink and AffectedVnffg (cl. 6.5.3.2-6.5.3.5). */
export interface ResourceChanges {
  affectedVnfs?: Array<{ vnfInstanceId: string; vnfdId: string; vnfProfileId: string; vnfName?: string; changeType: VnfChangeType; changeResult: ChangeResult }>;
  affectedVls?: Array<{ nsVirtualLinkInstanceId: string; nsVirtualLinkDescId: string; vlProfileId: string; changeType: 'ADD' | 'DELETE' | 'MODIFY'; changeResult: ChangeResult }>;
  affectedVnffgs?: Array<{ vnffgInstanceId: string; vnffgdId: string; changeType: 'ADD' | 'DELETE' | 'MODIFY'; changeResult: ChangeResult }>;
}

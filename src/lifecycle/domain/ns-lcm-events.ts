import type { DomainEvent } from '../../packages/ports/event-log.port';
import type { NsInstance } from './ns-instance.model';
import type { NsLcmOpOcc } from './ns-lcm-op-occ.model';

/**
 * NS LCM domain events (SOL005 cl. 6.5.2.5-6.5.2.9). Every event's subject is the NS instance, so
 * subscribers receive one NS instance's notifications in order (START before RESULT). `match` holds
 * what a LifecycleChangeNotificationsFilter selects on (cl. 6.5.3.8).
 */
const nsMatch = (ns: NsInstance) => ({ nsInstanceId: ns.id, nsdId: ns.nsdId, nsInstanceName: ns.nsInstanceName, vnfdIds: (ns.vnfInstance ?? []).map((v) => v.vnfdId) });

export const nsIdentifierCreated = (ns: NsInstance): DomainEvent => ({
  type: 'NsIdentifierCreationNotification', subjectType: 'ns_instance', subjectId: ns.id, payload: { nsInstanceId: ns.id, match: nsMatch(ns) },
});

export const nsIdentifierDeleted = (ns: NsInstance): DomainEvent => ({
  type: 'NsIdentifierDeletionNotification', subjectType: 'ns_instance', subjectId: ns.id, payload: { nsInstanceId: ns.id, match: nsMatch(ns) },
});

/** NsLcmOperationOccurrenceNotification: START when accepted (and when resumed by retry/continue/rollback), RESULT in every result state. */
export function opOccurrence(ns: NsInstance, occ: NsLcmOpOcc, notificationStatus: 'START' | 'RESULT'): DomainEvent {
  return {
    type: 'NsLcmOperationOccurrenceNotification',
    subjectType: 'ns_instance',
    subjectId: ns.id,
    payload: {
      nsInstanceId: ns.id,
      nsLcmOpOccId: occ.id,
      operation: occ.lcmOperationType,
      notificationStatus,
      operationState: occ.operationState,
      isAutomaticInvocation: occ.isAutomaticInvocation,
      ...(notificationStatus === 'RESULT' && occ.resourceChanges?.affectedVnfs ? { affectedVnf: occ.resourceChanges.affectedVnfs } : {}),
      ...(notificationStatus === 'RESULT' && occ.resourceChanges?.affectedVls ? { affectedVl: occ.resourceChanges.affectedVls } : {}),
      ...(notificationStatus === 'RESULT' && occ.resourceChanges?.affectedVnffgs ? { affectedVnffg: occ.resourceChanges.affectedVnffgs } : {}),
      ...(occ.error ? { error: occ.error } : {}),
      match: { ...nsMatch(ns), operationType: occ.lcmOperationType, operationState: occ.operationState },
    },
  };
}

/**
 * NsChangeNotification (SOL005 cl. 6.5.2.8): a component of the NS (here a VNF) changed through an LCM
 * operation; sent when the operation's result changes the component.
 */
export function nsComponentChanged(ns: NsInstance, occ: NsLcmOpOcc, vnfInstanceId: string, lcmOpName: string, status: 'COMPLETED' | 'PARTIALLY_COMPLETED'): DomainEvent {
  return {
    type: 'NsChangeNotification',
    subjectType: 'ns_instance',
    subjectId: ns.id,
    payload: {
      nsInstanceId: ns.id,
      nsComponentType: 'VNF',
      nsComponentId: vnfInstanceId,
      lcmOpOccIdImpactingNsComponent: occ.id,
      lcmOpNameImpactingNsComponent: lcmOpName,
      lcmOpOccStatusImpactingNsComponent: status,
      match: { ...nsMatch(ns), nsComponentType: 'VNF', lcmOpNameImpactingNsComponent: lcmOpName, lcmOpOccStatusImpactingNsComponent: status },
    },
  };
}

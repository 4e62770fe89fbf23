import { type FilterSpec, typeMatches, anyOf, enumList } from './filter-spec';
import { NS_INSTANCE_FILTER_SCHEMA, nsInstanceFilterForbidden, nsInstanceMatches } from './ns-instance-filter';

export const NSLCM_NOTIFICATION_TYPES = ['NsLcmOperationOccurrenceNotification', 'NsIdentifierCreationNotification', 'NsIdentifierDeletionNotification', 'NsChangeNotification', 'NsLcmCapacityShortageNotification'];
const OP_STATES = ['PROCESSING', 'COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED_TEMP', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK'];
const OP_TYPES = ['INSTANTIATE', 'SCALE', 'UPDATE', 'TERMINATE', 'HEAL'];

/** SOL005 cl. 6.5.3.8 LifecycleChangeNotificationsFilter. */
export const NSLCM_FILTER: FilterSpec = {
  api: 'nslcm',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      nsInstanceSubscriptionFilter: NS_INSTANCE_FILTER_SCHEMA,
      notificationTypes: enumList(NSLCM_NOTIFICATION_TYPES),
      operationTypes: enumList(OP_TYPES),
      operationStates: enumList(OP_STATES),
      nsComponentTypes: enumList(['VNF', 'PNF', 'NS']),
      lcmOpNameImpactingNsComponent: enumList(['VNF_INSTANTIATE', 'VNF_SCALE', 'VNF_SCALE_TO_LEVEL', 'VNF_CHANGE_FLAVOUR', 'VNF_TERMINATE', 'VNF_HEAL', 'VNF_OPERATE', 'VNF_CHANGE_EXT_CONN', 'VNF_MODIFY_INFO', 'NS_INSTANTIATE', 'NS_SCALE', 'NS_UPDATE', 'NS_TERMINATE', 'NS_HEAL']),
      lcmOpOccStatusImpactingNsComponent: enumList(['START', 'COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED', 'ROLLED_BACK']),
    },
  },
  // Table 6.5.3.8-1: operationTypes/operationStates only with NsLcmOperationOccurrenceNotification;
  // nsComponentTypes and the lcmOp… attributes only with NsChangeNotification.
  forbidden: (f) => {
    const types = f.notificationTypes as string[] | undefined;
    const needs = (attrs: string[], type: string) => {
      const used = attrs.filter((a) => f[a] !== undefined);
      return used.length && types && !types.includes(type) ? `${used.join(', ')} may be used only when notificationTypes contains ${type}` : undefined;
    };
    return (
      nsInstanceFilterForbidden(f.nsInstanceSubscriptionFilter as Record<string, unknown>) ??
      needs(['operationTypes', 'operationStates'], 'NsLcmOperationOccurrenceNotification') ??
      needs(['nsComponentTypes', 'lcmOpNameImpactingNsComponent', 'lcmOpOccStatusImpactingNsComponent'], 'NsChangeNotification')
    );
  },
  matches: (f, e) =>
    typeMatches(f.notificationTypes, e.type) &&
    nsInstanceMatches(f.nsInstanceSubscriptionFilter as Record<string, unknown> | undefined, e.attributes) &&
    ['operationTypes', 'operationStates', 'nsComponentTypes', 'lcmOpNameImpactingNsComponent', 'lcmOpOccStatusImpactingNsComponent'].every((a) =>
      anyOf(f[a], e.attributes[a.replace(/s$/, '')] ?? e.attributes[a]),
    ),
};

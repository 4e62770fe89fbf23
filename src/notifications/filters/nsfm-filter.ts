import { type FilterSpec, typeMatches, anyOf, enumList, stringList } from './filter-spec';
import { NS_INSTANCE_FILTER_SCHEMA, nsInstanceFilterForbidden, nsInstanceMatches } from './ns-instance-filter';

export const NSFM_NOTIFICATION_TYPES = ['AlarmNotification', 'AlarmClearedNotification', 'AlarmListRebuiltNotification'];

/** SOL005 cl. 8.5.3.2 FmNotificationsFilter. */
export const NSFM_FILTER: FilterSpec = {
  api: 'nsfm',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      nsInstanceSubscriptionFilter: NS_INSTANCE_FILTER_SCHEMA,
      notificationTypes: enumList(NSFM_NOTIFICATION_TYPES),
      faultyResourceTypes: enumList(['COMPUTE', 'STORAGE', 'NETWORK']),
      perceivedSeverities: enumList(['CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'INDETERMINATE', 'CLEARED']),
      eventTypes: enumList(['COMMUNICATIONS_ALARM', 'PROCESSING_ERROR_ALARM', 'ENVIRONMENTAL_ALARM', 'QOS_ALARM', 'EQUIPMENT_ALARM']),
      probableCauses: stringList,
    },
  },
  forbidden: (f) => nsInstanceFilterForbidden(f.nsInstanceSubscriptionFilter as Record<string, unknown>),
  matches: (f, e) =>
    typeMatches(f.notificationTypes, e.type) &&
    nsInstanceMatches(f.nsInstanceSubscriptionFilter as Record<string, unknown> | undefined, e.attributes) &&
    anyOf(f.faultyResourceTypes, e.attributes.faultyResourceType) &&
    anyOf(f.perceivedSeverities, e.attributes.perceivedSeverity) &&
    anyOf(f.eventTypes, e.attributes.eventType) &&
    anyOf(f.probableCauses, e.attributes.probableCause),
};

import { type FilterSpec, typeMatches, alternatives, anyOf, enumList, stringList } from './filter-spec';

/** SOL005 cl. 5.5.2.10 / 5.5.3.2 NsdmNotificationsFilter; `NsdOnboardingFailureNotification` is V2.4.1's spelling. */
export const NSD_NOTIFICATION_TYPES = [
  'NsdOnBoardingNotification', 'NsdOnBoardingFailureNotification', 'NsdOnboardingFailureNotification', 'NsdChangeNotification', 'NsdDeletionNotification',
  'PnfdOnBoardingNotification', 'PnfdOnBoardingFailureNotification', 'PnfdDeletionNotification',
];

const NSD_ATTRS = ['nsdInfoId', 'nsdId', 'nsdName', 'nsdVersion', 'nsdDesigner', 'nsdInvariantId', 'vnfPkgIds', 'pnfdInfoIds', 'nestedNsdInfoIds'];
const PNFD_ATTRS = ['pnfdId', 'pnfdName', 'pnfdVersion', 'pnfdProvider', 'pnfdInvariantId'];

export const NSD_FILTER: FilterSpec = {
  api: 'nsd',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      notificationTypes: enumList(NSD_NOTIFICATION_TYPES),
      ...Object.fromEntries([...NSD_ATTRS, ...PNFD_ATTRS].map((a) => [a, stringList])),
      nsdOnboardingState: enumList(['CREATED', 'UPLOADING', 'PROCESSING', 'ONBOARDED', 'ERROR']),
      nsdOperationalState: enumList(['ENABLED', 'DISABLED']),
      nsdUsageState: enumList(['IN_USE', 'NOT_IN_USE']),
      pnfdOnboardingState: enumList(['CREATED', 'UPLOADING', 'PROCESSING', 'ONBOARDED', 'ERROR']),
      pnfdUsageState: enumList(['IN_USE', 'NOT_IN_USE']),
    },
  },
  // Table 5.5.3.2-1 NOTE: nsdId and nsdInfoId, and pnfdId and pnfdInfoIds, are alternatives.
  forbidden: (f) => alternatives(f, ['nsdId', 'nsdInfoId']) ?? alternatives(f, ['pnfdId', 'pnfdInfoIds']),
  matches: (f, e) =>
    typeMatches(f.notificationTypes, e.type) &&
    [...NSD_ATTRS, ...PNFD_ATTRS, 'nsdOnboardingState', 'nsdOperationalState', 'nsdUsageState', 'pnfdOnboardingState', 'pnfdUsageState'].every((a) => anyOf(f[a], e.attributes[a])),
};

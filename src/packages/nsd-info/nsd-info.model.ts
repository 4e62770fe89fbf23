import type { ProblemDetails } from '../../sol013/problem-details';
import type { CatalogueKind, KeyValuePairs, OnboardingState, OperationalState, UsageState } from '../catalogue/catalogue-item';

/** SOL005 cl. 5.5.4.5 NsdOnboardingStateType (ERROR since V2.5.1). */
export type NsdOnboardingState = OnboardingState;
export type NsdOperationalState = OperationalState;
export type NsdUsageState = UsageState;

/**
 * NsdInfo attributes (SOL005 V4.5.1 cl. 5.5.2.2) as stored, without `_links` (derived per API version).
 * Optional ones appear once the NSD content is onboarded.
 */
export interface NsdInfo {
  id: string;
  nsdId?: string;
  nsdName?: string;
  nsdVersion?: string;
  nsdDesigner?: string;
  nsdInvariantId?: string;
  vnfPkgIds?: string[];
  pnfdInfoIds?: string[];
  nestedNsdInfoIds?: string[];
  archiveSecurityOption?: 'OPTION_1' | 'OPTION_2';
  signingCertificate?: string;
  artifacts?: Array<{ artifactPath: string; checksum: { algorithm: string; hash: string }; metadata?: KeyValuePairs }>;
  nsdOnboardingState: NsdOnboardingState;
  onboardingFailureDetails?: ProblemDetails;
  nsdOperationalState: NsdOperationalState;
  nsdUsageState: NsdUsageState;
  userDefinedData?: KeyValuePairs;
}

/** Attribute order of SOL005 cl. 5.5.2.2, so representations read like the standard's table. */
export const NSD_INFO_ATTRIBUTE_ORDER: ReadonlyArray<keyof NsdInfo> = [
  'id', 'nsdId', 'nsdName', 'nsdVersion', 'nsdDesigner', 'nsdInvariantId', 'vnfPkgIds', 'pnfdInfoIds', 'nestedNsdInfoIds',
  'archiveSecurityOption', 'signingCertificate', 'artifacts', 'nsdOnboardingState', 'onboardingFailureDetails',
  'nsdOperationalState', 'nsdUsageState', 'userDefinedData',
];

/** NS descriptors as catalogue items (SOL005 cl. 5.4.2.3.1: a new one is CREATED, DISABLED, NOT_IN_USE). */
export const NSD_KIND: CatalogueKind<NsdInfo> = {
  noun: 'NSD',
  onboarding: 'nsdOnboardingState',
  operational: 'nsdOperationalState',
  usage: 'nsdUsageState',
  create: (id, userDefinedData) => ({
    id,
    nsdOnboardingState: 'CREATED',
    nsdOperationalState: 'DISABLED',
    nsdUsageState: 'NOT_IN_USE',
    ...(userDefinedData ? { userDefinedData } : {}),
  }),
};

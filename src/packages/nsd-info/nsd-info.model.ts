import type { ProblemDetails } from '../../sol013/problem-details';

/** SOL005 cl. 5.5.4.5 NsdOnboardingStateType (ERROR since V2.5.1). */
export type NsdOnboardingState = 'CREATED' | 'UPLOADING' | 'PROCESSING' | 'ONBOARDED' | 'ERROR';
export type NsdOperationalState = 'ENABLED' | 'DISABLED';
export type NsdUsageState = 'IN_USE' | 'NOT_IN_USE';
export type KeyValuePairs = Record<string, unknown>;

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

/** A stored NsdInfo with its concurrency revision (the ETag) and paging key. */
export interface StoredNsdInfo {
  info: NsdInfo;
  revision: number;
  seq: string;
}

/** NsdInfoModifications (SOL005 cl. 5.5.2.6): at least one attribute present. */
export interface NsdInfoModifications {
  nsdOperationalState?: NsdOperationalState;
  userDefinedData?: KeyValuePairs;
}

/** A new resource starts CREATED, DISABLED, NOT_IN_USE (SOL005 cl. 5.4.2.3.1, POST). */
export function newNsdInfo(id: string, userDefinedData?: KeyValuePairs): NsdInfo {
  return {
    id,
    nsdOnboardingState: 'CREATED',
    nsdOperationalState: 'DISABLED',
    nsdUsageState: 'NOT_IN_USE',
    ...(userDefinedData ? { userDefinedData } : {}),
  };
}

import type { AttributeCatalogue } from '../../sol013/filter';

const str = { type: 'string' } as const;
const strs = { type: 'string', array: true } as const;
const freeForm = { type: 'object', freeForm: true } as const;

const problemDetails = {
  type: 'object',
  children: { type: str, title: str, status: { type: 'number' }, detail: str, instance: str },
} as const;

/** Attributes of NsdInfo in SOL005 V2.4.1 (nsd/v1): what a v1 filter may name (SOL013 cl. 5.2). */
export const NSD_INFO_V1_ATTRIBUTES: AttributeCatalogue = {
  id: str,
  nsdId: str,
  nsdName: str,
  nsdVersion: str,
  nsdDesigner: str,
  nsdInvariantId: str,
  vnfPkgIds: strs,
  pnfdInfoIds: strs,
  nestedNsdInfoIds: strs,
  nsdOnboardingState: str,
  onboardingFailureDetails: problemDetails,
  nsdOperationalState: str,
  nsdUsageState: str,
  userDefinedData: freeForm,
};

/** SOL005 V4.5.1 (nsd/v2) adds the archive security attributes and the artifact list. */
export const NSD_INFO_V2_ATTRIBUTES: AttributeCatalogue = {
  ...NSD_INFO_V1_ATTRIBUTES,
  archiveSecurityOption: str,
  signingCertificate: str,
  artifacts: {
    type: 'object',
    array: true,
    children: {
      artifactPath: str,
      checksum: { type: 'object', children: { algorithm: str, hash: str } },
      metadata: freeForm,
    },
  },
};

/** exclude_default drops these "complex attributes" (SOL005 cl. 5.4.2.3.2, `exclude_default`). */
export const NSD_INFO_COMPLEX_ATTRIBUTES = [['userDefinedData']];

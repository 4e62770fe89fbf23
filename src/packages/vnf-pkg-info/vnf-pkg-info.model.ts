import type { ProblemDetails } from '../../sol013/problem-details';
import type { CatalogueKind, KeyValuePairs, OnboardingState, OperationalState, UsageState } from '../catalogue/catalogue-item';

export interface Checksum {
  algorithm: string;
  hash: string;
}

/** SOL005 cl. 9.5.3.2 VnfPackageSoftwareImageInfo (the fields the joint model can fill). */
export interface VnfPackageSoftwareImageInfo {
  id: string;
  name: string;
  provider: string;
  version: string;
  checksum: Checksum;
  isPtr?: boolean;
  containerFormat: string;
  diskFormat: string;
  createdAt: string;
  minDisk: number;
  minRam: number;
  size: number;
  imagePath?: string;
}

/** SOL005 cl. 9.5.3.3 VnfPackageArtifactInfo. */
export interface VnfPackageArtifactInfo {
  artifactPath: string;
  checksum: Checksum;
  isEncrypted?: boolean;
  metadata?: KeyValuePairs;
}

/**
 * VnfPkgInfo attributes (SOL005 V4.5.1 cl. 9.5.2.5) as stored, without `_links`. The VNFD fields are
 * set once the package is onboarded (vnfdId is the function descriptor's vendor:name:version).
 */
export interface VnfPkgInfo {
  id: string;
  vnfdId?: string;
  vnfProvider?: string;
  vnfProductName?: string;
  vnfSoftwareVersion?: string;
  vnfdVersion?: string;
  compatibleSpecificationVersions?: string[];
  checksum?: Checksum;
  packageSecurityOption?: 'OPTION_1' | 'OPTION_2';
  signingCertificate?: string;
  softwareImages?: VnfPackageSoftwareImageInfo[];
  additionalArtifacts?: VnfPackageArtifactInfo[];
  onboardingState: OnboardingState;
  operationalState: OperationalState;
  usageState: UsageState;
  vnfmInfo?: string[];
  userDefinedData?: KeyValuePairs;
  onboardingFailureDetails?: ProblemDetails;
}

export const VNF_PKG_INFO_ATTRIBUTE_ORDER: ReadonlyArray<keyof VnfPkgInfo> = [
  'id', 'vnfdId', 'vnfProvider', 'vnfProductName', 'vnfSoftwareVersion', 'vnfdVersion', 'compatibleSpecificationVersions',
  'checksum', 'packageSecurityOption', 'signingCertificate', 'softwareImages', 'additionalArtifacts', 'onboardingState',
  'operationalState', 'usageState', 'vnfmInfo', 'userDefinedData', 'onboardingFailureDetails',
];

export const VNF_PKG_KIND: CatalogueKind<VnfPkgInfo> = {
  noun: 'VNF package',
  onboarding: 'onboardingState',
  operational: 'operationalState',
  usage: 'usageState',
  create: (id, userDefinedData) => ({
    id,
    onboardingState: 'CREATED',
    operationalState: 'DISABLED',
    usageState: 'NOT_IN_USE',
    ...(userDefinedData ? { userDefinedData } : {}),
  }),
};

import type { AttributeCatalogue } from '../../sol013/filter';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const freeForm = { type: 'object', freeForm: true } as const;
const checksum = { type: 'object', children: { algorithm: str, hash: str } } as const;
const problemDetails = { type: 'object', children: { type: str, title: str, status: num, detail: str, instance: str } } as const;

const softwareImage = {
  type: 'object',
  array: true,
  children: {
    id: str, name: str, provider: str, version: str, checksum, containerFormat: str, diskFormat: str,
    createdAt: { type: 'datetime' }, minDisk: num, minRam: num, size: num, imagePath: str, userMetadata: freeForm,
  },
} as const;

const artifact = { type: 'object', array: true, children: { artifactPath: str, checksum, metadata: freeForm } } as const;

/** Attributes of VnfPkgInfo in SOL005 V2.4.1 (vnfpkgm/v1), for filters (SOL013 cl. 5.2). */
export const VNF_PKG_INFO_V1_ATTRIBUTES: AttributeCatalogue = {
  id: str, vnfdId: str, vnfProvider: str, vnfProductName: str, vnfSoftwareVersion: str, vnfdVersion: str,
  checksum, softwareImages: softwareImage, additionalArtifacts: artifact,
  onboardingState: str, operationalState: str, usageState: str, userDefinedData: freeForm,
};

/** SOL005 V4.5.1 (vnfpkgm/v2) adds package security, compatibility, VNFM info and failure details. */
export const VNF_PKG_INFO_V2_ATTRIBUTES: AttributeCatalogue = {
  ...VNF_PKG_INFO_V1_ATTRIBUTES,
  compatibleSpecificationVersions: { type: 'string', array: true },
  packageSecurityOption: str,
  signingCertificate: str,
  vnfmInfo: { type: 'string', array: true },
  onboardingFailureDetails: problemDetails,
  additionalArtifacts: { ...artifact, children: { ...artifact.children, isEncrypted: { type: 'boolean' } } },
};

/** exclude_default drops these (SOL005 cl. 9.4.2.3.2). */
export const VNF_PKG_INFO_COMPLEX_ATTRIBUTES = [['softwareImages'], ['additionalArtifacts'], ['userDefinedData'], ['checksum'], ['onboardingFailureDetails']];

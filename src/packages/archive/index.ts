/**
 * Safe package intake for onboarding (DESIGN.md "Onboarding"): stream to disk, unpack under limits,
 * detect SONATA .son / 5GTANGO .tgo / SOL004 CSAR / single YAML, read the manifest, verify checksums.
 * Plain TypeScript: Node built-ins, yauzl and yaml only.
 */
export { openPackage, type OpenedPackage, type DescriptorFile } from './open-package';
export { unpackZip, type UnpackedEntry, type UnpackResult } from './unpack-zip';
export type { EntryLocation } from './unpack-result';
export { saveUpload } from './save-upload';
export { detectPackageFormat } from './detect-package-format';
export { verifyChecksums } from './verify-checksums';
export { PackageError, PACKAGE_ERROR_CODES, isPackageError, type PackageErrorCode } from './package-error';
export { hasErrors, type PackageProblem, type PackageProblemCode } from './package-problem';
export { DEFAULT_UNPACK_LIMITS, resolveLimits, type UnpackLimits } from './unpack-limits';
export type { DescriptorKind, DescriptorRef, HashAlgorithm, ManifestFile, PackageFormat, PackageManifest } from './package-manifest';

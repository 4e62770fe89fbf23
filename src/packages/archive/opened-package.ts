import type { DescriptorRef, PackageFormat, PackageManifest } from './package-manifest';
import type { PackageProblem } from './package-problem';
import type { UnpackedEntry } from './unpack-result';

/** A descriptor of the package, read as text for the descriptor parsers. */
export type DescriptorFile = DescriptorRef & { text: string };

export interface OpenedPackage {
  format: PackageFormat | 'yaml';
  /** Directory holding the unpacked files (removed by cleanup()). */
  root: string;
  manifest: PackageManifest;
  /** Same as manifest.manifestFiles: the manifest files themselves (MANIFEST.MF, TOSCA.meta, NAPD, .mf). */
  manifestFiles: string[];
  /** The manifest's entry descriptors that exist in the package, in package order. */
  descriptorFiles: DescriptorFile[];
  /** Every soft problem: checksums, missing/unlisted entries, manifest schema breaches. */
  problems: PackageProblem[];
  /** Every regular file with size and md5/sha256/sha512. */
  entries: UnpackedEntry[];
  cleanup(): Promise<void>;
}

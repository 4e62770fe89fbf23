import type { PackageProblem } from './package-problem';

export type PackageFormat = 'son' | 'tgo' | 'csar';
export type HashAlgorithm = 'md5' | 'sha256' | 'sha384' | 'sha512';

/** What the NFVO can parse a descriptor as; `unknown` leaves it to the parser to recognise the content. */
export type DescriptorKind = 'ns' | 'vnf' | 'cloud-service' | 'unknown';

export interface DescriptorRef {
  path: string;
  /** As declared by the manifest (SONATA/5GTANGO content-type), or a YAML type for CSAR/YAML uploads. */
  contentType: string;
  kind: DescriptorKind;
  /** The package's entry point: SONATA entry_service_template, SOL004 Entry-Definitions, the single YAML. */
  entry: boolean;
}

/** One integrity claim of a manifest about one file of the package. */
export interface ManifestFile {
  path: string;
  /** Absent only for SONATA entries without md5 (allowed by pd-schema): existence is still checked. */
  algorithm?: HashAlgorithm;
  hash?: string;
  contentType?: string;
  /** Manifest file making the claim, and its 1-based line. */
  declaredIn: string;
  line?: number;
  /** Further manifests making the very same claim (5GTANGO: the NAPD and the ETSI .mf). */
  alsoDeclaredIn?: Array<{ declaredIn: string; line?: number }>;
}

/** The three package formats, normalised to what onboarding needs. */
export interface PackageManifest {
  format: PackageFormat | 'yaml';
  /** Descriptors to parse, in package order. */
  entryDescriptors: DescriptorRef[];
  files: ManifestFile[];
  /** vendor, name, version, maintainer, description where known, plus the raw manifest keys. */
  metadata: Record<string, string>;
  /** Manifest files themselves (never listed in themselves, so exempt from the "unlisted" warning). */
  manifestFiles: string[];
}

/** What a manifest reader returns: the manifest, and every soft problem it found while reading. */
export interface ManifestReadResult {
  manifest: PackageManifest;
  problems: PackageProblem[];
}

/** What readers know about the unpacked archive: its files and explicit directories. */
export interface PackageTree {
  root: string;
  files: ReadonlySet<string>;
  directories: ReadonlySet<string>;
}

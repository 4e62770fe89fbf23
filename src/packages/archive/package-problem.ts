/**
 * A soft finding about an opened package. Unlike PackageError it does not stop onboarding from looking
 * further, so the report (SOL005 `onboardingFailureDetails`) can list every problem at once. The shape
 * matches descriptors/model/finding.ts (code, severity, file, line, message) so both merge easily.
 */
export type PackageProblemCode =
  | 'package.checksum-mismatch' // declared hash differs from the bytes in the archive
  | 'package.missing-entry' // manifest (or TOSCA.meta) names a file the archive lacks
  | 'package.manifest-invalid' // manifest parses but breaks its schema (missing key, bad hash, ...)
  | 'package.manifest-unknown-key' // manifest key the schema does not define (warning: ignored)
  | 'package.checksum-missing' // SONATA entry without md5 (allowed by pd-schema, but unverified)
  | 'package.unlisted-entry' // archive file no manifest lists, so no checksum protects it
  | 'package.foreign-descriptor' // OSM/ONAP descriptor in a 5GTANGO mixed package: kept, not parsed
  | 'package.signature-not-verified'; // SOL004 CMS signature present; this NFVO does not check it

export interface PackageProblem {
  code: PackageProblemCode;
  severity: 'error' | 'warning';
  /** Entry path inside the package the problem is about. */
  file: string;
  message: string;
  /** The manifest that made the claim (e.g. `TOSCA-Metadata/NAPD.yaml`) and its 1-based line. */
  declaredIn?: string;
  line?: number;
  expected?: string;
  actual?: string;
}

export const problem = (p: Omit<PackageProblem, 'severity'> & { severity?: PackageProblem['severity'] }): PackageProblem => ({
  severity: 'error',
  ...p,
});

export const hasErrors = (problems: readonly PackageProblem[]): boolean => problems.some((p) => p.severity === 'error');

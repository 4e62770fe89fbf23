import { hashShapeError, parseHashAlgorithm } from './hash-algorithm';
import { isUri, normaliseManifestPath } from './manifest-path';
import type { MfManifest } from './mf-manifest.parser';
import type { ManifestFile } from './package-manifest';
import { problem, type PackageProblem } from './package-problem';

/**
 * The integrity claims of a parsed .mf. SOL004 cl. 4.3.2 requires Algorithm and Hash for every file in
 * the package; a Source that is a URI names an artifact outside it, which cannot be checked here.
 */
export function mfFiles(mf: MfManifest, file: string, problems: PackageProblem[]): ManifestFile[] {
  const invalid = (line: number, message: string) =>
    problems.push(problem({ code: 'package.manifest-invalid', file, line, message: `${file} line ${line}: ${message}` }));
  mf.issues.forEach((i) => invalid(i.line, `${i.message}.`));
  if (mf.signed) {
    problems.push(problem({ code: 'package.signature-not-verified', severity: 'warning', file, message: `${file} carries a signature; this NFVO verifies hashes only, not signatures.` }));
  }
  const files: ManifestFile[] = [];
  for (const { source, algorithm, hash } of mf.sources) {
    if (isUri(source.value)) {
      const message = `${file} line ${source.line}: "${source.value}" is outside the package and is not verified.`;
      problems.push(problem({ code: 'package.checksum-missing', severity: 'warning', file: source.value, declaredIn: file, line: source.line, message }));
      continue;
    }
    const path = normaliseManifestPath(source.value);
    if (path === undefined) {
      invalid(source.line, `Source "${source.value}" is not a path inside the package.`);
      continue;
    }
    if (!algorithm || !hash) {
      invalid(source.line, `Source "${source.value}" lacks ${!algorithm ? '"Algorithm:"' : '"Hash:"'} (SOL004 cl. 4.3.2 requires both).`);
      files.push({ path, declaredIn: file, line: source.line });
      continue;
    }
    const alg = parseHashAlgorithm(algorithm.value);
    const shape = alg && hashShapeError(alg, hash.value);
    if (!alg) invalid(algorithm.line, `Algorithm "${algorithm.value}" is not one of SHA-256, SHA-384, SHA-512.`);
    else if (shape) invalid(hash.line, `Hash of "${source.value}": ${shape}.`);
    const claim = alg && !shape ? { algorithm: alg, hash: hash.value } : {};
    files.push({ path, ...claim, declaredIn: file, line: source.line });
  }
  return files;
}

/** SOL004/SOL007 manifest metadata keys, mapped onto the names every format's metadata shares. */
export function commonMetadata(raw: Record<string, string>): Record<string, string> {
  const pick = (...keys: string[]) => keys.map((k) => raw[k]).find((v) => v !== undefined && v !== '') ?? '';
  return {
    vendor: pick('vnf_provider_id', 'nsd_designer', 'pnfd_provider', 'ns_provider_id'),
    name: pick('vnf_product_name', 'nsd_name', 'pnfd_name', 'ns_product_name'),
    version: pick('vnf_package_version', 'nsd_file_structure_version', 'pnfd_version', 'ns_package_version'),
    maintainer: pick('Created-By'),
  };
}

/** Merges claims several manifests make about one file with the same digest, so a mismatch is reported once. */
export function mergeClaims(lists: ManifestFile[][]): ManifestFile[] {
  const out: ManifestFile[] = [];
  for (const f of lists.flat()) {
    const same = out.find((o) => o.path === f.path && o.algorithm === f.algorithm && o.hash?.toLowerCase() === f.hash?.toLowerCase());
    if (same) (same.alsoDeclaredIn ??= []).push({ declaredIn: f.declaredIn, line: f.line });
    else out.push({ ...f });
  }
  return out;
}

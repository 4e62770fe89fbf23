import { hashShapeError, parseHashAlgorithm } from './hash-algorithm';
import type { ManifestFile } from './package-manifest';
import type { PackageProblem } from './package-problem';
import { type Invalid, readContentList } from './package-content-list';
import type { YamlManifest } from './yaml-manifest';
import { stringField } from './yaml-manifest.rules';

/** NAPD package_content (tng-schema napd-schema): each item needs source, algorithm, hash and content-type. */
export function readNapdContent(y: YamlManifest, file: string, problems: PackageProblem[]): ManifestFile[] {
  return readContentList(y, file, problems, { pathKey: 'source', schema: 'napd-schema', claimOf: napdClaim });
}

function napdClaim(item: Record<string, unknown>, source: string, _path: string, line: number | undefined, invalid: Invalid): Partial<ManifestFile> {
  const algName = stringField(item, 'algorithm');
  const hash = stringField(item, 'hash');
  const algorithm = algName === undefined ? undefined : parseHashAlgorithm(algName);
  const shape = algorithm && hash !== undefined ? hashShapeError(algorithm, hash) : undefined;
  if (algName === undefined || hash === undefined) invalid(line, `"${source}" lacks "${algName === undefined ? 'algorithm' : 'hash'}" (napd-schema requires it).`);
  else if (!algorithm) invalid(line, `algorithm "${algName}" of "${source}" is not one of SHA-256, SHA-384, SHA-512.`);
  else if (shape) invalid(line, `hash of "${source}": ${shape}.`);
  return algorithm && hash !== undefined && !shape ? { algorithm, hash } : {};
}

import { hashShapeError, parseHashAlgorithm } from './hash-algorithm';
import { normaliseManifestPath } from './manifest-path';
import type { ManifestFile } from './package-manifest';
import { problem, type PackageProblem } from './package-problem';
import type { YamlManifest } from './yaml-manifest';
import { isRecord, stringField } from './yaml-manifest.rules';

/** NAPD package_content (tng-schema napd-schema): each item needs source, algorithm, hash and content-type. */
export function readNapdContent(y: YamlManifest, file: string, problems: PackageProblem[]): ManifestFile[] {
  const invalid = (line: number | undefined, message: string) =>
    problems.push(problem({ code: 'package.manifest-invalid', file, line, message: `${file}${line ? ` line ${line}` : ''}: ${message}` }));
  const content = y.data.package_content;
  if (!Array.isArray(content)) {
    invalid(y.lineOfKey('package_content'), 'package_content is missing or not a list, so no file of the package can be verified.');
    return [];
  }
  const files: ManifestFile[] = [];
  for (const [i, item] of (content as unknown[]).entries()) {
    const line = y.lineOf(['package_content', i]);
    const source = isRecord(item) ? stringField(item, 'source') : undefined;
    if (!isRecord(item) || source === undefined) {
      invalid(line, `package_content item ${i + 1} has no "source".`);
      continue;
    }
    const path = normaliseManifestPath(source);
    if (path === undefined || files.some((f) => f.path === path)) {
      invalid(line, path === undefined ? `"${source}" is not a path inside the package.` : `"${source}" is listed twice.`);
      continue;
    }
    const contentType = stringField(item, 'content-type');
    if (contentType === undefined) invalid(line, `"${source}" has no "content-type" (napd-schema requires one).`);
    const algName = stringField(item, 'algorithm');
    const hash = stringField(item, 'hash');
    const algorithm = algName === undefined ? undefined : parseHashAlgorithm(algName);
    const shape = algorithm && hash !== undefined ? hashShapeError(algorithm, hash) : undefined;
    if (algName === undefined || hash === undefined) invalid(line, `"${source}" lacks "${algName === undefined ? 'algorithm' : 'hash'}" (napd-schema requires it).`);
    else if (!algorithm) invalid(line, `algorithm "${algName}" of "${source}" is not one of SHA-256, SHA-384, SHA-512.`);
    else if (shape) invalid(line, `hash of "${source}": ${shape}.`);
    const claim = algorithm && hash !== undefined && !shape ? { algorithm, hash } : {};
    files.push({ path, ...claim, ...(contentType ? { contentType } : {}), declaredIn: file, line });
  }
  return files;
}

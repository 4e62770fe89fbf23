import type { ManifestFile } from './package-manifest';
import { type PackageProblem, problem } from './package-problem';
import { normaliseManifestPath } from './manifest-path';
import type { YamlManifest } from './yaml-manifest';
import { isRecord, stringField } from './yaml-manifest.rules';

export type Invalid = (line: number | undefined, message: string) => void;

/**
 * The `package_content` list of a YAML manifest (SONATA pd-schema, 5GTANGO napd-schema): one item per
 * file, named by `pathKey`, with a content type and a checksum claim that `claimOf` reads per format.
 * Every broken item is reported (package.manifest-invalid) and skipped; the others are kept.
 */
export function readContentList(
  y: YamlManifest,
  file: string,
  problems: PackageProblem[],
  o: { pathKey: 'name' | 'source'; schema: string; claimOf: (item: Record<string, unknown>, name: string, path: string, line: number | undefined, invalid: Invalid) => Partial<ManifestFile> },
): ManifestFile[] {
  const invalid: Invalid = (line, message) => problems.push(problem({ code: 'package.manifest-invalid', file, line, message: `${file}${line ? ` line ${line}` : ''}: ${message}` }));
  const content = y.data.package_content;
  if (!Array.isArray(content)) {
    invalid(y.lineOfKey('package_content'), 'package_content is missing or not a list, so no file of the package can be verified.');
    return [];
  }
  const files: ManifestFile[] = [];
  for (const [i, item] of (content as unknown[]).entries()) {
    const line = y.lineOf(['package_content', i]);
    const name = isRecord(item) ? stringField(item, o.pathKey) : undefined;
    if (!isRecord(item) || name === undefined) {
      invalid(line, `package_content item ${i + 1} has no "${o.pathKey}".`);
      continue;
    }
    const path = normaliseManifestPath(name);
    if (path === undefined || files.some((f) => f.path === path)) {
      invalid(line, path === undefined ? `"${name}" is not a path inside the package.` : `"${name}" is listed twice.`);
      continue;
    }
    const contentType = stringField(item, 'content-type');
    if (contentType === undefined) invalid(line, `"${name}" has no "content-type" (${o.schema} requires one).`);
    const claim = o.claimOf(item, name, path, line, invalid);
    files.push({ path, ...claim, ...(contentType ? { contentType } : {}), declaredIn: file, line });
  }
  return files;
}

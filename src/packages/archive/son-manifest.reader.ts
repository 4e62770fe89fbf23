import { descriptorKindOf } from './descriptor-content-types';
import { hashShapeError } from './hash-algorithm';
import type { DescriptorRef, ManifestFile, ManifestReadResult, PackageTree } from './package-manifest';
import { problem, type PackageProblem } from './package-problem';
import { readPackageText } from './read-manifest-text';
import type { UnpackLimits } from './unpack-limits';
import { loadYamlManifest, type YamlManifest } from './yaml-manifest';
import { checkTopLevelKeys, scalarMetadata, stringField } from './yaml-manifest.rules';
import { readContentList } from './package-content-list';
import { normaliseManifestPath } from './manifest-path';

export const SON_MANIFEST = 'META-INF/MANIFEST.MF';

/** son-schema pd-schema.yml properties, plus the older son-gkeeper manifest keys (group, package_*). */
const ALLOWED = new Set([
  'schema', 'descriptor_version', 'vendor', 'name', 'version', 'maintainer', 'description', 'md5', 'signature',
  'entry_service_template', 'sealed', 'package_content', 'package_resolvers', 'package_dependencies', 'artifact_dependencies',
  '$schema', 'group', 'package_maintainer', 'package_description', 'package_md5', 'package_signature',
]);

/**
 * SONATA .son: META-INF/MANIFEST.MF is a YAML package descriptor (son-schema pd-schema) whose
 * package_content lists every file with `name`, `content-type` and an optional `md5`. The
 * entry_service_template names the NSD. `sealed` is recorded but does not excuse absent files: the
 * NFVO has no catalogue to fetch them from.
 */
export async function readSonManifest(tree: PackageTree, limits: UnpackLimits): Promise<ManifestReadResult> {
  const y = loadYamlManifest(await readPackageText(tree.root, SON_MANIFEST, limits.maxManifestBytes), SON_MANIFEST, limits.maxYamlAliases);
  const problems = checkTopLevelKeys(y, SON_MANIFEST, ['descriptor_version', 'vendor', 'name', 'version'], ALLOWED);
  const files = contentOf(y, problems);
  const declaredEntry = stringField(y.data, 'entry_service_template');
  const entry = declaredEntry === undefined ? undefined : normaliseManifestPath(declaredEntry);
  if (declaredEntry !== undefined && !files.some((f) => f.path === entry)) {
    const message = `${SON_MANIFEST}: entry_service_template "${declaredEntry}" is not listed in package_content.`;
    problems.push(problem({ code: 'package.manifest-invalid', file: SON_MANIFEST, line: y.lineOfKey('entry_service_template'), message }));
  }
  const entryDescriptors: DescriptorRef[] = [];
  for (const f of files) {
    const kind = descriptorKindOf(f.contentType);
    if (kind) entryDescriptors.push({ path: f.path, contentType: f.contentType!, kind, entry: f.path === entry });
  }
  const raw = scalarMetadata(y.data);
  const metadata = { ...raw, vendor: raw.vendor ?? raw.group ?? '', maintainer: raw.maintainer ?? raw.package_maintainer ?? '' };
  return { manifest: { format: 'son', entryDescriptors, files, metadata, manifestFiles: [SON_MANIFEST] }, problems };
}

function contentOf(y: YamlManifest, problems: PackageProblem[]): ManifestFile[] {
  return readContentList(y, SON_MANIFEST, problems, { pathKey: 'name', schema: 'pd-schema', claimOf: (item, name, path, line, invalid) => md5Claim(item, name, path, line, invalid, problems) });
}

/** pd-schema makes md5 optional: without one the file is only checked for presence, with a warning. */
function md5Claim(
  item: Record<string, unknown>,
  name: string,
  path: string,
  line: number | undefined,
  invalid: (line: number | undefined, message: string) => void,
  problems: PackageProblem[],
) {
  const md5 = stringField(item, 'md5');
  if (md5 === undefined) {
    const message = `${SON_MANIFEST} line ${line}: "${name}" has no md5, so its content is not verified.`;
    problems.push(problem({ code: 'package.checksum-missing', severity: 'warning', file: path, declaredIn: SON_MANIFEST, line, message }));
    return {};
  }
  const shape = hashShapeError('md5', md5);
  if (shape) invalid(line, `md5 of "${name}": ${shape}.`);
  return shape ? {} : { algorithm: 'md5' as const, hash: md5 };
}

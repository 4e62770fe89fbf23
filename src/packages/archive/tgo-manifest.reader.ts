import { descriptorKindOf, isForeignDescriptor } from './descriptor-content-types';
import { commonMetadata, mergeClaims, mfFiles } from './mf-manifest.files';
import { parseMfManifest } from './mf-manifest.parser';
import type { DescriptorRef, ManifestFile, ManifestReadResult, PackageTree } from './package-manifest';
import { PackageError } from './package-error';
import { problem, type PackageProblem } from './package-problem';
import { readPackageText } from './read-manifest-text';
import { metaMetadata, metaPath, missingReference, napdNameOf, readToscaMeta, TOSCA_META } from './tosca-meta.reader';
import type { ToscaMeta } from './tosca-meta.parser';
import { readNapdContent } from './napd-content.reader';
import type { UnpackLimits } from './unpack-limits';
import { loadYamlManifest } from './yaml-manifest';
import { checkTopLevelKeys, scalarMetadata } from './yaml-manifest.rules';

export const NAPD_DEFAULT = 'TOSCA-Metadata/NAPD.yaml';

/** tng-schema napd-schema.yml properties. */
const NAPD_KEYS = new Set(['descriptor_schema', 'vendor', 'name', 'version', 'package_type', 'release_date_time', 'maintainer', 'description', 'logo', 'package_content']);

/**
 * 5GTANGO .tgo (tng-schema package specification): a SOL004-shaped CSAR whose TOSCA.meta announces
 * TOSCA-Metadata/NAPD.yaml, the package descriptor listing every file with algorithm, hash and content
 * type, next to an ETSI manifest (`Entry-Manifest`) listing the same files. BOTH are verified: the
 * 5GTANGO "bad-checksum" example is wrong in the NAPD only. `Entry-Definitions` is not used by 5GTANGO
 * (tng-sdk-package writes "TODO"), so the descriptors come from the NAPD's content types.
 */
export async function readTgoManifest(tree: PackageTree, limits: UnpackLimits): Promise<ManifestReadResult> {
  const problems: PackageProblem[] = [];
  const meta = tree.files.has(TOSCA_META) ? await readToscaMeta(tree, limits.maxManifestBytes) : undefined;
  const napdPath = (meta && napdNameOf(meta)) ?? NAPD_DEFAULT;
  if (!tree.files.has(napdPath)) throw new PackageError('package.manifest-missing', `${TOSCA_META} announces the 5GTANGO package descriptor "${napdPath}", but the package lacks it.`, napdPath);
  const y = loadYamlManifest(await readPackageText(tree.root, napdPath, limits.maxManifestBytes), napdPath, limits.maxYamlAliases);
  problems.push(...checkTopLevelKeys(y, napdPath, ['descriptor_schema', 'vendor', 'name', 'version'], NAPD_KEYS));
  const napdFiles = readNapdContent(y, napdPath, problems);
  const mf = await readEtsiManifest(tree, meta, limits, problems);
  const entryDescriptors: DescriptorRef[] = [];
  for (const f of napdFiles) {
    const kind = descriptorKindOf(f.contentType);
    if (kind) entryDescriptors.push({ path: f.path, contentType: f.contentType!, kind, entry: false });
    else if (isForeignDescriptor(f.contentType)) problems.push(foreign(f, napdPath));
  }
  // The NAPD has the last word on vendor/name/version; the .mf's ns_* keys fill in what it lacks.
  const etsi = { ...metaMetadata(meta), ...Object.fromEntries((mf?.metadata ?? []).map((kv) => [kv.key, kv.value])) };
  const manifest = {
    format: 'tgo' as const,
    entryDescriptors,
    files: mergeClaims([napdFiles, mf?.files ?? []]),
    metadata: { ...etsi, ...pickDefined(commonMetadata(etsi)), ...scalarMetadata(y.data) },
    manifestFiles: [TOSCA_META, napdPath, ...(mf ? [mf.path] : [])],
  };
  return { manifest, problems };
}

async function readEtsiManifest(tree: PackageTree, meta: ToscaMeta | undefined, limits: UnpackLimits, problems: PackageProblem[]) {
  const ref = meta && metaPath(meta, 'Entry-Manifest', problems);
  if (!ref) return undefined;
  if (!tree.files.has(ref.path)) {
    problems.push(missingReference('the ETSI manifest', ref));
    return undefined;
  }
  const parsed = parseMfManifest(await readPackageText(tree.root, ref.path, limits.maxManifestBytes), ref.path);
  return { path: ref.path, metadata: parsed.metadata, files: mfFiles(parsed, ref.path, problems) };
}

const foreign = (f: ManifestFile, napd: string): PackageProblem =>
  problem({ code: 'package.foreign-descriptor', severity: 'warning', file: f.path, declaredIn: napd, line: f.line, message: `"${f.path}" is a descriptor of another MANO stack (${f.contentType}); it is kept as an artifact, not parsed.` });

const pickDefined = (o: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ''));

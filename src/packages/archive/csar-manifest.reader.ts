import path from 'node:path';
import { isYamlPath } from './descriptor-content-types';
import { commonMetadata, mfFiles } from './mf-manifest.files';
import { parseMfManifest } from './mf-manifest.parser';
import type { DescriptorRef, ManifestReadResult, PackageTree } from './package-manifest';
import { PackageError } from './package-error';
import { problem, type PackageProblem } from './package-problem';
import { readPackageText } from './read-manifest-text';
import { metaMetadata, metaPath, missingReference, readToscaMeta, TOSCA_META } from './tosca-meta.reader';
import type { ToscaMeta } from './tosca-meta.parser';
import type { UnpackLimits } from './unpack-limits';

/** SOL004 cl. 4.1.2: block-0 keys every TOSCA.meta must have (TOSCA-Meta-Version is the TOSCA 1.0 spelling). */
const REQUIRED = [['TOSCA-Meta-File-Version', 'TOSCA-Meta-Version'], ['CSAR-Version'], ['Created-By'], ['Entry-Definitions']];
/** Optional references SOL004 V2.6.1+ adds; when given they must exist (ETSI-Entry-Licenses may be a directory). */
const OPTIONAL_REFS = ['Entry-Change-Log', 'Entry-Licenses', 'Entry-Certificate'];

/**
 * ETSI SOL004 CSAR (and SOL007 NSD archives, same structure). With TOSCA-Metadata (cl. 4.1.2), TOSCA.meta names the
 * Entry-Definitions and the manifest (ETSI-Entry-Manifest). Without it (cl. 4.1's second option), one YAML at the
 * root is the entry definitions and the manifest is the root .mf with the same base name.
 */
export async function readCsarManifest(tree: PackageTree, limits: UnpackLimits): Promise<ManifestReadResult> {
  const problems: PackageProblem[] = [];
  const meta = tree.files.has(TOSCA_META) ? await readToscaMeta(tree, limits.maxManifestBytes) : undefined;
  const entry = meta ? entryFromMeta(meta, problems) : rootEntry(tree);
  const mfPath = (meta && metaPath(meta, 'Entry-Manifest', problems)?.path) ?? sameNamedMf(entry?.path);
  if (!mfPath || !tree.files.has(mfPath)) {
    const named = mfPath ? `"${mfPath}"` : `an ETSI-Entry-Manifest in ${TOSCA_META} or a root .mf named like the entry definitions`;
    throw new PackageError('package.manifest-missing', `SOL004 cl. 4.3.2 requires a manifest file; looked for ${named}.`, mfPath ?? TOSCA_META);
  }
  const mf = parseMfManifest(await readPackageText(tree.root, mfPath, limits.maxManifestBytes), mfPath);
  const files = mfFiles(mf, mfPath, problems);
  if (entry && !tree.files.has(entry.path)) problems.push(missingReference('the entry definitions', entry));
  for (const key of OPTIONAL_REFS) {
    const ref = meta && metaPath(meta, key, problems);
    if (ref && !tree.files.has(ref.path) && !tree.directories.has(ref.path)) problems.push(missingReference(key, ref));
  }
  const raw = { ...metaMetadata(meta), ...Object.fromEntries(mf.metadata.map((kv) => [kv.key, kv.value])) };
  const manifest = {
    format: 'csar' as const,
    entryDescriptors: entry && tree.files.has(entry.path) ? descriptorsOf(tree, entry.path, !meta) : [],
    files,
    metadata: { ...raw, ...commonMetadata(raw) },
    manifestFiles: [...(meta ? [TOSCA_META] : []), mfPath],
  };
  return { manifest, problems };
}

function entryFromMeta(meta: ToscaMeta, problems: PackageProblem[]): { path: string; line: number } | undefined {
  for (const names of REQUIRED) {
    if (names.some((n) => meta.get(n)?.value)) continue;
    problems.push(problem({ code: 'package.manifest-invalid', file: TOSCA_META, message: `${TOSCA_META}: required key "${names[0]}" is missing (SOL004 cl. 4.1.2).` }));
  }
  const kv = meta.get('Entry-Definitions');
  return kv?.value ? metaPath(meta, 'Entry-Definitions', problems) : undefined;
}

/** Option 2: the root YAML that has a same-named root .mf. */
function rootEntry(tree: PackageTree): { path: string; line: number } | undefined {
  const yaml = [...tree.files].find((f) => !f.includes('/') && isYamlPath(f) && tree.files.has(sameNamedMf(f) ?? ''));
  return yaml ? { path: yaml, line: 0 } : undefined;
}

const sameNamedMf = (entry: string | undefined): string | undefined =>
  entry === undefined ? undefined : `${path.posix.basename(entry).replace(/\.ya?ml$/i, '')}.mf`;

/** Entry definitions first, then the other YAML files beside it (its imports and further descriptors). */
function descriptorsOf(tree: PackageTree, entry: string, rootLayout: boolean): DescriptorRef[] {
  const dir = path.posix.dirname(entry);
  const beside = [...tree.files].filter((f) => f !== entry && isYamlPath(f) && (rootLayout || dir === '.' ? !f.includes('/') : f.startsWith(`${dir}/`)));
  return [entry, ...beside].map((p) => ({ path: p, contentType: 'application/yaml', kind: 'unknown', entry: p === entry }));
}
